package sip

import (
	"context"
	"strings"
	"testing"

	"github.com/samla-sip/samla/internal/chat"
)

// fakeRoom makes room links that name the actor and the case.
type fakeRoom struct{}

func (fakeRoom) Link(ctx context.Context, who chat.Actor, ref string) (string, error) {
	return "https://samla.test/rum/open?t=" + who.ContactID + "." + ref, nil
}

// echoApprover is the worst drafter: its preview and drafts repeat the
// needs text word for word.
type echoApprover struct{}

func (echoApprover) Enabled() bool { return true }
func (echoApprover) PreviewMarked(needs, open, close string) (string, string) {
	return open + needs + close, "hash-" + needs
}
func (echoApprover) DraftMarkdown(ctx context.Context, needs string, parties []string, lang string) (string, bool, error) {
	return "1. " + needs, false, nil
}
func (echoApprover) DraftApproved(ctx context.Context, needs string, parties []string, lang, approved string) (string, bool, error) {
	return "1. " + needs, true, nil
}

// Canaries: texts about the individual that must never reach chat.
const (
	canaryNeeds   = "KANARIEBEHOV ångest pappa oroar sig"
	canaryEffort  = "KANARIEINSATS samtal varannan vecka"
	canaryMeasure = "KANARIEÅTGÄRD skolskjuts"
)

// TestChatCarriesNoCaseText drives a whole convening with needs, efforts
// and measures holding canaries, as convener and every invitee, and
// proves that no reply and no outgoing chat message carries any of them
// (issue 13): chat shows the room's button and link instead.
func TestChatCarriesNoCaseText(t *testing.T) {
	h := newHarness(t, func(d *Deps) { d.Room, d.Agenda = fakeRoom{}, echoApprover{} })
	ref, invs := h.invitedCase(`behov="` + canaryNeeds + `"`)
	var replies []chat.Reply
	say := func(who, text string) {
		replies = append(replies, h.svc.Command(h.ctx, actor(who), text))
	}
	press := func(who, name, value, input string) {
		replies = append(replies, h.act(who, name, value, input, false))
	}
	bup, soc, prim := invs["bup"], invs["socialtjanst-barn"], invs["primarvard"]
	press(bup.ContactID, actAttend, ref+"|"+bup.ID, "")
	press(soc.ContactID, actVideo, ref+"|"+soc.ID, "")
	press(prim.ContactID, actDecline, ref+"|"+prim.ID, "sjuk")
	say(kurator, `plan `+ref+` insats bup "`+canaryEffort+`"`)
	say(kurator, `plan `+ref+` åtgärd "`+canaryMeasure+`"`)
	say(kurator, `plan `+ref+` mål "KANARIEMÅL gå i skolan"`)
	say(kurator, `plan `+ref+` behov "KANARIEBEHOVSPUNKT skolnärvaro"`)
	say(kurator, `plan `+ref+` åtgärd skola "KANARIEANNAN läxhjälp"`)
	say(kurator, "plan "+ref+" ansvar=bup-lund")
	say(kurator, "uppföljning "+ref+" 2027-03-01")
	for _, who := range []string{kurator, bup.ContactID, soc.ContactID, prim.ContactID} {
		say(who, "status "+ref)
		say(who, "plan "+ref)
		say(who, "logg "+ref)
		say(who, "mina")
	}
	// The agenda: preview for the model, approval, draft, share.
	preview := h.act(kurator, actAgendaDraft, ref, "", false)
	replies = append(replies, preview)
	var approve string
	if m := preview.Message; m != nil {
		for _, b := range m.Buttons {
			if b.Action == actAgendaSend {
				approve = b.Value
			}
		}
	}
	if approve == "" {
		t.Fatalf("no approval button in the preview: %+v", preview)
	}
	press(kurator, actAgendaSend, approve, "")
	press(kurator, actAgendaShare, ref, "")
	say(kurator, "agenda "+ref)
	say(kurator, "möte "+ref+" 2026-12-11 10:00 video")
	envs := h.drain()
	say(kurator, "återkalla "+ref)
	envs = append(envs, h.drain()...)

	canaries := []string{canaryNeeds, canaryEffort, canaryMeasure, "KANARIE"}
	links := 0
	for _, r := range replies {
		text := r.Body().Plain()
		for _, c := range canaries {
			if strings.Contains(text, c) {
				t.Errorf("a reply carries %q:\n%s", c, text)
			}
		}
		if strings.Contains(text, "https://samla.test/rum/open?t=") {
			links++
		}
	}
	if links < len(replies)/2 {
		t.Errorf("only %d of %d replies link to the room", links, len(replies))
	}
	buttons := 0
	for _, env := range envs {
		text := env.Msg.Plain()
		for _, b := range env.Msg.Buttons {
			text += "\n" + b.Label + " " + b.Value
			if b.Prompt != nil {
				text += " " + b.Prompt.Title + " " + b.Prompt.Label
			}
			if b.Action == ActOpenRoom && b.Value == ref {
				buttons++
			}
		}
		for _, c := range canaries {
			if strings.Contains(text, c) {
				t.Errorf("message to %s carries %q:\n%s", env.To, c, text)
			}
		}
	}
	if len(envs) < 8 || buttons < len(envs)*3/4 {
		t.Errorf("%d messages, %d with the room's button", len(envs), buttons)
	}
	// The room itself (the typed view) still has the texts for those who
	// may see them.
	res, err := h.svc.View(h.ctx, actor(kurator), ref)
	if err == nil && (len(res.Case.Plan.Goals) != 1 || len(res.Case.Plan.NeedItems) != 1) {
		t.Errorf("goal and need item not recorded (the canary saw nothing): %+v", res.Case.Plan)
	}
	if err != nil || res.Case.Needs != canaryNeeds {
		t.Fatalf("the convener's view lacks the needs: %v", err)
	}
	if a := res.Case.Agenda; a == nil || !strings.Contains(a.Markdown, canaryNeeds) || a.Shared == nil {
		t.Errorf("the convener's view lacks the shared agenda: %+v", a)
	}
	if !strings.Contains(res.Case.AgendaPreview, "«"+canaryNeeds+"»") {
		t.Errorf("the convener's view lacks the model preview: %q", res.Case.AgendaPreview)
	}
	if res, _ := h.svc.View(h.ctx, actor(prim.ContactID), ref); res.Case != nil && res.Case.AgendaPreview != "" {
		t.Error("an invitee sees the model preview")
	}
}
