// Package storetest is the conformance suite every store.Store must pass:
// records and versions, atomic commits, indexes, due-queues with leases,
// once-keys, and the concurrency the SIP core and the outbox rely on.
package storetest

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/samla-sip/samla/internal/store"
)

// Open returns a fresh, empty store for one test and registers its cleanup.
type Open func(t *testing.T) store.Store

// OpenClocked is Open for a store on a clock the suite can move: advance
// moves the store's clock forward by at least d (a fake clock's step, or a
// real sleep for a store that expires on a server's clock).
type OpenClocked func(t *testing.T) (st store.Store, advance func(d time.Duration))

// Sleep is the advance of a store on the wall clock: it sleeps d plus a
// little slack, so a deadline d from now has certainly passed.
func Sleep(d time.Duration) { time.Sleep(d + 30*time.Millisecond) }

// t0 is the suite's fixed clock origin (millisecond-aligned).
var t0 = time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)

// Run runs the whole suite against stores on the wall clock (expiry tests
// sleep).
func Run(t *testing.T, open Open) {
	RunClocked(t, func(t *testing.T) (store.Store, func(time.Duration)) { return open(t), Sleep })
}

// RunClocked runs the whole suite against the stores open returns, moving
// their clocks with the advance it returns.
func RunClocked(t *testing.T, open OpenClocked) {
	tests := []struct {
		name string
		fn   func(t *testing.T, st store.Store)
	}{
		{"GetPutVersions", testGetPutVersions},
		{"BinaryValuesAndNames", testBinaryValuesAndNames},
		{"CommitAtomic", testCommitAtomic},
		{"CommitCancelledContext", testCommitCancelledContext},
		{"MembersSorted", testMembersSorted},
		{"ScheduleUpserts", testScheduleUpserts},
		{"ClaimOnlyDueInOrder", testClaimOnlyDueInOrder},
		{"ClaimZeroDue", testClaimZeroDue},
		{"CancelPendingAndClaimed", testCancelPendingAndClaimed},
		{"LeaseExpiryRedelivers", testLeaseExpiryRedelivers},
		{"RetryAndStaleTokens", testRetryAndStaleTokens},
		{"RescheduleRevokesClaim", testRescheduleRevokesClaim},
		{"PendingCounts", testPendingCounts},
		{"Ping", testPing},
		{"ParallelWriters", testParallelWriters},
		{"ParallelClaimers", testParallelClaimers},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			st, _ := open(t)
			tc.fn(t, st)
		})
	}
	clocked := []struct {
		name string
		fn   func(t *testing.T, st store.Store, advance func(time.Duration))
	}{
		{"Once", testOnce},
		{"TTLExpires", testTTLExpires},
		{"TTLRefreshAndClear", testTTLRefreshAndClear},
		{"TTLConflictChangesNothing", testTTLConflictChangesNothing},
		{"TTLNegativeRejected", testTTLNegativeRejected},
		{"Deletes", testDeletes},
		{"DeletesInConflictingTx", testDeletesInConflictingTx},
		{"OldestWaiting", testOldestWaiting},
	}
	for _, tc := range clocked {
		t.Run(tc.name, func(t *testing.T) {
			st, advance := open(t)
			tc.fn(t, st, advance)
		})
	}
}

// must fails the test on err.
func must(t *testing.T, err error, what string) {
	t.Helper()
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// wantErr fails unless errors.Is(err, target).
func wantErr(t *testing.T, err, target error, what string) {
	t.Helper()
	if !errors.Is(err, target) {
		t.Fatalf("%s: err = %v, want %v", what, err, target)
	}
}

func put(bucket, key, value string, version int64) store.Put {
	return store.Put{Bucket: bucket, Key: key, Value: []byte(value), Version: version}
}

func job(queue, id string, due time.Time, payload string) store.Job {
	return store.Job{Queue: queue, ID: id, Due: due, Payload: []byte(payload)}
}

func claim(t *testing.T, st store.Store, queue string, now time.Time, lease time.Duration, max int) []store.Job {
	t.Helper()
	jobs, err := st.Claim(context.Background(), queue, now, lease, max)
	must(t, err, "claim")
	return jobs
}

func ids(jobs []store.Job) []string {
	out := make([]string, len(jobs))
	for i, j := range jobs {
		out[i] = j.ID
	}
	return out
}

func pending(t *testing.T, st store.Store, queue string) int {
	t.Helper()
	n, err := st.Pending(context.Background(), queue)
	must(t, err, "pending")
	return n
}
