package sip

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"sync"
	"testing"
)

// fakeApprover is an AgendaApprover whose "model" records what it got.
type fakeApprover struct {
	mu    sync.Mutex
	sent  []string // approvals the model was asked with
	needs string   // the text the preview is of
}

func (f *fakeApprover) Enabled() bool { return true }

func (f *fakeApprover) PreviewMarked(needs, open, close string) (string, string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.needs = needs
	return "Hon heter " + open + "[NAMN-1]" + close + ".", fakeHash(needs)
}

func (f *fakeApprover) DraftMarkdown(ctx context.Context, needs string, parties []string, lang string) (string, bool, error) {
	return "1. Mall", false, nil
}

func (f *fakeApprover) DraftApproved(ctx context.Context, needs string, parties []string, lang, approved string) (string, bool, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if approved != fakeHash(needs) {
		return "1. Mall", false, nil
	}
	f.sent = append(f.sent, approved)
	return "1. Från modellen", true, nil
}

func TestAgendaAsksBeforeSendingToTheModel(t *testing.T) {
	ap := &fakeApprover{}
	h := newHarness(t, func(d *Deps) { d.Agenda = ap })
	ref, invs := h.invitedCase(`behov="Hon heter Maja."`)
	h.drain()

	// /sip agenda shows the exact text, replacements marked, and asks.
	r := h.svc.Command(h.ctx, actor(kurator), "agenda "+ref)
	if r.Message == nil || len(r.Message.Buttons) != 2 {
		t.Fatalf("agenda reply %+v", r)
	}
	body := r.Body().Plain()
	for _, want := range []string{"Hon heter «[NAMN-1]».", "Skicka till språkmodellen?"} {
		if !strings.Contains(body, want) {
			t.Errorf("preview lacks %q:\n%s", want, body)
		}
	}
	if len(ap.sent) != 0 || h.load(ref).Agenda != nil {
		t.Fatal("something was drafted before the convener confirmed")
	}
	send := r.Message.Buttons[0]
	if send.Action != actAgendaSend || send.Value != ref+" "+fakeHash("Hon heter Maja.") {
		t.Fatalf("send button %+v", send)
	}

	// Only the convener can confirm, and only the text that was shown.
	if r := h.act(invs["bup"].ContactID, actAgendaSend, send.Value, "", false); !strings.Contains(r.Text, "Bara den som kallar") {
		t.Errorf("invitee confirmed: %q", r.Text)
	}
	if r := h.act(kurator, actAgendaSend, ref+" hash-of-an-older-text", "", false); !strings.Contains(r.Body().Plain(), "Skicka till språkmodellen?") || len(ap.sent) != 0 {
		t.Fatalf("stale confirmation: %+v, sent %v", r, ap.sent)
	}

	// The confirmation sends, and the timeline records who, when and the
	// hash — never the text.
	r = h.act(kurator, actAgendaSend, send.Value, "", false)
	if !strings.Contains(r.Body().Plain(), "1. Från modellen") || len(ap.sent) != 1 {
		t.Fatalf("confirmed draft: %q, sent %v", r.Body().Plain(), ap.sent)
	}
	c := h.load(ref)
	var approved *Event
	for i, e := range c.Timeline {
		if e.Kind == "agenda.approved" {
			approved = &c.Timeline[i]
		}
		for _, a := range e.Args {
			if strings.Contains(a, "Maja") || strings.Contains(a, "[NAMN-1]") {
				t.Errorf("timeline holds the text: %+v", e)
			}
		}
	}
	if approved == nil || approved.Actor == "" || approved.At.IsZero() || len(approved.Args) != 1 || approved.Args[0] != fakeHash("Hon heter Maja.") {
		t.Fatalf("approval event %+v", approved)
	}

	// "Använd mallen" drafts without the model.
	if r := h.act(kurator, actAgendaTemplate, ref, "", false); !strings.Contains(r.Body().Plain(), "1. Mall") || len(ap.sent) != 1 {
		t.Fatalf("template: %q, sent %v", r.Body().Plain(), ap.sent)
	}
}

func fakeHash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}
