package sip

import (
	"slices"
	"strings"
	"testing"
	"time"
)

func h0() time.Time { return time.Date(2027, 3, 1, 0, 0, 0, 0, time.UTC) }

func TestMeetingProposalVotePick(t *testing.T) {
	h := newHarness(t)
	ref := h.newCase("")
	h.cmd(kurator, "samtycke "+ref)
	if out := h.cmd(kurator, "möte "+ref+" 2020-01-01 10:00"); !strings.Contains(out, "redan passerat") {
		t.Fatalf("past meeting: %q", out)
	}
	h.cmd(kurator, "möte "+ref+" förslag 2026-12-10T13:00 2026-12-11T09:00")
	h.cmd(kurator, "bjud "+ref)
	envs := h.drain()
	c := h.load(ref)
	var bup Invitation
	for _, in := range c.Invitations {
		if in.Party == "bup" {
			bup = in
		}
	}
	inv := sentTo(envs, bup.ContactID)
	if len(inv) != 1 {
		t.Fatalf("bup invitations: %+v", inv)
	}
	var votes int
	for _, b := range inv[0].Msg.Buttons {
		if b.Action == actVote {
			votes++
		}
	}
	if votes != 2 {
		t.Fatalf("vote buttons %d, want 2: %+v", votes, inv[0].Msg.Buttons)
	}
	if r := h.act(bup.ContactID, actVote, ref+"|"+bup.ID+"|2", "", false); !strings.Contains(r.Text, "passar dig") {
		t.Fatalf("vote: %q", r.Text)
	}
	if out := h.cmd(kurator, "status "+ref); !strings.Contains(out, "2) 2026-12-11 09:00 – 1 passar") {
		t.Fatalf("status lacks the vote:\n%s", out)
	}
	if r := h.act(kurator, actPick, ref+"|2", "", false); !strings.Contains(r.Text, "2026-12-11 09:00") {
		t.Fatalf("pick: %q", r.Text)
	}
	c = h.load(ref)
	if c.Meeting == nil || c.Proposal != nil || h.svc.fmtTime(c.Meeting.At) != "2026-12-11 09:00" {
		t.Fatalf("meeting after pick: %+v %+v", c.Meeting, c.Proposal)
	}
	// Invitees are told the chosen time, and their invitation card shows
	// it without the "Passar" buttons.
	got := sentTo(h.drain(), bup.ContactID)
	if len(got) != 2 {
		t.Fatalf("bup got %d messages after the pick, want the notice and the updated card: %+v", len(got), got)
	}
	for _, e := range got {
		if !strings.Contains(e.Msg.Text+fieldValues(e.Msg), "2026-12-11 09:00") || slices.Contains(actions(e.Msg), actVote) {
			t.Errorf("bup after the pick: %+v", e.Msg)
		}
	}
	if out := h.cmd(kurator, "möte "+ref+" välj 1"); !strings.Contains(out, "inget förslag nummer 1") {
		t.Errorf("pick without proposal: %q", out)
	}
	if out := h.cmd(kurator, `möte `+ref+` 2026-12-14 10:00 plats="Stadshuset, rum 3"`); !strings.Contains(out, "Stadshuset, rum 3") {
		t.Errorf("meeting with place: %q", out)
	}
}
