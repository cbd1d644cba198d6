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
		{kurator, "samtycke " + ref + " kanske", `Okänt ord "kanske": ange skriftligt eller muntligt, och vårdnadshavare om de gav samtycket. Exempel: /sip samtycke ` + ref + ` skriftligt vårdnadshavare`},
		{kurator, "uppföljning " + ref + " i mars", `"i mars" är inget datum i formen 2027-03-01. Exempel: /sip uppföljning ` + ref + ` 2027-03-01`},
		{kurator, "flyga", `Okänt kommando "flyga". Exempel: /sip ny kommun=Lund ålder=14 parter=bup,skola (mer: /sip hjälp)`},
		{kurator, "status SIP-ZZZZZZ", "Ärendet hittades inte."},
		{kurator, "återkalla " + ref, ref + " har inget registrerat samtycke att återkalla."},
		{kurator, "möte " + ref + " välj 1", "Det finns inget förslag nummer 1. Exempel: /sip möte " + ref + " 2026-12-10 13:00 video  ·  /sip möte " + ref + " förslag 2026-12-10T13:00 2026-12-11T09:00  ·  /sip möte " + ref + " välj 2"},
		{invitee, "status " + ref, "Ärendet hittades inte."},
		{kurator, "språk en", "Samla now answers you in English."},
		{kurator, "consent " + ref + " maybe", `Unknown word "maybe": say written or oral, and guardians if they gave consent. Example: /sip consent ` + ref + ` written guardians`},
		{kurator, "close " + ref, "The case cannot be closed: Overall responsibility, Follow-up date missing. Fill it in with /sip plan and /sip followup, or give a reason: reason=\"…\". Example: /sip close " + ref + "  ·  /sip close " + ref + " reason=\"moved away\""},
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
