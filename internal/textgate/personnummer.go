package textgate

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// FindPersonnummer returns the first Luhn-valid Swedish personnummer or
// samordningsnummer in s, as written in s. It looks at an NFKC-normalised
// skeleton of s in which invisible characters (Strip's) are ignored, every
// dash is "-" and every space is " ", so full-width digits, an en dash, a
// no-break or zero-width space count as the ASCII ones.
//
// A number is a date part and four digits: YYMMDD or YYYYMMDD (century
// 18–20), optionally with one "-", ".", "/" or space between year, month
// and day; then up to three separator characters among " ", "-", "+", "."
// and "/" (so "790104-5034", "790104+5034", "790104 - 5034",
// "79.01.04.5034", "19790104 5034"); then the last four digits. The month
// must be 01–12 and the day 01–31, or 61–91 for a samordningsnummer. A
// digit run that continues into more digits does not count.
func FindPersonnummer(s string) (match string, ok bool) {
	if !mayHoldTenDigits(s) {
		return "", false
	}
	return findInSkeleton(s)
}

// findInSkeleton is FindPersonnummer without the fast path.
func findInSkeleton(s string) (match string, ok bool) {
	sk := newSkeleton(s)
	for i := 0; i < len(sk.b); i++ {
		if !isDigit(sk.b[i]) || (i > 0 && isDigit(sk.b[i-1])) {
			continue
		}
		if j, ok := sk.personnummerAt(i); ok {
			return s[sk.from[i]:sk.to[j-1]], true
		}
	}
	return "", false
}

// ContainsPersonnummer reports whether s holds a personnummer.
func ContainsPersonnummer(s string) bool { _, ok := FindPersonnummer(s); return ok }

// RedactPersonnummer replaces every personnummer in s with
// "[personnummer]", e.g. before a message is logged.
func RedactPersonnummer(s string) string {
	for {
		m, ok := FindPersonnummer(s)
		if !ok {
			return s
		}
		s = strings.Replace(s, m, "[personnummer]", 1)
	}
}

// mayHoldTenDigits is the fast path for short and digit-poor text: no
// character's NFKC form holds more ASCII digits than the character has
// bytes (TestNormalisedDigitsFitInBytes checks every rune), so a text
// with fewer than ten ASCII digits and non-ASCII bytes together has no
// ten-digit number.
//
// Letters U+00C0–U+027F (å, ä, ö, é, ø and the rest of Latin-1, Latin
// Extended-A/B and IPA, two bytes each, lead byte 0xC3–0xC9) are not
// counted: their NFKC forms hold no digit, dash, space or separator
// (TestLatinLettersAreInert checks each), so Swedish text stays on the
// fast path.
func mayHoldTenDigits(s string) bool {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case isDigit(c):
			n++
		case c >= 0xC3 && c <= 0xC9 && i+1 < len(s) && s[i+1]&0xC0 == 0x80:
			i++ // an inert Latin letter
		case c >= utf8.RuneSelf:
			n++
		}
	}
	return n >= 10
}

// inertLatin reports whether r is one of the letters mayHoldTenDigits
// skips; in the skeleton it is an 'x' without normalising.
func inertLatin(r rune) bool { return r >= 0xC0 && r <= 0x27F }

// skeleton is s reduced for detection: one byte per normalised character
// (a digit, '-', ' ', '+', '.', '/' or 'x' for anything else), with the
// byte offsets in s of the character each came from.
type skeleton struct {
	b        []byte
	from, to []int // s[from[k]:to[k]] produced b[k]
}

func newSkeleton(s string) skeleton {
	sk := skeleton{b: make([]byte, 0, len(s)), from: make([]int, 0, len(s)), to: make([]int, 0, len(s))}
	var nbuf []byte
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		end := i + size
		switch {
		case r == utf8.RuneError && size == 1, invisible(r):
			// ignored: invisible characters cannot split a number
		case r < utf8.RuneSelf:
			sk.add(skel(r), i, end)
		case inertLatin(r):
			sk.add('x', i, end)
		default:
			nbuf = norm.NFKC.AppendString(nbuf[:0], s[i:end])
			for _, nr := range string(nbuf) {
				if !invisible(nr) {
					sk.add(skel(nr), i, end)
				}
			}
		}
		i = end
	}
	return sk
}

func (sk *skeleton) add(c byte, from, to int) {
	sk.b = append(sk.b, c)
	sk.from = append(sk.from, from)
	sk.to = append(sk.to, to)
}

// skel maps a normalised character to its skeleton byte.
func skel(r rune) byte {
	switch {
	case '0' <= r && r <= '9', r == '+', r == '.', r == '/':
		return byte(r)
	case r == '-', r == '\u2212', unicode.Is(unicode.Pd, r):
		return '-'
	case unicode.IsSpace(r):
		return ' '
	}
	return 'x'
}

// personnummerAt matches a personnummer starting at b[i], a digit that
// follows no digit, and returns the index just after it.
func (sk *skeleton) personnummerAt(i int) (int, bool) {
	for _, century := range []bool{false, true} {
		var d [12]byte
		n := 0
		j := i
		digits := func(k int) bool {
			for ; k > 0; k-- {
				if j >= len(sk.b) || !isDigit(sk.b[j]) {
					return false
				}
				d[n] = sk.b[j] - '0'
				n++
				j++
			}
			return true
		}
		dateSep := func() {
			if j+1 < len(sk.b) && isDateSep(sk.b[j]) && isDigit(sk.b[j+1]) {
				j++
			}
		}
		if century && !digits(2) {
			continue
		}
		if !digits(2) {
			continue
		}
		dateSep()
		if !digits(2) {
			continue
		}
		dateSep()
		if !digits(2) {
			continue
		}
		for k := 0; k < 3 && j < len(sk.b) && isNumberSep(sk.b[j]); k++ {
			j++
		}
		if !digits(4) || (j < len(sk.b) && isDigit(sk.b[j])) {
			continue
		}
		ten := d[:10]
		if century {
			if c := int(d[0])*10 + int(d[1]); c < 18 || c > 20 {
				continue
			}
			ten = d[2:12]
		}
		if plausibleDate(ten) && luhn(ten) {
			return j, true
		}
	}
	return 0, false
}

func isDateSep(c byte) bool   { return c == '-' || c == '.' || c == '/' || c == ' ' }
func isNumberSep(c byte) bool { return c == '-' || c == '+' || c == '.' || c == '/' || c == ' ' }

func plausibleDate(d []byte) bool {
	month := int(d[2])*10 + int(d[3])
	day := int(d[4])*10 + int(d[5])
	if day > 60 {
		day -= 60
	}
	return month >= 1 && month <= 12 && day >= 1 && day <= 31
}

// luhn checks the Luhn check digit of ten digits.
func luhn(d []byte) bool {
	sum := 0
	for k, v := range d {
		x := int(v)
		if k%2 == 0 {
			x *= 2
			if x > 9 {
				x -= 9
			}
		}
		sum += x
	}
	return sum%10 == 0
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }
