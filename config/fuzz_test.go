package config

import (
	"strings"
	"testing"
)

func TestMentions(t *testing.T) {
	tests := []struct {
		text, name string
		want       bool
	}{
		{"SAMLA_X: bad", "SAMLA_X", true},
		{"needs SAMLA_X", "SAMLA_X", true},
		{"SAMLA_XY: bad", "SAMLA_X", false},
		{"SAMLA_X_Y and SAMLA_X.", "SAMLA_X", true},
		{"nothing", "SAMLA_X", false},
	}
	for _, tt := range tests {
		if got := mentions(tt.text, tt.name); got != tt.want {
			t.Errorf("mentions(%q, %q) = %v", tt.text, tt.name, got)
		}
	}
}

func FuzzParseFile(f *testing.F) {
	f.Add("# c\nSAMLA_LANG=sv\nexport SAMLA_STORE='redis'\n\nbad line\n")
	f.Add("SAMLA_X=\"a=b\"\nSAMLA_X=1")
	f.Fuzz(func(t *testing.T, body string) {
		vals, problems, err := parseFile("f", strings.NewReader(body))
		if err != nil {
			return // over-long line
		}
		for k := range vals {
			if !strings.HasPrefix(k, "SAMLA_") || strings.ContainsAny(k, " \t") {
				t.Errorf("accepted key %q", k)
			}
		}
		for _, p := range problems {
			if !strings.HasPrefix(p, "f:") {
				t.Errorf("problem without file:line: %q", p)
			}
		}
	})
}

func FuzzParsePairs(f *testing.F) {
	f.Add("T0001=xoxb-1,T0002=xoxb-2")
	f.Add("a=,=b,c")
	f.Add("A=SECRET,A=SECRET")
	f.Fuzz(func(t *testing.T, v string) {
		m, err := parsePairs(v)
		if err != nil {
			// Names may be quoted in errors, values never: a value marked
			// SECRET must not show up unless some name holds the mark too.
			secretInName := false
			for _, p := range splitList(v) {
				k, _, _ := strings.Cut(p, "=")
				secretInName = secretInName || strings.Contains(k, "SECRET")
			}
			if !secretInName && strings.Contains(err.Error(), "SECRET") {
				t.Errorf("error quotes a value: %v", err)
			}
			return
		}
		for k, val := range m {
			if k == "" || val == "" || strings.ContainsAny(k, " \t,") || strings.Contains(val, ",") {
				t.Errorf("bad pair %q=%q from %q", k, val, v)
			}
		}
	})
}

func FuzzParseClock(f *testing.F) {
	f.Add("08:00")
	f.Add("23:59")
	f.Add("24:00")
	f.Add("+1:-1")
	f.Fuzz(func(t *testing.T, v string) {
		m, err := parseClock(v)
		if err != nil {
			return
		}
		if m < 0 || m >= 24*60 || len(v) != 5 || strings.Trim(v, "0123456789:") != "" {
			t.Errorf("parseClock(%q) = %d", v, m)
		}
	})
}
