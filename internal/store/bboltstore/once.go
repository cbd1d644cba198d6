package bboltstore

import (
	"context"
	"encoding/binary"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Once returns true for the first caller of key within ttl. An entry whose
// ttl has passed (on the injected clock) is overwritten.
func (s *Store) Once(ctx context.Context, key string, ttl time.Duration) (bool, error) {
	first := false
	err := s.update(ctx, func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketOnce)
		now := s.now()
		if raw := b.Get([]byte(key)); len(raw) == 8 {
			if now.UnixNano() < int64(binary.BigEndian.Uint64(raw)) {
				return nil
			}
		}
		first = true
		exp := make([]byte, 8)
		binary.BigEndian.PutUint64(exp, uint64(now.Add(ttl).UnixNano()))
		return b.Put([]byte(key), exp)
	})
	if err != nil {
		return false, fmt.Errorf("bboltstore: once %s: %w", key, err)
	}
	return first, nil
}
