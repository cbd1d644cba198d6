package bboltstore

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/samla-sip/samla/internal/store"
)

func TestOnceSweepsExpiredKeys(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)
	st, err := Open(filepath.Join(t.TempDir(), "s.db"), WithClock(func() time.Time { return now }))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for i := range 100 {
		if _, err := st.Once(ctx, fmt.Sprintf("k%d", i), time.Hour); err != nil {
			t.Fatal(err)
		}
	}
	count := func() (keys, exps int) {
		_ = st.db.View(func(tx *bolt.Tx) error {
			keys = tx.Bucket(bucketOnce).Stats().KeyN
			exps = tx.Bucket(bucketOnceExp).Stats().KeyN
			return nil
		})
		return keys, exps
	}
	if k, e := count(); k != 100 || e != 100 {
		t.Fatalf("before expiry: %d keys, %d expiries", k, e)
	}
	now = now.Add(2 * time.Hour)
	for _, want := range []int{100 - sweepBatch + 1, 2} {
		if _, err := st.Once(ctx, fmt.Sprintf("new%d", want), time.Hour); err != nil {
			t.Fatal(err)
		}
		if k, e := count(); k != want || e != want {
			t.Fatalf("after sweep: %d keys, %d expiries, want %d", k, e, want)
		}
	}
}

func FuzzDecodeMeta(f *testing.F) {
	f.Add(jobMeta{state: stateClaimed, at: 5, due: 3, attempts: 2, token: 9, payload: []byte("p")}.encode())
	f.Add([]byte{})
	f.Add(make([]byte, metaHeader))
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := decodeMeta(b)
		if err != nil {
			if len(b) >= metaHeader {
				t.Fatalf("rejected %d bytes", len(b))
			}
			return
		}
		if !bytes.Equal(m.encode(), b) {
			t.Fatalf("re-encoding differs: %x vs %x", m.encode(), b)
		}
	})
}

func TestCommitSweepsExpiredRecords(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)
	st, err := Open(filepath.Join(t.TempDir(), "s.db"), WithClock(func() time.Time { return now }))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var puts []store.Put
	for i := range 100 {
		puts = append(puts, store.Put{Bucket: "sent", Key: fmt.Sprintf("m%d", i), TTL: time.Hour})
	}
	puts = append(puts, store.Put{Bucket: "sent", Key: "permanent"})
	if err := st.Commit(ctx, store.Tx{Puts: puts}); err != nil {
		t.Fatal(err)
	}
	// Rewriting a record moves its expiry entry; it does not add one.
	if err := st.Commit(ctx, store.Tx{Puts: []store.Put{{Bucket: "sent", Key: "m0", Version: 1, TTL: 3 * time.Hour}}}); err != nil {
		t.Fatal(err)
	}
	count := func() (recs, exps int) {
		_ = st.db.View(func(tx *bolt.Tx) error {
			recs = tx.Bucket(bucketRecords).Bucket([]byte("sent")).Stats().KeyN
			exps = tx.Bucket(bucketRecordExp).Stats().KeyN
			return nil
		})
		return recs, exps
	}
	if r, e := count(); r != 101 || e != 100 {
		t.Fatalf("before expiry: %d records, %d expiries", r, e)
	}
	now = now.Add(2 * time.Hour)
	// Each commit removes up to sweepBatch expired records; m0 (3h) and the
	// permanent record stay.
	for i, want := range []int{101 - sweepBatch, 2, 2} {
		if err := st.Commit(ctx, store.Tx{Index: []store.IndexOp{{Index: "i", Member: fmt.Sprint(i)}}}); err != nil {
			t.Fatal(err)
		}
		if r, e := count(); r != want || e != want-1 {
			t.Fatalf("after sweep %d: %d records, %d expiries, want %d and %d", i, r, e, want, want-1)
		}
	}
	if _, err := st.Get(ctx, "sent", "m0"); err != nil {
		t.Fatalf("m0 (3h ttl) swept early: %v", err)
	}
}

func TestDecodeRecordFormats(t *testing.T) {
	tests := []struct {
		name              string
		version, deadline int64
		value             string
	}{
		{"permanent", 3, 0, "v"},
		{"expiring", 7, 12345, "value"},
		{"empty", 1, 9, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, ok := decodeRecord(encodeRecord(tc.version, tc.deadline, []byte(tc.value)))
			if !ok || r.version != tc.version || r.deadline != tc.deadline || string(r.value) != tc.value {
				t.Fatalf("round trip = %+v %v", r, ok)
			}
		})
	}
	// Records written before expiry existed (version + value) read unchanged.
	old := append([]byte{0, 0, 0, 0, 0, 0, 0, 2}, "old"...)
	if r, ok := decodeRecord(old); !ok || r.version != 2 || r.deadline != 0 || string(r.value) != "old" {
		t.Fatalf("old format = %+v %v", r, ok)
	}
}

func FuzzDecodeRecord(f *testing.F) {
	f.Add(encodeRecord(1, 0, []byte("v")))
	f.Add(encodeRecord(5, 99, []byte("v")))
	f.Add([]byte{0x80})
	f.Fuzz(func(t *testing.T, b []byte) {
		r, ok := decodeRecord(b)
		if !ok {
			return
		}
		if r.version < 0 {
			t.Fatalf("negative version %d from %x", r.version, b)
		}
		// The flag with a zero deadline is never written; all else
		// round-trips.
		if b[0]&0x80 != 0 && r.deadline == 0 {
			return
		}
		if re := encodeRecord(r.version, r.deadline, r.value); !bytes.Equal(re, b) {
			t.Fatalf("re-encoding differs: %x vs %x", re, b)
		}
	})
}

func FuzzParseRecordExpKey(f *testing.F) {
	f.Add(recordExpKey(5, "sent", "m1"))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, b []byte) {
		d, bucket, key, ok := parseRecordExpKey(b)
		if !ok {
			return
		}
		if !bytes.Equal(recordExpKey(d, string(bucket), string(key)), b) {
			t.Fatalf("re-encoding differs: %x", b)
		}
	})
}
