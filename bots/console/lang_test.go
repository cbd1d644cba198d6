package console

import (
	"strings"
	"testing"
)

// TestInviteeInOwnLanguage plays a Swedish convener and an invitee who
// chose English with /sip språk en, on the real core: the convener's
// replies and status stay Swedish; the invitation, and the answer to the
// invitee's press, are English.
func TestInviteeInOwnLanguage(t *testing.T) {
	got := play(t, `:as bup-lund-vagin
/sip språk en
:as lund-skola-kurator-sara
/sip ny kommun=Lund ålder=14 parter=bup
/sip samtycke $REF skriftligt vårdnadshavare
/sip bjud $REF
:as bup-lund-vagin
:click b1
`, "sv")
	for _, want := range []string{
		"lund-skola-kurator-sara> /sip bjud SIP-",
		"↩ Kallelser för SIP-",                                            // the convener, in Swedish
		"→ bup-lund-vagin [slack]\n  *Invitation to a SIP meeting · SIP-", // the invitee, in English
		"[b1] I'll attend",
		"bup-lund-vagin> :click b1\n↩ Thanks!",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "→ bup-lund-vagin [slack]\n  *Kallelse") {
		t.Errorf("the invitee got a Swedish invitation:\n%s", got)
	}
}
