package mattermost

import (
	"net/http"
	"testing"

	"github.com/samla-sip/samla/internal/chat"
)

// A failed send names the HTTP status and Mattermost's error id, so the
// outbox's dead letters and logs can tell a 403 from a 404.
func TestSendFailureCarriesStatusAndErrorID(t *testing.T) {
	for _, tt := range []struct {
		route  string
		status int
	}{
		{"POST /posts", http.StatusForbidden},
		{"GET /users/username", http.StatusNotFound},
		{"POST /posts", http.StatusInternalServerError},
	} {
		t.Run(tt.route, func(t *testing.T) {
			fake := newFakeMM(t)
			b := testBot(t, fake, &recorder{}, nil)
			fake.addUser(userID("bertil"), "bertil", "")
			fake.failNext(tt.route, tt.status, nil)
			_, err := b.Send(t.Context(), chat.Address{Workspace: "skane", User: "bertil"}, chat.Message{Text: "hej"}, "k")
			if status, id := chat.FailureOf(err); status != tt.status || id != "fake.error" {
				t.Errorf("FailureOf(%v) = %d %q, want %d %q", err, status, id, tt.status, "fake.error")
			}
		})
	}
}
