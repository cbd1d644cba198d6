package storetest

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/samla-sip/samla/internal/store"
)

func testScheduleUpserts(t *testing.T, st store.Store) {
	ctx := context.Background()
	must(t, st.Schedule(ctx, job("rem", "case1|nudge|u1", t0.Add(time.Hour), "first")), "schedule")
	must(t, st.Schedule(ctx, job("rem", "case1|nudge|u1", t0.Add(2*time.Hour), "second")), "reschedule")
	if n := pending(t, st, "rem"); n != 1 {
		t.Fatalf("pending after reschedule = %d, want 1", n)
	}
	if got := claim(t, st, "rem", t0.Add(time.Hour), time.Minute, 10); len(got) != 0 {
		t.Fatalf("claimed %v at the old due time", ids(got))
	}
	got := claim(t, st, "rem", t0.Add(2*time.Hour), time.Minute, 10)
	if len(got) != 1 {
		t.Fatalf("claimed %d jobs, want 1", len(got))
	}
	j := got[0]
	if string(j.Payload) != "second" || !j.Due.Equal(t0.Add(2*time.Hour)) || j.Queue != "rem" || j.Attempts != 1 {
		t.Fatalf("claimed %+v, want payload second due %v attempts 1", j, t0.Add(2*time.Hour))
	}
}

func testClaimOnlyDueInOrder(t *testing.T, st store.Store) {
	ctx := context.Background()
	must(t, st.Schedule(ctx,
		job("q", "c", t0.Add(3*time.Second), "c"),
		job("q", "a", t0.Add(1*time.Second), "a"),
		job("q", "later", t0.Add(time.Hour), "l"),
		job("q", "b", t0.Add(2*time.Second), "b"),
		job("q", "d", t0.Add(5*time.Second), "d"),
	), "schedule")
	must(t, st.Schedule(ctx, job("other", "x", t0, "x")), "schedule other queue")

	if got := claim(t, st, "q", t0, time.Minute, 10); len(got) != 0 {
		t.Fatalf("claimed %v before anything was due", ids(got))
	}
	got := claim(t, st, "q", t0.Add(5*time.Second), time.Minute, 2)
	if !slices.Equal(ids(got), []string{"a", "b"}) {
		t.Fatalf("first claim = %v, want [a b] (max 2, by due)", ids(got))
	}
	got2 := claim(t, st, "q", t0.Add(5*time.Second), time.Minute, 10)
	if !slices.Equal(ids(got2), []string{"c", "d"}) {
		t.Fatalf("second claim = %v, want [c d] (due at or before now)", ids(got2))
	}
	tokens := map[string]bool{}
	for _, j := range append(got, got2...) {
		if j.Token == "" || tokens[j.Token] {
			t.Fatalf("job %s token %q empty or reused", j.ID, j.Token)
		}
		tokens[j.Token] = true
		if j.Attempts != 1 || string(j.Payload) != j.ID {
			t.Fatalf("job %+v: want attempts 1 and its payload", j)
		}
	}
	if got := claim(t, st, "q", t0.Add(5*time.Second), time.Minute, 10); len(got) != 0 {
		t.Fatalf("claimed leased jobs again: %v", ids(got))
	}
	if got := claim(t, st, "q", t0, time.Minute, 0); len(got) != 0 {
		t.Fatalf("max 0 claimed %v", ids(got))
	}
	if got := claim(t, st, "never-used", t0, time.Minute, 10); len(got) != 0 {
		t.Fatalf("unknown queue gave %v", ids(got))
	}
}

func testClaimZeroDue(t *testing.T, st store.Store) {
	ctx := context.Background()
	must(t, st.Schedule(ctx, store.Job{Queue: "q", ID: "now", Payload: []byte("p")}), "schedule zero due")
	if got := claim(t, st, "q", t0, time.Minute, 10); !slices.Equal(ids(got), []string{"now"}) {
		t.Fatalf("zero due claim = %v, want [now]", ids(got))
	}
}

func testCancelPendingAndClaimed(t *testing.T, st store.Store) {
	ctx := context.Background()
	must(t, st.Schedule(ctx, job("q", "a", t0, "a"), job("q", "b", t0, "b"), job("q", "c", t0, "c")), "schedule")
	got := claim(t, st, "q", t0, time.Minute, 1)
	if !slices.Equal(ids(got), []string{"a"}) {
		t.Fatalf("claim = %v", ids(got))
	}
	must(t, st.Cancel(ctx,
		store.JobRef{Queue: "q", ID: "a"}, // claimed
		store.JobRef{Queue: "q", ID: "b"}, // pending
		store.JobRef{Queue: "q", ID: "missing"},
		store.JobRef{Queue: "never-used", ID: "x"},
	), "cancel")
	if n := pending(t, st, "q"); n != 1 {
		t.Fatalf("pending after cancel = %d, want 1", n)
	}
	wantErr(t, st.Ack(ctx, got[0]), store.ErrLeaseLost, "ack cancelled claim")
	wantErr(t, st.Retry(ctx, got[0], t0), store.ErrLeaseLost, "retry cancelled claim")
	// A cancelled claimed job does not come back when its lease ends.
	left := claim(t, st, "q", t0.Add(time.Hour), time.Minute, 10)
	if !slices.Equal(ids(left), []string{"c"}) {
		t.Fatalf("after cancel claimed %v, want [c]", ids(left))
	}
}

func testLeaseExpiryRedelivers(t *testing.T, st store.Store) {
	ctx := context.Background()
	must(t, st.Schedule(ctx, job("q", "j", t0, "p")), "schedule")
	first := claim(t, st, "q", t0, time.Minute, 10)
	if len(first) != 1 {
		t.Fatalf("claim = %v", ids(first))
	}
	if got := claim(t, st, "q", t0.Add(59*time.Second), time.Minute, 10); len(got) != 0 {
		t.Fatalf("claimed %v while leased", ids(got))
	}
	second := claim(t, st, "q", t0.Add(time.Minute), time.Minute, 10)
	if len(second) != 1 {
		t.Fatalf("expired lease not re-delivered: %v", ids(second))
	}
	if second[0].Attempts != 2 || second[0].Token == first[0].Token || string(second[0].Payload) != "p" {
		t.Fatalf("re-delivery %+v, want attempts 2, new token, same payload", second[0])
	}
	if n := pending(t, st, "q"); n != 1 {
		t.Fatalf("pending = %d, want 1", n)
	}
	wantErr(t, st.Ack(ctx, first[0]), store.ErrLeaseLost, "ack with expired token")
	wantErr(t, st.Retry(ctx, first[0], t0), store.ErrLeaseLost, "retry with expired token")
	must(t, st.Ack(ctx, second[0]), "ack current claim")
	if n := pending(t, st, "q"); n != 0 {
		t.Fatalf("pending after ack = %d", n)
	}
	if got := claim(t, st, "q", t0.Add(time.Hour), time.Minute, 10); len(got) != 0 {
		t.Fatalf("acked job came back: %v", ids(got))
	}
}

func testRetryAndStaleTokens(t *testing.T, st store.Store) {
	ctx := context.Background()
	must(t, st.Schedule(ctx, job("q", "j", t0, "p")), "schedule")
	c1 := claim(t, st, "q", t0, time.Minute, 10)[0]
	forged := c1
	forged.Token = "not-a-token"
	wantErr(t, st.Ack(ctx, forged), store.ErrLeaseLost, "ack with forged token")
	must(t, st.Retry(ctx, c1, t0.Add(time.Hour)), "retry")
	wantErr(t, st.Retry(ctx, c1, t0), store.ErrLeaseLost, "second retry with same token")
	wantErr(t, st.Ack(ctx, c1), store.ErrLeaseLost, "ack after retry")
	if got := claim(t, st, "q", t0.Add(59*time.Minute), time.Minute, 10); len(got) != 0 {
		t.Fatalf("retried job claimed early: %v", ids(got))
	}
	c2 := claim(t, st, "q", t0.Add(time.Hour), time.Minute, 10)
	if len(c2) != 1 || c2[0].Attempts != 2 || !c2[0].Due.Equal(t0.Add(time.Hour)) {
		t.Fatalf("after retry claimed %+v, want attempts 2 due +1h", c2)
	}
	must(t, st.Ack(ctx, c2[0]), "ack")
	wantErr(t, st.Ack(ctx, c2[0]), store.ErrLeaseLost, "second ack")
	wantErr(t, st.Ack(ctx, store.Job{Queue: "never-used", ID: "x", Token: "1"}), store.ErrLeaseLost, "ack unknown queue")
}

func testRescheduleRevokesClaim(t *testing.T, st store.Store) {
	ctx := context.Background()
	must(t, st.Schedule(ctx, job("q", "status", t0, "v1")), "schedule")
	c1 := claim(t, st, "q", t0, time.Minute, 10)[0]
	must(t, st.Schedule(ctx, job("q", "status", t0, "v2")), "reschedule while claimed")
	if err := st.Ack(ctx, c1); !errors.Is(err, store.ErrLeaseLost) {
		t.Fatalf("ack of replaced job: %v, want ErrLeaseLost", err)
	}
	c2 := claim(t, st, "q", t0, time.Minute, 10)
	if len(c2) != 1 || string(c2[0].Payload) != "v2" || c2[0].Attempts != 1 {
		t.Fatalf("after reschedule claimed %+v, want v2 with attempts 1", c2)
	}
	if n := pending(t, st, "q"); n != 1 {
		t.Fatalf("pending = %d, want 1", n)
	}
}

func testPendingCounts(t *testing.T, st store.Store) {
	ctx := context.Background()
	if n := pending(t, st, "never-used"); n != 0 {
		t.Fatalf("pending of unknown queue = %d", n)
	}
	must(t, st.Schedule(ctx, job("q", "1", t0, ""), job("q", "2", t0, ""), job("q", "3", t0.Add(time.Hour), ""), job("r", "1", t0, "")), "schedule")
	got := claim(t, st, "q", t0, time.Minute, 1)
	if n := pending(t, st, "q"); n != 3 {
		t.Fatalf("pending with one claimed = %d, want 3", n)
	}
	must(t, st.Ack(ctx, got[0]), "ack")
	if n := pending(t, st, "q"); n != 2 {
		t.Fatalf("pending after ack = %d, want 2", n)
	}
	if n := pending(t, st, "r"); n != 1 {
		t.Fatalf("pending of other queue = %d, want 1", n)
	}
}

func testOnce(t *testing.T, st store.Store, advance func(time.Duration)) {
	ctx := context.Background()
	const ttl = 300 * time.Millisecond
	first, err := st.Once(ctx, "digest|2026-11-23", ttl)
	must(t, err, "once")
	if !first {
		t.Fatal("first Once = false")
	}
	for range 3 {
		again, err := st.Once(ctx, "digest|2026-11-23", ttl)
		must(t, err, "once again")
		if again {
			t.Fatal("second Once within ttl = true")
		}
	}
	other, err := st.Once(ctx, "digest|2026-11-24", ttl)
	must(t, err, "once other key")
	if !other {
		t.Fatal("Once of another key = false")
	}
	advance(ttl)
	after, err := st.Once(ctx, "digest|2026-11-23", ttl)
	must(t, err, "once after ttl")
	if !after {
		t.Fatal("Once after ttl = false")
	}
}

func testPing(t *testing.T, st store.Store) {
	must(t, st.Ping(context.Background()), "ping")
}
