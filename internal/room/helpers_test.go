package room

import (
	"context"
	"io"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/samla-sip/samla/directory"
	"github.com/samla-sip/samla/examples"
	"github.com/samla-sip/samla/internal/chat"
	"github.com/samla-sip/samla/internal/sip"
	"github.com/samla-sip/samla/internal/store/bboltstore"
	"github.com/samla-sip/samla/internal/testutil"
)

// Contacts of the sample directory.
const (
	kurator = "lund-skola-kurator-sara"
	bupLund = "bup-lund-vagin"
	// canaryNeeds is the convener's needs text: shown in the room only.
	canaryNeeds = "KANARIE har slutat gå till skolan"
)

// env is the real core and the room on a bbolt store, served over HTTP.
type env struct {
	t     *testing.T
	ctx   context.Context
	clock *testutil.Clock
	svc   *sip.Service
	room  *Room
	srv   *httptest.Server
	logs  *testutil.SyncBuffer
}

func newEnv(t *testing.T) *env {
	t.Helper()
	start, _ := time.Parse(time.RFC3339, "2026-11-23T09:00:00+01:00")
	clock := testutil.NewClock(start)
	st, err := bboltstore.Open(filepath.Join(t.TempDir(), "samla.db"), bboltstore.WithClock(clock.Now))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = st.Close() })
	d, err := directory.LoadFS(examples.Directory(), ".")
	if err != nil {
		t.Fatal(err)
	}
	logs := &testutil.SyncBuffer{}
	log := slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	e := &env{t: t, ctx: context.Background(), clock: clock, logs: logs}
	e.srv = httptest.NewUnstartedServer(nil)
	e.srv.Start()
	t.Cleanup(e.srv.Close)
	var core lateCore
	e.room, err = New(Options{Store: st, Core: &core, PublicURL: e.srv.URL, Now: clock.Now, Log: log,
		Rand: rand.NewChaCha8([32]byte{9}),
		LangOf: func(ctx context.Context, who chat.Actor) string {
			return string(e.svc.LangOf(ctx, who.ContactID, who.Address()))
		}})
	if err != nil {
		t.Fatal(err)
	}
	e.svc = sip.New(sip.Deps{Store: st, Directory: directory.NewHolder(d), Now: clock.Now, Lang: "sv",
		Rand: rand.NewChaCha8([32]byte{1, 2, 3}), Log: log, Room: e.room,
		Actions: map[string]sip.ActionFunc{ActionPrefix: e.room.Act}, Agenda: fakeAgenda{}})
	core.Core = e.svc
	e.srv.Config.Handler = e.room.Handler()
	return e
}

// lateCore lets the room be built before the service it asks.
type lateCore struct{ Core }

// actor is a directory contact at the console, which vouches for its
// users itself (on Slack and Mattermost the organisation's chat: decides).
func actor(contact string) chat.Actor {
	return chat.Actor{Platform: chat.Console, UserID: "U-" + contact, ContactID: contact}
}

var refRE = regexp.MustCompile(`SIP-[0-9A-Z]{6}`)

// invitedCase opens a case with needs, consent, a meeting and invitations.
func (e *env) invitedCase() string {
	e.t.Helper()
	out := e.svc.Command(e.ctx, actor(kurator), `ny kommun=Lund ålder=14 parter=bup,skola behov="`+canaryNeeds+`"`).Body().Plain()
	ref := refRE.FindString(out)
	if ref == "" {
		e.t.Fatalf("no case: %s", out)
	}
	for _, c := range []string{"samtycke " + ref + " skriftligt vårdnadshavare", "möte " + ref + " 2026-12-10 13:00 video", "bjud " + ref} {
		e.svc.Command(e.ctx, actor(kurator), c)
	}
	return ref
}

// link is a chat link for contact into ref, as the button press gives it.
func (e *env) link(contact, ref string) string {
	e.t.Helper()
	reply := e.svc.Act(e.ctx, actor(contact), chat.Action{Name: sip.ActOpenRoom, Value: ref})
	u := regexp.MustCompile(`https?://\S+`).FindString(reply.Text)
	if u == "" {
		e.t.Fatalf("no link in %q", reply.Text)
	}
	return u
}

// browser is an HTTP client with its own cookies that does not follow
// redirects (tests look at each answer).
type browser struct {
	t *testing.T
	c *http.Client
}

func (e *env) browser() *browser {
	jar, _ := cookiejar.New(nil)
	return &browser{t: e.t, c: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

func (b *browser) get(u string) (*http.Response, string) {
	b.t.Helper()
	resp, err := b.c.Get(u)
	if err != nil {
		b.t.Fatal(err)
	}
	return resp, body(b.t, resp)
}

func (b *browser) post(u string, form url.Values) (*http.Response, string) {
	b.t.Helper()
	resp, err := b.c.PostForm(u, form)
	if err != nil {
		b.t.Fatal(err)
	}
	return resp, body(b.t, resp)
}

func body(t *testing.T, resp *http.Response) string {
	t.Helper()
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

var csrfRE = regexp.MustCompile(`name="csrf" value="([^"]+)"`)

func csrfOf(t *testing.T, page string) string {
	t.Helper()
	m := csrfRE.FindStringSubmatch(page)
	if m == nil {
		t.Fatalf("no csrf token in the page:\n%s", page)
	}
	return m[1]
}

// enter follows a chat link and returns the case page.
func (e *env) enter(b *browser, link string) string {
	e.t.Helper()
	resp, _ := b.get(link)
	if resp.StatusCode != http.StatusSeeOther {
		e.t.Fatalf("open link: %d", resp.StatusCode)
	}
	loc := resp.Header.Get("Location")
	resp, page := b.get(e.srv.URL + loc)
	if resp.StatusCode != http.StatusOK {
		e.t.Fatalf("case page: %d\n%s", resp.StatusCode, page)
	}
	return page
}

func contains(page string, parts ...string) bool {
	for _, p := range parts {
		if !strings.Contains(page, p) {
			return false
		}
	}
	return true
}

func chatOpen(ref string) chat.Action { return chat.Action{Name: sip.ActOpenRoom, Value: ref} }

func regexpFind(re, s string) string {
	m := regexp.MustCompile(re).FindStringSubmatch(s)
	if m == nil {
		return ""
	}
	return m[1]
}

// fakeAgenda drafts from the needs word for word (the worst case for chat).
type fakeAgenda struct{}

func (fakeAgenda) DraftMarkdown(ctx context.Context, needs string, parties []string, lang string) (string, bool, error) {
	return "1. Välkomna\n2. " + needs, false, nil
}
