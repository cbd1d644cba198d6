package reminders

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/samla-sip/samla/internal/chat"
	"github.com/samla-sip/samla/internal/outbox"
	"github.com/samla-sip/samla/internal/sip"
	"github.com/samla-sip/samla/internal/store"
)

// Run with:
//
//	go test -run '^$' -bench 'Claim1M|FireCycle' -benchtime 1x ./internal/reminders
//
// against the real Redis (SAMLA_TEST_REDIS_URL). Each iteration schedules
// its own jobs under a fresh prefix that is deleted afterwards.

const (
	benchJobs     = 1_000_000
	benchBatch    = 5_000 // jobs per Schedule call: bounds memory
	benchClaimers = 4
	benchClaimMax = 1_000
)

// scheduleSpread schedules n reminder jobs due from first, spread evenly
// over window, built batch by batch.
func scheduleSpread(b *testing.B, st store.Store, n int, first time.Time, window time.Duration) time.Duration {
	b.Helper()
	start := time.Now()
	jobs := make([]store.Job, 0, benchBatch)
	for i := 0; i < n; i += benchBatch {
		jobs = jobs[:0]
		for k := i; k < min(i+benchBatch, n); k++ {
			r := Reminder{Kind: KindNudge, Case: fmt.Sprintf("SIP-%07d", k), Recipient: "c"}
			due := first.Add(time.Duration(int64(window) * int64(k) / int64(n)))
			jobs = append(jobs, r.job(due, due))
		}
		if err := st.Schedule(context.Background(), jobs...); err != nil {
			b.Fatal(err)
		}
	}
	return time.Since(start)
}

// claimAll claims from the queue with benchClaimers goroutines until want
// jobs were claimed, calling seen with each claim's time and jobs.
func claimAll(b *testing.B, st store.Store, want int, seen func(now time.Time, jobs []store.Job)) time.Duration {
	b.Helper()
	var claimed atomic.Int64
	var failed atomic.Bool // a failed claim may have leased jobs we never saw: stop all
	start := time.Now()
	var wg sync.WaitGroup
	for range benchClaimers {
		wg.Go(func() {
			for claimed.Load() < int64(want) && !failed.Load() {
				now := time.Now()
				jobs, err := st.Claim(context.Background(), QueueName, now, 10*time.Minute, benchClaimMax)
				if err != nil {
					failed.Store(true)
					b.Error(err)
					return
				}
				if len(jobs) == 0 {
					time.Sleep(5 * time.Millisecond) // like Run's poll, but short
					continue
				}
				seen(now, jobs)
				claimed.Add(int64(len(jobs)))
			}
		})
	}
	wg.Wait()
	return time.Since(start)
}

// BenchmarkClaim1M: 1,000,000 reminders all due; claims at full speed.
func BenchmarkClaim1M(b *testing.B) {
	for range b.N {
		rdb, prefix := testRedis(b)
		st := newRedisStore(rdb, prefix)
		sched := scheduleSpread(b, st, benchJobs, time.Now().Add(-time.Hour), time.Minute)
		took := claimAll(b, st, benchJobs, func(time.Time, []store.Job) {})
		b.ReportMetric(float64(benchJobs)/sched.Seconds(), "scheduled/s")
		b.ReportMetric(float64(benchJobs)/took.Seconds(), "claims/s")
	}
}

// BenchmarkClaimLag1M: 1,000,000 reminders falling due over 40 s (25,000
// a second); claimers take them as they fall due and record now − due.
func BenchmarkClaimLag1M(b *testing.B) {
	const window = 40 * time.Second
	for range b.N {
		rdb, prefix := testRedis(b)
		st := newRedisStore(rdb, prefix)
		first := time.Now().Add(45 * time.Second) // scheduling 1M takes a while
		sched := scheduleSpread(b, st, benchJobs, first, window)
		if time.Now().After(first) {
			b.Fatalf("scheduling took %s, longer than the head start", sched)
		}
		var mu sync.Mutex
		lags := make([]time.Duration, 0, benchJobs)
		claimAll(b, st, benchJobs, func(now time.Time, jobs []store.Job) {
			mu.Lock()
			defer mu.Unlock()
			for _, j := range jobs {
				lags = append(lags, now.Sub(j.Due))
			}
		})
		slices.Sort(lags)
		q := func(p float64) float64 { return lags[int(p*float64(len(lags)-1))].Seconds() }
		b.ReportMetric(q(0.50)*1000, "lag-p50-ms")
		b.ReportMetric(q(0.99)*1000, "lag-p99-ms")
		b.ReportMetric(q(1)*1000, "lag-max-ms")
	}
}

// BenchmarkFireCycle: the whole firing path for 20,000 due reminders on
// one engine (claim, re-check, prefs, outbox write with the fired record,
// ack) on Redis.
func BenchmarkFireCycle(b *testing.B) {
	const n = 20_000
	w := testHours(b)
	set := testSettings(b)
	for range b.N {
		rdb, prefix := testRedis(b)
		st := newRedisStore(rdb, prefix)
		base := lt(b, w, "2026-11-25 10:00")
		sent := lt(b, w, "2026-11-23 10:00")
		cases := &memCases{cases: map[string]*sip.Case{}}
		planner := NewPlanner(set, nil, nil)
		var jobs []store.Job
		for i := range n {
			c := &sip.Case{Ref: fmt.Sprintf("SIP-%06d", i), Consent: &sip.Consent{}, Convener: sip.Person{Key: "conv"},
				Invitations: []sip.Invitation{{ID: "i1", ContactID: fmt.Sprintf("c%d", i), State: sip.StatePending, Sent: sent,
					Address: &chat.Address{Platform: chat.Mattermost, User: fmt.Sprintf("u%d", i)}}}}
			cases.set(c)
			js, _ := planner.Plan(context.Background(), nil, c, sent)
			jobs = append(jobs, js...)
		}
		if err := st.Schedule(context.Background(), jobs...); err != nil {
			b.Fatal(err)
		}
		eng, err := New(Deps{Store: st, Cases: cases, Directory: testDir(), Clock: newOffsetClock(base), Settings: set,
			Batch: 200, Workers: 16})
		if err != nil {
			b.Fatal(err)
		}
		start := time.Now()
		for {
			k, err := eng.FireDue(context.Background())
			if err != nil {
				b.Fatal(err)
			}
			if k == 0 {
				break
			}
		}
		took := time.Since(start)
		if got, _ := st.Pending(context.Background(), outbox.Queue); got != n {
			b.Fatalf("outbox holds %d, want %d", got, n)
		}
		b.ReportMetric(float64(n)/took.Seconds(), "fired/s")
	}
}
