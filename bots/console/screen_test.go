package console

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/samla-sip/samla/internal/chat"
)

func TestScreenSendUpdateButtons(t *testing.T) {
	var out bytes.Buffer
	s := NewScreen(&out)
	senders := s.Senders()
	if len(senders) != 3 {
		t.Fatalf("got %d senders, want console, slack, mattermost", len(senders))
	}
	mm := senders[2]
	if mm.Platform() != chat.Mattermost {
		t.Fatalf("third sender is %q", mm.Platform())
	}
	to := chat.Address{Platform: chat.Mattermost, Workspace: "lund", User: "anna", ContactID: "anna-id"}
	msg := chat.Message{Title: "Kallelse", Text: "rad ett\nrad två", Fields: []chat.Field{{Label: "Kommun", Value: "Lund"}},
		Buttons: []chat.Button{{Action: "rsvp.attend", Label: "Jag kommer"}, {Action: "rsvp.decline", Label: "Kan inte", Prompt: &chat.Prompt{Title: "x"}}}}
	ref, err := mm.Send(context.Background(), to, msg, "k1")
	if err != nil {
		t.Fatal(err)
	}
	update := chat.Message{Text: "ny", Buttons: []chat.Button{{Action: "a", Label: "A"}, {Action: "rsvp.attend", Label: "Jag kommer ✓"}}}
	if err := mm.Update(context.Background(), ref, update); err != nil {
		t.Fatal(err)
	}
	want := `→ anna-id [mattermost]
  *Kallelse*
  rad ett
  rad två
  Kommun: Lund
  [b1] Jag kommer  [b2] Kan inte…
✎ anna-id [mattermost] (uppdaterat/updated)
  ny
  [b3] A  [b4] Jag kommer ✓
`
	if out.String() != want {
		t.Fatalf("output:\n%s\nwant:\n%s", out.String(), want)
	}
	tests := []struct {
		id        string
		ok, stale bool
		label     string
	}{
		{"b1", true, false, "Jag kommer ✓"}, // still in the new version: same action
		{"b2", true, true, "Kan inte"},      // dropped by the update: refused
		{"b3", true, false, "A"},
		{"b4", true, false, "Jag kommer ✓"},
		{"b5", false, false, ""},
	}
	for _, tt := range tests {
		b, ok := s.button(tt.id)
		if ok != tt.ok || ok && (b.stale != tt.stale || b.Label != tt.label || b.to.ContactID != "anna-id") {
			t.Errorf("%s = %+v, %v; want ok %v stale %v label %q", tt.id, b, ok, tt.ok, tt.stale, tt.label)
		}
	}
	if err := mm.Update(context.Background(), chat.Ref{ID: "m99"}, msg); err == nil {
		t.Error("update of an unknown message succeeded")
	}
}

func TestSplitFlag(t *testing.T) {
	tests := []struct {
		in     string
		choice string
		flag   bool
	}{
		{"2 mandat", "2", true},
		{"2 med mandat", "2", true},
		{"omar utan mandat", "omar", false},
		{"3", "3", false},
		{"1 with mandate", "1", true},
		{"1 without mandate", "1", false},
		{"", "", false},
	}
	for _, tt := range tests {
		c, f := splitFlag(tt.in)
		if c != tt.choice || f != tt.flag {
			t.Errorf("splitFlag(%q) = %q, %v; want %q, %v", tt.in, c, f, tt.choice, tt.flag)
		}
	}
}

// FuzzPromptAnswer: a prompt answer line never panics and a number picks
// within the options.
func FuzzPromptAnswer(f *testing.F) {
	for _, s := range []string{"2 mandat", "omar utan mandat", "", "99", "-1 med mandat", "1 with mandate"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		choice, _ := splitFlag(line)
		if strings.ContainsAny(choice, " \t\n") {
			t.Fatalf("choice %q holds a space", choice)
		}
	})
}
