package slack

import (
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/samla-sip/samla/internal/chat"
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

// BenchmarkCommandEndpoint measures POST /slack/commands end to end in
// process: body limit, signature check, form parse, user linking, one
// store write, rendering and the ephemeral ack. It reports the p50 and p99
// latency of single requests.
func BenchmarkCommandEndpoint(b *testing.B) {
	st, err := bboltstore.Open(filepath.Join(b.TempDir(), "samla.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	bot, err := New(Options{
		SigningSecret: testSecret,
		BotTokens:     map[string]string{"T1": "xoxb-1"},
		APIURL:        "http://127.0.0.1:1/api/", // never called: the user's e-mail is cached below
		Handler:       &storeWriter{st: st},
		Dedup:         st,
		Log:           slog.New(slog.DiscardHandler),
	})
	if err != nil {
		b.Fatal(err)
	}
	defer bot.Close(context.Background())
	bot.links.put("T1/U1", "")
	mux := http.NewServeMux()
	bot.Mount(mux)
	body := []byte(url.Values{
		"team_id": {"T1"}, "user_id": {"U1"}, "channel_id": {"C1"}, "command": {"/sip"},
		"text": {"ny kommun=Lund ålder=14 parter=bup,skola,socialtjanst-barn"}, "response_url": {"https://hooks.slack.com/commands/T1/1/x"},
		"trigger_id": {"1.2.3"},
	}.Encode())
	lat := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for b.Loop() {
		r := signedRequest("/slack/commands", body, time.Now(), testSecret)
		w := httptest.NewRecorder()
		start := time.Now()
		mux.ServeHTTP(w, r)
		lat = append(lat, time.Since(start))
		if w.Code != http.StatusOK {
			b.Fatalf("status %d", w.Code)
		}
	}
	b.StopTimer()
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
