package sip

import (
	"slices"
	"strings"
	"testing"

	"github.com/samla-sip/samla/internal/chat"
	"github.com/samla-sip/samla/internal/chat/chattest"
)

// fieldValues is a message's field values, one per line.
func fieldValues(m chat.Message) string {
	var b strings.Builder
	for _, f := range m.Fields {
		b.WriteString("\n" + f.Value)
	}
	return b.String()
}

// TestMeetingChangeResetsAnswers (issue 12, problem 8): a new time keeps
// the place, resets every acceptance to "needs to confirm", updates each
// invitation card in place and says what changed — in the invitee's own
// language.
func TestMeetingChangeResetsAnswers(t *testing.T) {
	h := newHarness(t)
	d := newDelivery(h)
	ref, invs := h.invitedCase("")
	bup, pv := invs["bup"], invs["primarvard"]
	h.cmd(bup.ContactID, "språk en")
	if out := h.cmd(kurator, `möte `+ref+` 2026-12-10 13:00 längd=60 plats="Stadshuset, rum 3" båda`); !strings.Contains(out, "2026-12-10 13:00 (60 min), Stadshuset, rum 3 och via video") {
		t.Fatalf("meeting: %q", out)
	}
	d.run()
	h.act(bup.ContactID, actVideo, ref+"|"+bup.ID, "", false)
	h.act(pv.ContactID, actDecline, ref+"|"+pv.ID, "sjuk", false)
	d.run()
	bupSends := len(d.sends(bup))

	out := h.cmd(kurator, "möte "+ref+" 2026-12-11 10:00")
	for _, want := range []string{
		"2026-12-11 10:00 (60 min), Stadshuset, rum 3 och via video", // the place and form are kept
		"Ändrat: tiden (var 2026-12-10 13:00).",
		"1 svar har återställts",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("move reply lacks %q:\n%s", want, out)
		}
	}
	c := h.load(ref)
	if in := c.invitation(bup.ID); in.State != StatePending || !in.Reconfirm || in.Answered != nil {
		t.Errorf("bup after the move: %+v", in)
	}
	if in := c.invitation(pv.ID); in.State != StateDeclined {
		t.Errorf("a decline stands after the move: %+v", in)
	}
	if st := h.cmd(kurator, "status "+ref); !strings.Contains(st, "behöver bekräfta ny tid eller plats") {
		t.Errorf("status does not say bup needs to confirm:\n%s", st)
	}
	d.run()
	// bup (English) gets one new message, the notice; the card is updated in place.
	sends := d.sends(bup)[bupSends:]
	if len(sends) != 1 || !strings.Contains(sends[0].Msg.Text, "Changed: the time (was 2026-12-10 13:00).") ||
		!strings.Contains(sends[0].Msg.Text, "please confirm") {
		t.Errorf("bup's notice: %+v", sends)
	}
	card := d.latest(ref, bup)
	when := ""
	for _, f := range card.Fields {
		if f.Label == "Time" {
			when = f.Value
		}
	}
	if when != "2026-12-11 10:00 (60 min), Stadshuset, rum 3 and by video" || !strings.Contains(card.Text, "The time or place changed") ||
		!slices.Contains(actions(card), actAttend) {
		t.Errorf("bup's card after the move: %q %q %v", when, card.Text, actions(card))
	}
	// Confirming again clears the flag.
	h.act(bup.ContactID, actAttend, ref+"|"+bup.ID, "", false)
	if in := h.load(ref).invitation(bup.ID); in.State != StateAttending || in.Reconfirm {
		t.Errorf("bup after confirming: %+v", in)
	}
	// A place change alone also resets, and says so; video alone drops the place, saying so.
	out = h.cmd(kurator, `möte `+ref+` 2026-12-11 10:00 video`)
	if !strings.Contains(out, "Ändrat: platsen (var Stadshuset, rum 3)") || !strings.Contains(out, "1 svar har återställts") {
		t.Errorf("place change: %q", out)
	}
	if out := h.cmd(kurator, `möte `+ref+` 2026-12-11 10:00 video`); !strings.Contains(out, "inget ändrat") {
		t.Errorf("same meeting again: %q", out)
	}
}

// TestMeetingOffHoursAsksToConfirm (problem 10): weekends, public holidays
// (julafton included) and times outside working hours are refused with
// the reason unless confirmed.
func TestMeetingOffHoursAsksToConfirm(t *testing.T) {
	h := newHarness(t)
	ref := h.newCase("")
	for _, tc := range []struct{ when, why string }{
		{"2026-12-24 10:00", "en helgdag (julafton)"},
		{"2026-12-12 22:00", "på en helg"},
		{"2026-12-10 07:00", "utanför arbetstid (08:00–17:00)"},
		{"2026-12-10 16:30", "utanför arbetstid"}, // ends after 17:00
		{"2027-03-26 10:00", "en helgdag (långfredagen)"},
	} {
		out := h.cmd(kurator, "möte "+ref+" "+tc.when)
		if !strings.Contains(out, tc.why) || !strings.Contains(out, "bekräfta") {
			t.Errorf("%s: %q, want it refused as %q", tc.when, out, tc.why)
		}
		if h.load(ref).Meeting != nil {
			t.Fatalf("%s booked without confirmation", tc.when)
		}
	}
	if out := h.cmd(kurator, "möte "+ref+" 2026-12-10 16:30 längd=30"); strings.Contains(out, "bekräfta") {
		t.Errorf("16:30 for 30 minutes ends at 17:00: %q", out)
	}
	out := h.cmd(kurator, "möte "+ref+" 2026-12-24 10:00 bekräfta")
	if !strings.Contains(out, "Mötet för "+ref+": 2026-12-24 10:00") || !strings.Contains(out, "julafton") {
		t.Errorf("confirmed: %q", out)
	}
	h.cmd(kurator, "språk en")
	if out := h.cmd(kurator, "meeting "+ref+" 2026-12-26 10:00"); !strings.Contains(out, "a Swedish public holiday (annandag jul)") || !strings.Contains(out, "confirm") {
		t.Errorf("English: %q", out)
	}
	if out := h.cmd(kurator, "meeting "+ref+" propose 2026-12-14T13:00 2026-12-19T09:00"); !strings.Contains(out, "on a weekend") {
		t.Errorf("a proposed Saturday: %q", out)
	}
	if out := h.cmd(kurator, "meeting "+ref+" 2026-12-14 13:00 length=5"); !strings.Contains(out, "not a meeting length") {
		t.Errorf("length 5: %q", out)
	}
	if out := h.cmd(kurator, "meeting "+ref+" 2026-12-14 13:00 both"); !strings.Contains(out, "needs a place") {
		t.Errorf("both without a place: %q", out)
	}
}

// TestPickKeepsForm (problem 10): välj N keeps the video flag and length
// of the meeting the proposal replaced, or the form the proposal gave.
func TestPickKeepsForm(t *testing.T) {
	h := newHarness(t)
	ref := h.newCase("")
	h.cmd(kurator, "möte "+ref+" 2026-12-10 13:00 video längd=60")
	h.cmd(kurator, "möte "+ref+" förslag 2026-12-14T13:00 2026-12-15T09:00")
	if out := h.cmd(kurator, "möte "+ref+" välj 2"); !strings.Contains(out, "2026-12-15 09:00 (60 min), via video") {
		t.Errorf("pick after a video meeting: %q", out)
	}
	h.cmd(kurator, `möte `+ref+` förslag 2026-12-16T13:00 2026-12-17T09:00 plats="Rum 3" båda längd=45`)
	if out := h.cmd(kurator, "möte "+ref+" välj 1"); !strings.Contains(out, "2026-12-16 13:00 (45 min), Rum 3 och via video") {
		t.Errorf("pick of a proposal with a form: %q", out)
	}
	if m := h.load(ref).Meeting; !m.Video || m.Place != "Rum 3" || m.Minutes != 45 {
		t.Errorf("meeting: %+v", m)
	}
}

// TestPickClosesVotes (issue 12, problem 11): after the pick, the proposal
// notices an invitee got no longer carry live "Passar" buttons.
func TestPickClosesVotes(t *testing.T) {
	h := newHarness(t)
	d := newDelivery(h)
	ref, invs := h.invitedCase("")
	bup := invs["bup"]
	h.cmd(kurator, "möte "+ref+" förslag 2026-12-14T13:00 2026-12-15T09:00")
	d.run()
	var notice chattest.Sent
	for _, s := range d.sends(bup) {
		if s.Msg.Key == voteKey(ref, bup.ID) {
			notice = s
		}
	}
	if !slices.Contains(actions(notice.Msg), actVote) {
		t.Fatalf("no proposal notice with vote buttons: %+v", notice)
	}
	h.cmd(kurator, "möte "+ref+" välj 2")
	d.run()
	var last *chat.Message
	for _, u := range d.plats[bup.Address.Platform].Updates() {
		if u.Ref == notice.Ref {
			m := u.Msg
			last = &m
		}
	}
	if last == nil || len(last.Buttons) != 0 || !strings.Contains(last.Text, "2026-12-15 09:00") {
		t.Errorf("the proposal notice after the pick: %+v", last)
	}
}

// TestCloseClosesVotes (issue 12): ending the SIP with a proposal still open
// takes the "Passar" buttons off the proposal notices too.
func TestCloseClosesVotes(t *testing.T) {
	h := newHarness(t)
	d := newDelivery(h)
	ref, invs := h.invitedCase("")
	bup := invs["bup"]
	h.cmd(kurator, "möte "+ref+" förslag 2026-12-14T13:00 2026-12-15T09:00")
	d.run()
	var notice chattest.Sent
	for _, s := range d.sends(bup) {
		if s.Msg.Key == voteKey(ref, bup.ID) {
			notice = s
		}
	}
	if !slices.Contains(actions(notice.Msg), actVote) {
		t.Fatalf("no proposal notice with vote buttons: %+v", notice)
	}
	if out := h.cmd(kurator, "avsluta "+ref+" orsak=behov-tillgodosedda"); !strings.Contains(out, "avslutat") {
		t.Fatalf("close: %q", out)
	}
	d.run()
	var last *chat.Message
	for _, u := range d.plats[bup.Address.Platform].Updates() {
		if u.Ref == notice.Ref {
			m := u.Msg
			last = &m
		}
	}
	if last == nil || len(last.Buttons) != 0 || !strings.Contains(last.Text, "avslutat") {
		t.Errorf("the proposal notice after the close: %+v", last)
	}
}
