package console

import (
	"testing"
	"time"
)

func TestParseMove(t *testing.T) {
	loc := stockholm()
	now := time.Date(2026, 11, 23, 9, 0, 0, 0, loc)
	tests := []struct {
		arg  string
		want time.Duration
		ok   bool
	}{
		{"+7d", 7 * 24 * time.Hour, true},
		{"+3h", 3 * time.Hour, true},
		{"+30m", 30 * time.Minute, true},
		{"+1d2h", 26 * time.Hour, true},
		{"2026-11-24", 24 * time.Hour, true},
		{"2026-11-23T10:30", 90 * time.Minute, true},
		{"2026-11-23 10:30", 90 * time.Minute, true},
		{"2026-11-22", 0, false}, // never back
		{"+", 0, false},
		{"+7", 0, false},
		{"+7w", 0, false},
		{"+d", 0, false},
		{"igår", 0, false},
		{"", 0, false},
	}
	for _, tt := range tests {
		got, err := parseMove(tt.arg, now, loc)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("parseMove(%q) = %v, %v; want %v, ok %v", tt.arg, got, err, tt.want, tt.ok)
		}
	}
}

func FuzzParseMove(f *testing.F) {
	for _, s := range []string{"+7d", "+1d2h30m", "2027-02-22T08:30", "2027-02-22", "+-1d", "+99999999999999999999d"} {
		f.Add(s)
	}
	loc := stockholm()
	now := time.Date(2026, 11, 23, 9, 0, 0, 0, loc)
	f.Fuzz(func(t *testing.T, arg string) {
		if d, err := parseMove(arg, now, loc); err == nil && d < 0 {
			t.Errorf("parseMove(%q) moves back: %v", arg, d)
		}
	})
}
