package i18n

import "strings"

// Lang is a language Samla speaks. The zero value is no language: callers
// fall back to the configured default (Or).
type Lang string

// The languages of every catalogue.
const (
	Swedish Lang = "sv"
	English Lang = "en"
)

// Langs lists every language, Swedish first.
func Langs() []Lang { return []Lang{Swedish, English} }

// Parse reads a language code or a platform locale: "sv", "en",
// "sv-SE" (Slack), "en_US.UTF-8" (POSIX), "EN" … Anything else, or an
// empty string, is not a language Samla speaks (ok false).
func Parse(s string) (l Lang, ok bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	if i := strings.IndexAny(s, "-_.@"); i >= 0 {
		s = s[:i]
	}
	switch Lang(s) {
	case Swedish:
		return Swedish, true
	case English:
		return English, true
	}
	return "", false
}

// Valid reports whether l is one of Langs.
func (l Lang) Valid() bool { return l == Swedish || l == English }

// Or is l when it is valid, else def (itself Swedish when not valid).
func (l Lang) Or(def Lang) Lang {
	if l.Valid() {
		return l
	}
	if def.Valid() {
		return def
	}
	return Swedish
}

// String is the language code, "sv" or "en" ("" for no language).
func (l Lang) String() string { return string(l) }
