package slack

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"
)

// apiCall is one request the fake Web API received.
type apiCall struct {
	Method string
	Token  string
	Form   url.Values     // form-encoded calls
	JSON   map[string]any // JSON calls (views.open)
}

// failure makes the fake answer a method with an error.
type failure struct {
	status     int    // HTTP status (e.g. 429, 503); 0 = 200 with ok:false
	retryAfter string // Retry-After header for 429
	code       string // Slack error code for ok:false
	hang       bool   // never answer (until the client gives up)
}

// fakeAPI stands in for https://slack.com/api/ (SAMLA_SLACK_API_URL).
type fakeAPI struct {
	srv *httptest.Server

	mu      sync.Mutex
	calls   []apiCall
	fail    map[string][]failure     // method → failures to answer next, in order
	emails  map[string]string        // user id → e-mail for users.info
	locales map[string]string        // user id → locale for users.info with include_locale
	members map[string][]string      // channel id → members for conversations.members
	delays  map[string]time.Duration // method → how long each answer takes
	nextTS  int
}

func newFakeAPI(t testing.TB) *fakeAPI {
	t.Helper()
	f := &fakeAPI{fail: map[string][]failure{}, emails: map[string]string{}, locales: map[string]string{}, members: map[string][]string{}, delays: map[string]time.Duration{}}
	f.srv = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.srv.Close)
	return f
}

func (f *fakeAPI) url() string { return f.srv.URL + "/api/" }

// failNext queues failures for a method.
func (f *fakeAPI) failNext(method string, fs ...failure) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.fail[method] = append(f.fail[method], fs...)
}

// count is how many calls the fake received in all.
func (f *fakeAPI) count() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.calls)
}

// callsTo returns the calls made to a method.
func (f *fakeAPI) callsTo(method string) []apiCall {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []apiCall
	for _, c := range f.calls {
		if c.Method == method {
			out = append(out, c)
		}
	}
	return out
}

func (f *fakeAPI) serve(w http.ResponseWriter, r *http.Request) {
	method := strings.TrimPrefix(r.URL.Path, "/api/")
	raw, _ := io.ReadAll(r.Body)
	call := apiCall{Method: method, Token: strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")}
	if strings.HasPrefix(r.Header.Get("Content-Type"), "application/json") {
		_ = json.Unmarshal(raw, &call.JSON)
	} else {
		call.Form, _ = url.ParseQuery(string(raw))
		if call.Token == "" {
			call.Token = call.Form.Get("token")
		}
	}
	f.mu.Lock()
	f.calls = append(f.calls, call)
	var fl *failure
	if q := f.fail[method]; len(q) > 0 {
		fl = &q[0]
		f.fail[method] = q[1:]
	}
	delay := f.delays[method]
	f.nextTS++
	ts := fmt.Sprintf("1764000000.%06d", f.nextTS)
	email := f.emails[call.Form.Get("user")]
	members := f.members[call.Form.Get("channel")]
	locale := ""
	if call.Form.Get("include_locale") == "true" {
		locale = f.locales[call.Form.Get("user")]
	}
	f.mu.Unlock()

	select {
	case <-time.After(delay):
	case <-r.Context().Done():
		return
	}
	w.Header().Set("Content-Type", "application/json")
	if fl != nil && fl.hang {
		<-r.Context().Done()
		return
	}
	if fl != nil {
		if fl.status != 0 {
			if fl.retryAfter != "" {
				w.Header().Set("Retry-After", fl.retryAfter)
			}
			w.WriteHeader(fl.status)
			_, _ = io.WriteString(w, "<html>error</html>")
			return
		}
		_ = json.NewEncoder(w).Encode(map[string]any{"ok": false, "error": fl.code})
		return
	}
	var resp map[string]any
	switch method {
	case "conversations.open":
		resp = map[string]any{"ok": true, "channel": map[string]any{"id": "D" + call.Form.Get("users")}}
	case "chat.postMessage":
		resp = map[string]any{"ok": true, "channel": call.Form.Get("channel"), "ts": ts}
	case "chat.update":
		resp = map[string]any{"ok": true, "channel": call.Form.Get("channel"), "ts": call.Form.Get("ts")}
	case "chat.postEphemeral":
		resp = map[string]any{"ok": true, "message_ts": ts}
	case "views.open":
		resp = map[string]any{"ok": true, "view": map[string]any{"id": "V1"}}
	case "conversations.members":
		resp = map[string]any{"ok": true, "members": members, "response_metadata": map[string]any{"next_cursor": ""}}
	case "users.info":
		resp = map[string]any{"ok": true, "user": map[string]any{"id": call.Form.Get("user"), "locale": locale, "profile": map[string]any{"email": email}}}
	default:
		resp = map[string]any{"ok": false, "error": "unknown_method"}
	}
	_ = json.NewEncoder(w).Encode(resp)
}

// responseSink records posts to response_url.
type responseSink struct {
	srv *httptest.Server

	mu    sync.Mutex
	posts []map[string]any
	got   chan struct{}
}

func newResponseSink(t *testing.T) *responseSink {
	t.Helper()
	s := &responseSink{got: make(chan struct{}, 100)}
	s.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var body map[string]any
		_ = json.NewDecoder(r.Body).Decode(&body)
		s.mu.Lock()
		s.posts = append(s.posts, body)
		s.mu.Unlock()
		s.got <- struct{}{}
	}))
	t.Cleanup(s.srv.Close)
	return s
}

func (s *responseSink) url() string { return s.srv.URL + "/response" }

func (s *responseSink) all() []map[string]any {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]map[string]any(nil), s.posts...)
}
