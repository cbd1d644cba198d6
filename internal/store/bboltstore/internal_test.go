package bboltstore

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
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
