package storetest

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/samla-sip/samla/internal/store"
)

// RoundTrip backs from up and restores the backup into a fresh, empty
// store, which it returns (registering its cleanup).
type RoundTrip func(t *testing.T, from store.Store) store.Store

// Backup checks that a backup restored into an empty store carries every
// kind of state: records with their versions (binary values included),
// expiring records, indexes, pending and claimed jobs with their attempts,
// and once-keys.
func Backup(t *testing.T, open Open, roundTrip RoundTrip) {
	ctx := context.Background()
	st := open(t)
	binary := string([]byte{0, 0xff, '\n', 0xc3})
	must(t, st.Commit(ctx, store.Tx{
		Puts: []store.Put{
			put("cases", "SIP-AAAAAA", `{"ref":"SIP-AAAAAA"}`, 0),
			put("cases", "bin\x00key", binary, 0),
			{Bucket: "sent", Key: "k1", Value: []byte("x"), TTL: time.Hour},
		},
		Index: []store.IndexOp{{Index: "open", Member: "SIP-AAAAAA"}, {Index: "open", Member: "SIP-BBBBBB"}},
		Jobs: []store.Job{
			job("outbox", "claimed", t0, "p1"),
			job("outbox", "later", t0.Add(time.Hour), "p2"),
		},
	}), "seed")
	must(t, st.Commit(ctx, store.Tx{Puts: []store.Put{put("cases", "SIP-AAAAAA", `{"ref":"SIP-AAAAAA","v":2}`, 1)}}), "second version")
	if got := claim(t, st, "outbox", t0, time.Hour, 1); len(got) != 1 || got[0].ID != "claimed" {
		t.Fatalf("claim before backup = %v", ids(got))
	}
	if first, err := st.Once(ctx, "digest:2026-11-23", time.Hour); err != nil || !first {
		t.Fatalf("once before backup = %v, %v", first, err)
	}

	restored := roundTrip(t, st)

	wantRecord := func(bucket, key, value string, version int64) {
		t.Helper()
		r, err := restored.Get(ctx, bucket, key)
		if err != nil || string(r.Value) != value || r.Version != version {
			t.Errorf("restored %s/%q = %q v%d, %v; want %q v%d", bucket, key, r.Value, r.Version, err, value, version)
		}
	}
	wantRecord("cases", "SIP-AAAAAA", `{"ref":"SIP-AAAAAA","v":2}`, 2)
	wantRecord("cases", "bin\x00key", binary, 1)
	wantRecord("sent", "k1", "x", 1)
	if m, err := restored.Members(ctx, "open"); err != nil || !slices.Equal(m, []string{"SIP-AAAAAA", "SIP-BBBBBB"}) {
		t.Errorf("restored index = %v, %v", m, err)
	}
	if n := pending(t, restored, "outbox"); n != 2 {
		t.Errorf("restored pending = %d, want 2", n)
	}
	// The claim's lease (an hour) travels with the backup; past it the job
	// is due again, with its earlier attempt counted.
	got := claim(t, restored, "outbox", t0.Add(2*time.Hour), time.Minute, 10)
	slices.SortFunc(got, func(a, b store.Job) int { return strings.Compare(a.ID, b.ID) })
	if len(got) != 2 || got[0].ID != "claimed" || got[0].Attempts != 2 || string(got[0].Payload) != "p1" ||
		got[1].ID != "later" || got[1].Attempts != 1 || string(got[1].Payload) != "p2" {
		t.Errorf("restored jobs = %+v", got)
	}
	if first, err := restored.Once(ctx, "digest:2026-11-23", time.Hour); err != nil || first {
		t.Errorf("restored once-key: first = %v, %v; want taken", first, err)
	}
}
