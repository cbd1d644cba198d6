package slack

import (
	"context"
	"testing"

	"github.com/samla-sip/samla/directory"
	"github.com/samla-sip/samla/examples"
)

func TestActorLinking(t *testing.T) {
	dir, err := directory.LoadFS(examples.Directory(), ".")
	if err != nil {
		t.Fatal(err)
	}
	tb := newTestBot(t, func(o *Options) {
		o.Directory = directory.NewHolder(dir)
		o.BotTokens = map[string]string{"T0SKANE01": "xoxb-skane"}
	})
	tb.api.emails["U0NEW"] = "SIP.Vasthamnen@example.se"
	tb.api.emails["U0STRANGER"] = "someone@elsewhere.example"
	tests := []struct {
		user, contact, email string
		lookups              int // users.info calls so far
	}{
		{"U0MARIAPERSSON", "vc-lund-fast-vardkontakt-maria", "", 0}, // reach.slack entry: no Web API call
		{"U0NEW", "vc-malmo-vagin", "SIP.Vasthamnen@example.se", 1}, // by e-mail, case-insensitively
		{"U0STRANGER", "", "someone@elsewhere.example", 2},          // not in the directory
		{"U0NEW", "vc-malmo-vagin", "SIP.Vasthamnen@example.se", 2}, // cached
	}
	for _, tt := range tests {
		who := tb.actor(context.Background(), "T0SKANE01", tt.user, "C1")
		if who.ContactID != tt.contact || who.Email != tt.email || who.Platform != "slack" || who.Workspace != "T0SKANE01" {
			t.Errorf("%s: actor %+v, want contact %q email %q", tt.user, who, tt.contact, tt.email)
		}
		if n := len(tb.api.callsTo("users.info")); n != tt.lookups {
			t.Errorf("%s: %d users.info calls, want %d", tt.user, n, tt.lookups)
		}
	}
}
