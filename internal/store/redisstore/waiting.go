package redisstore

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/redis/go-redis/v9"
)

// tokenPrefix starts every claim token of this store: "<instance>/", or
// nothing without an instance id.
func (s *Store) tokenPrefix() string {
	if s.instance == "" {
		return ""
	}
	return s.instance + "/"
}

// Oldest returns when the longest-waiting job of queue was scheduled (on
// the Redis server's clock).
func (s *Store) Oldest(ctx context.Context, queue string) (time.Time, bool, error) {
	zs, err := s.rdb.ZRangeWithScores(ctx, s.queue(queue).since, 0, 0).Result()
	if err != nil && !errors.Is(err, redis.Nil) {
		return time.Time{}, false, fmt.Errorf("redisstore: oldest %s: %w", queue, err)
	}
	if len(zs) == 0 {
		return time.Time{}, false, nil
	}
	return time.UnixMilli(int64(zs[0].Score)), true, nil
}

// reclaimScript: KEYS due, run, tok; ARGV now ms, token prefix. It makes
// every claimed job whose token starts with the prefix due at now, its
// token revoked, and answers how many.
var reclaimScript = redis.NewScript(`
local n = 0
local plen = #ARGV[2]
for _, id in ipairs(redis.call('ZRANGE', KEYS[2], 0, -1)) do
  local tok = redis.call('HGET', KEYS[3], id)
  if tok and string.sub(tok, 1, plen) == ARGV[2] then
    redis.call('ZREM', KEYS[2], id)
    redis.call('ZADD', KEYS[1], ARGV[1], id)
    redis.call('HDEL', KEYS[3], id)
    n = n + 1
  end
end
return n
`)

// Reclaim makes the jobs of queue claimed under this store's instance id
// pending again, due at now, their claims revoked.
func (s *Store) Reclaim(ctx context.Context, queue string, now time.Time) (int, error) {
	if s.instance == "" {
		return 0, ctx.Err()
	}
	q := s.queue(queue)
	n, err := reclaimScript.Run(ctx, s.rdb, []string{q.due, q.run, q.tok}, millis(now), s.tokenPrefix()).Int()
	if err != nil {
		return 0, fmt.Errorf("redisstore: reclaim %s: %w", queue, err)
	}
	return n, nil
}
