package slack

import (
	"context"
	"testing"

	"github.com/samla-sip/samla/internal/chat"
)

// A failed send names the HTTP status and Slack's error code, so the
// outbox's dead letters and logs can tell the causes apart.
func TestSendFailureCarriesStatusAndErrorID(t *testing.T) {
	tests := []struct {
		name   string
		method string
		fail   failure
		status int
		id     string
	}{
		{"error code", "chat.postMessage", failure{code: "channel_not_found"}, 200, "channel_not_found"},
		{"error code on open", "conversations.open", failure{code: "user_not_found"}, 200, "user_not_found"},
		{"server error", "chat.postMessage", failure{status: 503}, 503, ""},
		{"rate limited", "chat.postMessage", failure{status: 429, retryAfter: "2"}, 429, "ratelimited"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tb := newTestBot(t)
			tb.api.failNext(tt.method, tt.fail)
			_, err := tb.Send(context.Background(), chat.Address{Platform: "slack", Workspace: "T1", User: "U1"}, invitation, "k")
			if status, id := chat.FailureOf(err); status != tt.status || id != tt.id {
				t.Errorf("FailureOf(%v) = %d %q, want %d %q", err, status, id, tt.status, tt.id)
			}
		})
	}
}
