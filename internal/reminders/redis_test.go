package reminders

import (
	"context"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/samla-sip/samla/internal/store/redisstore"
)

// testRedis connects to SAMLA_TEST_REDIS_URL (default the local server)
// and returns a unique key prefix that is deleted after the test. It
// fails, never skips, when Redis is unreachable.
func testRedis(tb testing.TB) (redis.UniversalClient, string) {
	tb.Helper()
	url := os.Getenv("SAMLA_TEST_REDIS_URL")
	if url == "" {
		url = "redis://127.0.0.1:6379/0"
	}
	opt, err := redis.ParseURL(url)
	if err != nil {
		tb.Fatalf("SAMLA_TEST_REDIS_URL: %v", err)
	}
	opt.PoolSize = 64
	rdb := redis.NewClient(opt)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	if err := rdb.Ping(ctx).Err(); err != nil {
		tb.Fatalf("Redis at %s unreachable (the test needs it): %v", opt.Addr, err)
	}
	prefix := fmt.Sprintf("samla-test-reminders-%s-%d", tb.Name(), time.Now().UnixNano())
	tb.Cleanup(func() {
		ctx := context.Background()
		iter := rdb.Scan(ctx, 0, "{"+prefix+"}*", 1000).Iterator()
		var keys []string
		for iter.Next(ctx) {
			keys = append(keys, iter.Val())
		}
		for len(keys) > 0 {
			n := min(len(keys), 500)
			rdb.Unlink(ctx, keys[:n]...)
			keys = keys[n:]
		}
		_ = rdb.Close()
	})
	return rdb, prefix
}

func newRedisStore(rdb redis.UniversalClient, prefix string) *redisstore.Store {
	return redisstore.New(rdb, prefix)
}

// offsetClock is real time shifted to start at base, so a test runs on a
// working day whenever it is run; After waits real time.
type offsetClock struct {
	base, start time.Time
}

func newOffsetClock(base time.Time) offsetClock { return offsetClock{base: base, start: time.Now()} }

func (c offsetClock) Now() time.Time                         { return c.base.Add(time.Since(c.start)) }
func (c offsetClock) After(d time.Duration) <-chan time.Time { return time.After(d) }
