package sip

import (
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/samla-sip/samla/directory"
	"github.com/samla-sip/samla/internal/chat"
)

func TestAddressOf(t *testing.T) {
	tests := []struct {
		name string
		in   directory.Reach
		want chat.Address
		ok   bool
	}{
		{"slack dm", directory.Reach{Kind: "slack", Workspace: "T1", User: "U1", Channel: "C1"},
			chat.Address{Platform: chat.Slack, Workspace: "T1", User: "U1", ContactID: "c"}, true},
		{"slack channel", directory.Reach{Kind: "slack", Workspace: "T1", Channel: "C1"},
			chat.Address{Platform: chat.Slack, Workspace: "T1", Channel: "C1", ContactID: "c"}, true},
		{"mattermost", directory.Reach{Kind: "mattermost", Server: "lund", User: "anna"},
			chat.Address{Platform: chat.Mattermost, Workspace: "lund", User: "anna", ContactID: "c"}, true},
		{"mattermost without target", directory.Reach{Kind: "mattermost", Server: "lund"}, chat.Address{}, false},
		{"email", directory.Reach{Kind: "email", Address: "a@b.se"}, chat.Address{}, false},
		{"phone", directory.Reach{Kind: "phone", Address: "046-1"}, chat.Address{}, false},
	}
	for _, tt := range tests {
		got, ok := AddressOf(tt.in, "c")
		if ok != tt.ok || got != tt.want {
			t.Errorf("%s: AddressOf = %+v, %v; want %+v, %v", tt.name, got, ok, tt.want, tt.ok)
		}
	}
}

// TestRefCollision: a reference already taken is drawn again, never
// overwritten.
func TestRefCollision(t *testing.T) {
	zeros := make([]byte, refLen)
	rnd := io.MultiReader(bytes.NewReader(zeros), bytes.NewReader(zeros), bytes.NewReader([]byte{1, 2, 3, 4, 5, 6}))
	h := newHarness(t, func(d *Deps) { d.Rand = rnd })
	first := h.newCase("")
	second := h.newCase("")
	if first != "SIP-000000" || second != "SIP-123456" {
		t.Fatalf("references %s, %s", first, second)
	}
	if c := h.load(first); c.Convener.Key != kurator || len(c.Timeline) != 1 {
		t.Errorf("first case overwritten: %+v", c)
	}
	rnd = strings.NewReader("")
	h2 := newHarness(t, func(d *Deps) { d.Rand = rnd })
	if out := h2.cmd(kurator, "ny kommun=Lund ålder=14 parter=bup"); !strings.Contains(out, "Något gick fel") {
		t.Errorf("no randomness: %q", out)
	}
	if !strings.Contains(h2.logs.String(), "case reference") {
		t.Errorf("failure not logged: %s", h2.logs.String())
	}
}
