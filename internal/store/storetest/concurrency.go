package storetest

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/samla-sip/samla/internal/store"
)

// testParallelWriters models concurrent RSVPs to one case: each writer
// reads the record, changes it and commits with the version it read,
// retrying on ErrConflict. No update may be lost, and the index op and job
// of each successful write land with it.
func testParallelWriters(t *testing.T, st store.Store) {
	const writers, each = 8, 25
	ctx := context.Background()
	must(t, st.Commit(ctx, store.Tx{Puts: []store.Put{put("case", "SIP-RSVP", "0", 0)}}), "create")

	var wg sync.WaitGroup
	errs := make(chan error, writers)
	for w := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range each {
				if err := increment(ctx, st, fmt.Sprintf("w%d-%d", w, i)); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	rec, err := st.Get(ctx, "case", "SIP-RSVP")
	must(t, err, "get")
	if string(rec.Value) != strconv.Itoa(writers*each) || rec.Version != writers*each+1 {
		t.Fatalf("counter = %s version %d, want %d version %d (lost updates)", rec.Value, rec.Version, writers*each, writers*each+1)
	}
	members, err := st.Members(ctx, "rsvp")
	must(t, err, "members")
	if len(members) != writers*each {
		t.Fatalf("index has %d members, want %d", len(members), writers*each)
	}
	if n := pending(t, st, "outbox"); n != writers*each {
		t.Fatalf("outbox has %d jobs, want %d", n, writers*each)
	}
}

// increment is one read-modify-write with retry on conflict.
func increment(ctx context.Context, st store.Store, who string) error {
	for attempt := 0; attempt < 1000; attempt++ {
		rec, err := st.Get(ctx, "case", "SIP-RSVP")
		if err != nil {
			return fmt.Errorf("%s: get: %w", who, err)
		}
		n, err := strconv.Atoi(string(rec.Value))
		if err != nil {
			return fmt.Errorf("%s: value %q: %w", who, rec.Value, err)
		}
		err = st.Commit(ctx, store.Tx{
			Puts:  []store.Put{put("case", "SIP-RSVP", strconv.Itoa(n+1), rec.Version)},
			Index: []store.IndexOp{{Index: "rsvp", Member: who}},
			Jobs:  []store.Job{job("outbox", "status|"+who, t0, who)},
		})
		if errors.Is(err, store.ErrConflict) {
			continue
		}
		if err != nil {
			return fmt.Errorf("%s: commit: %w", who, err)
		}
		return nil
	}
	return fmt.Errorf("%s: still conflicting after 1000 attempts", who)
}

// testParallelClaimers has several workers drain one queue: every job must
// be claimed exactly once.
func testParallelClaimers(t *testing.T, st store.Store) {
	const total, workers, batch = 2000, 4, 50
	ctx := context.Background()
	jobs := make([]store.Job, 0, total)
	for i := range total {
		jobs = append(jobs, job("q", fmt.Sprintf("job-%04d", i), t0.Add(time.Duration(i%100)*time.Millisecond), strconv.Itoa(i)))
	}
	for i := 0; i < total; i += 500 {
		must(t, st.Schedule(ctx, jobs[i:i+500]...), "schedule")
	}

	var mu sync.Mutex
	seen := map[string]int{}
	var wg sync.WaitGroup
	errs := make(chan error, workers)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				got, err := st.Claim(ctx, "q", t0.Add(time.Second), time.Hour, batch)
				if err != nil {
					errs <- err
					return
				}
				if len(got) == 0 {
					return
				}
				for _, j := range got {
					mu.Lock()
					seen[j.ID]++
					mu.Unlock()
					if err := st.Ack(ctx, j); err != nil {
						errs <- fmt.Errorf("ack %s: %w", j.ID, err)
						return
					}
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	if len(seen) != total {
		t.Fatalf("claimed %d distinct jobs, want %d", len(seen), total)
	}
	for id, n := range seen {
		if n != 1 {
			t.Fatalf("job %s claimed %d times", id, n)
		}
	}
	if n := pending(t, st, "q"); n != 0 {
		t.Fatalf("pending after drain = %d", n)
	}
}
