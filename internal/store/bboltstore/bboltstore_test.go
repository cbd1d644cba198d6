package bboltstore_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/samla-sip/samla/internal/store"
	"github.com/samla-sip/samla/internal/store/bboltstore"
	"github.com/samla-sip/samla/internal/store/storetest"
	"github.com/samla-sip/samla/internal/testutil"
)

func open(t testing.TB, path string, opts ...bboltstore.Option) *bboltstore.Store {
	t.Helper()
	st, err := bboltstore.Open(path, opts...)
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	return st
}

func TestConformance(t *testing.T) {
	storetest.RunClocked(t, func(t *testing.T) (store.Store, func(time.Duration)) {
		clock := testutil.NewClock(time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC))
		st := open(t, filepath.Join(t.TempDir(), "data", "samla.db"), bboltstore.WithClock(clock.Now))
		t.Cleanup(func() {
			if err := st.Close(); err != nil {
				t.Errorf("close: %v", err)
			}
		})
		return st, clock.Advance
	})
}

// TestConformanceWallClock runs the suite once on the default clock, as
// serve opens the store.
func TestConformanceWallClock(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store {
		st := open(t, filepath.Join(t.TempDir(), "samla.db"))
		t.Cleanup(func() { _ = st.Close() })
		return st
	})
}

func TestRecordExpiryUsesInjectedClock(t *testing.T) {
	ctx := context.Background()
	clock := testutil.NewClock(time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC))
	path := filepath.Join(t.TempDir(), "samla.db")
	st := open(t, path, bboltstore.WithClock(clock.Now))
	err := st.Commit(ctx, store.Tx{Puts: []store.Put{{Bucket: "sent", Key: "m", Value: []byte("v"), TTL: time.Hour}}})
	if err != nil {
		t.Fatal(err)
	}
	clock.Advance(time.Hour - time.Nanosecond)
	if rec, err := st.Get(ctx, "sent", "m"); err != nil || string(rec.Value) != "v" || rec.Version != 1 {
		t.Fatalf("just before the deadline: %+v, %v", rec, err)
	}
	// The deadline survives a restart.
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	st = open(t, path, bboltstore.WithClock(clock.Now))
	defer st.Close()
	if _, err := st.Get(ctx, "sent", "m"); err != nil {
		t.Fatalf("after reopen: %v", err)
	}
	clock.Advance(time.Nanosecond)
	if _, err := st.Get(ctx, "sent", "m"); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("at the deadline: %v, want ErrNotFound", err)
	}
}

func TestSecondOpenIsLocked(t *testing.T) {
	path := filepath.Join(t.TempDir(), "samla.db")
	st := open(t, path)
	defer st.Close()
	_, err := bboltstore.Open(path, bboltstore.WithLockTimeout(50*time.Millisecond))
	if !errors.Is(err, bboltstore.ErrLocked) {
		t.Fatalf("second open: %v, want ErrLocked", err)
	}
}

func TestReopenKeepsState(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "samla.db")
	st := open(t, path)
	now := time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)
	if err := st.Commit(ctx, store.Tx{
		Puts: []store.Put{{Bucket: "case", Key: "SIP-1", Value: []byte("x")}},
		Jobs: []store.Job{{Queue: "outbox", ID: "a", Due: now}, {Queue: "outbox", ID: "b", Due: now}},
	}); err != nil {
		t.Fatal(err)
	}
	claimed, err := st.Claim(ctx, "outbox", now, time.Minute, 1)
	if err != nil || len(claimed) != 1 {
		t.Fatalf("claim: %v %v", claimed, err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}

	st = open(t, path)
	defer st.Close()
	if rec, err := st.Get(ctx, "case", "SIP-1"); err != nil || rec.Version != 1 {
		t.Fatalf("after reopen: %+v %v", rec, err)
	}
	// The claim made before the restart is re-delivered once its lease ends.
	got, err := st.Claim(ctx, "outbox", now.Add(time.Minute), time.Minute, 10)
	if err != nil || len(got) != 2 {
		t.Fatalf("after reopen claimed %d jobs (%v), want 2", len(got), err)
	}
}

func TestOnceUsesInjectedClock(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)
	st := open(t, filepath.Join(t.TempDir(), "samla.db"), bboltstore.WithClock(func() time.Time { return now }))
	defer st.Close()
	for _, tc := range []struct {
		advance time.Duration
		want    bool
	}{{0, true}, {59 * time.Minute, false}, {time.Minute, true}, {0, false}} {
		now = now.Add(tc.advance)
		got, err := st.Once(ctx, "k", time.Hour)
		if err != nil || got != tc.want {
			t.Fatalf("at %v: Once = %v, %v; want %v", now, got, err, tc.want)
		}
	}
}

func TestBackupRestore(t *testing.T) {
	storetest.Backup(t, func(t *testing.T) store.Store {
		st := open(t, filepath.Join(t.TempDir(), "samla.db"))
		t.Cleanup(func() { _ = st.Close() })
		return st
	}, func(t *testing.T, from store.Store) store.Store {
		var buf bytes.Buffer
		if _, err := from.(*bboltstore.Store).Backup(context.Background(), &buf); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(t.TempDir(), "restored", "samla.db")
		if _, err := bboltstore.Restore(context.Background(), path, &buf, time.Second); err != nil {
			t.Fatal(err)
		}
		st := open(t, path)
		t.Cleanup(func() { _ = st.Close() })
		return st
	})
}

func TestRestoreKeepsReplacedFileAndRefusesWhileOpen(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "samla.db")
	st := open(t, path)
	if err := st.Commit(ctx, store.Tx{Puts: []store.Put{{Bucket: "b", Key: "k", Value: []byte("old")}}}); err != nil {
		t.Fatal(err)
	}
	var backup bytes.Buffer
	if _, err := st.Backup(ctx, &backup); err != nil {
		t.Fatal(err)
	}
	if _, err := bboltstore.Restore(context.Background(), path, bytes.NewReader(backup.Bytes()), 50*time.Millisecond); !errors.Is(err, bboltstore.ErrLocked) {
		t.Fatalf("restore while open: err = %v, want ErrLocked", err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := bboltstore.Restore(context.Background(), path, strings.NewReader("not a store"), time.Second); err == nil {
		t.Fatal("restore of garbage succeeded")
	}
	kept, err := bboltstore.Restore(context.Background(), path, &backup, time.Second)
	if err != nil || kept == "" {
		t.Fatalf("restore = %q, %v", kept, err)
	}
	if err := bboltstore.Check(kept); err != nil {
		t.Errorf("replaced file not kept intact: %v", err)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".restoring") {
			t.Errorf("temporary file left behind: %s", e.Name())
		}
	}
	st = open(t, path)
	defer st.Close()
	if r, err := st.Get(ctx, "b", "k"); err != nil || string(r.Value) != "old" {
		t.Errorf("after restore: %q, %v", r.Value, err)
	}
}

// TestRestoreKeepsOwner: root restoring into a service user's folder
// leaves a file that user owns (systemd's DynamicUser would otherwise be
// locked out of its own store).
func TestRestoreKeepsOwner(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Log("not root: Restore leaves files with the caller's owner, nothing to check")
		return
	}
	dir := filepath.Join(t.TempDir(), "data")
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	const uid, gid = 54321, 54322
	if err := os.Chown(dir, uid, gid); err != nil {
		t.Fatal(err)
	}
	src := open(t, filepath.Join(t.TempDir(), "src.db"))
	var backup bytes.Buffer
	if _, err := src.Backup(context.Background(), &backup); err != nil {
		t.Fatal(err)
	}
	_ = src.Close()
	path := filepath.Join(dir, "samla.db")
	if _, err := bboltstore.Restore(context.Background(), path, &backup, time.Second); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if st := fi.Sys().(*syscall.Stat_t); st.Uid != uid || st.Gid != gid {
		t.Errorf("restored file owned by %d:%d, want %d:%d", st.Uid, st.Gid, uid, gid)
	}
}
