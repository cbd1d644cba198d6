package outbox_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/samla-sip/samla/internal/chat"
	"github.com/samla-sip/samla/internal/chat/chattest"
	"github.com/samla-sip/samla/internal/outbox"
	"github.com/samla-sip/samla/internal/store"
	"github.com/samla-sip/samla/internal/store/bboltstore"
	"github.com/samla-sip/samla/internal/store/redisstore"
	"github.com/samla-sip/samla/internal/store/storetest"
)

// BenchmarkDeliver measures end-to-end outbox throughput (claim, marker
// check, send to an instant fake platform, marker, ack) for 2,000
// messages to 200 recipients, with expiring sent markers (the default)
// and with permanent ones.
func BenchmarkDeliver(b *testing.B) {
	const total, recipients = 2000, 200
	stores := []struct {
		name string
		open func(b *testing.B) store.Store
	}{
		{"bbolt", func(b *testing.B) store.Store {
			st, err := bboltstore.Open(filepath.Join(b.TempDir(), "s.db"))
			if err != nil {
				b.Fatal(err)
			}
			b.Cleanup(func() { _ = st.Close() })
			return st
		}},
		{"redis", func(b *testing.B) store.Store {
			rdb, prefix := storetest.Redis(b)
			return redisstore.New(rdb, prefix)
		}},
	}
	markers := []struct {
		name string
		ttl  time.Duration
	}{{"ttl", 0}, {"permanent", -1}}
	for _, s := range stores {
		for _, m := range markers {
			b.Run(s.name+"/"+m.name, func(b *testing.B) {
				ctx := context.Background()
				var spent time.Duration
				for range b.N {
					b.StopTimer()
					st := s.open(b)
					jobs := make([]store.Job, 0, total)
					for i := range total {
						env := outbox.Envelope{To: chat.Address{Platform: chat.Slack, User: fmt.Sprintf("U%d", i%recipients)}, Msg: chat.Message{Text: "Kallelse till SIP-möte"}}
						j, err := outbox.NewJob(fmt.Sprintf("m%d", i), env, t0)
						if err != nil {
							b.Fatal(err)
						}
						jobs = append(jobs, j)
					}
					if err := st.Schedule(ctx, jobs...); err != nil {
						b.Fatal(err)
					}
					p := chattest.New(chat.Slack)
					w := outbox.NewWorker(st, []chat.Sender{p}, outbox.Options{Now: func() time.Time { return t0 }, Batch: 100, Parallel: 8, Log: discardLog(), SentTTL: m.ttl})
					b.StartTimer()
					start := time.Now()
					for {
						n, err := w.DeliverDue(ctx)
						if err != nil {
							b.Fatal(err)
						}
						if n == 0 {
							break
						}
					}
					spent += time.Since(start)
					if got := len(p.Sent()); got != total {
						b.Fatalf("sent %d of %d", got, total)
					}
				}
				b.ReportMetric(float64(total*b.N)/spent.Seconds(), "msgs/s")
			})
		}
	}
}
