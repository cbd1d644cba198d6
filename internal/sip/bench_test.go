package sip

import "testing"

// BenchmarkStatus is a read: load, visibility check and render.
func BenchmarkStatus(b *testing.B) {
	h := newHarness(b)
	ref, _ := h.invitedCase("")
	for b.Loop() {
		h.cmd(kurator, "status "+ref)
	}
}

// BenchmarkAnswer is a write: an RSVP committed with the status update
// and outbox job in one bbolt transaction (fsync included).
func BenchmarkAnswer(b *testing.B) {
	h := newHarness(b)
	ref, invs := h.invitedCase("")
	bup := invs["bup"]
	actions := []string{actAttend, actVideo}
	i := 0
	for b.Loop() {
		h.act(bup.ContactID, actions[i%2], ref+"|"+bup.ID, "", false)
		i++
	}
}

// BenchmarkParse is the command language alone.
func BenchmarkParse(b *testing.B) {
	for b.Loop() {
		if _, err := Parse(`ny kommun=Lund ålder=14 parter=bup,skola,socialtjanst-barn behov="har inte varit i skolan"`); err != nil {
			b.Fatal(err)
		}
	}
}
