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
	"regexp"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// fakeSlackAPI stands in for the Slack Web API and records the methods
// called, with the channel each message went to.
type fakeSlackAPI struct {
	mu    sync.Mutex
	calls []string
}

func (f *fakeSlackAPI) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	_ = r.ParseForm()
	method := strings.TrimPrefix(r.URL.Path, "/")
	f.mu.Lock()
	f.calls = append(f.calls, method+" "+r.Form.Get("channel")+r.Form.Get("users"))
	f.mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	switch method {
	case "conversations.open":
		fmt.Fprint(w, `{"ok":true,"channel":{"id":"D0DM"}}`)
	case "chat.postMessage", "chat.update":
		fmt.Fprintf(w, `{"ok":true,"channel":%q,"ts":"1700000000.000100"}`, r.Form.Get("channel"))
	case "users.info":
		fmt.Fprint(w, `{"ok":true,"user":{"id":"U0X","profile":{"email":""}}}`)
	default:
		fmt.Fprint(w, `{"ok":true}`)
	}
}

func (f *fakeSlackAPI) snapshot() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.calls...)
}

func (f *fakeSlackAPI) called(prefix string) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	n := 0
	for _, c := range f.calls {
		if strings.HasPrefix(c, prefix) {
			n++
		}
	}
	return n
}

const slackServeSecret = "serve-slack-signing-secret"

// slackTriggers numbers the commands: like Slack's trigger_id, each
// delivery is distinct (a body signed twice in one second is a replay).
var slackTriggers atomic.Int64

// slackCommand posts a signed (or, with secret "", unsigned) slash command.
func slackCommand(t *testing.T, base, secret, user, text string) (int, string) {
	t.Helper()
	body := url.Values{
		"command": {"/sip"}, "text": {text}, "team_id": {"T0SKANE01"}, "user_id": {user},
		"channel_id": {"C0TEST"}, "trigger_id": {fmt.Sprint("trig-", slackTriggers.Add(1))}, "response_url": {base + "/unused"},
	}.Encode()
	req, err := http.NewRequest(http.MethodPost, base+"/slack/commands", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	ts := strconv.FormatInt(time.Now().Unix(), 10)
	req.Header.Set("X-Slack-Request-Timestamp", ts)
	if secret != "" {
		mac := hmac.New(sha256.New, []byte(secret))
		fmt.Fprintf(mac, "v0:%s:%s", ts, body)
		req.Header.Set("X-Slack-Signature", "v0="+hex.EncodeToString(mac.Sum(nil)))
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	var reply struct{ Text string }
	_ = json.Unmarshal(b, &reply)
	return resp.StatusCode, reply.Text
}

// TestServeSlackFlow proves `samla serve` wires Slack, the core and the
// outbox, on the embedded store and on real Redis: a signed /sip command
// convenes, and the invitation reaches the (fake) Slack Web API through the
// outbox; an unsigned one is refused.
func TestServeSlackFlow(t *testing.T) {
	t.Run("bbolt", func(t *testing.T) {
		serveSlackFlow(t, map[string]string{"SAMLA_DATA": t.TempDir()})
	})
	t.Run("redis", func(t *testing.T) {
		prefix := testRedisPrefix("serve")
		t.Cleanup(func() { deleteRedisPrefix(t, prefix) })
		serveSlackFlow(t, map[string]string{
			"SAMLA_STORE": "redis", "SAMLA_REDIS_URL": wireRedisURL(), "SAMLA_REDIS_PREFIX": prefix,
		})
	})
}

func serveSlackFlow(t *testing.T, vars map[string]string) {
	api := &fakeSlackAPI{}
	fake := httptest.NewServer(api)
	defer fake.Close()
	vars["SAMLA_SLACK_SIGNING_SECRET"] = slackServeSecret
	vars["SAMLA_SLACK_BOT_TOKENS"] = "T0SKANE01=xoxb-test"
	vars["SAMLA_SLACK_API_URL"] = fake.URL + "/"
	base, stderr, stop, _ := startServe(t, vars)

	if code, _ := slackCommand(t, base, "", "U0VCLUND", "hjälp"); code != http.StatusUnauthorized {
		t.Errorf("unsigned command = %d, want 401", code)
	}
	code, text := slackCommand(t, base, slackServeSecret, "U0VCLUND", "ny kommun=Lund ålder=14 parter=bup")
	ref := regexp.MustCompile(`SIP-[0-9A-Z]{6}`).FindString(text)
	if code != http.StatusOK || ref == "" {
		t.Fatalf("ny = %d %q\n%s", code, text, stderr)
	}
	if _, text := slackCommand(t, base, slackServeSecret, "U0VCLUND", "bjud "+ref); api.called("chat.postMessage") != 0 {
		t.Fatalf("invitation sent before consent (reply %q)", text)
	}
	slackCommand(t, base, slackServeSecret, "U0VCLUND", "samtycke "+ref+" skriftligt vardnadshavare")
	if code, text := slackCommand(t, base, slackServeSecret, "U0VCLUND", "bjud "+ref); code != http.StatusOK || !strings.Contains(text, "BUP") {
		t.Fatalf("bjud = %d %q", code, text)
	}
	waitFor(t, func() bool { return api.called("chat.postMessage") >= 2 }, "invitation and status message posted via the Web API")
	if api.called("conversations.open U0BUPLUND") == 0 {
		t.Errorf("no direct message opened to BUP Lund's entry point; calls: %v", api.snapshot())
	}
	checkOutboxMetrics(t, base)
	if code := stop(); code != 0 {
		t.Errorf("exit %d:\n%s", code, stderr)
	}
}
