package mattermost

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/mattermost/mattermost/server/public/model"

	"github.com/samla-sip/samla/internal/chat"
	"github.com/samla-sip/samla/internal/sip"
)

func TestNewCaseInput(t *testing.T) {
	tests := []struct {
		name string
		sub  map[string]any
		want sip.NewCase
	}{
		{"minimal", map[string]any{"kommun": "Lund", "alder": "14", "parter": "bup,skola"},
			sip.NewCase{Kommun: "Lund", Age: "14", Parties: []string{"bup,skola"}}},
		{"as typed", map[string]any{"kommun": " Malmö stad ", "alder": "82", "parter": "Slutenvard, hemtjanst  hemsjukvard", "behov": `Stöd i "skolan"`, "mote": " 2026-12-10 13:00 video "},
			sip.NewCase{Kommun: " Malmö stad ", Age: "82", Parties: []string{"Slutenvard, hemtjanst  hemsjukvard"}, Needs: `Stöd i "skolan"`,
				Meeting: sip.MeetingTime{When: "2026-12-10 13:00 video"}}},
		{"wrong types", map[string]any{"kommun": 3, "alder": 14.0, "parter": true}, sip.NewCase{Parties: []string{""}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := newCaseInput(tt.sub); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestDialogRefusal(t *testing.T) {
	no := &sip.Refusal{Errors: []*sip.InputError{
		{Field: sip.FieldAge, Message: "ålder"}, {Field: sip.FieldSlots, Message: "tider"},
		{Field: sip.FieldMeeting, Message: "möte"}, {Field: "", Message: "hela formuläret"},
	}}
	got := dialogRefusal("sv", fmt.Errorf("wrapped: %w", no))
	want := model.SubmitDialogResponse{Error: "hela formuläret", Errors: map[string]string{fieldAge: "ålder", fieldMeeting: "tider"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v, want %+v", got, want)
	}
	if got := dialogRefusal("en", errors.New("disk full")); got.Error != text("en", "err.internal") || got.Errors != nil {
		t.Errorf("internal failure shown as %+v", got)
	}
}

// TestNewCaseDialogSubmission: the form makes one typed call (no command
// text, no follow-up command) and the answer comes by DM.
func TestNewCaseDialogSubmission(t *testing.T) {
	fake := newFakeMM(t)
	h := &recorder{reply: chat.Reply{Text: "Ärende SIP-7K3QF2 öppnat.\nMöte satt."}}
	b := testBot(t, fake, h, nil)
	fake.addUser(userID("anna"), "anna", "")
	submit := model.SubmitDialogRequest{
		State: b.newCaseState("skane", userID("anna")), UserId: userID("anna"),
		Submission: map[string]any{"kommun": "Lund", "alder": "14", "parter": "bup,skola", "mote": "2026-12-10 13:00 video"},
	}
	if code, body := postJSON(b, "/mattermost/dialogs", submit); code != http.StatusOK || strings.TrimSpace(body) != "{}" {
		t.Fatalf("status %d: %s", code, body)
	}
	want := sip.NewCase{Kommun: "Lund", Age: "14", Parties: []string{"bup,skola"}, Meeting: sip.MeetingTime{When: "2026-12-10 13:00 video"}}
	if len(h.newCases) != 1 || !reflect.DeepEqual(h.newCases[0], want) || len(h.commands) != 0 {
		t.Fatalf("core saw %+v and commands %+v", h.newCases, h.commands)
	}
	if fake.postCount() != 1 {
		t.Errorf("%d reply posts, want 1", fake.postCount())
	}
}

// TestNewCaseDialogKeepsRefusedFormOpen: whatever the refusal's text
// says (here, a case reference), the form stays open with the reason on
// the field the core names, and nothing else runs.
func TestNewCaseDialogKeepsRefusedFormOpen(t *testing.T) {
	fake := newFakeMM(t)
	h := &recorder{newCase: func(sip.NewCase) (sip.Result, error) {
		return sip.Result{}, &sip.Refusal{Errors: []*sip.InputError{{Field: sip.FieldKommun, Message: "Hittar ingen kommun som heter \"SIP-ABCDEF\"."}}}
	}}
	b := testBot(t, fake, h, nil)
	submit := model.SubmitDialogRequest{
		State: b.newCaseState("skane", userID("anna")), UserId: userID("anna"),
		Submission: map[string]any{"kommun": "SIP-ABCDEF", "alder": "14", "parter": "bup", "mote": "2026-12-10 13:00"},
	}
	code, body := postJSON(b, "/mattermost/dialogs", submit)
	if code != http.StatusOK || !strings.Contains(body, `"errors":{"kommun":"Hittar ingen kommun`) {
		t.Fatalf("status %d: %s", code, body)
	}
	if len(h.newCases) != 1 || len(h.commands) != 0 || fake.postCount() != 0 {
		t.Fatalf("core saw %d new cases, %d commands; %d posts", len(h.newCases), len(h.commands), fake.postCount())
	}
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
	if len(h.newCases) != 1 {
		t.Fatalf("a double submit created %d cases", len(h.newCases))
	}
	submit.Submission["alder"] = "15" // corrected after a refusal: runs
	postJSON(b, "/mattermost/dialogs", submit)
	if len(h.newCases) != 2 {
		t.Fatalf("a changed submission was dropped (%d calls)", len(h.newCases))
	}
}
