package mattermost

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/mattermost/mattermost/server/public/model"

	"github.com/samla-sip/samla/internal/chat"
)

func TestNewCaseCommands(t *testing.T) {
	tests := []struct {
		name    string
		sub     map[string]any
		command string
		meeting string
		errs    []string
	}{
		{"minimal", map[string]any{"kommun": "Lund", "alder": "14", "parter": "bup,skola"},
			"ny kommun=Lund ålder=14 parter=bup,skola", "", nil},
		{"spaces and case", map[string]any{"kommun": " Malmö stad ", "alder": "82", "parter": "Slutenvard, hemtjanst  hemsjukvard"},
			`ny kommun="Malmö stad" ålder=82 parter=slutenvard,hemtjanst,hemsjukvard`, "", nil},
		{"needs quoted", map[string]any{"kommun": "Lund", "alder": "14", "parter": "bup", "behov": `Stöd i "skolan" \ hemma`, "mote": "2026-12-10 13:00"},
			`ny kommun=Lund ålder=14 parter=bup behov="Stöd i \"skolan\" \\ hemma"`, "2026-12-10 13:00", nil},
		{"missing all", map[string]any{}, "", "", []string{"alder", "kommun", "parter"}},
		{"bad age", map[string]any{"kommun": "Lund", "alder": "fjorton", "parter": "bup"}, "", "", []string{"alder"}},
		{"negative age", map[string]any{"kommun": "Lund", "alder": "-1", "parter": "bup"}, "", "", []string{"alder"}},
		{"wrong types", map[string]any{"kommun": 3, "alder": 14.0, "parter": true}, "", "", []string{"alder", "kommun", "parter"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			command, meeting, errs := newCaseCommands("sv", tt.sub)
			if command != tt.command || meeting != tt.meeting {
				t.Errorf("got %q, %q; want %q, %q", command, meeting, tt.command, tt.meeting)
			}
			var fields []string
			for f := range errs {
				fields = append(fields, f)
			}
			if strings.Join(sorted(fields), ",") != strings.Join(tt.errs, ",") {
				t.Errorf("errors %v, want fields %v", errs, tt.errs)
			}
		})
	}
}

func sorted(s []string) []string {
	for i := range s {
		for j := i + 1; j < len(s); j++ {
			if s[j] < s[i] {
				s[i], s[j] = s[j], s[i]
			}
		}
	}
	return s
}

func TestNewCaseDialogSubmission(t *testing.T) {
	fake := newFakeMM(t)
	h := &recorder{replyFor: func(text string) chat.Reply {
		if strings.HasPrefix(text, "ny ") {
			return chat.Reply{Text: "Ärende SIP-7K3QF2 öppnat."}
		}
		return chat.Reply{Text: "Möte satt."}
	}}
	b := testBot(t, fake, h, nil)
	fake.addUser(userID("anna"), "anna", "")
	submit := model.SubmitDialogRequest{
		State: b.newCaseState("skane", userID("anna")), UserId: userID("anna"),
		Submission: map[string]any{"kommun": "Lund", "alder": "14", "parter": "bup,skola", "mote": "2026-12-10 13:00 video"},
	}
	if code, body := postJSON(b, "/mattermost/dialogs", submit); code != http.StatusOK || strings.TrimSpace(body) != "{}" {
		t.Fatalf("status %d: %s", code, body)
	}
	want := []string{"ny kommun=Lund ålder=14 parter=bup,skola", "möte SIP-7K3QF2 2026-12-10 13:00 video"}
	if len(h.commands) != 2 || h.commands[0].Text != want[0] || h.commands[1].Text != want[1] {
		t.Fatalf("handler saw %+v, want %q", h.commands, want)
	}
	if h.commands[0].Who.UserID != "anna" || h.commands[0].Who.Workspace != "skane" {
		t.Errorf("actor %+v", h.commands[0].Who)
	}
	if fake.postCount() != 2 {
		t.Errorf("%d reply posts, want 2", fake.postCount())
	}
}

func TestNewCaseDialogKeepsRefusedFormOpen(t *testing.T) {
	fake := newFakeMM(t)
	h := &recorder{reply: chat.Reply{Text: "Okänd kommun: Lundx. Exempel: /sip ny kommun=Lund ålder=14 parter=bup"}}
	b := testBot(t, fake, h, nil)
	submit := model.SubmitDialogRequest{
		State: b.newCaseState("skane", userID("anna")), UserId: userID("anna"),
		Submission: map[string]any{"kommun": "Lundx", "alder": "14", "parter": "bup"},
	}
	code, body := postJSON(b, "/mattermost/dialogs", submit)
	if code != http.StatusOK || !strings.Contains(body, `"error":"Okänd kommun`) {
		t.Fatalf("status %d: %s", code, body)
	}
	submit.Submission["alder"] = "x"
	code, body = postJSON(b, "/mattermost/dialogs", submit)
	if code != http.StatusOK || !strings.Contains(body, `"errors":{"alder"`) {
		t.Fatalf("status %d: %s", code, body)
	}
	if len(h.commands) != 1 || fake.postCount() != 0 {
		t.Fatalf("handler saw %d commands, %d posts", len(h.commands), fake.postCount())
	}
}

func FuzzNewCaseCommands(f *testing.F) {
	f.Add("Lund", "14", "bup,skola", "behov", "2026-12-10 13:00")
	f.Add(`"`, "1e3", ",,,", `\"`, "")
	f.Fuzz(func(t *testing.T, kommun, age, parties, needs, meeting string) {
		sub := map[string]any{"kommun": kommun, "alder": age, "parter": parties, "behov": needs, "mote": meeting}
		command, _, errs := newCaseCommands("en", sub)
		if len(errs) > 0 {
			if command != "" {
				t.Fatalf("errors %v but command %q", errs, command)
			}
			return
		}
		if !strings.HasPrefix(command, "ny kommun=") || strings.Contains(command, "\n") && !strings.Contains(needs+kommun, "\n") {
			t.Fatalf("command %q", command)
		}
	})
}

// onceSet is a fake store.Once.
type onceSet map[string]bool

func (o onceSet) Once(_ context.Context, key string, _ time.Duration) (bool, error) {
	if o[key] {
		return false, nil
	}
	o[key] = true
	return true, nil
}

func TestNewCaseDialogDoubleSubmit(t *testing.T) {
	fake := newFakeMM(t)
	h := &recorder{reply: chat.Reply{Text: "Ärende SIP-7K3QF2 öppnat."}}
	b := testBot(t, fake, h, nil)
	b.opts.Dedup = onceSet{}
	fake.addUser(userID("anna"), "anna", "")
	submit := model.SubmitDialogRequest{
		State: b.newCaseState("skane", userID("anna")), UserId: userID("anna"),
		Submission: map[string]any{"kommun": "Lund", "alder": "14", "parter": "bup"},
	}
	for range 2 {
		if code, body := postJSON(b, "/mattermost/dialogs", submit); code != http.StatusOK {
			t.Fatalf("status %d: %s", code, body)
		}
	}
	if len(h.commands) != 1 {
		t.Fatalf("a double submit ran %d commands", len(h.commands))
	}
	submit.Submission["alder"] = "15" // corrected after a refusal: runs
	postJSON(b, "/mattermost/dialogs", submit)
	if len(h.commands) != 2 {
		t.Fatalf("a changed submission was dropped (%d commands)", len(h.commands))
	}
}
