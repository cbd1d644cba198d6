package sip

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestPlanItems: the plan's four items, each its own section; efforts
// only by a huvudman party of the case, measures by others, the overall
// responsible and the next convener only a huvudman party (problems 2
// and 3 of issue 12).
func TestPlanItems(t *testing.T) {
	h := newHarness(t)
	ref, _ := h.invitedCase("")
	steps := []struct {
		who, in, want string
	}{
		{kurator, "plan " + ref, "✗ *4. Övergripande ansvar:* saknas"},
		{kurator, `plan ` + ref + ` behov "komma tillbaka till skolan"`, "✓ *1. Behov:* 1 (texten finns i ärendets rum)"},
		{kurator, `plan ` + ref + ` behov "sömn"`, "✓ *1. Behov:* 2 (texten"},
		{kurator, `plan ` + ref + ` behov -2`, "✓ *1. Behov:* 1 (texten finns i ärendets rum)\n✗ *2."},
		{kurator, `plan ` + ref + ` insats bup "samtal varannan vecka"`, "✓ BUP: ifylld (texten finns i ärendets rum)"},
		{kurator, `plan ` + ref + ` insats tandvard "x"`, `Okänd part "tandvard"`},
		{kurator, `plan ` + ref + ` insats skola "mentor"`, "Skola är inte huvudman och har ingen insats i planen; ange dess del som en åtgärd av andra: /sip plan " + ref + ` åtgärd skola "…"`},
		{kurator, `plan ` + ref + ` insats arbetsformedlingen "praktik"`, "Arbetsförmedlingen är inte part i " + ref + ". En insats lägger inte till en part"},
		{kurator, `plan ` + ref + ` åtgärd bup "x"`, "BUP är huvudman: ange dess del som insats"},
		{kurator, `plan ` + ref + ` åtgärd skola "anpassad studiegång"`, "✓ *3. Åtgärder av andra*\n   • Skola: ifylld (texten finns i ärendets rum)\n✗ *4."},
		{kurator, `plan ` + ref + ` åtgärd skolskjuts från FK`, "• utan angiven part: 1 (texten finns i ärendets rum)"},
		{kurator, `plan ` + ref + ` åtgärd -1`, "✓ *3. Åtgärder av andra*\n   • Skola: ifylld (texten finns i ärendets rum)\n✗ *4."},
		{kurator, `plan ` + ref + ` åtgärd -5`, "ingen punkt nummer 5"},
		{kurator, "plan " + ref + " ansvar=lund-skola-polhem", "Polhemskolan Lund kan inte ha det övergripande ansvaret: bara en huvudman"},
		{kurator, "plan " + ref + " ansvar=lund-skola-kurator-sara", "Sara Lindberg (Polhemskolan Lund) kan inte ha det övergripande ansvaret"},
		{kurator, "plan " + ref + " ansvar=nobody", `"nobody" finns varken`},
		{kurator, "plan " + ref + " ansvar=malmo-hemsjukvard", "inte en huvudman bland parterna i " + ref},
		{kurator, "plan " + ref + " ansvar=bup-lund", "✓ *4. Övergripande ansvar:* BUP Lund"},
		{kurator, "plan " + ref + " nästa=lund-skola-kurator-sara", "kan inte kalla till nästa möte"},
		{kurator, "plan " + ref + " nästa=socialtjanst-barn", "• Kallar till nästa möte: Barn och familj Lund"},
		{kurator, "uppföljning " + ref + " 2020-01-01", "har redan passerat"},
		{kurator, "uppföljning " + ref + " 2027-03-01", "Uppföljning för " + ref + ": 2027-03-01"},
		{kurator, "plan " + ref, "✓ Uppföljningsdatum: 2027-03-01"},
		{kurator, "plan " + ref + " klar", "Planen kan inte upprättas än. Det här saknas:\n• att SIP-mötet är hållet"},
		{kurator, "plan " + ref + " klar", "• 2. insats av Socialtjänst barn och Primärvård"},
	}
	for _, s := range steps {
		if out := h.cmd(s.who, s.in); !strings.Contains(out, s.want) {
			t.Fatalf("%s: %q\nwant it to contain %q", s.in, out, s.want)
		}
	}
	c := h.load(ref)
	if slices.Contains(c.Parties, "arbetsformedlingen") || c.Established != nil {
		t.Errorf("parties %v, established %+v", c.Parties, c.Established)
	}
	want := Plan{NeedItems: []string{"komma tillbaka till skolan"}, Efforts: []Effort{{"bup", "samtal varannan vecka"}},
		OtherMeasures: []Effort{{"skola", "anpassad studiegång"}}, Responsible: "bup-lund", ResponsibleName: "BUP Lund",
		FollowUp: c.Plan.FollowUp, Next: "lund-socialtjanst-barn", NextName: "Barn och familj Lund"}
	if !reflect.DeepEqual(c.Plan, want) {
		t.Errorf("plan\n%+v, want\n%+v", c.Plan, want)
	}
}

// TestLifecycle: convening → meeting booked → meeting held → plan
// established → followed up → ended, each shown in the status and mina;
// establishing the plan tells the parties and never says "avslutat"; only
// avsluta ends, with a cause (problem 1 of issue 12).
func TestLifecycle(t *testing.T) {
	h := newHarness(t)
	ref := h.newCase("")
	if out := h.cmd(kurator, "status "+ref); !strings.Contains(out, "Skede: kallelse pågår") {
		t.Fatalf("status: %q", out)
	}
	h.cmd(kurator, "samtycke "+ref+" skriftligt vårdnadshavare")
	h.cmd(kurator, "möte "+ref+" 2026-12-10 13:00 video")
	h.cmd(kurator, "bjud "+ref)
	c := h.load(ref)
	if c.Stage() != StageBooked {
		t.Fatalf("stage %s", c.Stage())
	}
	h.drain()
	steps := []struct{ in, want string }{
		{"möte " + ref + " hållet 2026-12-24", "Datumet 2026-12-24 har inte kommit än."},
		{"plan " + ref + " klar", "att SIP-mötet är hållet"},
		{"möte " + ref + " hållet 2026-11-20", "Mötet för " + ref + " är registrerat som hållet 2026-11-20."},
		{"status " + ref, "Skede: möte hållet 2026-11-20"},
		{"mina", ref + " · Lund · 0–18 · möte hållet · du kallar — Nästa steg: fyll i planen"},
		{`plan ` + ref + ` mål "Jag vill klara nian"`, "*Den enskildes mål, med egna ord*\n   1 (texten finns i ärendets rum)\n✗ *1. Behov:*"},
		{`plan ` + ref + ` behov "skolnärvaro"`, "✓ *1. Behov:*"},
		{`plan ` + ref + ` insats bup "samtal"`, "✓ BUP: ifylld"},
		{`plan ` + ref + ` insats socialtjanst-barn "föräldrastöd"`, "✓ Socialtjänst barn: ifylld"},
		{`plan ` + ref + ` insats primarvard "hälsokontroll"`, "✓ *2. Insatser av huvudmännen*"},
		{`plan ` + ref + ` åtgärd ingen`, "✓ *3. Åtgärder av andra*\n   inga (angivet)"},
		{"plan " + ref + " ansvar=bup", "✓ *4. Övergripande ansvar:* BUP Lund"},
		{"plan " + ref + " klar", "Det här saknas:\n• ett uppföljningsdatum framåt i tiden"},
		{"uppföljning " + ref + " 2027-03-01", "2027-03-01"},
		{"mina", "Nästa steg: upprätta planen: /sip plan " + ref + " klar"},
		{"plan " + ref + " klar", "Planen för " + ref + " är upprättad. Uppföljning 2027-03-01; övergripande ansvar: BUP Lund. Parterna har fått besked."},
		{"plan " + ref + " klar", "upprättades 2026-11-23"},
		{"status " + ref, "Skede: plan upprättad 2026-11-23, uppföljning 2027-03-01"},
		{"mina", "plan upprättad · du kallar — Nästa: uppföljning 2027-03-01"},
	}
	for _, s := range steps {
		if out := h.cmd(kurator, s.in); !strings.Contains(out, s.want) {
			t.Fatalf("%s: %q\nwant it to contain %q", s.in, out, s.want)
		}
	}
	for _, env := range h.drain() {
		if strings.Contains(env.Msg.Text, "avslutat") {
			t.Errorf("a message says the SIP is ended while its follow-up is pending: %+v", env.Msg)
		}
		if strings.Contains(env.Msg.Text, "Jag vill") || strings.Contains(env.Msg.Text, "föräldrastöd") {
			t.Errorf("plan substance in chat: %+v", env.Msg)
		}
	}
	if open, _ := h.svc.OpenCases(h.ctx); !slices.Contains(open, ref) {
		t.Errorf("an established plan left the open cases: %v", open)
	}
	h.clock.Set(time.Date(2027, 3, 1, 10, 0, 0, 0, time.UTC))
	for _, s := range []struct{ in, want string }{
		{"uppföljning " + ref + " hållen", "Uppföljningen av " + ref + " är registrerad (2027-03-01).\nNästa steg: sätt nästa uppföljningsdatum"},
		{"status " + ref, "Skede: uppföljd 2027-03-01"},
		{"uppföljning " + ref + " 2027-09-01", "2027-09-01"},
		{"avsluta " + ref, "Ange varför SIP:en avslutas"},
		{"avsluta " + ref + " orsak=behov-tillgodosedda", ref + " är avslutat (behoven är tillgodosedda).\nUppföljningen 2027-09-01 är struken"},
		{"status " + ref, "Skede: avslutad"},
		{"mina", "inga öppna"},
		{"samtycke " + ref, ref + " är avslutat"},
	} {
		if out := h.cmd(kurator, s.in); !strings.Contains(out, s.want) {
			t.Fatalf("%s: %q\nwant it to contain %q", s.in, out, s.want)
		}
	}
	if open, _ := h.svc.OpenCases(h.ctx); slices.Contains(open, ref) {
		t.Errorf("an ended SIP is still open: %v", open)
	}
}

// TestCloseThanksOnlyThoseWhoTookPart: ending tells everyone still
// invited; only those who answered yes are thanked for taking part.
func TestCloseThanksOnlyThoseWhoTookPart(t *testing.T) {
	h := newHarness(t)
	ref, invs := h.invitedCase("")
	bup := invs["bup"]
	h.act(bup.ContactID, actAttend, ref+"|"+bup.ID, "", false)
	h.drain()
	if out := h.cmd(kurator, `avsluta `+ref+` orsak="flyttat från kommunen"`); !strings.Contains(out, "avslutat (flyttat)") {
		t.Fatalf("close with reason: %q", out)
	}
	envs := h.drain()
	if got := sentTo(envs, bup.ContactID); len(got) != 1 || !strings.Contains(got[0].Msg.Text, "Tack för din medverkan") {
		t.Errorf("bup not thanked: %+v", got)
	}
	soc := invs["socialtjanst-barn"]
	if got := sentTo(envs, soc.ContactID); len(got) != 1 || strings.Contains(got[0].Msg.Text, "medverkan") ||
		!strings.Contains(got[0].Msg.Text, "gäller inte längre") {
		t.Errorf("socialtjänst never answered: %+v", got)
	}
	if c := h.load(ref); c.Closed == nil || c.Closed.Cause != CauseMoved || c.Closed.Reason != "från kommunen" ||
		c.invitation(soc.ID).State != StateCancelled {
		t.Errorf("closed case %+v", c.Closed)
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
		{"all answered: hold the meeting", Case{Consent: &Consent{}, Meeting: &Meeting{}, Parties: []string{"bup"},
			Invitations: []Invitation{{Party: "bup", State: StateVideo}}}, prioHeld},
		{"held: the plan", Case{Consent: &Consent{}, Meeting: &Meeting{}, Held: &Milestone{}, Parties: []string{"bup"},
			Invitations: []Invitation{{Party: "bup", State: StateVideo}}}, prioPlan},
		{"held, plan complete: establish", Case{Consent: &Consent{}, Meeting: &Meeting{}, Held: &Milestone{}, Parties: []string{"bup"},
			Invitations: []Invitation{{Party: "bup", State: StateAttending}},
			Plan: Plan{NeedItems: []string{"n"}, Efforts: []Effort{{Party: "bup", Text: "x"}}, NoMeasures: true,
				Responsible: "u", FollowUp: &day}}, prioEstablish},
		{"established: the follow-up", Case{Consent: &Consent{}, Held: &Milestone{}, Established: &Milestone{}, Parties: []string{"bup"},
			Plan: Plan{FollowUp: &day}}, prioFollowUp},
		{"followed up: the next date", Case{Consent: &Consent{}, Held: &Milestone{}, Established: &Milestone{},
			FollowUps: []Milestone{{}}, Parties: []string{"bup"}}, prioNextFollowUp},
		{"ended", Case{Consent: &Consent{}, Closed: &Closure{}}, prioNone},
	}
	dir := sampleDirectory(t)
	for _, tt := range tests {
		if got := priority(dir, &tt.c); got != tt.want {
			t.Errorf("%s: priority %d, want %d", tt.name, got, tt.want)
		}
	}
}
