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
		{"unknown", userID("nobody"),
			chat.Actor{UserID: "nobody", Email: "nobody@example.se"}},
		{"user gone", userID("gone"),
			chat.Actor{UserID: userID("gone")}},
	}
	for _, tt := range tests {
		got := b.actor(t.Context(), s, tt.userID, "ch")
		tt.want.Platform, tt.want.Workspace, tt.want.Channel = chat.Mattermost, "skane-kommun", "ch"
		if got != tt.want {
			t.Errorf("%s: got %+v, want %+v", tt.name, got, tt.want)
		}
	}
}
