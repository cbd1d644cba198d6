package slack

import (
	"errors"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
)

// TestReplayedCommandCreatesOneCase sends one signed /sip ny three times
// within the 5 minute window, on the real core and both stores: one case.
func TestReplayedCommandCreatesOneCase(t *testing.T) {
	for name, open := range realStores() {
		t.Run(name, func(t *testing.T) {
			f := newRealFlow(t, open(t))
			form := url.Values{
				"team_id": {"T0SKANE01"}, "user_id": {"U0MARIAPERSSON"}, "channel_id": {"C0GENERAL"}, "command": {"/sip"},
				"text": {"ny kommun=Lund ålder=14 parter=bup"}, "trigger_id": {"trig-replay"},
			}
			body := []byte(form.Encode())
			signed := signedRequest("/slack/commands", body, testNow.Add(-time.Minute), testSecret)
			var created int
			for i := range 3 {
				r := signedRequest("/slack/commands", body, testNow.Add(-time.Minute), testSecret)
				if i == 2 { // the same signature in upper case
					r.Header.Set("X-Slack-Signature", "v0="+strings.ToUpper(strings.TrimPrefix(signed.Header.Get("X-Slack-Signature"), "v0=")))
				}
				w := f.do(r)
				if w.Code != http.StatusOK {
					t.Fatalf("delivery %d: %d", i, w.Code)
				}
				if strings.Contains(w.Body.String(), "skapat") {
					created++
				}
			}
			if created != 1 {
				t.Errorf("%d deliveries answered with a new case, want 1", created)
			}
			if mine := f.say("U0MARIAPERSSON", "mina"); !strings.Contains(mine, "(1)") {
				t.Errorf("/sip mina after three deliveries: %s", mine)
			}
		})
	}
}

// TestReplayCheckUnavailable: without the store, a signed request is
// refused rather than possibly run twice.
func TestReplayCheckUnavailable(t *testing.T) {
	tb := newTestBot(t)
	tb.dedup.err = errStoreDown
	if w := tb.command("mina", ""); w.Code != http.StatusServiceUnavailable {
		t.Errorf("status %d, want 503", w.Code)
	}
	if cmds, _ := tb.handler.calls(); len(cmds) != 0 {
		t.Errorf("core got %+v", cmds)
	}
}

var errStoreDown = errors.New("store down")

func TestResponseURLAllowed(t *testing.T) {
	tb := newTestBot(t, func(o *Options) { o.APIURL = "http://127.0.0.1:4567/api/" })
	tests := []struct {
		url  string
		want bool
	}{
		{"https://hooks.slack.com/commands/T1/1/x", true},
		{"https://HOOKS.slack.com/actions/T1/1/x", true},
		{"https://hooks.slack-gov.com/commands/T1/1/x", true},
		{"http://127.0.0.1:9999/response", true}, // the configured API host (tests)
		{"http://hooks.slack.com/commands/T1/1/x", false},
		{"https://hooks.slack.com:8443/commands/T1/1/x", false},
		{"https://hooks.slack.com.evil.example/x", false},
		{"https://evil.example/hooks.slack.com", false},
		{"https://evil.example/?u=https://hooks.slack.com/", false},
		{"https://hooks.slack.com@evil.example/x", false},
		{"https://user@hooks.slack.com/x", false},
		{"https://slack.com/api/chat.postMessage", false},
		{"http://localhost:9999/response", false},
		{"https://127.0.0.1:9999/response", false}, // another scheme than the API's
		{"//hooks.slack.com/x", false},
		{"hooks.slack.com/x", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := tb.responseURLAllowed(tt.url); got != tt.want {
			t.Errorf("responseURLAllowed(%q) = %v, want %v", tt.url, got, tt.want)
		}
	}
	prod := newTestBot(t, func(o *Options) { o.APIURL = "" })
	if prod.responseURLAllowed("http://127.0.0.1:9999/response") {
		t.Error("without a configured API URL, only Slack's hosts are allowed")
	}
}

// TestForeignResponseURLNeverCalled: a command and a button press whose
// response_url is not Slack's get their late answer by direct message; the
// foreign URL is never called.
func TestForeignResponseURLNeverCalled(t *testing.T) {
	tb := newTestBot(t, func(o *Options) { o.InlineWait = 10 * time.Millisecond })
	tb.handler.delay = 100 * time.Millisecond
	sink := newResponseSink(t)
	foreign := strings.Replace(sink.url(), "127.0.0.1", "localhost", 1)
	tb.command("mina", foreign)
	tb.interact(blockAction("rsvp.attend", "SIP-7K3QF2|inv1", foreign))
	waitFor(t, "the answers by DM", func() bool { return len(tb.api.callsTo("chat.postMessage")) == 2 })
	ctx, cancel := contextWithTimeout(5 * time.Second)
	defer cancel()
	if err := tb.Close(ctx); err != nil {
		t.Fatal(err)
	}
	if posts := sink.all(); len(posts) != 0 {
		t.Errorf("the foreign response_url got %v", posts)
	}
}
