package sip

import (
	"fmt"
	"io"
	"strings"
)

// crockford is Crockford's base32 alphabet: no I, L, O or U, so a
// reference read aloud or typed by hand is hard to get wrong.
const crockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

const refPrefix = "SIP-"
const refLen = 6

// newRef draws a random reference from rnd.
func newRef(rnd io.Reader) (string, error) {
	var b [refLen]byte
	if _, err := io.ReadFull(rnd, b[:]); err != nil {
		return "", fmt.Errorf("case reference: %w", err)
	}
	out := []byte(refPrefix)
	for _, x := range b {
		out = append(out, crockford[x&31])
	}
	return string(out), nil
}

// normalizeRef accepts "SIP-7K3QF2", "sip-7k3qf2" or "7K3QF2", and maps
// the look-alikes O→0 and I/L→1 as Crockford base32 does.
func normalizeRef(s string) (string, bool) {
	s = strings.ToUpper(strings.TrimSpace(s))
	s = strings.TrimPrefix(s, refPrefix)
	if len(s) != refLen {
		return "", false
	}
	var b strings.Builder
	b.WriteString(refPrefix)
	for _, r := range s {
		switch r {
		case 'O':
			r = '0'
		case 'I', 'L':
			r = '1'
		}
		if !strings.ContainsRune(crockford, r) {
			return "", false
		}
		b.WriteRune(r)
	}
	return b.String(), true
}
