package slack

import (
	"bytes"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	slackgo "github.com/slack-go/slack"
)

func TestRequestsRefused(t *testing.T) {
	cmd := []byte(url.Values{"team_id": {"T1"}, "user_id": {"U1"}, "text": {"status SIP-7K3QF2"}}.Encode())
	big := []byte("text=" + strings.Repeat("a", maxBody))
	tests := []struct {
		name   string
		path   string
		req    func(path string) *http.Request
		status int
	}{
		{"forged with another secret", "/slack/commands", func(p string) *http.Request {
			return signedRequest(p, cmd, testNow, "not-the-secret")
		}, http.StatusUnauthorized},
		{"body changed after signing", "/slack/commands", func(p string) *http.Request {
			r := signedRequest(p, cmd, testNow, testSecret)
			r.Body = ioNop(append(bytes.Clone(cmd), '&', 'x'))
			return r
		}, http.StatusUnauthorized},
		{"stale, 6 minutes old", "/slack/commands", func(p string) *http.Request {
			return signedRequest(p, cmd, testNow.Add(-6*time.Minute), testSecret)
		}, http.StatusUnauthorized},
		{"from the future, 6 minutes ahead", "/slack/interactions", func(p string) *http.Request {
			return signedRequest(p, cmd, testNow.Add(6*time.Minute), testSecret)
		}, http.StatusUnauthorized},
		{"missing signature", "/slack/events", func(p string) *http.Request {
			r := signedRequest(p, cmd, testNow, testSecret)
			r.Header.Del("X-Slack-Signature")
			return r
		}, http.StatusUnauthorized},
		{"missing timestamp", "/slack/commands", func(p string) *http.Request {
			r := signedRequest(p, cmd, testNow, testSecret)
			r.Header.Del("X-Slack-Request-Timestamp")
			return r
		}, http.StatusUnauthorized},
		{"signature not hex", "/slack/commands", func(p string) *http.Request {
			r := signedRequest(p, cmd, testNow, testSecret)
			r.Header.Set("X-Slack-Signature", "v0=zz")
			return r
		}, http.StatusUnauthorized},
		{"wrong version prefix", "/slack/interactions", func(p string) *http.Request {
			r := signedRequest(p, cmd, testNow, testSecret)
			r.Header.Set("X-Slack-Signature", strings.Replace(r.Header.Get("X-Slack-Signature"), "v0=", "v1=", 1))
			return r
		}, http.StatusUnauthorized},
		{"oversize, validly signed", "/slack/commands", func(p string) *http.Request {
			return signedRequest(p, big, testNow, testSecret)
		}, http.StatusRequestEntityTooLarge},
		{"oversize event", "/slack/events", func(p string) *http.Request {
			return signedRequest(p, big, testNow, testSecret)
		}, http.StatusRequestEntityTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tb := newTestBot(t)
			w := tb.do(tt.req(tt.path))
			if w.Code != tt.status {
				t.Fatalf("status %d, want %d", w.Code, tt.status)
			}
			cmds, acts := tb.handler.calls()
			if len(cmds)+len(acts) != 0 {
				t.Errorf("handler saw %d commands, %d actions; want none", len(cmds), len(acts))
			}
			if n := tb.dedup.keys(); n != 0 {
				t.Errorf("store got %d dedup keys; want none", n)
			}
			if n := tb.api.count(); n != 0 {
				t.Errorf("Web API got %d calls; want none", n)
			}
		})
	}
}

func TestValidCommandReachesHandler(t *testing.T) {
	tb := newTestBot(t)
	w := tb.command("status SIP-7K3QF2", "")
	if w.Code != http.StatusOK {
		t.Fatalf("status %d: %s", w.Code, w.Body)
	}
	cmds, _ := tb.handler.calls()
	if len(cmds) != 1 || cmds[0].Text != "status SIP-7K3QF2" {
		t.Fatalf("handler calls %+v", cmds)
	}
	if got := cmds[0].Who; got.Platform != "slack" || got.Workspace != "T1" || got.UserID != "U1" || got.Channel != "C1" {
		t.Errorf("actor %+v", got)
	}
	if !strings.Contains(w.Body.String(), `"response_type":"ephemeral"`) {
		t.Errorf("body %s is not an ephemeral answer", w.Body)
	}
}

// TestVerifierAgreesWithSlackGo checks our verifier against slack-go's
// SecretsVerifier on the same requests (it uses the real clock).
func TestVerifierAgreesWithSlackGo(t *testing.T) {
	now := time.Now()
	body := []byte("token=x&team_id=T1&text=hj%C3%A4lp")
	cases := []struct {
		name string
		req  *http.Request
		body []byte
	}{
		{"valid", signedRequest("/slack/commands", body, now, testSecret), body},
		{"forged", signedRequest("/slack/commands", body, now, "other"), body},
		{"tampered", signedRequest("/slack/commands", body, now, testSecret), append(bytes.Clone(body), '1')},
		{"stale", signedRequest("/slack/commands", body, now.Add(-10*time.Minute), testSecret), body},
		{"future", signedRequest("/slack/commands", body, now.Add(10*time.Minute), testSecret), body},
		{"empty body", signedRequest("/slack/commands", nil, now, testSecret), nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ours := verifySignature(c.req.Header, c.body, []byte(testSecret), now) == nil
			theirs := false
			if sv, err := slackgo.NewSecretsVerifier(c.req.Header, testSecret); err == nil {
				_, _ = sv.Write(c.body)
				theirs = sv.Ensure() == nil
			}
			if ours != theirs {
				t.Errorf("our verifier says %v, slack-go says %v", ours, theirs)
			}
			if want := c.name == "valid" || c.name == "empty body"; ours != want {
				t.Errorf("accepted = %v, want %v", ours, want)
			}
		})
	}
}

func FuzzVerifySignature(f *testing.F) {
	f.Add("v0=abc", "1795000000", []byte("text=x"))
	f.Add("", "", []byte{})
	f.Add("v0="+strings.Repeat("0", 64), "-1", []byte("payload=%7B%7D"))
	f.Fuzz(func(t *testing.T, sig, ts string, body []byte) {
		h := http.Header{}
		h.Set("X-Slack-Signature", sig)
		h.Set("X-Slack-Request-Timestamp", ts)
		// A random signature must never verify.
		if verifySignature(h, body, []byte(testSecret), testNow) == nil {
			t.Fatalf("forged signature %q accepted", sig)
		}
	})
}
