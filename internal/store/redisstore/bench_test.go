package redisstore_test

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/samla-sip/samla/internal/store"
	"github.com/samla-sip/samla/internal/store/redisstore"
)

const benchJobs, benchBatch = 100_000, 100

// fill schedules benchJobs due jobs in batches of 1,000.
func fill(b *testing.B, st *redisstore.Store, now time.Time) {
	b.Helper()
	ctx := context.Background()
	jobs := make([]store.Job, 0, 1000)
	for i := range benchJobs {
		jobs = append(jobs, store.Job{Queue: "rem", ID: fmt.Sprintf("case-%d|nudge|u", i), Due: now.Add(-time.Duration(i%1000) * time.Millisecond), Payload: []byte("reminder payload of a typical size, 64 bytes or so ........")})
		if len(jobs) == cap(jobs) {
			if err := st.Schedule(ctx, jobs...); err != nil {
				b.Fatal(err)
			}
			jobs = jobs[:0]
		}
	}
}

// BenchmarkClaim drains 100,000 due jobs in batches of 100 from the real
// Redis; claimers acks each claimed job with acking workers when ack is set.
func BenchmarkClaim(b *testing.B) {
	for _, tc := range []struct {
		name     string
		claimers int
		ack      bool
	}{{"claim-1", 1, false}, {"claim-4", 4, false}, {"claim+ack-4", 4, true}} {
		b.Run(tc.name, func(b *testing.B) {
			ctx := context.Background()
			now := time.Now()
			var claimed time.Duration
			for range b.N {
				b.StopTimer()
				st := openReal(b)
				fill(b, st, now)
				b.StartTimer()
				start := time.Now()
				drain(b, st, now, tc.claimers, tc.ack)
				claimed += time.Since(start)
				b.StopTimer()
				if n, err := st.Pending(ctx, "rem"); err != nil || (tc.ack && n != 0) {
					b.Fatalf("pending %d, %v", n, err)
				}
				b.StartTimer()
			}
			b.ReportMetric(float64(benchJobs*b.N)/claimed.Seconds(), "jobs/s")
		})
	}
}

func drain(b *testing.B, st *redisstore.Store, now time.Time, claimers int, ack bool) {
	ctx := context.Background()
	var wg sync.WaitGroup
	for range claimers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				jobs, err := st.Claim(ctx, "rem", now, time.Hour, benchBatch)
				if err != nil {
					b.Error(err)
					return
				}
				if len(jobs) == 0 {
					return
				}
				if !ack {
					continue
				}
				for _, j := range jobs {
					if err := st.Ack(ctx, j); err != nil {
						b.Error(err)
						return
					}
				}
			}
		}()
	}
	wg.Wait()
}
