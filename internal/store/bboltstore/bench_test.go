package bboltstore_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/samla-sip/samla/internal/store"
	"github.com/samla-sip/samla/internal/store/bboltstore"
	"github.com/samla-sip/samla/internal/testutil"
)

// BenchmarkCommitTTL measures one-put commits (like outbox sent markers)
// permanent and with a TTL. With "expiring", the clock moves so every
// record expires 1,000 commits after its write: each commit also sweeps,
// and the file stays at about 1,000 live records.
func BenchmarkCommitTTL(b *testing.B) {
	for _, tc := range []struct {
		name string
		ttl  time.Duration
	}{{"permanent", 0}, {"ttl", time.Hour}, {"expiring", 1000 * time.Millisecond}} {
		b.Run(tc.name, func(b *testing.B) {
			clock := testutil.NewClock(time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC))
			st := open(b, filepath.Join(b.TempDir(), "s.db"), bboltstore.WithClock(clock.Now))
			defer st.Close()
			ctx := context.Background()
			value := make([]byte, 40)
			b.ResetTimer()
			for i := range b.N {
				clock.Advance(time.Millisecond)
				err := st.Commit(ctx, store.Tx{Puts: []store.Put{{Bucket: "outbox:sent", Key: fmt.Sprintf("m%d|0123456789abcdef", i), Value: value, TTL: tc.ttl}}})
				if err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
