package sip

import (
	"sync"
	"testing"
)

// TestConcurrentRSVPs answers every invitation of a case at the same time
// (run with -race): optimistic versioning must not lose any answer.
func TestConcurrentRSVPs(t *testing.T) {
	h := newHarness(t)
	parties := "bup,socialtjanst-barn,primarvard,lss,forskola,ekonomiskt-bistand,habilitering"
	for round := range 3 {
		out := h.cmd(kurator, "ny kommun=Lund ålder=5 parter="+parties)
		ref := refRE.FindString(out)
		h.cmd(kurator, "samtycke "+ref)
		h.cmd(kurator, "bjud "+ref)
		c := h.load(ref)
		if len(c.Invitations) < 5 {
			t.Fatalf("only %d invitations: %+v", len(c.Invitations), c.Invitations)
		}
		var wg sync.WaitGroup
		for i, in := range c.Invitations {
			wg.Add(1)
			go func() {
				defer wg.Done()
				name := actAttend
				if (i+round)%2 == 1 {
					name = actVideo
				}
				r := h.act(in.ContactID, name, ref+"|"+in.ID, "", false)
				if r.Text == "" || r.Prompt != nil {
					t.Errorf("answer %s: %+v", in.ID, r)
				}
			}()
		}
		wg.Wait()
		c = h.load(ref)
		for i, in := range c.Invitations {
			want := StateAttending
			if (i+round)%2 == 1 {
				want = StateVideo
			}
			if in.State != want {
				t.Errorf("round %d: %s (%s) is %s, want %s: an answer was lost", round, in.ID, in.Party, in.State, want)
			}
		}
		answers := 0
		for _, e := range c.Timeline {
			if e.Kind == "rsvp.attending" || e.Kind == "rsvp.video" {
				answers++
			}
		}
		if answers != len(c.Invitations) {
			t.Errorf("round %d: %d answers on the timeline, want %d", round, answers, len(c.Invitations))
		}
	}
}
