package redisstore_test

import (
	"bytes"
	"context"
	"errors"
	"testing"
	"time"

	"github.com/alicebob/miniredis/v2"
	"github.com/redis/go-redis/v9"

	"github.com/samla-sip/samla/internal/store"
	"github.com/samla-sip/samla/internal/store/redisstore"
	"github.com/samla-sip/samla/internal/store/storetest"
)

// openReal returns a store on the real Redis under a prefix unique to this
// test. The store does not own the client: storetest.Redis closes it after
// deleting the test's keys.
func openReal(t testing.TB) *redisstore.Store {
	t.Helper()
	rdb, prefix := storetest.Redis(t)
	return redisstore.New(rdb, prefix)
}

func TestConformanceRealRedis(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store { return openReal(t) })
}

func TestConformanceMiniredis(t *testing.T) {
	storetest.RunClocked(t, func(t *testing.T) (store.Store, func(time.Duration)) {
		mr := miniredis.RunT(t)
		rdb := redis.NewClient(&redis.Options{Addr: mr.Addr()})
		t.Cleanup(func() { _ = rdb.Close() })
		return redisstore.New(rdb, "samla"), fakeClock(mr)
	})
}

// fakeClock starts miniredis's clock (TIME) at the wall clock's time and
// returns the suite's advance: it moves that clock and expires keys by d,
// with no sleeping, so expiry tests do not depend on the machine's load.
func fakeClock(mr *miniredis.Miniredis) func(time.Duration) {
	now := time.Now()
	mr.SetTime(now)
	return func(d time.Duration) {
		now = now.Add(d)
		mr.SetTime(now)
		mr.FastForward(d)
	}
}

// TestKeysShareOneSlot checks every key a store writes carries the hash tag,
// so Cluster keeps them in one slot.
func TestKeysShareOneSlot(t *testing.T) {
	mr := miniredis.RunT(t)
	rdb := redis.NewClient(&redis.Options{Addr: mr.Addr()})
	defer rdb.Close()
	st := redisstore.New(rdb, "p")
	ctx := context.Background()
	now := time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)
	err := st.Commit(ctx, store.Tx{
		Puts:  []store.Put{{Bucket: "case", Key: "k", Value: []byte("v")}, {Bucket: "{sent}", Key: "}m{", TTL: time.Hour}},
		Index: []store.IndexOp{{Index: "open", Member: "k"}},
		Jobs:  []store.Job{{Queue: "outbox", ID: "a", Due: now}, {Queue: "outbox", ID: "b", Due: now}},
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.Claim(ctx, "outbox", now, time.Minute, 1); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Once(ctx, "o", time.Minute); err != nil {
		t.Fatal(err)
	}
	keys := mr.Keys()
	if len(keys) < 9 {
		t.Fatalf("only %d keys written: %v", len(keys), keys)
	}
	for _, k := range keys {
		if len(k) < 3 || k[:3] != "{p}" {
			t.Errorf("key %q lacks the {p} hash tag", k)
		}
	}
}

// TestTTLRecordLayout checks a record written with a TTL lives in its own
// key with a Redis expiry, not in the bucket's hashes (which would make the
// whole bucket expire), and moves back when written without one.
func TestTTLRecordLayout(t *testing.T) {
	rdb, prefix := storetest.Redis(t)
	st := redisstore.New(rdb, prefix)
	ctx := context.Background()
	base := "{" + prefix + "}"
	ttlKey := base + ":ttl:4:sent:m:1"
	put := func(version int64, ttl time.Duration) {
		t.Helper()
		err := st.Commit(ctx, store.Tx{Puts: []store.Put{{Bucket: "sent", Key: "m:1", Value: []byte("v"), Version: version, TTL: ttl}}})
		if err != nil {
			t.Fatal(err)
		}
	}
	put(0, time.Hour)
	if pttl := rdb.PTTL(ctx, ttlKey).Val(); pttl <= 59*time.Minute || pttl > time.Hour {
		t.Fatalf("PTTL %s = %s, want about 1h", ttlKey, pttl)
	}
	if n := rdb.HLen(ctx, base+":rec:sent").Val() + rdb.HLen(ctx, base+":ver:sent").Val(); n != 0 {
		t.Fatalf("ttl record also in the bucket hashes (%d fields)", n)
	}
	put(1, 0)
	if n := rdb.Exists(ctx, ttlKey).Val(); n != 0 {
		t.Fatalf("permanent record left its ttl key behind")
	}
	if v := rdb.HGet(ctx, base+":ver:sent", "m:1").Val(); v != "2" {
		t.Fatalf("version in bucket hash = %q, want 2", v)
	}
	put(2, time.Millisecond/2) // rounds up to 1 ms, never "no expiry"
	time.Sleep(20 * time.Millisecond)
	if _, err := st.Get(ctx, "sent", "m:1"); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("sub-millisecond ttl: %v, want ErrNotFound", err)
	}
	if keys := rdb.Keys(ctx, base+"*").Val(); len(keys) != 0 {
		t.Fatalf("keys left after expiry: %v", keys)
	}
}

func TestBackupRestoreRealRedis(t *testing.T) {
	storetest.Backup(t, func(t *testing.T) store.Store { return openReal(t) },
		func(t *testing.T, from store.Store) store.Store {
			to := openReal(t)
			exportImport(t, from.(*redisstore.Store), to)
			return to
		})
}

func TestBackupRestoreMiniredis(t *testing.T) {
	mr := miniredis.RunT(t)
	rdb := redis.NewClient(&redis.Options{Addr: mr.Addr()})
	t.Cleanup(func() { _ = rdb.Close() })
	storetest.Backup(t, func(t *testing.T) store.Store { return redisstore.New(rdb, "from") },
		func(t *testing.T, from store.Store) store.Store {
			to := redisstore.New(rdb, "to")
			exportImport(t, from.(*redisstore.Store), to)
			return to
		})
	// The expiring record keeps its deadline, the once-key its expiry.
	for _, key := range []string{"{to}:ttl:4:sent:k1", "{to}:once:digest:2026-11-23"} {
		if ttl := mr.TTL(key); ttl <= 0 || ttl > time.Hour {
			t.Errorf("restored %s expires in %s, want (0, 1h]", key, ttl)
		}
	}
}

// exportImport exports from and imports into to, checking that import
// refuses a store holding keys unless asked to replace them.
func exportImport(t *testing.T, from, to *redisstore.Store) {
	t.Helper()
	ctx := context.Background()
	var buf bytes.Buffer
	n, err := from.Export(ctx, &buf)
	if err != nil || n == 0 {
		t.Fatalf("export = %d keys, %v", n, err)
	}
	export := buf.Bytes()
	if err := to.Commit(ctx, store.Tx{Puts: []store.Put{{Bucket: "stale", Key: "k", Value: []byte("v")}}}); err != nil {
		t.Fatal(err)
	}
	if _, err := to.Import(ctx, bytes.NewReader(export), false); !errors.Is(err, redisstore.ErrNotEmpty) {
		t.Fatalf("import into a store with keys: err = %v, want ErrNotEmpty", err)
	}
	if _, err := to.Import(ctx, bytes.NewReader(export[:len(export)-20]), true); err == nil {
		t.Fatal("import of a truncated export succeeded")
	}
	if got, err := to.Import(ctx, bytes.NewReader(export), true); err != nil || got != n {
		t.Fatalf("import = %d keys, %v; want %d", got, err, n)
	}
	if _, err := to.Get(ctx, "stale", "k"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("replace kept a key the export does not hold: %v", err)
	}
}
