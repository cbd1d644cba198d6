package mattermost

import (
	"io"
	"log/slog"
	"testing"

	"github.com/samla-sip/samla/directory"
	"github.com/samla-sip/samla/examples"
	"github.com/samla-sip/samla/internal/chat"
)

func TestActorLinksToDirectory(t *testing.T) {
	dir, err := directory.LoadFS(examples.Directory(), ".")
	if err != nil {
		t.Fatal(err)
	}
	fake := newFakeMM(t)
	fake.addUser(userID("fatima"), "fatima.said", "someone@else.example.se")
	fake.addUser(userID("hab"), "hab.user", "Habilitering.Vagin@example.se")
	fake.addUser(userID("nobody"), "nobody", "nobody@example.se")
	fake.users[userID("hab")].EmailVerified = true
	// Eve typed Habilitering Skåne's väg-in address into her profile on a
	// server that does not verify addresses (issue 16, problem 1).
	fake.addUser(userID("eve"), "eve", "habilitering.vagin@example.se")
	b, err := New(Options{
		Servers:   map[string]ServerConfig{"skane-kommun": {URL: fake.srv.URL, BotToken: "bot-token", CommandToken: "t"}},
		ActionKey: []byte("0123456789abcdef"), PublicURL: "https://samla.example.se",
		Handler: &recorder{}, Directory: directory.NewHolder(dir),
		Log: slog.New(slog.NewTextHandler(io.Discard, nil)),
	})
	if err != nil {
		t.Fatal(err)
	}
	s := b.servers["skane-kommun"]
	tests := []struct {
		name   string
		userID string
		want   chat.Actor
	}{
		{"by reach, username looked up", userID("fatima"),
			chat.Actor{UserID: "fatima.said", ContactID: "malmo-hemtjanst-samordnare"}},
		{"by e-mail, any case", userID("hab"),
			chat.Actor{UserID: "hab.user", ContactID: "hab-skane-vagin", Email: "Habilitering.Vagin@example.se"}},
		{"unverified e-mail: no link", userID("eve"),
			chat.Actor{UserID: "eve"}},
		{"unknown", userID("nobody"),
			chat.Actor{UserID: "nobody", Email: "nobody@example.se"}},
		{"user gone", userID("gone"),
			chat.Actor{UserID: userID("gone"), Unresolved: true}},
	}
	for _, tt := range tests {
		got := b.actor(t.Context(), s, tt.userID, "ch")
		tt.want.Platform, tt.want.Workspace, tt.want.Channel = chat.Mattermost, "skane-kommun", "ch"
		if got != tt.want {
			t.Errorf("%s: got %+v, want %+v", tt.name, got, tt.want)
		}
	}
}

// TestEmailTrustedServerLinksUnverified: on a server whose addresses the
// operator vouches for (SAMLA_MATTERMOST_EMAIL_TRUSTED), an unverified
// address links.
func TestEmailTrustedServerLinksUnverified(t *testing.T) {
	dir, err := directory.LoadFS(examples.Directory(), ".")
	if err != nil {
		t.Fatal(err)
	}
	fake := newFakeMM(t)
	fake.addUser(userID("ldap"), "ldap.user", "habilitering.vagin@example.se")
	b, err := New(Options{
		Servers:   map[string]ServerConfig{"skane-kommun": {URL: fake.srv.URL, BotToken: "bot-token", CommandToken: "t", EmailTrusted: true}},
		ActionKey: []byte("0123456789abcdef"), PublicURL: "https://samla.example.se",
		Handler: &recorder{}, Directory: directory.NewHolder(dir),
		Log: slog.New(slog.NewTextHandler(io.Discard, nil)),
	})
	if err != nil {
		t.Fatal(err)
	}
	if got := b.actor(t.Context(), b.servers["skane-kommun"], userID("ldap"), "ch"); got.ContactID != "hab-skane-vagin" {
		t.Errorf("got %+v", got)
	}
}
