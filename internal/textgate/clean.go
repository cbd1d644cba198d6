package textgate

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Clean checks s as a value of field f and returns it as it may be stored
// and shown: invisible characters removed (see Strip). It refuses, with an
// *Error, a text that holds a personnummer (in any spelling, see
// FindPersonnummer) or that is longer than f.Max characters after
// stripping. Invalid UTF-8 is replaced by U+FFFD.
func Clean(f Field, s string) (string, error) {
	out := Strip(s)
	if _, ok := FindPersonnummer(out); ok {
		return "", &Error{Field: f, Problem: Personnummer}
	}
	if n := utf8.RuneCountInString(out); f.Max > 0 && n > f.Max {
		return "", &Error{Field: f, Problem: TooLong, Length: n}
	}
	return out, nil
}

// Check is Clean for a text that is not kept (a command line before it is
// parsed, a search): it only reports the refusal.
func Check(f Field, s string) error {
	_, err := Clean(f, s)
	return err
}

// Strip removes what must never reach another person's screen unseen:
// bidi controls (U+202A–U+202E, U+2066–U+2069, U+200E/U+200F, U+061C),
// zero-width characters (U+200B–U+200D, U+2060, U+FEFF) and every other
// format character (category Cf, e.g. soft hyphen and tag characters), and
// control characters other than newline and tab. Invalid UTF-8 becomes
// U+FFFD. Everything else is kept as typed.
func Strip(s string) string {
	if isPlain(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range strings.ToValidUTF8(s, "\uFFFD") {
		if invisible(r) {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// isPlain reports whether s is printable ASCII, newlines and tabs only:
// nothing to strip.
func isPlain(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || (c < 0x20 && c != '\n' && c != '\t') || c == 0x7f {
			return false
		}
	}
	return true
}

// invisible reports whether r is removed by Strip.
func invisible(r rune) bool {
	switch {
	case r == '\n' || r == '\t':
		return false
	case unicode.IsControl(r):
		return true
	case unicode.Is(unicode.Cf, r):
		// Bidi controls, zero-width space/joiners, word joiner, BOM, soft
		// hyphen, tag characters, Arabic letter mark …
		return true
	case r == '\u180E' || r == '\u3164' || r == '\uFFA0' || r == '\u115F' || r == '\u1160':
		// Mongolian vowel separator and the Hangul fillers: blank
		// characters that are not Cf.
		return true
	}
	return false
}
