package outbox_test

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/samla-sip/samla/internal/chat"
	"github.com/samla-sip/samla/internal/outbox"
	"github.com/samla-sip/samla/internal/store/bboltstore"
)

// TestSentMarkerExpires checks the sent marker suppresses an identical
// re-enqueue for SentTTL (on the store's clock) and not after.
func TestSentMarkerExpires(t *testing.T) {
	tests := []struct {
		name       string
		ttl        time.Duration
		kept, gone time.Duration // re-enqueue after: suppressed / sent again (0: never)
	}{
		{"default 30 days", 0, 30*24*time.Hour - time.Second, 30 * 24 * time.Hour},
		{"two days", 48 * time.Hour, 48*time.Hour - time.Second, 48 * time.Hour},
		{"raised to the minimum", time.Minute, outbox.MinSentTTL - time.Second, outbox.MinSentTTL},
		{"negative keeps forever", -1, 10 * 365 * 24 * time.Hour, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var r *rig
			st, err := bboltstore.Open(filepath.Join(t.TempDir(), "samla.db"), bboltstore.WithClock(func() time.Time { return r.clock.Now() }))
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { _ = st.Close() })
			r = newRig(t, st, outbox.Options{SentTTL: tc.ttl})
			to := addr(chat.Slack, "U1")
			msg := chat.Message{Text: "Kallelse"}
			r.enqueue(t, "invite|SIP-1|bup", to, msg)
			r.pass(t, 1)
			start := r.clock.Now()

			r.clock.Set(start.Add(tc.kept))
			r.enqueue(t, "invite|SIP-1|bup", to, msg)
			r.pass(t, 1)
			if n := len(r.slack.Sent()); n != 1 {
				t.Fatalf("re-enqueued after %s: sent %d times, want once", tc.kept, n)
			}
			if tc.gone == 0 {
				return
			}
			r.clock.Set(start.Add(tc.gone))
			r.enqueue(t, "invite|SIP-1|bup", to, msg)
			r.pass(t, 1)
			if n := len(r.slack.Sent()); n != 2 {
				t.Fatalf("re-enqueued after %s: sent %d times, want twice (marker expired)", tc.gone, n)
			}
		})
	}
}
