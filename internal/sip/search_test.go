package sip

import (
	"strings"
	"testing"
)

func TestSearch(t *testing.T) {
	h := newHarness(t)
	tests := []struct{ in, want string }{
		{"sök kurator lund", "Sara Lindberg"},
		{"search kurator", "id lund-skola-kurator-sara"},
		{"sök zzzzqqq", "Inga träffar"},
	}
	for _, tt := range tests {
		if out := h.cmd(kurator, tt.in); !strings.Contains(out, tt.want) {
			t.Errorf("%q: %q, want %q in it", tt.in, out, tt.want)
		}
	}
}
