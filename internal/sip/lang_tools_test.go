package sip

import (
	"testing"
	"unicode/utf8"
)

func TestQuoteRoundTrips(t *testing.T) {
	for _, v := range []string{"Lund", "Malmö stad", `säger "hej"`, "a=b", `back\slash`, "“citat”", ""} {
		toks, err := tokenize("x k=" + Quote(v))
		if err != nil {
			t.Fatalf("Quote(%q) = %s: %v", v, Quote(v), err)
		}
		if len(toks) != 2 || toks[1].Value != v {
			t.Errorf("Quote(%q) = %s read back as %+v", v, Quote(v), toks)
		}
	}
}

func TestFindRef(t *testing.T) {
	tests := map[string]string{
		"Ärende *SIP-7K3QF2* skapat": "SIP-7K3QF2",
		"case sip-7k3qf2 opened":     "SIP-7K3QF2",
		"no reference here":          "",
		"SIP-7K3QF":                  "",
	}
	for in, want := range tests {
		if got := FindRef(in); got != want {
			t.Errorf("FindRef(%q) = %q, want %q", in, got, want)
		}
	}
}

// FuzzQuote: whatever a platform's form holds, Quote makes it one value
// that the tokenizer reads back unchanged.
func FuzzQuote(f *testing.F) {
	for _, s := range []string{"", "Lund", "Malmö stad", `a"b`, `\`, "a=b", "“x”", "„x“", "tab\there", "v\vtab"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		toks, err := tokenize("x k=" + Quote(s))
		if err != nil || len(toks) != 2 || toks[1].Value != s {
			t.Fatalf("Quote(%q) = %s read back as %+v (%v)", s, Quote(s), toks, err)
		}
	})
}
