package email_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/samla-sip/samla/bots/email"
	"github.com/samla-sip/samla/internal/chat"
	"github.com/samla-sip/samla/internal/testutil"
)

// recorder is a chat.Handler that records button presses.
type recorder struct {
	mu   sync.Mutex
	acts []recorded
}

type recorded struct {
	Who chat.Actor
	Act chat.Action
}

func (r *recorder) Command(context.Context, chat.Actor, string) chat.Reply { return chat.Reply{} }

func (r *recorder) Act(_ context.Context, who chat.Actor, act chat.Action) chat.Reply {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.acts = append(r.acts, recorded{who, act})
	return chat.Reply{Text: "Tack! Ditt svar *Jag kommer* är registrerat. <script>"}
}

func (r *recorder) calls() []recorded {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]recorded(nil), r.acts...)
}

type linkRig struct {
	links *email.Links
	clock *testutil.Clock
	h     *recorder
	srv   *httptest.Server
}

func newLinkRig(t *testing.T) *linkRig {
	t.Helper()
	clock := testutil.NewClock(time.Now())
	rig := &linkRig{clock: clock, h: &recorder{}}
	rig.links = newLinks(t, clock.Now)
	rig.srv = httptest.NewServer(rig.links.Handler(rig.h, tempStore(t), "sv", slog.New(slog.DiscardHandler)))
	t.Cleanup(rig.srv.Close)
	return rig
}

// local points a link at the test server.
func (r *linkRig) local(t *testing.T, link string) string {
	t.Helper()
	u, err := url.Parse(link)
	if err != nil {
		t.Fatal(err)
	}
	return r.srv.URL + u.RequestURI()
}

func (r *linkRig) link(t *testing.T, b chat.Button) string {
	t.Helper()
	u, ok := r.links.URL(afAddr, b, "Kallelse till SIP SIP-ZDQYV3")
	if !ok {
		t.Fatalf("no link for %+v", b)
	}
	return r.local(t, u)
}

func call(t *testing.T, method, u string, form url.Values) (int, string, http.Header) {
	t.Helper()
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	req, err := http.NewRequest(method, u, body)
	if err != nil {
		t.Fatal(err)
	}
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b), resp.Header
}

var attend = chat.Button{Action: "rsvp.attend", Label: "Jag kommer", Value: "SIP-ZDQYV3|i1"}

func TestLinkGetChangesNothingPostRecordsOnce(t *testing.T) {
	r := newLinkRig(t)
	u := r.link(t, attend)

	for range 3 { // a mail scanner opens it, then the person does
		code, page, h := call(t, http.MethodGet, u, nil)
		if code != http.StatusOK || !strings.Contains(page, "<p>Kallelse till SIP SIP-ZDQYV3</p>\n<h1>Jag kommer</h1>") || !strings.Contains(page, `<form method="post">`) {
			t.Fatalf("GET: %d\n%s", code, page)
		}
		if h.Get("Referrer-Policy") != "no-referrer" || h.Get("Cache-Control") != "no-store" {
			t.Errorf("GET headers %v", h)
		}
	}
	if n := len(r.h.calls()); n != 0 {
		t.Fatalf("GET recorded %d answers", n)
	}

	code, page, _ := call(t, http.MethodPost, u, url.Values{})
	if code != http.StatusOK || !strings.Contains(page, "Tack! Ditt svar <strong>Jag kommer</strong> är registrerat.") {
		t.Fatalf("POST: %d\n%s", code, page)
	}
	if strings.Contains(page, "<script>") {
		t.Errorf("the core's answer was not escaped:\n%s", page)
	}
	got := r.h.calls()
	want := recorded{
		Who: chat.Actor{Platform: chat.Email, UserID: afAddr.User, ContactID: afAddr.ContactID, Email: afAddr.User},
		Act: chat.Action{Name: "rsvp.attend", Value: "SIP-ZDQYV3|i1"},
	}
	if len(got) != 1 || got[0] != want {
		t.Fatalf("recorded %+v, want %+v", got, want)
	}

	if code, page, _ := call(t, http.MethodPost, u, url.Values{}); code != http.StatusGone || !strings.Contains(page, "redan använd") {
		t.Errorf("reused link: %d\n%s", code, page)
	}
	if n := len(r.h.calls()); n != 1 {
		t.Errorf("a reused link recorded again (%d answers)", n)
	}
}

func TestLinkForgedOrExpiredRefused(t *testing.T) {
	r := newLinkRig(t)
	u := r.link(t, attend)
	i := strings.Index(u, "?t=") + 10
	flip := "A"
	if u[i] == 'A' {
		flip = "B"
	}
	forged := u[:i] + flip + u[i+1:]
	other, err := email.NewLinks("https://samla.example.se", []byte("another key, 16+ bytes"), 0, r.clock.Now)
	if err != nil {
		t.Fatal(err)
	}
	foreign, _ := other.URL(afAddr, attend, "")

	for name, link := range map[string]string{"forged": forged, "other key": r.local(t, foreign), "empty": r.srv.URL + email.LinkPath} {
		for _, method := range []string{http.MethodGet, http.MethodPost} {
			if code, page, _ := call(t, method, link, url.Values{}); code != http.StatusNotFound || !strings.Contains(page, "ogiltig") {
				t.Errorf("%s %s: %d\n%s", method, name, code, page)
			}
		}
	}
	r.clock.Advance(email.DefaultLinkTTL + time.Minute)
	if code, page, _ := call(t, http.MethodPost, u, url.Values{}); code != http.StatusGone || !strings.Contains(page, "gått ut") {
		t.Errorf("expired: %d\n%s", code, page)
	}
	if n := len(r.h.calls()); n != 0 {
		t.Errorf("refused links recorded %d answers", n)
	}
}

func TestLinkPromptAsksForInput(t *testing.T) {
	r := newLinkRig(t)
	u := r.link(t, chat.Button{Action: "rsvp.decline", Label: "Kan inte", Value: "SIP-ZDQYV3|i1",
		Prompt: &chat.Prompt{Title: "Kan inte", Label: "Varför kan du inte?"}})
	if _, page, _ := call(t, http.MethodGet, u, nil); !strings.Contains(page, "Varför kan du inte?") || !strings.Contains(page, `name="input"`) {
		t.Fatalf("GET lacks the prompt:\n%s", page)
	}
	if code, _, _ := call(t, http.MethodPost, u, url.Values{}); code != http.StatusBadRequest {
		t.Errorf("POST without the required input: %d, want 400", code)
	}
	if code, _, _ := call(t, http.MethodPost, u, url.Values{"input": {"Semester den veckan"}}); code != http.StatusOK {
		t.Errorf("POST with input: %d", code)
	}
	got := r.h.calls()
	if len(got) != 1 || got[0].Act.Input != "Semester den veckan" || got[0].Act.Name != "rsvp.decline" {
		t.Errorf("recorded %+v", got)
	}
}

func TestLinkOneClickUnsubscribe(t *testing.T) {
	r := newLinkRig(t)
	u := r.link(t, chat.Button{Action: "reminder.stop", Label: "Sluta påminna", Value: "job1"})
	// RFC 8058: the mail client POSTs List-Unsubscribe=One-Click itself.
	if code, _, _ := call(t, http.MethodPost, u, url.Values{"List-Unsubscribe": {"One-Click"}}); code != http.StatusOK {
		t.Fatalf("one-click POST: %d", code)
	}
	if got := r.h.calls(); len(got) != 1 || got[0].Act.Name != "reminder.stop" || got[0].Act.Value != "job1" {
		t.Errorf("recorded %+v", got)
	}
}

func TestNoLinkForAChoice(t *testing.T) {
	l := newLinks(t, nil)
	if _, ok := l.URL(afAddr, chat.Button{Action: "rsvp.delegate", Prompt: &chat.Prompt{Options: []chat.Option{{Value: "a"}}}}, ""); ok {
		t.Error("a choice among options got a link")
	}
	if _, err := email.NewLinks("https://x", []byte("short"), 0, nil); err == nil {
		t.Error("a short key was accepted")
	}
}
