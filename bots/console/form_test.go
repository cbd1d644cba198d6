package console

import (
	"strings"
	"testing"
)

// TestNewCaseFormRefusedStaysOpen: the console's new-case form goes to
// the real core in one typed call; a refused form stays open, prints each
// reason next to its field and asks only those fields again. (A kommun
// holding a case reference must not be taken for a created case.)
func TestNewCaseFormRefusedStaysOpen(t *testing.T) {
	got := play(t, `:as lund-skola-kurator-sara
/sip ny
SIP-ABCDEF
fjorton
bup, skola

2026-12-10 13:00 video
Lund
14
/sip status $REF
`, "sv")
	for _, want := range []string{
		"! Kommun (t.ex. Lund): Hittar ingen kommun som heter \"SIP-ABCDEF\".\n! Ålder i hela år: Åldern",
		"! Ålder i hela år: Åldern \"fjorton\" är inget heltal mellan 0 och 130.",
		"  Kommun (t.ex. Lund) [SIP-ABCDEF]\nlund-skola-kurator-sara> Lund\n  Ålder i hela år [fjorton]\nlund-skola-kurator-sara> 14\n↩ Ärende *SIP-",
		"Mötet för SIP-",
		"2026-12-10 13:00, via video",
		"> /sip status SIP-", // $REF is the created case
	} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q:\n%s", want, got)
		}
	}
	if n := strings.Count(got, "↩ Ärende *SIP-"); n != 1 {
		t.Errorf("%d cases created, want 1:\n%s", n, got)
	}
	if strings.Contains(got, "SIP-ABCDEF skapat") || strings.Contains(got, "möte SIP-ABCDEF") {
		t.Errorf("the refused form was taken for a created case:\n%s", got)
	}
}

func TestNewCaseFormCancelled(t *testing.T) {
	got := play(t, `:as lund-skola-kurator-sara
/sip ny
Lund
:as bup-lund-vagin
/sip ny

/sip mina
`, "en")
	if n := strings.Count(got, "! cancelled"); n != 2 {
		t.Errorf("%d cancellations, want 2 (a :command, an empty required field):\n%s", n, got)
	}
	if strings.Contains(got, "↩ Case *SIP-") {
		t.Errorf("a cancelled form created a case:\n%s", got)
	}
}

// TestStatusShownOnce: /sip status prints the case once (its one body).
func TestStatusShownOnce(t *testing.T) {
	got := play(t, `:as lund-skola-kurator-sara
/sip ny kommun=Lund ålder=14 parter=bup
/sip status $REF
:quit
`, "sv")
	_, reply, ok := strings.Cut(got, "> /sip status SIP-")
	if !ok {
		t.Fatalf("no status reply:\n%s", got)
	}
	for _, once := range []string{"Nästa steg", "Samtycke:", "*Kallade*"} {
		if n := strings.Count(reply, once); n != 1 {
			t.Errorf("%q shown %d times:\n%s", once, n, reply)
		}
	}
}
