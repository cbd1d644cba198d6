package storetest

import (
	"bytes"
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/samla-sip/samla/internal/store"
)

func testGetPutVersions(t *testing.T, st store.Store) {
	ctx := context.Background()
	_, err := st.Get(ctx, "case", "SIP-1")
	wantErr(t, err, store.ErrNotFound, "get missing")

	must(t, st.Commit(ctx, store.Tx{Puts: []store.Put{put("case", "SIP-1", "v1", 0)}}), "create")
	rec, err := st.Get(ctx, "case", "SIP-1")
	must(t, err, "get")
	if string(rec.Value) != "v1" || rec.Version != 1 || rec.Bucket != "case" || rec.Key != "SIP-1" {
		t.Fatalf("get = %+v, want case/SIP-1 v1 version 1", rec)
	}

	for _, stale := range []int64{0, 2, 7} {
		err := st.Commit(ctx, store.Tx{Puts: []store.Put{put("case", "SIP-1", "stale", stale)}})
		wantErr(t, err, store.ErrConflict, "put with wrong version")
	}
	must(t, st.Commit(ctx, store.Tx{Puts: []store.Put{put("case", "SIP-1", "v2", 1)}}), "update")
	rec, err = st.Get(ctx, "case", "SIP-1")
	must(t, err, "get")
	if string(rec.Value) != "v2" || rec.Version != 2 {
		t.Fatalf("after update = %q v%d, want v2 version 2", rec.Value, rec.Version)
	}

	// Same key in another bucket is another record.
	_, err = st.Get(ctx, "user", "SIP-1")
	wantErr(t, err, store.ErrNotFound, "get other bucket")
	err = st.Commit(ctx, store.Tx{Puts: []store.Put{put("user", "SIP-1", "", 0)}})
	must(t, err, "empty value")
	rec, err = st.Get(ctx, "user", "SIP-1")
	must(t, err, "get empty value")
	if len(rec.Value) != 0 || rec.Version != 1 {
		t.Fatalf("empty value = %q v%d", rec.Value, rec.Version)
	}
}

func testBinaryValuesAndNames(t *testing.T, st store.Store) {
	ctx := context.Background()
	value := []byte{0, 1, 2, 0xff, 0xfe, '\n', '"', '\\', 0}
	names := []struct{ bucket, key string }{
		{"a:b", "c"}, {"a", "b:c"}, {"{x}", "}{"}, {"å ä ö", "SIP-ÅÄÖ|1"},
	}
	for i, n := range names {
		v := append(bytes.Clone(value), byte(i))
		must(t, st.Commit(ctx, store.Tx{Puts: []store.Put{{Bucket: n.bucket, Key: n.key, Value: v}}}), "put "+n.bucket)
	}
	for i, n := range names {
		rec, err := st.Get(ctx, n.bucket, n.key)
		must(t, err, "get "+n.bucket+"/"+n.key)
		if want := append(bytes.Clone(value), byte(i)); !bytes.Equal(rec.Value, want) {
			t.Errorf("%s/%s = %x, want %x", n.bucket, n.key, rec.Value, want)
		}
	}
	j := store.Job{Queue: "q:x", ID: "{id}|1", Due: t0, Payload: value}
	must(t, st.Schedule(ctx, j), "schedule binary")
	got := claim(t, st, "q:x", t0, time.Minute, 1)
	if len(got) != 1 || !bytes.Equal(got[0].Payload, value) || got[0].ID != j.ID {
		t.Fatalf("claimed %+v, want binary payload %x", got, value)
	}
}

func testCommitAtomic(t *testing.T, st store.Store) {
	ctx := context.Background()
	must(t, st.Commit(ctx, store.Tx{
		Puts: []store.Put{put("case", "A", "a1", 0)},
		Jobs: []store.Job{job("outbox", "keep", t0, "k")},
	}), "setup")

	// A tx with one stale put must change nothing at all.
	err := st.Commit(ctx, store.Tx{
		Puts: []store.Put{
			put("case", "B", "b1", 0),      // would be fine alone
			put("case", "A", "a-stale", 0), // conflicts
		},
		Index:  []store.IndexOp{{Index: "open", Member: "B"}},
		Jobs:   []store.Job{job("outbox", "new", t0, "n")},
		Cancel: []store.JobRef{{Queue: "outbox", ID: "keep"}},
	})
	wantErr(t, err, store.ErrConflict, "conflicting tx")

	_, err = st.Get(ctx, "case", "B")
	wantErr(t, err, store.ErrNotFound, "put B of aborted tx")
	rec, err := st.Get(ctx, "case", "A")
	must(t, err, "get A")
	if string(rec.Value) != "a1" || rec.Version != 1 {
		t.Fatalf("A = %q v%d after aborted tx", rec.Value, rec.Version)
	}
	members, err := st.Members(ctx, "open")
	must(t, err, "members")
	if len(members) != 0 {
		t.Fatalf("index after aborted tx = %v", members)
	}
	got := claim(t, st, "outbox", t0, time.Minute, 10)
	if !slices.Equal(ids(got), []string{"keep"}) {
		t.Fatalf("jobs after aborted tx = %v, want [keep]", ids(got))
	}

	// The same tx with the right version applies every part.
	err = st.Commit(ctx, store.Tx{
		Puts:   []store.Put{put("case", "B", "b1", 0), put("case", "A", "a2", 1)},
		Index:  []store.IndexOp{{Index: "open", Member: "B"}},
		Jobs:   []store.Job{job("outbox", "new", t0, "n")},
		Cancel: []store.JobRef{{Queue: "outbox", ID: "keep"}},
	})
	must(t, err, "good tx")
	members, err = st.Members(ctx, "open")
	must(t, err, "members")
	if !slices.Equal(members, []string{"B"}) {
		t.Fatalf("index = %v, want [B]", members)
	}
	if n := pending(t, st, "outbox"); n != 1 {
		t.Fatalf("pending = %d, want 1 (keep cancelled, new added)", n)
	}
	if err := st.Ack(ctx, got[0]); !errors.Is(err, store.ErrLeaseLost) {
		t.Fatalf("ack of cancelled job: %v, want ErrLeaseLost", err)
	}
}

func testCommitCancelledContext(t *testing.T, st store.Store) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := st.Commit(ctx, store.Tx{Puts: []store.Put{put("case", "X", "x", 0)}}); err == nil {
		t.Fatal("commit with cancelled context succeeded")
	}
	_, err := st.Get(context.Background(), "case", "X")
	wantErr(t, err, store.ErrNotFound, "record of cancelled commit")
}

func testMembersSorted(t *testing.T, st store.Store) {
	ctx := context.Background()
	got, err := st.Members(ctx, "never-used")
	must(t, err, "members of unknown index")
	if len(got) != 0 {
		t.Fatalf("unknown index = %v", got)
	}
	add := func(ms ...string) []store.IndexOp {
		var ops []store.IndexOp
		for _, m := range ms {
			ops = append(ops, store.IndexOp{Index: "sip:member:u1", Member: m})
		}
		return ops
	}
	must(t, st.Commit(ctx, store.Tx{Index: add("SIP-C", "SIP-A", "SIP-B", "SIP-A", "SIP-10")}), "add")
	must(t, st.Commit(ctx, store.Tx{Index: []store.IndexOp{
		{Index: "sip:member:u1", Member: "SIP-B", Remove: true},
		{Index: "sip:member:u1", Member: "SIP-missing", Remove: true},
		{Index: "other", Member: "zzz", Remove: true},
	}}), "remove")
	got, err = st.Members(ctx, "sip:member:u1")
	must(t, err, "members")
	if want := []string{"SIP-10", "SIP-A", "SIP-C"}; !slices.Equal(got, want) {
		t.Fatalf("members = %v, want %v", got, want)
	}
}
