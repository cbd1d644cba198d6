package redisstore

import (
	"context"
	"fmt"
	"time"
)

// Once returns true for the first caller of key within ttl (SET NX PX;
// expiry runs on the Redis server's clock).
func (s *Store) Once(ctx context.Context, key string, ttl time.Duration) (bool, error) {
	ttl = max(ttl, time.Millisecond)
	ok, err := s.rdb.SetNX(ctx, s.onceKey(key), "1", ttl).Result()
	if err != nil {
		return false, fmt.Errorf("redisstore: once %s: %w", key, err)
	}
	return ok, nil
}
