package sip

import (
	"strings"
	"testing"
	"time"

	"github.com/samla-sip/samla/internal/chat"
	"github.com/samla-sip/samla/internal/outbox"
)

const fkContact, fkMail = "fk-skane-samverkan", "samverkan.skane@fk.example.se"

// fkMeeting is the calendar event of the one envelope to Försäkringskassan.
func fkMeeting(t *testing.T, envs []outbox.Envelope, what string) (outbox.Envelope, *chat.Meeting) {
	t.Helper()
	got := sentTo(envs, fkContact)
	if len(got) != 1 {
		t.Fatalf("%s: %d e-mails to Försäkringskassan, want 1: %+v", what, len(got), got)
	}
	if got[0].To.Platform != chat.Email || got[0].To.User != fkMail {
		t.Fatalf("%s: sent to %+v", what, got[0].To)
	}
	return got[0], got[0].Msg.Meeting
}

// TestEmailOnlyContactByEmail: with the e-mail channel on, a contact
// reached only by e-mail is invited, moved, withdrawn and invited again by
// e-mail, each with the same calendar event at a rising SEQUENCE.
func TestEmailOnlyContactByEmail(t *testing.T) {
	h := newHarness(t, func(d *Deps) { d.Email = true })
	ref, _ := h.invitedCase("")
	h.drain()

	h.cmd(kurator, "samtycke "+ref+" parter=forsakringskassan") // consent covers the party first
	out := h.cmd(kurator, "bjud "+ref+" forsakringskassan")
	if strings.Contains(out, "kontakta personligen") || !strings.Contains(out, "via email") {
		t.Fatalf("invite: %q", out)
	}
	c := h.load(ref)
	fk := c.Invitations[len(c.Invitations)-1]
	if fk.Address == nil || fk.Address.Platform != chat.Email || fk.Manual != "" {
		t.Fatalf("invitation %+v", fk)
	}
	env, m := fkMeeting(t, h.drain(), "invitation")
	if len(env.Msg.Buttons) == 0 || m == nil || m.Cancelled || !m.Start.Equal(c.Meeting.At) || m.End.Sub(m.Start) != meetingLength ||
		m.UID != strings.ToLower(ref)+"@samla" || m.Summary != "SIP "+ref || m.Organizer == "" {
		t.Fatalf("invitation e-mail %+v with meeting %+v", env.Msg, m)
	}
	if strings.Contains(env.Msg.Text+m.Summary+m.Location, testNeeds) {
		t.Error("the needs text went into an e-mail")
	}
	seq := m.Sequence

	h.cmd(kurator, "möte "+ref+" 2026-12-11 09:00 plats=\"Stadshuset, rum 3\"")
	_, m = fkMeeting(t, h.drain(), "time change")
	if m == nil || m.Cancelled || m.Sequence <= seq || m.Location != "Stadshuset, rum 3" || m.Start.UTC().Hour() != 8 {
		t.Fatalf("time change: %+v (after SEQUENCE %d)", m, seq)
	}
	seq = m.Sequence

	h.cmd(kurator, "återkalla "+ref)
	env, m = fkMeeting(t, h.drain(), "withdrawal")
	if m == nil || !m.Cancelled || m.Sequence <= seq || !strings.Contains(env.Msg.Text, "återtagen") {
		t.Fatalf("withdrawal: %+v %+v (after SEQUENCE %d)", env.Msg, m, seq)
	}
	seq = m.Sequence

	h.cmd(kurator, "samtycke "+ref+" skriftligt vårdnadshavare")
	h.cmd(kurator, "samtycke "+ref+" parter=forsakringskassan") // consent covers the party first
	h.cmd(kurator, "bjud "+ref+" forsakringskassan")
	envs := h.drain()
	var again []outbox.Envelope
	for _, e := range sentTo(envs, fkContact) {
		if e.Msg.Meeting != nil && !e.Msg.Meeting.Cancelled {
			again = append(again, e)
		}
	}
	if len(again) != 1 || again[0].Msg.Meeting.Sequence <= seq {
		t.Fatalf("invited again: %+v (after SEQUENCE %d)", sentTo(envs, fkContact), seq)
	}
}

// TestEmailClosingSendsOneEmail: closing the case sends each e-mailed
// invitee one notice (a sent e-mail cannot be retracted); one who never
// answered gets the event cancelled with it.
func TestEmailClosingSendsOneEmail(t *testing.T) {
	h := newHarness(t, func(d *Deps) { d.Email = true })
	ref, _ := h.invitedCase("")
	h.cmd(kurator, "samtycke "+ref+" parter=forsakringskassan") // consent covers the party first
	h.cmd(kurator, "bjud "+ref+" forsakringskassan")
	h.drain()
	h.clock.Advance(30 * 24 * time.Hour)
	h.cmd(kurator, "plan "+ref+" responsible=bup-lund")
	h.cmd(kurator, "uppfoljning "+ref+" 2027-03-01")
	if out := h.cmd(kurator, "avsluta "+ref+" orsak=annat"); !strings.Contains(out, ref) {
		t.Fatalf("close: %q", out)
	}
	env, m := fkMeeting(t, h.drain(), "closing")
	if m == nil || !m.Cancelled {
		t.Errorf("closing notice %+v carries %+v, want the event cancelled", env.Msg, m)
	}
}

func TestEmailAnswerReceiptHasNoCalendar(t *testing.T) {
	h := newHarness(t, func(d *Deps) { d.Email = true })
	ref, _ := h.invitedCase("")
	h.cmd(kurator, "samtycke "+ref+" parter=forsakringskassan") // consent covers the party first
	h.cmd(kurator, "bjud "+ref+" forsakringskassan")
	fk := h.load(ref).Invitations[len(h.load(ref).Invitations)-1]
	h.drain()
	h.act(fkContact, actAttend, ref+"|"+fk.ID, "", false)
	for _, e := range sentTo(h.drain(), fkContact) {
		if e.Msg.Meeting != nil {
			t.Errorf("the receipt of an acceptance carries a calendar event: %+v", e.Msg)
		}
	}
}

func TestWithoutEmailChannelStaysManual(t *testing.T) {
	h := newHarness(t)
	ref, _ := h.invitedCase("")
	h.cmd(kurator, "samtycke "+ref+" parter=forsakringskassan") // consent covers the party first
	if out := h.cmd(kurator, "bjud "+ref+" forsakringskassan"); !strings.Contains(out, "kontakta personligen: "+fkMail) {
		t.Fatalf("invite: %q", out)
	}
}

func TestUndeliverableTellsConvener(t *testing.T) {
	h := newHarness(t, func(d *Deps) { d.Email = true })
	ref, _ := h.invitedCase("")
	h.cmd(kurator, "samtycke "+ref+" parter=forsakringskassan") // consent covers the party first
	h.cmd(kurator, "bjud "+ref+" forsakringskassan")
	h.drain()
	to := chat.Address{Platform: chat.Email, User: fkMail, ContactID: fkContact}
	if err := h.svc.Undeliverable(h.ctx, ref, to); err != nil {
		t.Fatal(err)
	}
	c := h.load(ref)
	fk := c.Invitations[len(c.Invitations)-1]
	if fk.Address != nil || fk.Manual != fkMail {
		t.Fatalf("after a dead e-mail the invitation is %+v, want a manual step", fk)
	}
	var told []string
	for _, e := range sentTo(h.drain(), kurator) {
		told = append(told, e.Msg.Title+"\n"+e.Msg.Text)
	}
	if len(told) != 1 || !strings.Contains(told[0], "Försäkringskassan") || !strings.Contains(told[0], "Kontakta personligen: "+fkMail) {
		t.Fatalf("convener told %q", told)
	}
	if status := h.cmd(kurator, "status "+ref); !strings.Contains(status, "☎ kontakta personligen") {
		t.Errorf("status: %s", status)
	}
	// Told once: a second report (the dead letter retried) changes nothing.
	if err := h.svc.Undeliverable(h.ctx, ref, to); err != nil {
		t.Fatal(err)
	}
	if envs := h.drain(); len(envs) != 0 {
		t.Errorf("a second report sent %d messages", len(envs))
	}
	if err := h.svc.Undeliverable(h.ctx, "SIP-AAAAAA", to); err != nil {
		t.Errorf("unknown case: %v", err)
	}
}

// TestAgendaNeverByEmail: an accepted invitee on e-mail hears that there
// is an agenda, not what it says.
func TestAgendaNeverByEmail(t *testing.T) {
	h := newHarness(t, func(d *Deps) {
		d.Email = true
		d.Agenda = fakeDrafter{md: "1. Inledning\n2. Skolfrånvaro sedan oktober"}
	})
	ref, _ := h.invitedCase(`behov="vill gå i skolan igen"`)
	h.cmd(kurator, "samtycke "+ref+" parter=forsakringskassan") // consent covers the party first
	h.cmd(kurator, "bjud "+ref+" forsakringskassan")
	c := h.load(ref)
	fk := c.Invitations[len(c.Invitations)-1]
	h.act(fkContact, actAttend, ref+"|"+fk.ID, "", false)
	h.svc.Command(h.ctx, actor(kurator), "agenda "+ref)
	h.drain()
	if r := h.act(kurator, actAgendaShare, ref, "", false); !strings.Contains(r.Text, "deltagare") {
		t.Fatalf("share: %q", r.Text)
	}
	got := sentTo(h.drain(), fkContact)
	if len(got) != 1 || strings.Contains(got[0].Msg.Text, "Skolfrånvaro") || !strings.Contains(got[0].Msg.Text, "skickas inte med e-post") {
		t.Errorf("e-mailed invitee got %+v", got)
	}
}

// TestEmailProposalCancelsDecidedMeeting: proposing new times instead of a
// decided meeting cancels its event, and the times are links, not events.
func TestEmailProposalCancelsDecidedMeeting(t *testing.T) {
	h := newHarness(t, func(d *Deps) { d.Email = true })
	ref, _ := h.invitedCase("")
	h.cmd(kurator, "samtycke "+ref+" parter=forsakringskassan") // consent covers the party first
	h.cmd(kurator, "bjud "+ref+" forsakringskassan")
	_, first := fkMeeting(t, h.drain(), "invitation")
	h.cmd(kurator, "möte "+ref+" förslag 2026-12-14T13:00 2026-12-15T09:00")
	env, m := fkMeeting(t, h.drain(), "proposal")
	if m == nil || !m.Cancelled || m.UID != first.UID || m.Sequence <= first.Sequence || !m.Start.Equal(first.Start) {
		t.Errorf("proposal carries %+v, want the decided meeting %+v cancelled", m, first)
	}
	votes := 0
	for _, b := range env.Msg.Buttons {
		if b.Action == actVote {
			votes++
		}
	}
	if votes != 2 {
		t.Errorf("proposal buttons %+v, want a vote per time", env.Msg.Buttons)
	}
	h.cmd(kurator, "möte "+ref+" välj 2")
	if _, m := fkMeeting(t, h.drain(), "pick"); m == nil || m.Cancelled || m.Start.Day() != 15 {
		t.Errorf("picked time: %+v", m)
	}
}
