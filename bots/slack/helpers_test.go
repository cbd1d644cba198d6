package slack

import (
	"bytes"
	"context"
	"encoding/hex"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/samla-sip/samla/internal/chat"
	"github.com/samla-sip/samla/internal/sip"
	"github.com/samla-sip/samla/internal/store"
	"github.com/samla-sip/samla/internal/store/bboltstore"
)

const testSecret = "8f742231b10e8888abcd99yyyzzz85a5"

// testNow is the fixed clock of the tests.
var testNow = time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)

// handlerCall is one call the fake core received.
type handlerCall struct {
	Who  chat.Actor
	Text string      // Command
	Act  chat.Action // Act
}

// fakeHandler is a Core recording its calls.
type fakeHandler struct {
	mu       sync.Mutex
	commands []handlerCall
	acts     []handlerCall
	newCases []sip.NewCase
	command  func(text string) chat.Reply
	act      func(chat.Action) chat.Reply
	// newCase answers NewCase; nil creates SIP-7K3QF2.
	newCase func(sip.NewCase) (sip.Result, error)
	delay   time.Duration
	release chan struct{} // when set, Command waits for it to close
}

func (h *fakeHandler) Command(ctx context.Context, who chat.Actor, text string) chat.Reply {
	h.mu.Lock()
	h.commands = append(h.commands, handlerCall{Who: who, Text: text})
	fn, delay, release := h.command, h.delay, h.release
	h.mu.Unlock()
	if delay > 0 {
		time.Sleep(delay)
	}
	if release != nil {
		<-release
	}
	if fn != nil {
		return fn(text)
	}
	return chat.Reply{Text: "ok: " + text}
}

func (h *fakeHandler) Act(ctx context.Context, who chat.Actor, act chat.Action) chat.Reply {
	h.mu.Lock()
	h.acts = append(h.acts, handlerCall{Who: who, Act: act})
	fn := h.act
	h.mu.Unlock()
	if fn != nil {
		return fn(act)
	}
	return chat.Reply{Text: "tack: " + act.Name}
}

func (h *fakeHandler) NewCase(ctx context.Context, who chat.Actor, in sip.NewCase) (sip.Result, error) {
	h.mu.Lock()
	h.newCases = append(h.newCases, in)
	fn, delay, release := h.newCase, h.delay, h.release
	h.mu.Unlock()
	if delay > 0 {
		time.Sleep(delay)
	}
	if release != nil {
		<-release
	}
	if fn != nil {
		return fn(in)
	}
	return sip.Result{Ref: "SIP-7K3QF2", Reply: chat.Reply{Text: "Ärendet SIP-7K3QF2 är skapat.\nMötet är satt."}}, nil
}

func (h *fakeHandler) newCaseCalls() []sip.NewCase {
	h.mu.Lock()
	defer h.mu.Unlock()
	return append([]sip.NewCase(nil), h.newCases...)
}

func (h *fakeHandler) calls() (commands, acts []handlerCall) {
	h.mu.Lock()
	defer h.mu.Unlock()
	return append([]handlerCall(nil), h.commands...), append([]handlerCall(nil), h.acts...)
}

// fakeDedup is an in-memory Once over a real bbolt store for the inbox;
// err makes Once and Commit fail, as a store that is down (with onceOK,
// only Commit: a store lost between the replay check and the write).
type fakeDedup struct {
	store.Store
	mu     sync.Mutex
	seen   map[string]bool
	err    error
	onceOK bool
}

func (d *fakeDedup) Commit(ctx context.Context, tx store.Tx) error {
	d.mu.Lock()
	err := d.err
	d.mu.Unlock()
	if err != nil {
		return err
	}
	return d.Store.Commit(ctx, tx)
}

func (d *fakeDedup) Once(ctx context.Context, key string, ttl time.Duration) (bool, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.err != nil && !d.onceOK {
		return false, d.err
	}
	if d.seen == nil {
		d.seen = map[string]bool{}
	}
	if d.seen[key] {
		return false, nil
	}
	d.seen[key] = true
	return true, nil
}

func (d *fakeDedup) keys() int {
	d.mu.Lock()
	defer d.mu.Unlock()
	return len(d.seen)
}

// testBot is a Bot on the fake Web API with a fake core.
type testBot struct {
	*Bot
	api     *fakeAPI
	handler *fakeHandler
	dedup   *fakeDedup
	mux     *http.ServeMux
	sent    atomic.Int64 // deliveries signed so far
}

func newTestBot(t testing.TB, tweak ...func(*Options)) *testBot {
	t.Helper()
	api := newFakeAPI(t)
	h := &fakeHandler{}
	st, err := bboltstore.Open(filepath.Join(t.TempDir(), "samla.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = st.Close() })
	d := &fakeDedup{Store: st}
	opts := Options{
		SigningSecret: testSecret,
		BotTokens:     map[string]string{"T1": "xoxb-team-1", "T2": "xoxb-team-2"},
		APIURL:        api.url(),
		Handler:       h,
		Store:         d,
		Now:           func() time.Time { return testNow },
		Log:           slog.New(slog.DiscardHandler),
	}
	for _, fn := range tweak {
		fn(&opts)
	}
	b, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if err := b.Close(ctx); err != nil {
			t.Error(err)
		}
	})
	mux := http.NewServeMux()
	b.Mount(mux)
	return &testBot{Bot: b, api: api, handler: h, dedup: d, mux: mux}
}

// signedRequest builds a request signed like Slack does at time ts.
func signedRequest(path string, body []byte, ts time.Time, secret string) *http.Request {
	r := httptest.NewRequest(http.MethodPost, path, bytes.NewReader(body))
	stamp := strconv.FormatInt(ts.Unix(), 10)
	r.Header.Set("X-Slack-Request-Timestamp", stamp)
	r.Header.Set("X-Slack-Signature", "v0="+hex.EncodeToString(sign([]byte(secret), stamp, body)))
	if path == "/slack/events" {
		r.Header.Set("Content-Type", "application/json")
	} else {
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	return r
}

// signed signs a delivery as Slack does: each at its own timestamp (a
// second earlier than the last, within the 5 minute window), so the same
// body delivered twice is a retry with a new signature, not a replay.
func (tb *testBot) signed(path string, body []byte) *http.Request {
	n := tb.sent.Add(1)
	return signedRequest(path, body, testNow.Add(-time.Duration(n)*time.Second), testSecret)
}

// do serves a request and returns the recorder.
func (tb *testBot) do(r *http.Request) *httptest.ResponseRecorder {
	w := httptest.NewRecorder()
	tb.mux.ServeHTTP(w, r)
	return w
}

// command posts a signed /sip command.
func (tb *testBot) command(text, responseURL string) *httptest.ResponseRecorder {
	form := url.Values{
		"team_id": {"T1"}, "user_id": {"U1"}, "channel_id": {"C1"}, "command": {"/sip"},
		"text": {text}, "response_url": {responseURL}, "trigger_id": {"trig-1"},
	}
	return tb.do(tb.signed("/slack/commands", []byte(form.Encode())))
}

// interact posts a signed interaction payload.
func (tb *testBot) interact(payload string) *httptest.ResponseRecorder {
	form := url.Values{"payload": {payload}}
	return tb.do(tb.signed("/slack/interactions", []byte(form.Encode())))
}

// waitFor polls cond until it holds or 5 s pass.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// ioNop wraps bytes as a request body.
func ioNop(b []byte) io.ReadCloser { return io.NopCloser(bytes.NewReader(b)) }

func contextWithTimeout(d time.Duration) (context.Context, context.CancelFunc) {
	return context.WithTimeout(context.Background(), d)
}
