package room

import (
	"encoding/json"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zitadel/oidc/v3/example/server/exampleop"
	"github.com/zitadel/oidc/v3/example/server/storage"
	"golang.org/x/text/language"

	"github.com/samla-sip/samla/directory"
	"github.com/samla-sip/samla/examples"
)

// startOP runs zitadel/oidc's example OpenID provider with one user (the
// given e-mail, verified) and one web client for redirect.
func startOP(t *testing.T, email, redirect string) string {
	t.Helper()
	users := map[string]*storage.User{"u1": {ID: "u1", Username: "sara", Password: "verysecure", FirstName: "Sara",
		LastName: "Lindberg", Email: email, EmailVerified: true, PreferredLanguage: language.Swedish}}
	b, err := json.Marshal(users)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "users.json")
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	us, err := storage.StoreFromFile(path)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewUnstartedServer(nil)
	issuer := "http://" + srv.Listener.Addr().String() + "/"
	st := storage.NewStorageWithClients(us, map[string]*storage.Client{"samla": storage.WebClient("samla", "samla-secret", redirect)})
	srv.Config.Handler = exampleop.SetupServer(issuer, st, nil, false)
	srv.Start()
	t.Cleanup(srv.Close)
	return issuer
}

// newOIDCEnv is the room with sign-in through a real OP.
func newOIDCEnv(t *testing.T, email string) *env {
	t.Helper()
	e := newEnv(t)
	d, err := directory.LoadFS(examples.Directory(), ".")
	if err != nil {
		t.Fatal(err)
	}
	issuer := startOP(t, email, e.srv.URL+oidcPath)
	room, err := New(Options{Store: e.room.opts.Store, Core: e.room.opts.Core, PublicURL: e.srv.URL, Now: e.clock.Now,
		Log: e.room.opts.Log, OIDC: &OIDC{Issuer: issuer, ClientID: "samla", ClientSecret: "samla-secret",
			Contact: func(email, hsa string) (string, bool) {
				if c, ok := d.ContactByEmail(email); ok && email != "" {
					return c.ID, true
				}
				return "", false
			}}})
	if err != nil {
		t.Fatal(err)
	}
	e.room = room
	e.srv.Config.Handler = room.Handler()
	return e
}

// signInOIDC goes through the OP's login page as a browser would and
// returns the last answer.
func signInOIDC(t *testing.T, e *env, password string) (*http.Response, string) {
	t.Helper()
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar}
	resp, err := c.Get(e.srv.URL + loginPath) // → OP /auth → its login page
	if err != nil {
		t.Fatal(err)
	}
	page := body(t, resp)
	id := regexpFind(`name="id" value="([^"]+)"`, page)
	if id == "" {
		t.Fatalf("no login form at the OP (%s):\n%s", resp.Request.URL, page)
	}
	loginURL := resp.Request.URL.Scheme + "://" + resp.Request.URL.Host + "/login/username"
	resp, err = c.PostForm(loginURL, url.Values{"id": {id}, "username": {"sara"}, "password": {password}})
	if err != nil {
		t.Fatal(err)
	}
	return resp, body(t, resp)
}

// TestOIDCSignIn: staff sign in with a real OpenID provider, are matched
// to their directory contact by e-mail, see their cases and open one.
func TestOIDCSignIn(t *testing.T) {
	e := newOIDCEnv(t, "sara.lindberg@lund.example.se")
	ref := e.invitedCase()
	resp, page := signInOIDC(t, e, "verysecure")
	if resp.StatusCode != http.StatusOK || resp.Request.URL.Path != "/rum/" || !contains(page, "Dina ärenden", ref) {
		t.Fatalf("after sign-in %d at %s:\n%s", resp.StatusCode, resp.Request.URL, page)
	}
	c := &http.Client{Jar: jarOf(t, resp)}
	resp, err := c.Get(e.srv.URL + "/rum/" + ref)
	if err != nil {
		t.Fatal(err)
	}
	if page = body(t, resp); resp.StatusCode != http.StatusOK || !strings.Contains(page, canaryNeeds) {
		t.Errorf("case page after sign-in: %d", resp.StatusCode)
	}
	if resp, _ := c.Get(e.srv.URL + "/rum/SIP-AAAAAA"); resp.StatusCode != http.StatusNotFound {
		t.Errorf("a missing case: %d", resp.StatusCode)
	}
	// A callback without this browser's state is refused.
	if resp, _ := http.Get(e.srv.URL + oidcPath + "?state=x&code=y"); resp.StatusCode != http.StatusForbidden {
		t.Errorf("forged callback: %d", resp.StatusCode)
	}
}

// TestOIDCUnknownPerson: a valid sign-in of someone not in the directory
// opens nothing.
func TestOIDCUnknownPerson(t *testing.T) {
	e := newOIDCEnv(t, "nobody@example.org")
	resp, page := signInOIDC(t, e, "verysecure")
	if resp.StatusCode != http.StatusForbidden || !strings.Contains(page, "Du finns inte i katalogen") {
		t.Fatalf("unknown person: %d\n%s", resp.StatusCode, page)
	}
}

// jarOf is the cookie jar of the client that made resp.
func jarOf(t *testing.T, resp *http.Response) http.CookieJar {
	t.Helper()
	jar, _ := cookiejar.New(nil)
	u, _ := url.Parse(resp.Request.URL.String())
	jar.SetCookies(u, resp.Request.Cookies())
	return jar
}
