package slack

import (
	"context"
	"testing"

	"github.com/samla-sip/samla/directory"
	"github.com/samla-sip/samla/examples"
	"github.com/samla-sip/samla/internal/chat"
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

// TestActorUnresolved (issue 16, problem 3): when users.info is rate
// limited or slower than 800 ms the actor is Unresolved (the core then
// uses the stored link or asks to try again) and nothing is cached; a
// permanent refusal (missing scope) is an answer: no e-mail.
func TestActorUnresolved(t *testing.T) {
	dir, err := directory.LoadFS(examples.Directory(), ".")
	if err != nil {
		t.Fatal(err)
	}
	tb := newTestBot(t, func(o *Options) {
		o.Directory = directory.NewHolder(dir)
		o.BotTokens = map[string]string{"T0SKANE01": "xoxb-skane"}
	})
	tb.api.emails["U0NEW"] = "lina.aberg@example.se"
	tb.api.failNext("users.info", failure{status: 429, retryAfter: "30"}, failure{hang: true}, failure{code: "missing_scope"})
	for i, want := range []bool{true, true, false} {
		if who := tb.actor(context.Background(), "T0SKANE01", "U0NEW", "C1"); who.Unresolved != want || who.Email != "" || who.ContactID != "" {
			t.Errorf("failure %d: actor %+v, want Unresolved %v and no link", i, who, want)
		}
		tb.links.entries = map[string]linkEntry{} // the missing_scope answer is cached; the others must not be
	}
	if who := tb.actor(context.Background(), "T0SKANE01", "U0NEW", "C1"); who.Unresolved || who.Email != "lina.aberg@example.se" {
		t.Errorf("users.info answering again: %+v", who)
	}
}

// TestIsMember: channel membership from conversations.members, cached.
func TestIsMember(t *testing.T) {
	tb := newTestBot(t, func(o *Options) { o.BotTokens = map[string]string{"T0SKANE01": "xoxb-skane"} })
	tb.api.members["C0TEAM"] = []string{"U2", "U1"}
	ch := chat.Address{Platform: chat.Slack, Workspace: "T0SKANE01", Channel: "C0TEAM"}
	for _, tt := range []struct {
		user string
		want bool
	}{{"U1", true}, {"U2", true}, {"U3", false}} {
		if got, err := tb.IsMember(context.Background(), ch, tt.user); err != nil || got != tt.want {
			t.Errorf("%s: %v %v, want %v", tt.user, got, err, tt.want)
		}
	}
	if n := len(tb.api.callsTo("conversations.members")); n != 1 {
		t.Errorf("%d conversations.members calls, want 1 (cached)", n)
	}
	if got, _ := tb.IsMember(context.Background(), chat.Address{Platform: chat.Slack, Workspace: "T0SKANE01", User: "U1"}, "U1"); got {
		t.Error("a direct message is no channel")
	}
}
