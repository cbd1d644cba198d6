package main

import (
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
)

// TestServeCaseRoom: with SAMLA_PUBLIC_URL set, `samla serve` mounts the
// case room; a Slack /sip status carries a link that opens the case once,
// with a Secure session cookie (the public URL is https), the needs are on
// the page and nowhere in chat, and the access log names the path but
// never the link's token.
func TestServeCaseRoom(t *testing.T) {
	api := &fakeSlackAPI{}
	fake := httptest.NewServer(api)
	defer fake.Close()
	base, stderr, _, _ := startServe(t, map[string]string{
		"SAMLA_DATA":                 t.TempDir(),
		"SAMLA_SLACK_SIGNING_SECRET": slackServeSecret,
		"SAMLA_SLACK_BOT_TOKENS":     "T0SKANE01=xoxb-test",
		"SAMLA_SLACK_API_URL":        fake.URL + "/",
		"SAMLA_PUBLIC_URL":           "https://samla.example.se",
	})
	const convener, needs = "U0VCLUND", "hemlig behovstext om skolan"
	_, text := slackCommand(t, base, slackServeSecret, convener, `ny kommun=Lund ålder=34 parter=primarvard,socialtjanst-vuxen behov="`+needs+`"`)
	ref := regexp.MustCompile(`SIP-[0-9A-Z]{6}`).FindString(text)
	if ref == "" {
		t.Fatalf("ny: %q\n%s", text, stderr)
	}
	_, text = slackCommand(t, base, slackServeSecret, convener, "status "+ref)
	if strings.Contains(text, needs) {
		t.Fatalf("status in chat shows the needs: %s", text)
	}
	m := regexp.MustCompile(`https://samla\.example\.se(/rum/in\?t=([A-Za-z0-9_-]+))`).FindStringSubmatch(text)
	if m == nil {
		t.Fatalf("status has no room link: %q", text)
	}
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := c.Get(base + m[1])
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusSeeOther || !strings.Contains(resp.Header.Get("Set-Cookie"), "Secure") {
		t.Fatalf("open: %d, cookie %q", resp.StatusCode, resp.Header.Get("Set-Cookie"))
	}
	// The cookie is Secure, so the jar keeps it from plain http: send it by hand.
	req, _ := http.NewRequest(http.MethodGet, base+"/rum/"+ref, nil)
	req.Header.Set("Cookie", strings.SplitN(resp.Header.Get("Set-Cookie"), ";", 2)[0])
	resp, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	page := readAll(t, resp)
	if resp.StatusCode != http.StatusOK || !strings.Contains(page, needs) || resp.Header.Get("X-Frame-Options") != "DENY" {
		t.Fatalf("case page %d:\n%s", resp.StatusCode, page)
	}
	if code, _ := httpDo(t, http.MethodGet, base+m[1]); code != http.StatusForbidden {
		t.Errorf("second use of the link: %d", code)
	}
	waitFor(t, func() bool { return strings.Contains(stderr.String(), `"/rum/in"`) }, "the room in the access log")
	if strings.Contains(stderr.String(), m[2]) {
		t.Errorf("the log holds the link's token:\n%s", stderr.String())
	}
}

func readAll(t *testing.T, resp *http.Response) string {
	t.Helper()
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
