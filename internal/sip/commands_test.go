package sip

import (
	"strings"
	"testing"
)

// TestCommandMessages pins the one-line answers to mistakes: what was
// wrong and an example of the right form, with the user's own reference.
func TestCommandMessages(t *testing.T) {
	h := newHarness(t)
	ref := h.newCase("")
	invitee := "bup-lund-vagin"
	tests := []struct {
		who, in, want string
	}{
		{kurator, "möte " + ref + " imorgon", `"imorgon" är ingen tid i formen 2026-12-10 13:00. Exempel: /sip möte ` + ref + ` 2026-12-10 13:00 video  ·  /sip möte ` + ref + ` förslag 2026-12-10T13:00 2026-12-11T09:00  ·  /sip möte ` + ref + ` välj 2`},
		{kurator, "samtycke " + ref + " kanske", `Okänt ord "kanske": ange skriftligt eller muntligt, och vem som gav samtycket med av=. Exempel: /sip samtycke ` + ref + ` skriftligt av=vårdnadshavare  ·  /sip samtycke ` + ref + ` muntligt av=individen parter=bup,forsakringskassan`},
		{kurator, "uppföljning " + ref + " i mars", `"i mars" är inget datum i formen 2027-03-01. Exempel: /sip uppföljning ` + ref + ` 2027-03-01  ·  /sip uppföljning ` + ref + ` hållen`},
		{kurator, "möte " + ref + " hållet 2099-01-01", `Datumet 2099-01-01 har inte kommit än. Exempel: /sip möte ` + ref + ` 2026-12-10 13:00 video  ·  /sip möte ` + ref + ` förslag 2026-12-10T13:00 2026-12-11T09:00  ·  /sip möte ` + ref + ` välj 2`},
		{kurator, "flyga", `Okänt kommando "flyga". Exempel: /sip ny kommun=Lund ålder=14 parter=bup,skola (mer: /sip hjälp)`},
		{kurator, "status SIP-ZZZZZZ", "Ärendet hittades inte."},
		{kurator, "återkalla " + ref, ref + " har inget registrerat samtycke att återkalla."},
		{kurator, "möte " + ref + " välj 1", "Det finns inget förslag nummer 1. Exempel: /sip möte " + ref + " 2026-12-10 13:00 video  ·  /sip möte " + ref + " förslag 2026-12-10T13:00 2026-12-11T09:00  ·  /sip möte " + ref + " välj 2"},
		{invitee, "status " + ref, "Ärendet hittades inte."},
		{kurator, "språk en", "Samla now answers you in English."},
		{kurator, "consent " + ref + " maybe", `Unknown word "maybe": say written or oral, and who gave consent with by=. Example: /sip consent ` + ref + ` written by=guardian  ·  /sip consent ` + ref + ` oral by=individual parties=bup,forsakringskassan`},
		{kurator, "close " + ref, "Say why the SIP ends: reason=needs-met, consent-withdrawn, moved or other (text may follow: reason=\"other …\"). A plan is established with /sip plan REF done, not by ending the SIP. Example: /sip close " + ref + " reason=needs-met  ·  /sip close " + ref + " reason=\"moved to Malmö\""},
		{kurator, "plan " + ref + " effort skola \"mentor\"", "School is not a huvudman and has no effort in the plan; give its part as a measure by others: /sip plan " + ref + " measure skola \"…\" Example: /sip plan " + ref + " needs \"back to school\"  ·  /sip plan " + ref + " effort bup \"talks every other week\"  ·  /sip plan " + ref + " measure skola \"adapted timetable\"  ·  /sip plan " + ref + " responsible=bup-lund  ·  /sip plan " + ref + " done"},
		{kurator, "vem bup Atlantis", `No kommun called "Atlantis". Example: /sip who bup Lund 14`},
	}
	for _, tt := range tests {
		got := h.cmd(tt.who, tt.in)
		if got != tt.want {
			t.Errorf("%s: %q\n got %q\nwant %q", tt.who, tt.in, got, tt.want)
		}
		if strings.Contains(got, "\n") {
			t.Errorf("%q: answer is not one line", tt.in)
		}
	}
}
