package storetest

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/samla-sip/samla/internal/store"
)

// Reopen opens the same stored data as a store claiming under instance
// ("" = none), as a restarted process would. The suite closes each store
// before it opens the next.
type Reopen func(instance string) store.Store

// RunReclaim checks store.Reclaimer: an instance that restarts takes its
// own leases back at once; the leases of other instances still run until
// they expire. newData returns a Reopen on fresh, empty data.
func RunReclaim(t *testing.T, newData func(t *testing.T) Reopen) {
	t.Run("OwnLeasesAtOnce", func(t *testing.T) { testReclaimOwn(t, newData(t)) })
	t.Run("WithoutInstance", func(t *testing.T) { testReclaimWithoutInstance(t, newData(t)) })
}

func reclaim(t *testing.T, st store.Store, queue string, now time.Time) int {
	t.Helper()
	r, ok := st.(store.Reclaimer)
	if !ok {
		t.Fatalf("%T does not implement store.Reclaimer", st)
	}
	n, err := r.Reclaim(context.Background(), queue, now)
	must(t, err, "reclaim")
	return n
}

func closeStore(t *testing.T, st store.Store) {
	t.Helper()
	must(t, st.Close(), "close")
}

func testReclaimOwn(t *testing.T, reopen Reopen) {
	ctx := context.Background()
	lease := time.Hour
	a := reopen("replica-a")
	must(t, a.Schedule(ctx, job("q", "j1", t0, "1"), job("q", "j2", t0, "2"), job("q", "j3", t0, "3")), "schedule")
	held := claim(t, a, "q", t0, lease, 2) // then killed: no ack, no retry
	if !slices.Equal(ids(held), []string{"j1", "j2"}) {
		t.Fatalf("a claimed %v, want [j1 j2]", ids(held))
	}
	closeStore(t, a)

	b := reopen("replica-b")
	if got := claim(t, b, "q", t0, lease, 10); !slices.Equal(ids(got), []string{"j3"}) {
		t.Fatalf("b claimed %v, want [j3]", ids(got))
	}
	closeStore(t, b)

	// Another instance starting does not take a's or b's leases.
	c := reopen("replica-c")
	if n := reclaim(t, c, "q", t0.Add(time.Second)); n != 0 {
		t.Fatalf("c reclaimed %d jobs of other instances", n)
	}
	if got := claim(t, c, "q", t0.Add(time.Second), lease, 10); len(got) != 0 {
		t.Fatalf("c claimed %v while the leases run", ids(got))
	}
	closeStore(t, c)

	// a restarts: its own jobs are due at once, b's lease still runs.
	a = reopen("replica-a")
	now := t0.Add(2 * time.Second)
	if n := reclaim(t, a, "q", now); n != 2 {
		t.Fatalf("a reclaimed %d jobs, want 2", n)
	}
	if n := pending(t, a, "q"); n != 3 {
		t.Fatalf("pending after reclaim = %d, want 3", n)
	}
	again := claim(t, a, "q", now, lease, 10)
	if !slices.Equal(ids(again), []string{"j1", "j2"}) {
		t.Fatalf("a claimed %v after its restart, want [j1 j2] (not b's j3)", ids(again))
	}
	for _, j := range again {
		if j.Attempts != 2 {
			t.Errorf("%s attempts = %d, want 2", j.ID, j.Attempts)
		}
	}
	wantErr(t, a.Ack(ctx, held[0]), store.ErrLeaseLost, "ack with the claim from before the restart")
	must(t, a.Ack(ctx, again[0]), "ack with the new claim")
	closeStore(t, a)
}

func testReclaimWithoutInstance(t *testing.T, reopen Reopen) {
	ctx := context.Background()
	st := reopen("")
	must(t, st.Schedule(ctx, job("q", "j1", t0, "1")), "schedule")
	if got := claim(t, st, "q", t0, time.Hour, 10); len(got) != 1 {
		t.Fatalf("claimed %v", ids(got))
	}
	closeStore(t, st)
	st = reopen("")
	if n := reclaim(t, st, "q", t0.Add(time.Second)); n != 0 {
		t.Fatalf("a store without instance id reclaimed %d jobs", n)
	}
	closeStore(t, st)
}
