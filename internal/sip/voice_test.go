package sip

import (
	"strings"
	"testing"
)

// establishedCase is a case whose plan is established (follow-up
// 2027-03-01, BUP Lund responsible).
func (h *harness) establishedCase() string {
	h.t.Helper()
	ref, _ := h.invitedCase("")
	for _, cmd := range []string{"möte " + ref + " hållet", `plan ` + ref + ` behov "skolnärvaro"`,
		`plan ` + ref + ` insats bup "samtal"`, `plan ` + ref + ` insats socialtjanst-barn "stöd"`,
		`plan ` + ref + ` insats primarvard "kontroll"`, "plan " + ref + " åtgärd ingen",
		"plan " + ref + " ansvar=bup-lund", "uppföljning " + ref + " 2027-03-01"} {
		h.cmd(kurator, cmd)
	}
	if out := h.cmd(kurator, "plan "+ref+" klar"); !strings.Contains(out, "är upprättad") {
		h.t.Fatalf("plan klar: %q", out)
	}
	return ref
}

// TestIndividualsVoice: the individual's goals come first in the plan,
// who takes part besides staff is recorded, and whether and how the
// individual received the written plan (problem 5 of issue 12); the
// texts stay out of chat.
func TestIndividualsVoice(t *testing.T) {
	h := newHarness(t)
	ref := h.newCase("")
	h.cmd(kurator, "samtycke "+ref+" skriftligt av=vårdnadshavare")
	for _, s := range []struct{ in, want string }{
		{"status " + ref, "Deltar: inte angivet (/sip deltar REF individen ja)"},
		{"deltar " + ref + " individen", "Deltagande i " + ref + ": den enskilde deltar."},
		{"deltar " + ref + " närstående nej", "den enskilde deltar, närstående deltar inte."},
		{"deltar " + ref + " vårdnadshavare ja", "den enskilde deltar, närstående deltar inte, vårdnadshavare deltar."},
		{"deltar " + ref + " individen nej", "den enskilde deltar inte, närstående"},
		{"deltar " + ref + " grannen", `Okänt "grannen": ange individen, närstående, vårdnadshavare eller god-man`},
		{"deltar " + ref + " individen kanske", `Oväntat ord "kanske"`},
		{`plan ` + ref + ` mål "Jag vill orka gå till skolan"`, "*Den enskildes mål, med egna ord*\n   1 (texten finns i ärendets rum)"},
		{"plan " + ref + " mottagen 2026-11-20 digitalt", "Planen för " + ref + " är inte upprättad än"},
		{"status " + ref, "Deltar: den enskilde deltar inte, närstående deltar inte, vårdnadshavare deltar"},
	} {
		if out := h.cmd(kurator, s.in); !strings.Contains(out, s.want) {
			t.Fatalf("%s: %q\nwant it to contain %q", s.in, out, s.want)
		}
	}
	if c := h.load(ref); len(c.Plan.Goals) != 1 || c.Plan.Goals[0] != "Jag vill orka gå till skolan" || len(c.Participation) != 3 {
		t.Errorf("goals %q, participation %+v", c.Plan.Goals, c.Participation)
	}
	for _, env := range h.drain() {
		if strings.Contains(env.Msg.Text, "orka") {
			t.Errorf("the goal went into chat: %+v", env.Msg)
		}
	}

	ref = h.establishedCase()
	for _, s := range []struct{ in, want string }{
		{"plan " + ref, "• Den enskilde har fått planen: inte än"},
		{"plan " + ref + " mottagen 2099-01-01", "Datumet 2099-01-01 har inte kommit än."},
		{"plan " + ref + " mottagen 2026-11-23 brevduva", `Okänt "brevduva": ange digitalt eller papper.`},
		{"plan " + ref + " mottagen 2026-11-23 papper", "• Den enskilde har fått planen: mottagen 2026-11-23, på papper"},
		{"språk en", "English"},
		{"plan " + ref + " received 2026-11-23 digital", "• The individual has the plan: received 2026-11-23, digitally"},
		{"participates " + ref + " individual yes", "Taking part in " + ref + ": the individual takes part."},
		{"log " + ref, "plan received by the individual 2026-11-23, digitally"},
	} {
		if out := h.cmd(kurator, s.in); !strings.Contains(out, s.want) {
			t.Fatalf("%s: %q\nwant it to contain %q", s.in, out, s.want)
		}
	}
	res, err := h.svc.RecordParticipation(h.ctx, actor(kurator), RecordParticipation{Ref: ref, Who: ParticipantTrustee, Takes: true})
	if err != nil || len(res.Case.Participation) != 2 || res.Case.Plan.Received == nil || res.Case.Plan.Received.Form != ReceivedDigital {
		t.Fatalf("typed: %v %+v", err, res.Case)
	}
	if _, err := h.svc.EditPlan(h.ctx, actor(kurator), EditPlan{Ref: ref, ReceivedDate: "2026-11-23", ReceivedForm: "fax"}); refusalOf(t, err).Fields()[FieldReceived] == "" {
		t.Errorf("unknown form: %v", err)
	}
}

// TestLifecycleTypedRefusals: the typed lifecycle operations refuse with
// one mistake per field, so a form (or the case room) can show each next
// to its control.
func TestLifecycleTypedRefusals(t *testing.T) {
	h := newHarness(t)
	who := actor(kurator)
	ref, _ := h.invitedCase("")
	_, err := h.svc.EstablishPlan(h.ctx, who, EstablishPlan{Ref: ref})
	fields := refusalOf(t, err).Fields()
	for _, f := range []string{"", FieldMeeting, FieldNeeds, FieldEffort, FieldMeasure, FieldResponsible, FieldDate} {
		if fields[f] == "" {
			t.Errorf("establish: no mistake on field %q: %v", f, fields)
		}
	}
	if _, ok := fields[FieldConsent]; ok {
		t.Errorf("consent is recorded, still refused: %v", fields)
	}
	if _, err := h.svc.MeetingHeld(h.ctx, who, RecordHeld{Ref: ref, Date: "2026-12-24"}); refusalOf(t, err).Fields()[FieldDate] == "" {
		t.Errorf("held in the future: %v", err)
	}
	if _, err := h.svc.FollowUpHeld(h.ctx, who, RecordHeld{Ref: ref}); refusalOf(t, err).Message() == "" {
		t.Errorf("follow-up before the plan: %v", err)
	}
	if _, err := h.svc.EditPlan(h.ctx, who, EditPlan{Ref: ref, Responsible: "lund-skola-polhem"}); refusalOf(t, err).Fields()[FieldResponsible] == "" {
		t.Errorf("school as responsible: %v", err)
	}
	if _, err := h.svc.CloseCase(h.ctx, who, CloseCase{Ref: ref, Cause: "bored"}); refusalOf(t, err).Fields()[FieldCause] == "" {
		t.Errorf("unknown cause: %v", err)
	}
	res, err := h.svc.MeetingHeld(h.ctx, who, RecordHeld{Ref: ref, Date: "2026-11-20"})
	if err != nil || res.Case.Stage != StageHeld || res.Case.Held == nil || h.svc.fmtDate(res.Case.Held.Date) != "2026-11-20" {
		t.Fatalf("held: %v %+v", err, res.Case)
	}
	res, err = h.svc.CloseCase(h.ctx, who, CloseCase{Ref: ref, Cause: CauseMoved})
	if err != nil || res.Case.Stage != StageEnded || res.Case.Closed.Cause != CauseMoved {
		t.Fatalf("close: %v %+v", err, res.Case)
	}
}
