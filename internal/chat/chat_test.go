package chat

import (
	"reflect"
	"testing"
)

// TestReplyBody pins the one rule for what a reply shows.
func TestReplyBody(t *testing.T) {
	status := &Message{Title: "SIP-7K3QF2", Text: "Kallade: …", Fields: []Field{{Label: "Samtycke", Value: "✓"}}}
	tests := []struct {
		name  string
		reply Reply
		want  Message
	}{
		{"text only", Reply{Text: "Klart."}, Message{Text: "Klart."}},
		{"message only", Reply{Message: status}, *status},
		{"a message wins over text", Reply{Text: "status as text", Message: status}, *status},
		{"text fills an empty message", Reply{Text: "Välj:", Message: &Message{Buttons: []Button{{Action: "a"}}}},
			Message{Text: "Välj:", Buttons: []Button{{Action: "a"}}}},
		{"empty", Reply{}, Message{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.reply.Body(); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Body() = %+v, want %+v", got, tt.want)
			}
		})
	}
	if status.Text != "Kallade: …" {
		t.Error("Body changed the reply's message")
	}
}

func TestReplyEmpty(t *testing.T) {
	for _, r := range []Reply{{Text: "x"}, {Message: &Message{Title: "t"}}, {Prompt: &Prompt{Title: "p"}},
		{Message: &Message{Fields: []Field{{Label: "l"}}}}} {
		if r.Empty() {
			t.Errorf("%+v is not empty", r)
		}
	}
	if !(Reply{Message: &Message{}}).Empty() || !(Reply{}).Empty() {
		t.Error("an empty reply is not Empty")
	}
}

func TestMessagePlain(t *testing.T) {
	m := Message{Title: "SIP-7K3QF2 · Lund", Text: "rad 1\nrad 2", Fields: []Field{{Label: "Tid", Value: "13:00"}},
		Buttons: []Button{{Label: "Jag kommer"}}}
	if got, want := m.Plain(), "*SIP-7K3QF2 · Lund*\nrad 1\nrad 2\nTid: 13:00"; got != want {
		t.Errorf("Plain() = %q, want %q", got, want)
	}
	if got := (Message{Text: "bara text"}).Plain(); got != "bara text" {
		t.Errorf("Plain() = %q", got)
	}
}
