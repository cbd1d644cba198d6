package main

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"log/slog"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/samla-sip/samla/config"
	"github.com/samla-sip/samla/internal/store"
)

// testRedisPrefix is a key prefix no other test run uses.
func testRedisPrefix(what string) string {
	var b [6]byte
	_, _ = rand.Read(b[:])
	return "samla-test-" + what + "-" + hex.EncodeToString(b[:])
}

// deleteRedisPrefix removes what a test store wrote under its prefix and
// returns how many keys that was.
func deleteRedisPrefix(t *testing.T, prefix string) int {
	t.Helper()
	opts, err := redis.ParseURL(wireRedisURL())
	if err != nil {
		t.Error(err)
		return 0
	}
	rdb := redis.NewClient(opts)
	defer rdb.Close()
	ctx := context.Background()
	keys, err := rdb.Keys(ctx, "{"+prefix+"}*").Result()
	if err != nil {
		t.Errorf("cleanup: %v", err)
		return 0
	}
	if len(keys) > 0 {
		if err := rdb.Del(ctx, keys...).Err(); err != nil {
			t.Errorf("cleanup: %v", err)
		}
	}
	return len(keys)
}

// wireRedisURL is the Redis the tests use; they fail when it is down.
func wireRedisURL() string {
	if u := strings.TrimSpace(os.Getenv("SAMLA_TEST_REDIS_URL")); u != "" {
		return u
	}
	return "redis://127.0.0.1:6379/0"
}

func roundTrip(t *testing.T, st store.Store) {
	t.Helper()
	ctx := context.Background()
	if err := st.Commit(ctx, store.Tx{Puts: []store.Put{{Bucket: "wire", Key: "k", Value: []byte("v")}}}); err != nil {
		t.Fatalf("commit: %v", err)
	}
	rec, err := st.Get(ctx, "wire", "k")
	if err != nil || string(rec.Value) != "v" || rec.Version != 1 {
		t.Fatalf("get = %+v, %v", rec, err)
	}
}

func TestOpenStoreBbolt(t *testing.T) {
	cfg := config.Defaults()
	cfg.Data = t.TempDir()
	st, err := openStore(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	roundTrip(t, st)
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	// The data survives a restart.
	st, err = openStore(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := st.Get(context.Background(), "wire", "k"); err != nil {
		t.Errorf("after reopen: %v", err)
	}
}

func TestOpenStoreRedis(t *testing.T) {
	prefix := testRedisPrefix("wire")
	cfg := config.Defaults()
	cfg.Store, cfg.RedisURL, cfg.RedisPrefix = "redis", wireRedisURL(), prefix

	st, err := openStore(context.Background(), cfg)
	if err != nil {
		t.Fatalf("Redis at SAMLA_TEST_REDIS_URL must be reachable (./scripts/test starts one): %v", err)
	}
	t.Cleanup(func() {
		st.Close()
		if deleteRedisPrefix(t, prefix) == 0 {
			t.Error("the store wrote no keys under its prefix")
		}
	})
	roundTrip(t, st)
}

func TestOpenStoreRedisDown(t *testing.T) {
	cfg := config.Defaults()
	cfg.Store, cfg.RedisURL = "redis", "redis://:"+configCanary+"@127.0.0.1:1/0"
	start := time.Now()
	_, err := openStore(context.Background(), cfg)
	if err == nil || !strings.Contains(err.Error(), "store redis does not answer") {
		t.Fatalf("err = %v", err)
	}
	if strings.Contains(err.Error(), configCanary) {
		t.Errorf("error holds the password: %v", err)
	}
	if time.Since(start) > 6*time.Second {
		t.Errorf("took %v", time.Since(start))
	}
}

func TestRedisClientKinds(t *testing.T) {
	tests := []struct {
		url     string
		cluster bool
		addr    string
	}{
		{"redis://127.0.0.1:6379/0", false, "127.0.0.1:6379"},
		{"rediss://:pw@redis.example.se:6380/1", false, "redis.example.se:6380"},
		{"redis://127.0.0.1:26379/0?master_name=samla&addr=127.0.0.1:26380", false, ""},
		{"redis://127.0.0.1:7000?addr=127.0.0.1:7001&addr=127.0.0.1:7002", true, ""},
	}
	for _, tt := range tests {
		rdb, err := redisClient(tt.url)
		if err != nil {
			t.Errorf("%s: %v", tt.url, err)
			continue
		}
		_, isCluster := rdb.(*redis.ClusterClient)
		if isCluster != tt.cluster {
			t.Errorf("%s: cluster client = %v", tt.url, isCluster)
		}
		if c, ok := rdb.(*redis.Client); ok && tt.addr != "" && c.Options().Addr != tt.addr {
			t.Errorf("%s: addr %s", tt.url, c.Options().Addr)
		}
		rdb.Close()
	}
	_, err := redisClient("redis://user:" + configCanary + "@127.0.0.1:6379/0?no_such_option=1")
	if err == nil || strings.Contains(err.Error(), configCanary) {
		t.Errorf("bad option: err = %v (must fail without quoting the password)", err)
	}
}

func TestNewLogger(t *testing.T) {
	var buf bytes.Buffer
	log := newLogger(&buf, "warn")
	log.Info("hidden")
	log.Warn("shown", "n", 1)
	if strings.Contains(buf.String(), "hidden") || !strings.Contains(buf.String(), `"msg":"shown","n":1`) {
		t.Errorf("log = %s", buf.String())
	}
	if !newLogger(&buf, "debug").Enabled(context.Background(), slog.LevelDebug) {
		t.Error("debug level not enabled")
	}
}

func TestRunTasksStopsAllOnFirstError(t *testing.T) {
	boom := errors.New("boom")
	stopped := make(chan struct{})
	err := runTasks(context.Background(), slog.New(slog.DiscardHandler), []task{
		{"fails", func(context.Context) error { return boom }},
		{"waits", func(ctx context.Context) error { <-ctx.Done(); close(stopped); return ctx.Err() }},
	})
	if !errors.Is(err, boom) || !strings.Contains(err.Error(), "fails: boom") {
		t.Errorf("err = %v", err)
	}
	select {
	case <-stopped:
	default:
		t.Error("the other task was not stopped before runTasks returned")
	}
}
