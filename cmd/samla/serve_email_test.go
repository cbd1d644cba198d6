package main

import (
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/samla-sip/samla/bots/email/emailtest"
)

// TestServeEmailFlow is scenario 3's e-mail part through `samla serve`: a
// convener on Slack invites Arbetsförmedlingen, reachable only by e-mail;
// the invitation reaches a real SMTP relay with its calendar invitation;
// opening the answer link changes nothing, confirming it records the
// answer, and the convener's status shows it. Then the relay refuses an
// address for good and the convener is told in Slack.
func TestServeEmailFlow(t *testing.T) {
	api := &fakeSlackAPI{}
	fake := httptest.NewServer(api)
	defer fake.Close()
	relay := emailtest.StartOpen(t)
	relay.SetRcpt(func(to string, _ int) error {
		if to == "samverkan.skane@fk.example.se" {
			return emailtest.PermFail
		}
		return nil
	})
	base, stderr, stop, _ := startServe(t, map[string]string{
		"SAMLA_DATA":                 t.TempDir(),
		"SAMLA_SLACK_SIGNING_SECRET": slackServeSecret,
		"SAMLA_SLACK_BOT_TOKENS":     "T0SKANE01=xoxb-test",
		"SAMLA_SLACK_API_URL":        fake.URL + "/",
		"SAMLA_PUBLIC_URL":           "https://samla.example.se",
		"SAMLA_SMTP_URL":             "smtp://" + relay.Addr() + "?tls=none",
		"SAMLA_MAIL_FROM":            "Samla Eslöv <samla@eslov.example.se>",
		"SAMLA_MAIL_LINK_KEY":        "0123456789abcdef0123456789abcdef",
	})
	const convener = "U0VCLUND"
	_, text := slackCommand(t, base, slackServeSecret, convener, "ny kommun=Eslöv ålder=34 parter=arbetsformedlingen")
	ref := regexp.MustCompile(`SIP-[0-9A-Z]{6}`).FindString(text)
	if ref == "" {
		t.Fatalf("ny: %q\n%s", text, stderr)
	}
	slackCommand(t, base, slackServeSecret, convener, "samtycke "+ref+" skriftligt")
	// 2027-03-29 is annandag påsk: a meeting then would ask for confirmation.
	slackCommand(t, base, slackServeSecret, convener, "möte "+ref+" 2027-03-30 10:00 plats=\"Eslövs stadshus\"")
	if _, text := slackCommand(t, base, slackServeSecret, convener, "bjud "+ref); !strings.Contains(text, "via email") {
		t.Fatalf("bjud: %q", text)
	}
	waitFor(t, func() bool { return len(relay.Messages()) == 1 }, "the invitation e-mail at the relay")
	got := relay.Messages()[0]
	if got.To[0] != "samverkan@af.example.se" {
		t.Fatalf("e-mail to %v", got.To)
	}
	h, parts := emailtest.Parse(t, got.Data)
	if !strings.Contains(emailtest.DecodeHeader(t, h.Get("Subject")), ref) {
		t.Errorf("Subject %q", h.Get("Subject"))
	}
	cal := emailtest.Find(t, parts, "text/calendar")
	for _, want := range []string{"METHOD:REQUEST", "UID:" + strings.ToLower(ref) + "@samla", "DTSTART;TZID=Europe/Stockholm:20270330T100000", "LOCATION:Eslövs stadshus"} {
		if !strings.Contains(cal.Body, want) {
			t.Errorf("calendar lacks %q:\n%s", want, cal.Body)
		}
	}
	links := regexp.MustCompile(`https://samla\.example\.se(/mail/a\?t=[A-Za-z0-9_-]+)`).FindAllStringSubmatch(emailtest.Find(t, parts, "text/plain").Body, -1)
	if len(links) == 0 {
		t.Fatalf("no answer links in the e-mail")
	}
	attend := base + links[0][1] // the first button: attend

	updates := api.called("chat.update")
	if code, page := httpDo(t, http.MethodGet, attend); code != http.StatusOK || !strings.Contains(page, "<form method=\"post\">") {
		t.Fatalf("GET link: %d\n%s", code, page)
	}
	if _, text := slackCommand(t, base, slackServeSecret, convener, "status "+ref); strings.Contains(text, "✓ kommer") {
		t.Fatalf("a GET recorded an answer: %s", text)
	}
	if code, page := httpDo(t, http.MethodPost, attend); code != http.StatusOK {
		t.Fatalf("POST link: %d\n%s", code, page)
	}
	if _, text := slackCommand(t, base, slackServeSecret, convener, "status "+ref); !strings.Contains(text, "Arbetsförmedlingen samverkan") || !strings.Contains(text, "✓ kommer") {
		t.Errorf("status after the answer: %s", text)
	}
	waitFor(t, func() bool { return api.called("chat.update") > updates }, "the convener's live status updated in Slack")

	// A party whose address the relay refuses: the convener hears of it.
	posts := api.called("chat.postMessage")
	slackCommand(t, base, slackServeSecret, convener, "samtycke "+ref+" parter=forsakringskassan") // consent covers it first
	slackCommand(t, base, slackServeSecret, convener, "bjud "+ref+" forsakringskassan")
	waitFor(t, func() bool {
		_, text := slackCommand(t, base, slackServeSecret, convener, "status "+ref)
		return strings.Contains(text, "kontakta personligen")
	}, "Försäkringskassan back to a manual step after the relay's 550")
	waitFor(t, func() bool { return api.called("chat.postMessage") > posts }, "the convener told in Slack")
	if code := stop(); code != 0 {
		t.Errorf("exit %d:\n%s", code, stderr)
	}
}

func httpDo(t *testing.T, method, u string) (int, string) {
	t.Helper()
	var body io.Reader
	if method == http.MethodPost {
		body = strings.NewReader(url.Values{}.Encode())
	}
	req, err := http.NewRequest(method, u, body)
	if err != nil {
		t.Fatal(err)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}
