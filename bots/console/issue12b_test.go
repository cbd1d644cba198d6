package console

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// playInOrder plays testdata/NAME-LANG.txt, compares it with its golden
// file and checks that wants appear in this order.
func playInOrder(t *testing.T, name, lang string, wants []string) string {
	t.Helper()
	script, err := os.ReadFile(filepath.Join("testdata", name+"-"+lang+".txt"))
	if err != nil {
		t.Fatal(err)
	}
	got := play(t, string(script), lang)
	golden(t, name+"-"+lang+".golden", got)
	rest := got
	for _, want := range wants {
		i := strings.Index(rest, want)
		if i < 0 {
			t.Fatalf("session output lacks %q (after the previous ones)", want)
		}
		rest = rest[i+len(want):]
	}
	return got
}

// TestDischargeSessions (issue 12, problems 6, 7 and 10): a discharge SIP
// through the real core.
func TestDischargeSessions(t *testing.T) {
	for _, tt := range []struct {
		lang  string
		wants []string
	}{
		{"sv", []string{
			"kallelsen ska gå ut inom 3 arbetsdagar, senast tor 2026-11-26",
			"⏱ 2026-11-26 09:00 (Thu)\n→ sus-malmo-sjukskoterska-johan [slack]\n  *Kallelsen ska gå ut i dag: SIP-2GZRR9*",
			"2026-12-24 10:00 är en helgdag (julafton). Vill du boka tiden ändå, skriv bekräfta",
			"2026-11-30 10:00 (60 min), Avdelning 12, SUS Malmö och via video",
			"Kallelse: SIP vid utskrivning: kallelsen gick ut 2026-11-26 (senast tor 2026-11-26) ✓",
			// The time change: the place is kept, answers reset, cards updated in place.
			"↩ Mötet för SIP-2GZRR9: 2026-12-01 13:00 (60 min), Avdelning 12, SUS Malmö och via video.\n  Ändrat: tiden (var 2026-11-30 10:00).\n  3 svar har återställts",
			"✎ vc-malmo-vagin [slack] (uppdaterat/updated)\n  *Kallelse till SIP-möte · SIP-2GZRR9*\n  *Tiden eller platsen är ändrad.*",
			"⏳ behöver bekräfta ny tid eller plats",
			"registrerat som hållet. Registrera det hos er med KVÅ *AU125*",
			"→ vc-malmo-vagin [slack]\n  *Registrera SIP: SIP-2GZRR9*\n  SIP-mötet för *SIP-2GZRR9* är registrerat som hållet. Registrera det hos er med KVÅ *AU125*",
			"→ malmo-hemtjanst-samordnare [mattermost]\n  *Registrera SIP: SIP-2GZRR9*\n  SIP-mötet för *SIP-2GZRR9* är registrerat som hållet. Registrera det hos er med KSI *XAH.20.65*",
		}},
		{"en", []string{
			"the kallelse must go out within 3 working days, by Thu 2026-11-26",
			"*The kallelse is due today: SIP-2GZRR9*",
			"2026-12-24 10:00 is a Swedish public holiday (julafton). To book it anyway, add confirm",
			"Changed: the time (was 2026-11-30 10:00).\n  3 answers were reset",
			"*The time or place changed.*",
			"with KVÅ *AU125* (SIP drawn up at discharge)",
			"with KSI *XAH.20.65* (SIP at discharge from in-patient care)",
		}},
	} {
		t.Run(tt.lang, func(t *testing.T) {
			got := playInOrder(t, "discharge", tt.lang, tt.wants)
			// Omar did not confirm the new time: he is not asked to register.
			if strings.Contains(got, "→ malmo-bistand-omar [mattermost]\n  *Regist") {
				t.Error("a party that did not take part was asked to register the SIP")
			}
		})
	}
}
