package main

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestServeSlackAttacks drives `samla serve` as an attacker with a captured
// signed request and as a careless user (issue 16): a replayed slash
// command runs once (problem 9), and a personnummer in any spelling or an
// over-long field is refused with the input gate's words (problems 2, 8).
func TestServeSlackAttacks(t *testing.T) {
	api := &fakeSlackAPI{}
	fake := httptest.NewServer(api)
	defer fake.Close()
	base, stderr, stop, _ := startServe(t, map[string]string{
		"SAMLA_DATA":                 t.TempDir(),
		"SAMLA_SLACK_SIGNING_SECRET": slackServeSecret,
		"SAMLA_SLACK_BOT_TOKENS":     "T0SKANE01=xoxb-test",
		"SAMLA_SLACK_API_URL":        fake.URL + "/",
	})

	// One signed body, captured and sent three times within the window.
	body := url.Values{
		"command": {"/sip"}, "text": {"ny kommun=Lund ålder=14 parter=bup"}, "team_id": {"T0SKANE01"},
		"user_id": {"U0VCLUND"}, "channel_id": {"C0TEST"}, "trigger_id": {"captured"},
	}.Encode()
	ts := strconv.FormatInt(time.Now().Unix(), 10)
	mac := hmac.New(sha256.New, []byte(slackServeSecret))
	fmt.Fprintf(mac, "v0:%s:%s", ts, body)
	sig := "v0=" + hex.EncodeToString(mac.Sum(nil))
	created := 0
	for i := range 3 {
		req, err := http.NewRequest(http.MethodPost, base+"/slack/commands", strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("X-Slack-Request-Timestamp", ts)
		req.Header.Set("X-Slack-Signature", sig)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		raw, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		var reply struct{ Text string }
		_ = json.Unmarshal(raw, &reply)
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("delivery %d: %d %s", i, resp.StatusCode, raw)
		}
		if strings.Contains(reply.Text, "skapat") {
			created++
		}
	}
	if created != 1 {
		t.Errorf("one signed body sent three times created %d cases, want 1", created)
	}
	if _, text := slackCommand(t, base, slackServeSecret, "U0VCLUND", "mina"); !strings.Contains(text, "(1)") {
		t.Errorf("/sip mina: %q", text)
	}

	const refused = "Skriv aldrig personnummer eller samordningsnummer i Samla. Inget sparades."
	for _, pnr := range []string{"790104–5034", "790104\u00a05034", "790104\u200b5034", "７９０１０４－５０３４", "79.01.04.5034", "790104 - 5034"} {
		if _, text := slackCommand(t, base, slackServeSecret, "U0VCLUND", `ny kommun=Lund ålder=14 parter=bup behov="`+pnr+`"`); !strings.HasPrefix(text, refused) {
			t.Errorf("%q: %q", pnr, text)
		}
	}
	_, text := slackCommand(t, base, slackServeSecret, "U0VCLUND", `ny kommun=Lund ålder=14 parter=bup behov="`+strings.Repeat("x", 2001)+`"`)
	if !strings.HasPrefix(text, "Behovsbeskrivningen är för lång: högst 2\u00a0000 tecken, du skrev 2\u00a0001.") {
		t.Errorf("2,001-character needs: %q", text)
	}
	if _, text := slackCommand(t, base, slackServeSecret, "U0VCLUND", "mina"); !strings.Contains(text, "(1)") {
		t.Errorf("/sip mina after the refusals: %q", text)
	}
	if code := stop(); code != 0 {
		t.Errorf("exit %d:\n%s", code, stderr)
	}
}
