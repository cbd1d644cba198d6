package sip

import (
	"strings"
	"testing"
	"time"
)

// TestAbsenceOnTheMeetingDay (issue 12, problem 9; Karin Olsson of Eslöv
// is away 2026-12-21–2027-01-06 with no delegate): routing uses the
// meeting day, and the convener is warned when someone is away then or,
// before a time is set, within the coming 10 working days.
func TestAbsenceOnTheMeetingDay(t *testing.T) {
	h := newHarness(t)
	h.clock.Advance(21 * 24 * time.Hour) // Monday 2026-12-14
	newEslov := func() string {
		out := h.cmd(kurator, "ny kommun=Eslöv ålder=45 parter=socialtjanst-vuxen")
		ref := refRE.FindString(out)
		h.cmd(kurator, "samtycke "+ref+" skriftligt")
		return ref
	}

	// No time yet: Karin is routed (she is in today) with a warning.
	ref := newEslov()
	out := h.cmd(kurator, "bjud "+ref)
	if !strings.Contains(out, "Karin Olsson") || !strings.Contains(out, "⚠ Karin Olsson är borta 2026-12-21–2027-01-06, inom de kommande 10 arbetsdagarna") {
		t.Errorf("invite without a time:\n%s", out)
	}
	// A time on a day she is away: the convener is told.
	if out := h.cmd(kurator, "möte "+ref+" 2026-12-22 10:00"); !strings.Contains(out, "⚠ Karin Olsson är borta på mötesdagen (2026-12-21–2027-01-06).") {
		t.Errorf("meeting on her day away:\n%s", out)
	}

	// A time set first: routing skips her on that day.
	ref2 := newEslov()
	h.cmd(kurator, "möte "+ref2+" 2026-12-22 10:00")
	out = h.cmd(kurator, "bjud "+ref2)
	if strings.Contains(out, "→ Karin Olsson") || !strings.Contains(out, "Karin Olsson är borta till 6 jan → ingen ersättare på plats") {
		t.Errorf("invite for a meeting she is away at:\n%s", out)
	}

	// English.
	h.cmd(kurator, "språk en")
	ref3 := newEslov()
	if out := h.cmd(kurator, "invite "+ref3); !strings.Contains(out, "⚠ Karin Olsson is away 2026-12-21–2027-01-06, within the coming 10 working days") {
		t.Errorf("English:\n%s", out)
	}
}

// TestSubstitutesSameCareLevel (problem 9): a socialtjänst invitee is not
// offered a school kurator of the same kommun as substitute.
func TestSubstitutesSameCareLevel(t *testing.T) {
	h := newHarness(t)
	ref, invs := h.invitedCase("")
	soc := invs["socialtjanst-barn"]
	opts := delegateOptions(h.dir.Current(), nil, soc.ContactID, soc.Party, h.clock.Now())
	if len(opts) == 0 {
		t.Fatal("no substitutes at all")
	}
	for _, o := range opts {
		c, _ := h.dir.Current().Contact(o.Value)
		u, _ := h.dir.Current().Unit(c.Unit)
		if c.Unit != soc.Unit && !strings.Contains(strings.Join(u.Care, ","), "socialtjanst-barn") {
			t.Errorf("offered %s (%s, %v) for socialtjänst barn", o.Value, u.Name, u.Care)
		}
	}
	// The core refuses a delegate outside the options too.
	r := h.act(soc.ContactID, actDelegate, ref+"|"+soc.ID, kurator, true)
	if !strings.Contains(r.Text, "Välj en ersättare bland alternativen") {
		t.Errorf("delegating to the school kurator: %q", r.Text)
	}
}

// TestUnitAboutShownOnInvite (problem 10): the unit's own words reach the
// convener when it is invited.
func TestUnitAboutShownOnInvite(t *testing.T) {
	h := newHarness(t)
	ref := h.newCase("")
	h.cmd(kurator, "samtycke "+ref+" skriftligt vårdnadshavare")
	if out := h.cmd(kurator, "bjud "+ref+" bup"); !strings.Contains(out, "ℹ Enheten: _Öppenvård för barn och unga, SIP via mottagningens samordnare. Deltar gärna via video, en timme._") {
		t.Errorf("invite bup:\n%s", out)
	}
}

// TestDeclineHintKeepsKommun (issue 12, problem 11): a party routed in
// another kommun than the case's declines; the hint invites it there again.
func TestDeclineHintKeepsKommun(t *testing.T) {
	h := newHarness(t)
	ref := h.newCase("")
	h.cmd(kurator, "samtycke "+ref+" skriftligt vårdnadshavare")
	h.cmd(kurator, "bjud "+ref+" bup kommun=Eslöv")
	c := h.load(ref)
	in := c.Invitations[len(c.Invitations)-1]
	if in.Party != "bup" || in.Kommun != "1285" {
		t.Fatalf("invitation %+v, want bup routed in Eslöv (1285)", in)
	}
	h.drain()
	h.act(in.ContactID, actDecline, ref+"|"+in.ID, "fel enhet", false)
	got := sentTo(h.drain(), kurator)
	if len(got) == 0 || !strings.Contains(got[len(got)-1].Msg.Text, "/sip bjud "+ref+" bup kommun=Eslöv") {
		t.Errorf("the convener's hint after the decline: %+v", got)
	}
}
