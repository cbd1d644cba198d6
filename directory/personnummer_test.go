package directory

import (
	"strings"
	"testing"
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
		{"121212  1212", ""}, // two spaces: not one number
		{"pnr 811218-9876 ok", "811218-9876"},
		{"samordningsnummer 701063-2391", "701063-2391"},
		{"197010632391", "197010632391"},
		{"x19121212-1212y", "19121212-1212"},
		{"first 121212-1212 second 811218-9876", "121212-1212"},
		// not personnummer
		{"121212-1213", ""},       // Luhn fails
		{"1212121212121212", ""},  // part of a longer number
		{"121312-1214", ""},       // month 13
		{"SE2321000016-abc1", ""}, // HSA id: month 21
		{"+46 46 123 45 67", ""},  // phone
		{"0461234567", ""},        // month 61
		{"12121-21212", ""},       // wrong grouping
		{"17121212-1212", ""},     // century 17
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
	got := RedactPersonnummer("a 121212-1212 b 811218-9876 c 0461234567")
	if got != "a [personnummer] b [personnummer] c 0461234567" {
		t.Errorf("RedactPersonnummer = %q", got)
	}
}

// TestEveryLuhnDigit checks that exactly one check digit is accepted.
func TestEveryLuhnDigit(t *testing.T) {
	for _, base := range []string{"811218987", "701063239", "121212121", "000101000"} {
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
	for _, s := range []string{"19121212-1212", "701063-2391", "+46 46 123 45 67", "SE2321000016-abc1", "1212121212121212"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, ok := FindPersonnummer(s)
		if !ok {
			if m != "" {
				t.Fatalf("no match but %q", m)
			}
			return
		}
		if !strings.Contains(s, m) {
			t.Fatalf("match %q not in input", m)
		}
		digits := strings.NewReplacer("-", "", "+", "").Replace(m)
		if len(digits) != 10 && len(digits) != 12 {
			t.Fatalf("match %q has %d digits", m, len(digits))
		}
		d := []byte(digits[len(digits)-10:])
		for i := range d {
			d[i] -= '0'
		}
		if !luhn(d) {
			t.Fatalf("match %q fails Luhn", m)
		}
		if got, _ := FindPersonnummer(m); got != m {
			t.Fatalf("match %q does not match itself (%q)", m, got)
		}
		if ContainsPersonnummer(RedactPersonnummer(s)) {
			t.Fatalf("redacted %q still holds a personnummer", s)
		}
	})
}
