package bboltstore

import (
	"context"
	"encoding/binary"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"
)

// sweepBatch bounds how many expired once-keys one Once call removes.
const sweepBatch = 64

// Once keys live in bucketOnce (key → expiry in ns) and, for sweeping, in
// bucketOnceExp (expiry + key → nothing), so expired keys are dropped a few
// at a time instead of piling up.

// Once returns true for the first caller of key within ttl. An entry whose
// ttl has passed (on the injected clock) is overwritten.
func (s *Store) Once(ctx context.Context, key string, ttl time.Duration) (bool, error) {
	first := false
	err := s.update(ctx, func(tx *bolt.Tx) error {
		first = false
		b, exp := tx.Bucket(bucketOnce), tx.Bucket(bucketOnceExp)
		now := s.now().UnixNano()
		if err := sweepOnce(b, exp, now); err != nil {
			return err
		}
		if raw := b.Get([]byte(key)); len(raw) == 8 {
			old := int64(binary.BigEndian.Uint64(raw))
			if now < old {
				return nil
			}
			if err := exp.Delete(expKey(old, key)); err != nil {
				return err
			}
		}
		first = true
		until := now + int64(ttl)
		v := make([]byte, 8)
		binary.BigEndian.PutUint64(v, uint64(until))
		if err := exp.Put(expKey(until, key), nil); err != nil {
			return err
		}
		return b.Put([]byte(key), v)
	})
	if err != nil {
		return false, fmt.Errorf("bboltstore: once %s: %w", key, err)
	}
	return first, nil
}

func expKey(until int64, key string) []byte {
	k := make([]byte, 8+len(key))
	binary.BigEndian.PutUint64(k, uint64(until))
	copy(k[8:], key)
	return k
}

// sweepOnce removes up to sweepBatch keys expired at now.
func sweepOnce(b, exp *bolt.Bucket, now int64) error {
	var keys [][]byte
	c := exp.Cursor()
	for k, _ := c.First(); k != nil && len(keys) < sweepBatch && int64(binary.BigEndian.Uint64(k)) <= now; k, _ = c.Next() {
		keys = append(keys, append([]byte(nil), k...))
	}
	for _, k := range keys {
		if err := exp.Delete(k); err != nil {
			return err
		}
		if err := b.Delete(k[8:]); err != nil {
			return err
		}
	}
	return nil
}
