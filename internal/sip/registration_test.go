package sip

import (
	"strings"
	"testing"
	"time"
)

func TestRegistrationCode(t *testing.T) {
	tests := []struct {
		kind, care          string
		discharge, followUp bool
		want                string
	}{
		{"region", "bup", false, false, "AU124"},
		{"region", "slutenvard", true, false, "AU125"},
		{"region", "bup", false, true, "AW010"},
		{"region", "primarvard", true, true, "AW010"},
		{"kommun", "socialtjanst-barn", false, false, "XAH.20.75"},
		{"kommun", "aldreomsorg", true, false, "XAH.20.65"},
		{"kommun", "socialtjanst-vuxen", false, true, ""}, // no KSI code for a follow-up
		{"kommun", "skola", false, false, ""},             // a school kurator registers no socialtjänst code
		{"kommun", "elevhalsa", true, false, ""},
		{"stat", "forsakringskassan", false, false, ""},
		{"privat", "hvb", false, false, ""},
		{"", "bup", false, false, ""},
	}
	for _, tt := range tests {
		if got := RegistrationCode(tt.kind, tt.care, tt.discharge, tt.followUp); got != tt.want {
			t.Errorf("RegistrationCode(%s, %s, %v, %v) = %q, want %q", tt.kind, tt.care, tt.discharge, tt.followUp, got, tt.want)
		}
	}
}

// TestRegistrationPromptPerParty (issue 12, problem 7): when the meeting
// is recorded as held, each party that took part gets its own
// organisation's code in its own language; the school kurator convening
// gets none, a party that declined nothing.
func TestRegistrationPromptPerParty(t *testing.T) {
	for _, tc := range []struct {
		name, extra      string
		bupCode, socCode string
	}{
		{"first SIP", "", "KVÅ *AU124* (SIP upprättad)", "KSI *XAH.20.75* (SIP drawn up)"},
		{"discharge SIP", "typ=utskrivning", "KVÅ *AU125* (SIP upprättad vid utskrivning)", "KSI *XAH.20.65* (SIP at discharge from in-patient care)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := newHarness(t)
			ref, invs := h.invitedCase(tc.extra)
			bup, soc, pv := invs["bup"], invs["socialtjanst-barn"], invs["primarvard"]
			h.cmd(soc.ContactID, "språk en")
			h.act(bup.ContactID, actAttend, ref+"|"+bup.ID, "", false)
			h.act(soc.ContactID, actVideo, ref+"|"+soc.ID, "", false)
			h.act(pv.ContactID, actDecline, ref+"|"+pv.ID, "krock", false)
			h.drain()
			h.clock.Advance(18 * 24 * time.Hour) // after the meeting of 2026-12-10
			out := h.cmd(kurator, "möte "+ref+" hållet 2026-12-10")
			if strings.Contains(out, "XAH") || strings.Contains(out, "KVÅ") {
				t.Errorf("the school kurator is told a code:\n%s", out)
			}
			envs := h.drain()
			for _, want := range []struct {
				who, text string
			}{{bup.ContactID, tc.bupCode}, {soc.ContactID, tc.socCode}} {
				got := sentTo(envs, want.who)
				if len(got) != 1 || !strings.Contains(got[0].Msg.Text, want.text) {
					t.Errorf("%s got %+v, want one prompt with %q", want.who, got, want.text)
				}
			}
			if got := sentTo(envs, pv.ContactID); len(got) != 0 {
				t.Errorf("primary care declined but was prompted: %+v", got)
			}
			// Correcting the date prompts nobody again.
			h.cmd(kurator, "möte "+ref+" hållet 2026-12-11")
			if got := sentTo(h.drain(), bup.ContactID); len(got) != 0 {
				t.Errorf("prompted again on a corrected date: %+v", got)
			}
		})
	}
}

// TestRegistrationPromptConvener: a region convener is told their own code.
func TestRegistrationPromptConvener(t *testing.T) {
	h := newHarness(t)
	const nurse = "sus-malmo-sjukskoterska-johan"
	out := h.cmd(nurse, "ny kommun=Malmö ålder=82 parter=primarvard,hemtjanst typ=utskrivning")
	ref := refRE.FindString(out)
	h.cmd(nurse, "samtycke "+ref+" skriftligt")
	h.cmd(nurse, "möte "+ref+" 2026-11-26 14:00")
	h.cmd(nurse, "bjud "+ref)
	h.clock.Advance(4 * 24 * time.Hour)
	if out := h.cmd(nurse, "möte "+ref+" hållet"); !strings.Contains(out, "KVÅ *AU125*") {
		t.Errorf("region convener of a discharge SIP:\n%s", out)
	}
}

// TestViewDischargeDeadline (issue 12): CaseView carries a discharge SIP's
// kallelse deadline, the one /sip status shows; an ordinary SIP has none.
func TestViewDischargeDeadline(t *testing.T) {
	h := newHarness(t)
	const nurse = "sus-malmo-sjukskoterska-johan"
	ref := refRE.FindString(h.cmd(nurse, "ny kommun=Malmö ålder=82 parter=primarvard,hemtjanst typ=utskrivning"))
	seen, err := h.svc.View(h.ctx, actor(nurse), ref)
	if err != nil {
		t.Fatal(err)
	}
	want := h.load(ref).Discharge
	if d := seen.Case.Discharge; d == nil || want == nil || !d.Deadline.Equal(want.Deadline) || !d.Notified.Equal(want.Notified) || d.Deadline.IsZero() {
		t.Fatalf("view's discharge %+v, want %+v", d, want)
	}
	if !strings.Contains(h.cmd(nurse, "status "+ref), h.svc.fmtDate(want.Deadline)) {
		t.Errorf("status lacks the deadline %s", h.svc.fmtDate(want.Deadline))
	}
	other := h.newCase("")
	if seen, err := h.svc.View(h.ctx, actor(kurator), other); err != nil || seen.Case.Discharge != nil {
		t.Errorf("ordinary SIP's view: discharge %+v, err %v", seen.Case.Discharge, err)
	}
}
