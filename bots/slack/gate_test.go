package slack

import (
	"strings"
	"testing"

	"github.com/samla-sip/samla/internal/sip"
)

// TestInputGateOnSlack: a personnummer in any spelling, or a text over its
// cap, in a signed Slack slash command is refused by the real core with
// the gate's words, on bbolt and Redis, and nothing is stored (issue 16,
// problems 2 and 8).
func TestInputGateOnSlack(t *testing.T) {
	for name, open := range realStores() {
		t.Run(name, func(t *testing.T) {
			f := newRealFlow(t, open(t))
			const convener = "U0MARIAPERSSON"
			ref := sip.FindRef(f.say(convener, "ny kommun=Lund ålder=14 parter=bup"))
			if ref == "" {
				t.Fatal("no case")
			}
			const refused = "Skriv aldrig personnummer eller samordningsnummer i Samla. Inget sparades."
			for _, pnr := range []string{"790104–5034", "790104\u00a05034", "790104\u200b5034", "７９０１０４－５０３４", "79.01.04.5034", "790104 - 5034", "19790104–5034"} {
				for _, cmd := range []string{
					"ny kommun=Lund ålder=14 parter=bup behov=\"" + pnr + "\"",
					"möte " + ref + " 2026-12-10 13:00 plats=\"" + pnr + "\"",
					"plan " + ref + " åtgärd \"" + pnr + "\"",
				} {
					if got := f.say(convener, cmd); !strings.HasPrefix(got, refused) {
						t.Errorf("/sip %s → %q", cmd, got)
					}
				}
			}
			if got := f.say(convener, "avsluta "+ref+" orsak=\""+strings.Repeat("x", 501)+"\""); !strings.HasPrefix(got, "Orsaken är för lång: högst 500 tecken, du skrev 501.") {
				t.Errorf("501-character reason → %q", got)
			}
			if got := f.say(convener, "mina"); !strings.Contains(got, "(1)") {
				t.Errorf("/sip mina: %q", got)
			}
			if got := f.say(convener, "status "+ref); strings.Contains(got, "5034") || strings.Contains(got, "５０３４") || strings.Contains(got, "avslutat") {
				t.Errorf("status: %q", got)
			}
		})
	}
}

// TestRenderDropsInvisibleCharacters: text stored before the input gate
// (or that never passed it) reaches Slack without bidi overrides or
// zero-width characters.
func TestRenderDropsInvisibleCharacters(t *testing.T) {
	if got := escape("Rum\u202e 4\u200b <@U1>"); got != "Rum 4 &lt;@U1&gt;" {
		t.Errorf("escape = %q", got)
	}
}
