package textgate

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func TestFindPersonnummer(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"19121212-1212", "19121212-1212"},
		{"121212-1212", "121212-1212"},
		{"1212121212", "1212121212"},
		{"191212121212", "191212121212"},
		{"121212+1212", "121212+1212"},     // over 100 years old
		{"pnr 121212 1212", "121212 1212"}, // spoken or typed with a space
		{"19121212 1212 ok", "19121212 1212"},
		{"pnr 811218-9876 ok", "811218-9876"},
		{"samordningsnummer 701063-2391", "701063-2391"},
		{"197010632391", "197010632391"},
		{"x19121212-1212y", "19121212-1212"},
		{"first 121212-1212 second 811218-9876", "121212-1212"},
		// the spellings of issue 16, problem 2
		{"pnr 790104–5034 ok", "790104–5034"},                                        // en dash
		{"790104—5034", "790104—5034"},                                               // em dash
		{"790104‑5034", "790104‑5034"},                                               // non-breaking hyphen
		{"790104−5034", "790104−5034"},                                               // minus sign
		{"790104\u00a05034", "790104\u00a05034"},                                     // no-break space
		{"790104\u202f5034", "790104\u202f5034"},                                     // narrow no-break space
		{"790104\u200b5034", "790104\u200b5034"},                                     // zero-width space
		{"7901\u200b045034", "7901\u200b045034"},                                     // zero-width space inside
		{"790104\u00ad-5034", "790104\u00ad-5034"},                                   // soft hyphen
		{"\u202e4305-401097\u202c", ""},                                              // reversed on screen only: the bytes are no number
		{"７９０１０４－５０３４", "７９０１０４－５０３４"},                                               // full-width
		{"７９０１０４5034", "７９０１０４5034"},                                                 // mixed
		{"79.01.04-5034", "79.01.04-5034"},                                           // dots in the date
		{"790104.5034", "790104.5034"},                                               // dot separator
		{"790104 - 5034", "790104 - 5034"},                                           // " - "
		{"790104 -5034", "790104 -5034"},                                             //
		{"121212  1212", "121212  1212"},                                             // two spaces
		{"1979-01-04-5034", "1979-01-04-5034"},                                       // 12 digits, ISO date
		{"19790104–5034", "19790104–5034"},                                           // 12 digits, en dash
		{"1979 01 04 5034", "1979 01 04 5034"},                                       // spaced out
		{"79/01/04-5034", "79/01/04-5034"},                                           // slashes
		{"790104-\n5034", "790104-\n5034"},                                           // line break
		{"7\u200d9\u200c0\u20601\ufeff045034", "7\u200d9\u200c0\u20601\ufeff045034"}, // joiners, word joiner, BOM
		{"790104\x005034", "790104\x005034"},                                         // NUL
		// not personnummer
		{"121212-1213", ""},       // Luhn fails
		{"1212121212121212", ""},  // part of a longer number
		{"121312-1214", ""},       // month 13
		{"SE2321000016-abc1", ""}, // HSA id: month 21
		{"+46 46 123 45 67", ""},  // phone
		{"070-123 45 67", ""},     // mobile phone
		{"0461234567", ""},        // month 61
		{"12121-21212", ""},       // wrong grouping
		{"17121212-1212", ""},     // century 17
		{"790104 -  5034", ""},    // four separator characters
		{"möte SIP-ZDQYV3 2026-12-10 13:00 plats=\"Rum 4\"", ""},
		{"möte SIP-ZDQYV3 förslag 2026-12-10T13:00 2026-12-11T09:30", ""},
		{"uppföljning SIP-ZDQYV3 2027-03-01", ""},
		{"", ""}, {"no digits", ""},
	}
	for _, tt := range tests {
		got, ok := FindPersonnummer(tt.in)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("FindPersonnummer(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
		}
		if ContainsPersonnummer(tt.in) != (tt.want != "") {
			t.Errorf("ContainsPersonnummer(%q) disagrees", tt.in)
		}
	}
}

func TestRedactPersonnummer(t *testing.T) {
	got := RedactPersonnummer("a 121212-1212 b 811218–9876 c 0461234567 d ７９０１０４－５０３４")
	if got != "a [personnummer] b [personnummer] c 0461234567 d [personnummer]" {
		t.Errorf("RedactPersonnummer = %q", got)
	}
}

// TestEveryLuhnDigit checks that exactly one check digit is accepted.
func TestEveryLuhnDigit(t *testing.T) {
	for _, base := range []string{"811218987", "701063239", "121212121", "000101000", "７９０１０４－５０３"} {
		n := 0
		for d := '0'; d <= '9'; d++ {
			if ContainsPersonnummer(base + string(d)) {
				n++
			}
		}
		if n != 1 {
			t.Errorf("%s?: %d check digits accepted, want 1", base, n)
		}
	}
}

func FuzzFindPersonnummer(f *testing.F) {
	for _, s := range []string{"19121212-1212", "701063-2391", "+46 46 123 45 67", "SE2321000016-abc1",
		"1212121212121212", "790104–5034", "７９０１０４－５０３４", "79.01.04 - 5034", "7901\u200b045034", "½①⑴"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, ok := FindPersonnummer(s)
		if slow, sok := findInSkeleton(s); slow != m || sok != ok {
			t.Fatalf("fast path %q, %v; slow path %q, %v", m, ok, slow, sok)
		}
		if !ok {
			if m != "" {
				t.Fatalf("no match but %q", m)
			}
			return
		}
		if !strings.Contains(s, m) {
			t.Fatalf("match %q not in %q", m, s)
		}
		if again, ok := FindPersonnummer(m); !ok || again != m {
			t.Fatalf("match %q is found as %q, %v on its own", m, again, ok)
		}
		if r := RedactPersonnummer(s); ContainsPersonnummer(r) {
			t.Fatalf("RedactPersonnummer(%q) = %q still holds one", s, r)
		}
	})
}

// TestNormalisedDigitsFitInBytes proves mayHoldTenDigits' premise over
// every rune: NFKC never turns a character into more ASCII digits than
// its UTF-8 bytes.
func TestNormalisedDigitsFitInBytes(t *testing.T) {
	var buf []byte
	for r := rune(utf8.RuneSelf); r <= unicode.MaxRune; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		buf = norm.NFKC.AppendString(buf[:0], string(r))
		digits := 0
		for _, c := range buf {
			if isDigit(c) {
				digits++
			}
		}
		if digits > utf8.RuneLen(r) {
			t.Errorf("%U normalises to %q: %d digits from %d bytes", r, buf, digits, utf8.RuneLen(r))
		}
	}
}

// TestLatinLettersAreInert proves the skeleton's shortcut for U+00C0–U+027F:
// no such character normalises to anything but 'x' in the skeleton (or an
// ignored invisible character), and each is two bytes with a lead byte
// 0xC3–0xC9.
func TestLatinLettersAreInert(t *testing.T) {
	for r := rune(0xC0); r <= 0x27F; r++ {
		if !inertLatin(r) {
			t.Fatalf("%U not inert", r)
		}
		if b := []byte(string(r)); len(b) != 2 || b[0] < 0xC3 || b[0] > 0xC9 {
			t.Errorf("%U is % x", r, b)
		}
		for _, nr := range norm.NFKC.String(string(r)) {
			if !invisible(nr) && skel(nr) != 'x' {
				t.Errorf("%U normalises to %q, which the skeleton reads as %q", r, norm.NFKC.String(string(r)), skel(nr))
			}
		}
	}
	if inertLatin(0xBF) || inertLatin(0x280) {
		t.Error("the range is too wide")
	}
}
