package slack

import (
	"context"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/samla-sip/samla/directory"
	"github.com/samla-sip/samla/examples"
	"github.com/samla-sip/samla/internal/chat"
	"github.com/samla-sip/samla/internal/sip"
	"github.com/samla-sip/samla/internal/store"
	"github.com/samla-sip/samla/internal/store/bboltstore"
)

// storeWriter stands in for the core: every command writes one record to
// the real store (bbolt on disk, fsync per commit), like a new case does.
type storeWriter struct {
	st store.Store
	n  int
}

func (h *storeWriter) Command(ctx context.Context, who chat.Actor, text string) chat.Reply {
	h.n++
	key := strconv.Itoa(h.n)
	err := h.st.Commit(ctx, store.Tx{Puts: []store.Put{{Bucket: "case", Key: key, Value: []byte(`{"cmd":"` + text + `"}`)}}})
	if err != nil {
		return chat.Reply{Text: "fel: " + err.Error()}
	}
	return chat.Reply{Text: "Ärendet SIP-" + key + " är skapat."}
}

func (h *storeWriter) Act(ctx context.Context, who chat.Actor, act chat.Action) chat.Reply {
	return chat.Reply{}
}

func (h *storeWriter) NewCase(ctx context.Context, who chat.Actor, in sip.NewCase) (sip.Result, error) {
	r := h.Command(ctx, who, "ny kommun="+in.Kommun)
	return sip.Result{Reply: r}, nil
}

// BenchmarkCommandEndpoint measures POST /slack/commands end to end in
// process: body limit, signature check, form parse, user linking, the core
// (with its store write), rendering and the ephemeral ack. It reports the
// p50 and p99 latency of single requests. "store-write" uses a stand-in
// core doing one bbolt commit; "sip-core" the real core creating a case
// (`ny …`) on bbolt with the sample directory.
func BenchmarkCommandEndpoint(b *testing.B) {
	text := "ny kommun=Lund ålder=14 parter=bup,skola,socialtjanst-barn"
	b.Run("store-write", func(b *testing.B) {
		st := openBenchStore(b)
		benchCommands(b, &storeWriter{st: st}, st, nil, "T1", "U1", text)
	})
	b.Run("sip-core", func(b *testing.B) {
		st := openBenchStore(b)
		dir, err := directory.LoadFS(examples.Directory(), ".")
		if err != nil {
			b.Fatal(err)
		}
		holder := directory.NewHolder(dir)
		core := sip.New(sip.Deps{Store: st, Directory: holder, Rand: rand.NewChaCha8([32]byte{7}), Lang: "sv", Now: time.Now,
			Log: slog.New(slog.DiscardHandler)})
		benchCommands(b, core, st, holder, "T0SKANE01", "U0MARIAPERSSON", text)
	})
}

func openBenchStore(b *testing.B) store.Store {
	st, err := bboltstore.Open(filepath.Join(b.TempDir(), "samla.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = st.Close() })
	return st
}

// benchCommands sends signed /sip commands and reports latency percentiles.
func benchCommands(b *testing.B, core Core, st store.Store, dir DirectorySource, team, user, text string) {
	bot, err := New(Options{
		SigningSecret: testSecret,
		BotTokens:     map[string]string{team: "xoxb-1"},
		APIURL:        "http://127.0.0.1:1/api/", // never called: the user is linked or cached
		Handler:       core,
		Store:         st,
		Directory:     dir,
		Log:           slog.New(slog.DiscardHandler),
	})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = bot.Close(context.Background()) })
	bot.links.put(team+"/"+user, profile{})
	mux := http.NewServeMux()
	bot.Mount(mux)
	body := []byte(url.Values{
		"team_id": {team}, "user_id": {user}, "channel_id": {"C1"}, "command": {"/sip"},
		"text": {text}, "response_url": {"https://hooks.slack.com/commands/T1/1/x"}, "trigger_id": {"1.2.3"},
	}.Encode())
	lat := make([]time.Duration, 0, b.N)
	for b.Loop() {
		r := signedRequest("/slack/commands", body, time.Now(), testSecret)
		w := httptest.NewRecorder()
		start := time.Now()
		mux.ServeHTTP(w, r)
		lat = append(lat, time.Since(start))
		if w.Code != http.StatusOK || !strings.Contains(w.Body.String(), "SIP-") {
			b.Fatalf("status %d: %s", w.Code, w.Body)
		}
	}
	p50, p99 := percentile(lat, 50), percentile(lat, 99)
	b.ReportMetric(float64(p50.Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(p99.Microseconds())/1000, "p99-ms")
	if testing.Verbose() {
		b.Logf("n=%d p50=%s p99=%s max=%s", len(lat), p50, p99, slices.Max(lat))
	}
}

// percentile returns the p-th percentile (nearest rank) of ds.
func percentile(ds []time.Duration, p int) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	i := (len(s)*p + 99) / 100
	return s[max(i-1, 0)]
}

func TestPercentile(t *testing.T) {
	var ds []time.Duration
	for i := 1; i <= 100; i++ {
		ds = append(ds, time.Duration(i))
	}
	for _, c := range []struct{ p, want int }{{50, 50}, {99, 99}, {100, 100}, {1, 1}} {
		if got := percentile(ds, c.p); got != time.Duration(c.want) {
			t.Errorf("p%d = %d, want %d", c.p, got, c.want)
		}
	}
	if got := percentile(nil, 50); got != 0 {
		t.Errorf("empty: %d", got)
	}
}
