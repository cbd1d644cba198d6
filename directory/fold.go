package directory

import (
	"strings"
	"unicode"
)

// fold lower-cases s and maps Swedish and common Latin letters with
// diacritics to ASCII (å, ä → a; ö → o; é → e; ü → u), so that "Eslöv",
// "ESLOV" and "eslov" compare equal.
func fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 || ('A' <= c && c <= 'Z') {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		b.WriteRune(foldRune(r))
	}
	return b.String()
}

func foldRune(r rune) rune {
	if r < 0x80 {
		if 'A' <= r && r <= 'Z' {
			return r + ('a' - 'A')
		}
		return r
	}
	switch unicode.ToLower(r) {
	case 'å', 'ä', 'á', 'à', 'â', 'æ':
		return 'a'
	case 'ö', 'ø', 'ó', 'ò', 'ô':
		return 'o'
	case 'é', 'è', 'ê', 'ë':
		return 'e'
	case 'ü', 'ú', 'ù', 'û':
		return 'u'
	case 'í', 'ì', 'î', 'ï':
		return 'i'
	}
	return unicode.ToLower(r)
}

// tokens splits folded text into words of letters and digits.
func tokens(s string) []string {
	return strings.FieldsFunc(fold(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}
