package directory

import (
	"testing"

	"github.com/samla-sip/samla/internal/i18n"
	"github.com/samla-sip/samla/internal/i18n/i18ntest"
)

func TestMessages(t *testing.T) {
	i18ntest.Check(t, messages, i18ntest.Uses{Funcs: []string{"says", "saysIn", "T"}, Dynamic: monthIDs[:]})
}

// TestGenitive: the Swedish genitive in routing reasons — abbreviations and
// numbers take ":s", names ending in s, x or z take nothing.
func TestGenitive(t *testing.T) {
	for in, want := range map[string]string{
		"Region Skåne":   "Region Skånes",
		"Lunds kommun":   "Lunds kommuns",
		"Vård AB":        "Vård AB:s",
		"BUP":            "BUP:s",
		"SOS":            "SOS:s",
		"Socialtjänst 2": "Socialtjänst 2:s",
		"Malmö stad":     "Malmö stads",
		"Hälsans hus":    "Hälsans hus",
		"Box":            "Box",
		"Ruiz":           "Ruiz",
		"Region Halland": "Region Hallands",
	} {
		if got := possessive(i18n.Swedish, in); got != want {
			t.Errorf("genitive(%q) = %q, want %q", in, got, want)
		}
	}
}
