package sip

import (
	"strings"
	"testing"

	"github.com/samla-sip/samla/internal/chat"
	"github.com/samla-sip/samla/internal/outbox"
)

func TestNew(t *testing.T) {
	tests := []struct {
		name, in string
		want     string // substring of the reply
		created  bool
	}{
		{"swedish", "ny kommun=Lund ålder=14 parter=bup,skola", "skapat", true},
		{"english verb", "new kommun=lund age=14 parties=bup", "skapat", true},
		{"kommun by code", "ny kommun=1281 ålder=14 parter=bup", "Lund", true},
		{"unknown kommun", "ny kommun=Atlantis ålder=14 parter=bup", "Hittar ingen kommun", false},
		{"missing parties", "ny kommun=Lund ålder=14", "Parter saknas. Exempel: /sip ny", false},
		{"bad party", "ny kommun=Lund ålder=14 parter=tandvard", `Okänd part "tandvard"`, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t)
			out := h.cmd(kurator, tt.in)
			if !strings.Contains(out, tt.want) {
				t.Fatalf("reply %q does not contain %q", out, tt.want)
			}
			ref := refRE.FindString(out)
			if (ref != "") != tt.created {
				t.Fatalf("created = %v, want %v (%q)", ref != "", tt.created, out)
			}
			open, err := h.svc.OpenCases(h.ctx)
			if err != nil {
				t.Fatal(err)
			}
			if (len(open) == 1) != tt.created {
				t.Fatalf("open cases %v", open)
			}
			if !tt.created {
				return
			}
			c := h.load(ref)
			if c.Kommun != "1281" || c.Age != 14 || c.Convener.Key != kurator || c.Convener.ContactID != kurator {
				t.Errorf("case = %+v", c)
			}
		})
	}
}

func TestConsentGate(t *testing.T) {
	h := newHarness(t)
	ref := h.newCase("")
	out := h.cmd(kurator, "bjud "+ref)
	if !strings.Contains(out, "samtycke är inte registrerat") || !strings.Contains(out, "/sip samtycke "+ref) {
		t.Fatalf("invite before consent: %q", out)
	}
	for _, env := range h.drain() {
		if env.To.ContactID != kurator {
			t.Fatalf("before consent a message went to %s: %+v", env.To, env.Msg)
		}
	}
	if c := h.load(ref); len(c.Invitations) != 0 {
		t.Fatalf("invitations recorded before consent: %+v", c.Invitations)
	}
	h.cmd(kurator, "samtycke "+ref+" skriftligt vårdnadshavare")
	out = h.cmd(kurator, "bjud "+ref)
	if !strings.Contains(out, "Kallelser för "+ref) {
		t.Fatalf("invite after consent: %q", out)
	}
	invited := 0
	for _, env := range h.drain() {
		if env.To.ContactID != kurator {
			invited++
		}
	}
	if invited == 0 {
		t.Fatal("no invitation queued after consent")
	}
}

// invitedCase opens a case with consent and a meeting, invites, and
// returns the reference and the invitations by party.
func (h *harness) invitedCase(extra string) (string, map[string]Invitation) {
	h.t.Helper()
	ref := h.newCase(extra)
	h.cmd(kurator, "samtycke "+ref+" skriftligt vårdnadshavare")
	h.cmd(kurator, "möte "+ref+" 2026-12-10 13:00 video")
	h.cmd(kurator, "bjud "+ref)
	byParty := map[string]Invitation{}
	for _, in := range h.load(ref).Invitations {
		byParty[in.Party] = in
	}
	return ref, byParty
}

func TestInvitationCarriesNoNeeds(t *testing.T) {
	h := newHarness(t)
	ref, invs := h.invitedCase(`behov="` + testNeeds + `"`)
	if len(invs) != 4 || invs["skola"].ContactID != kurator || invs["skola"].State != StateAttending {
		t.Fatalf("invitations %+v, want one per party", invs)
	}
	envs := h.drain()
	for party, in := range invs {
		if in.Address == nil {
			continue
		}
		got := sentTo(envs, in.ContactID)
		if len(got) != 1 {
			t.Fatalf("%s: %d messages to %s", party, len(got), in.ContactID)
		}
		msg := got[0].Msg
		text := msg.Plain()
		if strings.Contains(text, testNeeds) || strings.Contains(text, "14 år") {
			t.Errorf("%s invitation leaks needs or exact age:\n%s", party, text)
		}
		if !strings.Contains(text, ref) || !strings.Contains(text, "0–18") {
			t.Errorf("%s invitation lacks reference or age band:\n%s", party, text)
		}
		actions := map[string]*chat.Button{}
		for i, b := range msg.Buttons {
			actions[b.Action] = &msg.Buttons[i]
			if b.Value != ref+"|"+in.ID {
				t.Errorf("button %s value %q", b.Action, b.Value)
			}
		}
		for _, a := range []string{actAttend, actVideo, actDecline, actDelegate} {
			if actions[a] == nil {
				t.Fatalf("%s invitation lacks %s", party, a)
			}
		}
		if actions[actDecline].Prompt == nil || actions[actDelegate].Prompt == nil || actions[actDelegate].Prompt.Checkbox == "" {
			t.Errorf("decline/delegate prompts missing: %+v", msg.Buttons)
		}
	}
	// Accepting points to the case room; the needs never enter chat
	// (issue 13), not even for the invitee who accepted.
	in := invs["bup"]
	r := h.act(in.ContactID, actAttend, ref+"|"+in.ID, "", false)
	if strings.Contains(r.Text, testNeeds) || !strings.Contains(r.Text, "ärendets rum") {
		t.Errorf("accept reply shows the needs or lacks the room: %q", r.Text)
	}
	for _, who := range []string{invs["socialtjanst-barn"].ContactID, in.ContactID, kurator} {
		if out := h.cmd(who, "status "+ref); strings.Contains(out, testNeeds) {
			t.Errorf("%s sees the needs in chat: %q", who, out)
		}
	}
	res, err := h.svc.View(h.ctx, actor(in.ContactID), ref)
	if err != nil || res.Case.Needs != testNeeds {
		t.Errorf("the accepted invitee's view (the room's) lacks the needs: %v %+v", err, res.Case)
	}
}

func TestVisibility(t *testing.T) {
	h := newHarness(t)
	ref, invs := h.invitedCase("")
	for _, verb := range []string{"status", "logg", "plan", "samtycke", "återkalla", "bjud", "agenda", "avsluta"} {
		t.Run(verb, func(t *testing.T) {
			got := h.cmd(outsider, verb+" "+ref)
			missing := h.cmd(outsider, verb+" SIP-ZZZZZZ")
			if got != missing || !strings.Contains(got, "hittades inte") {
				t.Fatalf("outsider on %s: %q; on a missing ref: %q", verb, got, missing)
			}
		})
	}
	invitee := invs["bup"].ContactID
	if out := h.cmd(invitee, "status "+ref); !strings.Contains(out, ref) {
		t.Errorf("invitee cannot see status: %q", out)
	}
	if out := h.cmd(invitee, "samtycke "+ref); !strings.Contains(out, "Bara den som kallar") {
		t.Errorf("invitee changed consent: %q", out)
	}
	// Buttons of another invitee's invitation are "not found" too.
	r := h.act(outsider, actAttend, ref+"|"+invs["bup"].ID, "", false)
	if !strings.Contains(r.Text, "hittades inte") {
		t.Errorf("outsider answered an invitation: %q", r.Text)
	}
}

func TestWithdrawCancelsInvitations(t *testing.T) {
	h := newHarness(t)
	ref, invs := h.invitedCase("")
	// Nothing delivered yet: withdrawing must cancel the queued invitations.
	out := h.cmd(kurator, "återkalla "+ref)
	if !strings.Contains(out, "återkallat") {
		t.Fatalf("withdraw: %q", out)
	}
	envs := h.drain()
	for _, env := range envs {
		for _, b := range env.Msg.Buttons {
			if strings.HasPrefix(b.Action, "rsvp.") {
				t.Fatalf("an invitation was delivered after withdrawal: %+v", env)
			}
		}
	}
	for party, in := range invs {
		if in.Address == nil {
			continue
		}
		got := sentTo(envs, in.ContactID)
		if len(got) != 1 || !strings.Contains(got[0].Msg.Text, "återtagen") || strings.Contains(got[0].Msg.Text, "14") {
			t.Errorf("%s: cancellation notice %+v", party, got)
		}
	}
	c := h.load(ref)
	for _, in := range c.Invitations {
		if in.State != StateCancelled {
			t.Errorf("invitation %s is %s", in.ID, in.State)
		}
	}
	if r := h.act(invs["bup"].ContactID, actAttend, ref+"|"+invs["bup"].ID, "", false); !strings.Contains(r.Text, "återtagen") {
		t.Errorf("answer to a cancelled invitation: %q", r.Text)
	}
	if out := h.cmd(kurator, "bjud "+ref); !strings.Contains(out, "samtycke är inte registrerat") {
		t.Errorf("invite after withdrawal: %q", out)
	}
	// Consent again: invitations are sent afresh.
	h.cmd(kurator, "samtycke "+ref+" muntligt")
	h.cmd(kurator, "bjud "+ref)
	fresh := 0
	for _, env := range h.drain() {
		for _, b := range env.Msg.Buttons {
			if b.Action == actAttend {
				fresh++
			}
		}
	}
	if fresh == 0 {
		t.Error("no fresh invitations after consent was given again")
	}
}

func TestRSVPKinds(t *testing.T) {
	h := newHarness(t)
	ref, invs := h.invitedCase("")
	h.drain()
	bup, skola, soc := invs["bup"], invs["primarvard"], invs["socialtjanst-barn"]
	if r := h.act(bup.ContactID, actVideo, ref+"|"+bup.ID, "", false); !strings.Contains(r.Text, "via video") {
		t.Fatalf("video: %q", r.Text)
	}
	// Declining without a reason asks for one.
	r := h.act(skola.ContactID, actDecline, ref+"|"+skola.ID, "", false)
	if r.Prompt == nil || r.PromptAction != actDecline {
		t.Fatalf("decline without reason: %+v", r)
	}
	h.act(skola.ContactID, actDecline, ref+"|"+skola.ID, "krockar med nationella prov", false)
	opts := delegateOptions(h.dir.Current(), nil, soc.ContactID, soc.Party, h.clock.Now())
	if len(opts) == 0 {
		t.Fatalf("no delegate options for %s", soc.ContactID)
	}
	r = h.act(soc.ContactID, actDelegate, ref+"|"+soc.ID, opts[0].Value, true)
	if !strings.Contains(r.Text, "med mandat") {
		t.Fatalf("delegate: %q", r.Text)
	}
	c := h.load(ref)
	if got := c.invitation(bup.ID).State; got != StateVideo {
		t.Errorf("bup state %s", got)
	}
	if in := c.invitation(skola.ID); in.State != StateDeclined || in.Declined != "krockar med nationella prov" {
		t.Errorf("skola %+v", in)
	}
	if in := c.invitation(soc.ID); in.State != StateDelegated || in.Delegate != opts[0].Value || !in.Mandate {
		t.Errorf("soc %+v", in)
	}
	repl := c.Invitations[len(c.Invitations)-1]
	if repl.ContactID != opts[0].Value || repl.From != soc.ID || repl.State != StatePending {
		t.Errorf("replacement invitation %+v", repl)
	}
	envs := h.drain()
	if len(sentTo(envs, opts[0].Value)) != 1 && repl.Address != nil {
		t.Errorf("delegate got no invitation: %+v", envs)
	}
	notes := sentTo(envs, kurator)
	if len(notes) != 2 {
		t.Errorf("convener notes: %+v", notes)
	}
	var status *outbox.Envelope
	for i, e := range envs {
		if e.Msg.Key == StatusKey(ref) {
			status = &envs[i]
		}
	}
	if status == nil {
		t.Fatal("no live status update")
	}
	text := status.Msg.Plain()
	for _, want := range []string{"via video", "kan inte: krockar med nationella prov", "med mandat", "tackade nej, ingen ersättare"} {
		if !strings.Contains(text, want) {
			t.Errorf("status lacks %q:\n%s", want, text)
		}
	}
	// The delegate answers for the party.
	h.act(repl.ContactID, actAttend, ref+"|"+repl.ID, "", false)
	if r := h.act(soc.ContactID, actAttend, ref+"|"+soc.ID, "", false); !strings.Contains(r.Text, "redan skickat") {
		t.Errorf("delegating invitee answered again: %q", r.Text)
	}
}
