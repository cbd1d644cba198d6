package storetest

import (
	"context"
	"testing"
	"time"

	"github.com/samla-sip/samla/internal/store"
)

// recordTTL is short so stores on a real clock (Redis) can sleep past it.
const recordTTL = 300 * time.Millisecond

func ttlPut(bucket, key, value string, version int64, ttl time.Duration) store.Put {
	p := put(bucket, key, value, version)
	p.TTL = ttl
	return p
}

// wantRecord fails unless bucket/key holds value at version.
func wantRecord(t *testing.T, st store.Store, bucket, key, value string, version int64) {
	t.Helper()
	rec, err := st.Get(context.Background(), bucket, key)
	must(t, err, "get "+bucket+"/"+key)
	if string(rec.Value) != value || rec.Version != version {
		t.Fatalf("%s/%s = %q version %d, want %q version %d", bucket, key, rec.Value, rec.Version, value, version)
	}
}

// wantMissing fails unless bucket/key reads as store.ErrNotFound.
func wantMissing(t *testing.T, st store.Store, bucket, key string) {
	t.Helper()
	_, err := st.Get(context.Background(), bucket, key)
	wantErr(t, err, store.ErrNotFound, "get "+bucket+"/"+key)
}

func commit(t *testing.T, st store.Store, tx store.Tx, what string) {
	t.Helper()
	must(t, st.Commit(context.Background(), tx), what)
}

func testTTLExpires(t *testing.T, st store.Store, advance func(time.Duration)) {
	ctx := context.Background()
	commit(t, st, store.Tx{Puts: []store.Put{
		put("case", "keep", "k", 0),
		ttlPut("sent", "m1", "x", 0, recordTTL),
	}}, "setup")
	wantRecord(t, st, "sent", "m1", "x", 1)
	err := st.Commit(ctx, store.Tx{Puts: []store.Put{put("sent", "m1", "dup", 0)}})
	wantErr(t, err, store.ErrConflict, "create over a live ttl record")

	advance(recordTTL)
	wantMissing(t, st, "sent", "m1")
	wantRecord(t, st, "case", "keep", "k", 1)

	// An expired record is version 0: updating it conflicts, creating works
	// and versions restart at 1.
	err = st.Commit(ctx, store.Tx{Puts: []store.Put{put("sent", "m1", "stale", 1)}})
	wantErr(t, err, store.ErrConflict, "update of an expired record")
	commit(t, st, store.Tx{Puts: []store.Put{ttlPut("sent", "m1", "y", 0, time.Hour)}}, "re-create")
	wantRecord(t, st, "sent", "m1", "y", 1)
}

func testTTLRefreshAndClear(t *testing.T, st store.Store, advance func(time.Duration)) {
	commit(t, st, store.Tx{Puts: []store.Put{
		ttlPut("r", "to-permanent", "a1", 0, recordTTL),
		put("r", "to-ttl", "b1", 0),
		ttlPut("r", "refreshed", "c1", 0, recordTTL),
	}}, "setup")
	commit(t, st, store.Tx{Puts: []store.Put{
		put("r", "to-permanent", "a2", 1),            // TTL 0 clears the expiry
		ttlPut("r", "to-ttl", "b2", 1, recordTTL),    // a permanent record gets one
		ttlPut("r", "refreshed", "c2", 1, time.Hour), // every write sets it anew
	}}, "rewrite")
	wantRecord(t, st, "r", "to-ttl", "b2", 2)

	advance(recordTTL)
	// A commit lets stores that sweep during writes do so.
	commit(t, st, store.Tx{Puts: []store.Put{put("other", "x", "x", 0)}}, "later write")
	wantRecord(t, st, "r", "to-permanent", "a2", 2)
	wantRecord(t, st, "r", "refreshed", "c2", 2)
	wantMissing(t, st, "r", "to-ttl")
}

func testTTLConflictChangesNothing(t *testing.T, st store.Store, advance func(time.Duration)) {
	ctx := context.Background()
	commit(t, st, store.Tx{Puts: []store.Put{
		put("case", "A", "a1", 0),
		ttlPut("sent", "C", "c1", 0, recordTTL),
	}}, "setup")
	err := st.Commit(ctx, store.Tx{
		Puts: []store.Put{
			ttlPut("sent", "B", "b1", 0, time.Hour),      // fine alone
			ttlPut("sent", "C", "c2", 1, time.Hour),      // fine alone: would extend C
			ttlPut("case", "A", "a-stale", 0, recordTTL), // conflicts
		},
		Deletes: []store.RecordRef{{Bucket: "case", Key: "A"}},
	})
	wantErr(t, err, store.ErrConflict, "conflicting tx")
	wantMissing(t, st, "sent", "B")
	wantRecord(t, st, "sent", "C", "c1", 1)

	advance(recordTTL)
	wantMissing(t, st, "sent", "C") // its expiry was not extended
	wantRecord(t, st, "case", "A", "a1", 1)
}

func testTTLNegativeRejected(t *testing.T, st store.Store, _ func(time.Duration)) {
	err := st.Commit(context.Background(), store.Tx{Puts: []store.Put{
		put("r", "ok", "x", 0),
		ttlPut("r", "bad", "x", 0, -time.Second),
	}})
	wantErr(t, err, store.ErrNegativeTTL, "negative ttl")
	wantMissing(t, st, "r", "ok")
}

func testDeletes(t *testing.T, st store.Store, advance func(time.Duration)) {
	ctx := context.Background()
	commit(t, st, store.Tx{Puts: []store.Put{
		put("case", "A", "a1", 0),
		put("case", "A2", "a2", 0),
		ttlPut("sent", "B", "b1", 0, time.Hour),
		ttlPut("sent", "E", "e1", 0, recordTTL),
	}}, "setup")
	commit(t, st, store.Tx{
		Deletes: []store.RecordRef{
			{Bucket: "case", Key: "A"},
			{Bucket: "sent", Key: "B"},
			{Bucket: "sent", Key: "E"},
			{Bucket: "case", Key: "missing"},
			{Bucket: "no-such-bucket", Key: "x"},
		},
		Jobs: []store.Job{job("outbox", "j", t0, "p")},
	}, "delete")
	wantMissing(t, st, "case", "A")
	wantMissing(t, st, "sent", "B")
	wantMissing(t, st, "sent", "E")
	wantRecord(t, st, "case", "A2", "a2", 1)
	if n := pending(t, st, "outbox"); n != 1 {
		t.Fatalf("pending = %d, want the job of the delete tx", n)
	}

	// A deleted record is version 0 again.
	err := st.Commit(ctx, store.Tx{Puts: []store.Put{put("case", "A", "stale", 1)}})
	wantErr(t, err, store.ErrConflict, "update of a deleted record")
	commit(t, st, store.Tx{Puts: []store.Put{put("case", "A", "a-new", 0), put("sent", "E", "e-new", 0)}}, "re-create")
	wantRecord(t, st, "case", "A", "a-new", 1)

	// Put and delete in one tx: deleted.
	commit(t, st, store.Tx{
		Puts:    []store.Put{put("case", "D", "d", 0)},
		Deletes: []store.RecordRef{{Bucket: "case", Key: "D"}},
	}, "put and delete")
	wantMissing(t, st, "case", "D")

	// The expiry of E's deleted ttl'd version does not touch the new,
	// permanent E.
	advance(recordTTL)
	commit(t, st, store.Tx{Puts: []store.Put{put("other", "x", "x", 0)}}, "later write")
	wantRecord(t, st, "sent", "E", "e-new", 1)
}

func testDeletesInConflictingTx(t *testing.T, st store.Store, _ func(time.Duration)) {
	ctx := context.Background()
	commit(t, st, store.Tx{Puts: []store.Put{put("case", "A", "a1", 0), put("case", "D", "d1", 0)}}, "setup")
	err := st.Commit(ctx, store.Tx{
		Puts:    []store.Put{put("case", "A", "stale", 0)},
		Deletes: []store.RecordRef{{Bucket: "case", Key: "D"}},
	})
	wantErr(t, err, store.ErrConflict, "conflicting tx")
	wantRecord(t, st, "case", "D", "d1", 1)
}
