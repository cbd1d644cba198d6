package sip

import (
	"strings"
	"testing"
)

func TestPlanAndClose(t *testing.T) {
	h := newHarness(t)
	ref, _ := h.invitedCase("")
	steps := []struct {
		who, in, want string
	}{
		{kurator, "avsluta " + ref, "Övergripande ansvar, Uppföljningsdatum saknas"},
		{kurator, "plan " + ref, "✗ Övergripande ansvar: saknas"},
		{kurator, `plan ` + ref + ` insats bup "samtal varannan vecka"`, "✓ BUP: ifylld (texten finns i ärendets rum)"},
		{kurator, `plan ` + ref + ` insats tandvard "x"`, `Okänd part "tandvard"`},
		{kurator, `plan ` + ref + ` åtgärd skolskjuts från FK`, "Åtgärder av andra: 1 (texten finns i ärendets rum)"},
		{kurator, `plan ` + ref + ` åtgärd "ännu en"`, "Åtgärder av andra: 2 (texten"},
		{kurator, `plan ` + ref + ` åtgärd -1`, "Åtgärder av andra: 1 (texten"},
		{kurator, `plan ` + ref + ` åtgärd -5`, "ingen åtgärd nummer 5"},
		{kurator, "plan " + ref + " ansvar=bup-lund", "✓ Övergripande ansvar: BUP Lund"},
		{kurator, "plan " + ref + " ansvar=nobody", `"nobody" finns varken`},
		{kurator, "plan " + ref + " nästa=lund-skola-kurator-sara", "✓ Kallar till nästa möte: Sara Lindberg (Polhemskolan Lund)"},
		{kurator, "uppföljning " + ref + " 2020-01-01", "har redan passerat"},
		{kurator, "uppföljning " + ref + " 2027-03-01", "Uppföljning för " + ref + ": 2027-03-01"},
		{kurator, "plan " + ref, "✓ Uppföljningsdatum: 2027-03-01"},
		{kurator, "mina", "Väntar på svar"},
		{kurator, "avsluta " + ref, ref + " är avslutat"},
		{kurator, "avsluta " + ref, ref + " är avslutat"},
		{kurator, "samtycke " + ref, ref + " är avslutat"},
		{kurator, "mina", "inga öppna"},
		{kurator, "status " + ref, "Avslutat"},
	}
	for _, s := range steps {
		if out := h.cmd(s.who, s.in); !strings.Contains(out, s.want) {
			t.Fatalf("%s: %q\nwant it to contain %q", s.in, out, s.want)
		}
	}
	open, err := h.svc.OpenCases(h.ctx)
	if err != nil || len(open) != 0 {
		t.Fatalf("open cases after close: %v %v", open, err)
	}
}

func TestCloseWithReason(t *testing.T) {
	h := newHarness(t)
	ref, invs := h.invitedCase("")
	h.drain()
	if out := h.cmd(kurator, `avsluta `+ref+` orsak="flyttat från kommunen"`); !strings.Contains(out, "avslutat") {
		t.Fatalf("close with reason: %q", out)
	}
	envs := h.drain()
	if got := sentTo(envs, invs["bup"].ContactID); len(got) != 1 || !strings.Contains(got[0].Msg.Text, "avslutat") {
		t.Errorf("bup not told of the close: %+v", got)
	}
	if c := h.load(ref); c.Closed == nil || c.Closed.Reason != "flyttat från kommunen" || c.invitation(invs["bup"].ID).State != StateCancelled {
		t.Errorf("closed case %+v", c)
	}
}

func TestMineOrdering(t *testing.T) {
	h := newHarness(t)
	noConsent := h.newCase("")
	h.clock.Advance(1)
	waiting, _ := h.invitedCase("")
	h.clock.Advance(1)
	noMeeting := h.newCase("")
	h.cmd(kurator, "samtycke "+noMeeting)
	out := h.cmd(kurator, "mina")
	iConsent, iMeeting, iWaiting := strings.Index(out, noConsent), strings.Index(out, noMeeting), strings.Index(out, waiting)
	if iConsent < 0 || iMeeting < 0 || iWaiting < 0 || !(iConsent < iMeeting && iMeeting < iWaiting) {
		t.Fatalf("mina order wrong:\n%s", out)
	}
	if out := h.cmd(outsider, "mina"); !strings.Contains(out, "inga öppna") {
		t.Errorf("outsider sees cases: %q", out)
	}
}

func TestPriority(t *testing.T) {
	day := h0()
	tests := []struct {
		name string
		c    Case
		want int
	}{
		{"no consent", Case{}, prioConsent},
		{"no meeting", Case{Consent: &Consent{}}, prioMeeting},
		{"uninvited", Case{Consent: &Consent{}, Meeting: &Meeting{}, Parties: []string{"bup"}}, prioInvite},
		{"unanswered", Case{Consent: &Consent{}, Meeting: &Meeting{}, Parties: []string{"bup"},
			Invitations: []Invitation{{Party: "bup", State: StatePending}}}, prioUnanswered},
		{"declined", Case{Consent: &Consent{}, Meeting: &Meeting{}, Parties: []string{"bup"},
			Invitations: []Invitation{{Party: "bup", State: StateDeclined}}}, prioDeclined},
		{"plan", Case{Consent: &Consent{}, Meeting: &Meeting{}, Parties: []string{"bup"},
			Invitations: []Invitation{{Party: "bup", State: StateVideo}}}, prioPlan},
		{"done", Case{Consent: &Consent{}, Meeting: &Meeting{}, Parties: []string{"bup"},
			Invitations: []Invitation{{Party: "bup", State: StateAttending}},
			Plan:        Plan{Efforts: []Effort{{Party: "bup", Text: "x"}}, Responsible: "u", Next: "c", FollowUp: &day}}, prioNone},
	}
	for _, tt := range tests {
		if got := priority(&tt.c); got != tt.want {
			t.Errorf("%s: priority %d, want %d", tt.name, got, tt.want)
		}
	}
}
