package storetest

import (
	"context"
	"fmt"
	"os"
	"sync/atomic"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
)

// RedisURL is the real Redis tests use: SAMLA_TEST_REDIS_URL, or the local
// default.
func RedisURL() string {
	if u := os.Getenv("SAMLA_TEST_REDIS_URL"); u != "" {
		return u
	}
	return "redis://127.0.0.1:6379/0"
}

var prefixSeq atomic.Int64

// Redis connects to the real Redis at RedisURL and returns a client and a
// key prefix unique to this test; the prefix's keys are deleted and the
// client closed when the test ends. An unreachable Redis fails the test:
// it is part of the environment the tests run in, never optional.
func Redis(t testing.TB) (*redis.Client, string) {
	t.Helper()
	opt, err := redis.ParseURL(RedisURL())
	if err != nil {
		t.Fatalf("SAMLA_TEST_REDIS_URL: %v", err)
	}
	opt.MaxRetries = 1
	rdb := redis.NewClient(opt)
	ctx := context.Background()
	if err := rdb.Ping(ctx).Err(); err != nil {
		_ = rdb.Close()
		t.Fatalf("Redis at %s is unreachable (set SAMLA_TEST_REDIS_URL): %v", opt.Addr, err)
	}
	prefix := fmt.Sprintf("samla-test-%d-%d-%d", os.Getpid(), time.Now().UnixNano(), prefixSeq.Add(1))
	t.Cleanup(func() {
		defer rdb.Close()
		keys, err := rdb.Keys(ctx, "{"+prefix+"}*").Result()
		if err != nil {
			t.Errorf("redis cleanup: %v", err)
			return
		}
		if len(keys) > 0 {
			if err := rdb.Del(ctx, keys...).Err(); err != nil {
				t.Errorf("redis cleanup: %v", err)
			}
		}
	})
	return rdb, prefix
}

// NewClient opens another client to the same Redis (as a restarted process
// would); it is closed when the test ends.
func NewClient(t testing.TB) *redis.Client {
	t.Helper()
	opt, err := redis.ParseURL(RedisURL())
	if err != nil {
		t.Fatalf("SAMLA_TEST_REDIS_URL: %v", err)
	}
	rdb := redis.NewClient(opt)
	t.Cleanup(func() { _ = rdb.Close() })
	return rdb
}
