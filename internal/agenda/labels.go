package agenda

import (
	"slices"
	"unicode"
	"unicode/utf8"

	"github.com/samla-sip/samla/directory"
	"github.com/samla-sip/samla/internal/i18n"
)

// careName is the display name of a care-level id in lang, capitalised
// for headings and lists ("Socialtjänst barn", "Pupil health").
func careName(id, lang string) string {
	s := directory.CareLabel(id, i18n.Lang(normLang(lang)))
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// knownCareLevel reports whether id is one of the ids in careLevels.
func knownCareLevel(careLevels []string, id string) bool {
	return slices.Contains(careLevels, id)
}
