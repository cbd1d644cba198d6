package sip

import (
	"strings"
	"testing"
)

func TestManualContactAndRepeats(t *testing.T) {
	h := newHarness(t)
	ref, invs := h.invitedCase("")
	h.drain()
	// Försäkringskassan is reachable by e-mail/phone only in the sample.
	h.cmd(kurator, "samtycke "+ref+" parter=forsakringskassan") // consent covers the party first
	out := h.cmd(kurator, "bjud "+ref+" forsakringskassan")
	if !strings.Contains(out, "kontakta personligen") {
		t.Fatalf("manual invite: %q", out)
	}
	c := h.load(ref)
	fk := c.Invitations[len(c.Invitations)-1]
	if fk.Party != "forsakringskassan" || fk.Address != nil || fk.Manual == "" || !strings.Contains(out, fk.Manual) {
		t.Fatalf("manual invitation %+v", fk)
	}
	for _, env := range h.drain() {
		if env.To.ContactID == fk.ContactID {
			t.Errorf("a chat message was queued for a manual contact: %+v", env)
		}
	}
	if status := h.cmd(kurator, "status "+ref); !strings.Contains(status, "☎ kontakta personligen") {
		t.Errorf("status: %s", status)
	}
	// Pressing the same answer twice records and sends it once.
	bup := invs["bup"]
	h.act(bup.ContactID, actDecline, ref+"|"+bup.ID, "sjuk", false)
	first := len(h.load(ref).Timeline)
	h.drain()
	if r := h.act(bup.ContactID, actDecline, ref+"|"+bup.ID, "sjuk", false); !strings.Contains(r.Text, "redan registrerat") {
		t.Errorf("repeat: %q", r.Text)
	}
	if n := len(h.load(ref).Timeline); n != first {
		t.Errorf("repeat added %d events", n-first)
	}
	if envs := h.drain(); len(envs) != 0 {
		t.Errorf("repeat sent %d messages", len(envs))
	}
	// A delegate must be one of the offered colleagues.
	soc := invs["socialtjanst-barn"]
	if r := h.act(soc.ContactID, actDelegate, ref+"|"+soc.ID, "fk-skane-samverkan", true); !strings.Contains(r.Text, "Välj en ersättare") {
		t.Errorf("delegate outside the organisation: %q", r.Text)
	}
}

func TestAgendaButtonOnStatus(t *testing.T) {
	h := newHarness(t, func(d *Deps) { d.Agenda = fakeDrafter{md: "1. Inledning"} })
	ref := h.newCase("")
	var found bool
	for _, env := range h.drain() {
		for _, b := range env.Msg.Buttons {
			if b.Action == actAgendaDraft && b.Value == ref {
				found = true
			}
		}
	}
	if !found {
		t.Fatal("no agenda button on the status message")
	}
	if r := h.act(kurator, actAgendaDraft, ref, "", false); r.Message == nil || !strings.Contains(r.Body().Plain(), "1. Inledning") {
		t.Errorf("agenda button: %+v", r)
	}
	if r := h.act(outsider, actAgendaDraft, ref, "", false); !strings.Contains(r.Text, "hittades inte") {
		t.Errorf("outsider drafted: %q", r.Text)
	}
}

func TestInviteInAnotherKommun(t *testing.T) {
	h := newHarness(t)
	out := h.cmd(kurator, "ny kommun=Lund ålder=16 parter=socialtjanst-barn")
	ref := refRE.FindString(out)
	h.cmd(kurator, "samtycke "+ref)
	if out := h.cmd(kurator, "bjud "+ref+" kommun=Eslöv"); !strings.Contains(out, "Ange vilka parter") {
		t.Errorf("kommun without parties: %q", out)
	}
	h.cmd(kurator, "samtycke "+ref+" parter=hvb") // consent covers the party first
	out = h.cmd(kurator, "bjud "+ref+" hvb kommun=Eslöv")
	c := h.load(ref)
	if len(c.Invitations) != 1 || c.Invitations[0].Party != "hvb" || !strings.Contains(c.Invitations[0].Unit, "eslov") {
		t.Fatalf("hvb in Eslöv: %q\n%+v", out, c.Invitations)
	}
	if !strings.Contains(strings.Join(c.Parties, ","), "hvb") {
		t.Errorf("hvb not added to the parties: %v", c.Parties)
	}
}

func TestInviteNamedContact(t *testing.T) {
	h := newHarness(t)
	ref := refRE.FindString(h.cmd(kurator, "ny kommun=Lund ålder=14 parter=bup"))
	h.cmd(kurator, "samtycke "+ref)
	h.drain()
	h.cmd(kurator, "samtycke "+ref+" parter=skola") // consent covers the party first
	out := h.cmd(kurator, "bjud "+ref+" bup-lund-lakare-erik "+kurator)
	if !strings.Contains(out, "Utsedd direkt") || !strings.Contains(out, "du själv") {
		t.Fatalf("named invite: %q", out)
	}
	envs := h.drain()
	if len(sentTo(envs, "bup-lund-lakare-erik")) != 1 || len(sentTo(envs, kurator)) != 0 {
		t.Errorf("messages: %+v", envs)
	}
	if out := h.cmd(kurator, "bjud "+ref+" bup-lund-lakare-erik"); !strings.Contains(out, "redan kallad") {
		t.Errorf("second named invite: %q", out)
	}
	if out := h.cmd(kurator, "bjud "+ref+" nobody-at-all"); !strings.Contains(out, `"nobody-at-all" är varken`) {
		t.Errorf("unknown invitee: %q", out)
	}
}
