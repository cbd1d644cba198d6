package bboltstore

import (
	"context"
	"encoding/binary"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"github.com/samla-sip/samla/internal/store"
)

// A stored record is its version (8 bytes, big-endian) followed by its value.

func encodeRecord(version int64, value []byte) []byte {
	b := make([]byte, 8+len(value))
	binary.BigEndian.PutUint64(b, uint64(version))
	copy(b[8:], value)
	return b
}

func decodeRecord(b []byte) (int64, []byte) {
	v := make([]byte, len(b)-8)
	copy(v, b[8:])
	return int64(binary.BigEndian.Uint64(b)), v
}

// Get returns a record or store.ErrNotFound.
func (s *Store) Get(ctx context.Context, bucket, key string) (store.Record, error) {
	rec := store.Record{Bucket: bucket, Key: key}
	err := s.view(ctx, func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketRecords).Bucket([]byte(bucket))
		if b == nil {
			return store.ErrNotFound
		}
		raw := b.Get([]byte(key))
		if len(raw) < 8 {
			return store.ErrNotFound
		}
		rec.Version, rec.Value = decodeRecord(raw)
		return nil
	})
	if err != nil {
		return store.Record{}, fmt.Errorf("bboltstore: get %s/%s: %w", bucket, key, err)
	}
	return rec, nil
}

// Commit applies tx atomically, or returns store.ErrConflict and changes
// nothing.
func (s *Store) Commit(ctx context.Context, t store.Tx) error {
	err := s.update(ctx, func(tx *bolt.Tx) error {
		if err := checkVersions(tx, t.Puts); err != nil {
			return err
		}
		if err := writePuts(tx, t.Puts); err != nil {
			return err
		}
		if err := applyIndex(tx, t.Index); err != nil {
			return err
		}
		if err := scheduleJobs(tx, t.Jobs); err != nil {
			return err
		}
		return cancelJobs(tx, t.Cancel)
	})
	if err != nil {
		return fmt.Errorf("bboltstore: commit: %w", err)
	}
	return nil
}

// checkVersions fails with store.ErrConflict unless every put's expected
// version is the stored one.
func checkVersions(tx *bolt.Tx, puts []store.Put) error {
	recs := tx.Bucket(bucketRecords)
	for _, p := range puts {
		var current int64
		if b := recs.Bucket([]byte(p.Bucket)); b != nil {
			if raw := b.Get([]byte(p.Key)); len(raw) >= 8 {
				current, _ = decodeRecord(raw)
			}
		}
		if current != p.Version {
			return fmt.Errorf("%s/%s is at version %d, not %d: %w", p.Bucket, p.Key, current, p.Version, store.ErrConflict)
		}
	}
	return nil
}

func writePuts(tx *bolt.Tx, puts []store.Put) error {
	recs := tx.Bucket(bucketRecords)
	for _, p := range puts {
		b, err := recs.CreateBucketIfNotExists([]byte(p.Bucket))
		if err != nil {
			return fmt.Errorf("bucket %q: %w", p.Bucket, err)
		}
		if err := b.Put([]byte(p.Key), encodeRecord(p.Version+1, p.Value)); err != nil {
			return fmt.Errorf("put %s/%s: %w", p.Bucket, p.Key, err)
		}
	}
	return nil
}

func applyIndex(tx *bolt.Tx, ops []store.IndexOp) error {
	idx := tx.Bucket(bucketIndexes)
	for _, op := range ops {
		if op.Remove {
			b := idx.Bucket([]byte(op.Index))
			if b == nil {
				continue
			}
			if err := b.Delete([]byte(op.Member)); err != nil {
				return fmt.Errorf("index %s: %w", op.Index, err)
			}
			continue
		}
		b, err := idx.CreateBucketIfNotExists([]byte(op.Index))
		if err != nil {
			return fmt.Errorf("index %q: %w", op.Index, err)
		}
		if err := b.Put([]byte(op.Member), nil); err != nil {
			return fmt.Errorf("index %s: %w", op.Index, err)
		}
	}
	return nil
}

// Members lists a set index in byte order (which is sorted string order).
func (s *Store) Members(ctx context.Context, index string) ([]string, error) {
	var out []string
	err := s.view(ctx, func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketIndexes).Bucket([]byte(index))
		if b == nil {
			return nil
		}
		return b.ForEach(func(k, _ []byte) error {
			out = append(out, string(k))
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("bboltstore: members %s: %w", index, err)
	}
	return out, nil
}
