package storetest

import (
	"context"
	"testing"
	"time"

	"github.com/samla-sip/samla/internal/store"
)

// oldest reads st's store.Backlog.
func oldest(t *testing.T, st store.Store, queue string) (time.Time, bool) {
	t.Helper()
	b, ok := st.(store.Backlog)
	if !ok {
		t.Fatalf("%T does not implement store.Backlog", st)
	}
	since, found, err := b.Oldest(context.Background(), queue)
	must(t, err, "oldest")
	return since, found
}

// testOldestWaiting: a job waits from its first Schedule until it is acked
// or cancelled; re-schedules, claims and retries keep that time.
func testOldestWaiting(t *testing.T, st store.Store, advance func(time.Duration)) {
	ctx := context.Background()
	if _, found := oldest(t, st, "q"); found {
		t.Fatal("empty queue has an oldest job")
	}
	must(t, st.Schedule(ctx, job("q", "a", t0, "a1")), "schedule a")
	first, found := oldest(t, st, "q")
	if !found {
		t.Fatal("no oldest job after a schedule")
	}
	advance(50 * time.Millisecond)
	must(t, st.Schedule(ctx, job("q", "b", t0.Add(time.Hour), "b")), "schedule b")
	must(t, st.Schedule(ctx, job("q", "a", t0, "a2")), "re-schedule a")
	if got, _ := oldest(t, st, "q"); !got.Equal(first) {
		t.Fatalf("oldest after a re-schedule = %v, want %v (the first schedule)", got, first)
	}
	got := claim(t, st, "q", t0, time.Minute, 10)
	if len(got) != 1 {
		t.Fatalf("claimed %v, want [a]", ids(got))
	}
	must(t, st.Retry(ctx, got[0], t0.Add(time.Second)), "retry a")
	if since, _ := oldest(t, st, "q"); !since.Equal(first) {
		t.Fatalf("oldest after a retry = %v, want %v", since, first)
	}
	got = claim(t, st, "q", t0.Add(time.Second), time.Minute, 10)
	if len(got) != 1 {
		t.Fatalf("claimed %v, want [a]", ids(got))
	}
	must(t, st.Ack(ctx, got[0]), "ack a")
	second, found := oldest(t, st, "q")
	if !found || !second.After(first) {
		t.Fatalf("oldest after a is acked = %v (found %v), want b's, after %v", second, found, first)
	}
	must(t, st.Cancel(ctx, store.JobRef{Queue: "q", ID: "b"}), "cancel b")
	if _, found := oldest(t, st, "q"); found {
		t.Fatal("oldest job left after every job was acked or cancelled")
	}
}
