package textgate

import (
	"errors"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestStrip(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Rum 4, plan 2", "Rum 4, plan 2"},
		{"rad ett\nrad\ttvå", "rad ett\nrad\ttvå"},
		{"Möte i Lund – kl. 13", "Möte i Lund – kl. 13"},
		{"abc\u202edcba\u202c", "abcdcba"},               // right-to-left override, pop
		{"\u2066x\u2067y\u2068z\u2069", "xyz"},           // isolates
		{"a\u200eb\u200fc\u061cd", "abcd"},               // marks
		{"\u202a\u202b\u202dx", "x"},                     // embeddings, left-to-right override
		{"z\u200bw\u200cj\u200dn\u2060b\ufeff", "zwjnb"}, // zero-width
		{"mjuk\u00adbindestreck", "mjukbindestreck"},     // soft hyphen
		{"tag\U000E0041\U000E007F", "tag"},               // tag characters
		{"esc\x1b[31mröd\x7f\r", "esc[31mröd"},           // controls
		{"ogiltig \xff utf-8", "ogiltig \ufffd utf-8"},   // invalid UTF-8
		{"👩‍👩‍👧 emoji", "👩👩👧 emoji"},                     // joiners go, the emoji stay
		{"Ｆｕｌｌ ｗｉｄｔｈ", "Ｆｕｌｌ ｗｉｄｔｈ"},                     // kept as typed
		{"\u3164\u180e", ""},                             // blank fillers
	}
	for _, tt := range tests {
		if got := Strip(tt.in); got != tt.want {
			t.Errorf("Strip(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCleanRefusesPersonnummer(t *testing.T) {
	for _, f := range []Field{Command, Answer, Needs, Place, Reason, Agenda, Effort, Measure, Search} {
		for _, s := range []string{"790104–5034", "79 01 04\u00a05034", "７９０１０４－５０３４", "1979.01.04 - 5034", "790104\u200b5034"} {
			out, err := Clean(f, "text "+s+" text")
			var e *Error
			if !errors.As(err, &e) || e.Problem != Personnummer || e.Field != f || out != "" {
				t.Errorf("Clean(%s, %q) = %q, %v; want a personnummer refusal", f.Name, s, out, err)
			}
		}
	}
}

func TestCleanCaps(t *testing.T) {
	tests := []struct {
		f   Field
		max int
	}{{Place, 200}, {Reason, 500}, {Agenda, 4000}, {Needs, 2000}, {Effort, 1000}, {Measure, 1000}, {Search, 200}}
	for _, tt := range tests {
		if tt.f.Max != tt.max {
			t.Errorf("%s cap %d, want %d", tt.f.Name, tt.f.Max, tt.max)
		}
		ok := strings.Repeat("å", tt.max) // runes, not bytes
		if got, err := Clean(tt.f, ok); err != nil || got != ok {
			t.Errorf("Clean(%s, %d characters) = %v", tt.f.Name, tt.max, err)
		}
		// Invisible characters do not count: they are removed first.
		if _, err := Clean(tt.f, ok+"\u200b\u202e"); err != nil {
			t.Errorf("Clean(%s, %d characters + invisible) = %v", tt.f.Name, tt.max, err)
		}
		out, err := Clean(tt.f, ok+"x")
		var e *Error
		if !errors.As(err, &e) || e.Problem != TooLong || e.Length != tt.max+1 || out != "" {
			t.Errorf("Clean(%s, %d characters) = %q, %v; want too long", tt.f.Name, tt.max+1, out, err)
		}
	}
}

func TestMessage(t *testing.T) {
	tests := []struct {
		err    *Error
		sv, en string
	}{
		{err: &Error{Field: Place, Problem: TooLong, Length: 20000},
			sv: "Mötesplatsen är för lång: högst 200 tecken, du skrev 20\u00a0000. Inget sparades.",
			en: "The meeting place is too long: at most 200 characters, you wrote 20,000. Nothing was saved."},
		{err: &Error{Field: Agenda, Problem: TooLong, Length: 4001},
			sv: "Agendan är för lång: högst 4\u00a0000 tecken, du skrev 4\u00a0001. Inget sparades.",
			en: "The agenda is too long: at most 4,000 characters, you wrote 4,001. Nothing was saved."},
		{err: &Error{Field: Measure, Problem: TooLong, Length: 1234567},
			sv: "Åtgärden är för lång: högst 1\u00a0000 tecken, du skrev 1\u00a0234\u00a0567. Inget sparades.",
			en: "The measure is too long: at most 1,000 characters, you wrote 1,234,567. Nothing was saved."},
		{err: &Error{Field: Command, Problem: TooLong, Length: 6001},
			sv: "Kommandot är för långt: högst 6\u00a0000 tecken, du skrev 6\u00a0001. Inget sparades.",
			en: "The command is too long: at most 6,000 characters, you wrote 6,001. Nothing was saved."},
		{err: &Error{Field: Answer, Problem: TooLong, Length: 6001},
			sv: "Svaret är för långt: högst 6\u00a0000 tecken, du skrev 6\u00a0001. Inget sparades.",
			en: "The answer is too long: at most 6,000 characters, you wrote 6,001. Nothing was saved."},
		{err: &Error{Field: Reason, Problem: Personnummer},
			sv: "Skriv aldrig personnummer eller samordningsnummer i Samla. Inget sparades. Använd ärendereferensen (SIP-…) i stället.",
			en: "Never type a personal identity number or coordination number into Samla. Nothing was saved. Use the case reference (SIP-…) instead."},
	}
	for _, tt := range tests {
		if got := tt.err.Message("sv"); got != tt.sv {
			t.Errorf("sv: %q, want %q", got, tt.sv)
		}
		if got := tt.err.Message("en"); got != tt.en {
			t.Errorf("en: %q, want %q", got, tt.en)
		}
	}
}

func FuzzClean(f *testing.F) {
	for _, s := range []string{"Rum 4", "abc\u202edcba", "790104–5034", "７９０１０４－５０３４", "z\u200bw", "\xff", "👩‍👩‍👧", "\U000E0041"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out, err := Clean(Place, s)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || out != "" {
				t.Fatalf("Clean(%q) = %q, %v", s, out, err)
			}
			if e.Problem == Personnummer && !ContainsPersonnummer(s) && !ContainsPersonnummer(Strip(s)) {
				t.Fatalf("Clean(%q) refused a text without a personnummer", s)
			}
			return
		}
		if !utf8.ValidString(out) || utf8.RuneCountInString(out) > Place.Max {
			t.Fatalf("Clean(%q) = %q: invalid or too long", s, out)
		}
		for _, r := range out {
			if r != '\n' && r != '\t' && (unicode.IsControl(r) || unicode.Is(unicode.Cf, r)) {
				t.Fatalf("Clean(%q) = %q keeps %U", s, out, r)
			}
		}
		if ContainsPersonnummer(out) {
			t.Fatalf("Clean(%q) = %q holds a personnummer", s, out)
		}
		if again, err := Clean(Place, out); err != nil || again != out {
			t.Fatalf("Clean is not idempotent on %q: %q, %v", out, again, err)
		}
		// The fast path is a subset of the slow one.
		if isPlain(s) && out != s {
			t.Fatalf("plain %q changed to %q", s, out)
		}
	})
}
