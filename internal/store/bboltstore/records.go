package bboltstore

import (
	"context"
	"encoding/binary"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"github.com/samla-sip/samla/internal/store"
)

// A stored record is its version (8 bytes, big-endian) followed by its
// value. A record with an expiry has the version's top bit set (versions are
// positive, so the bit is free and older files read unchanged) and its
// deadline (ns on the store's clock, 8 bytes) between version and value.

const expiryFlag = uint64(1) << 63

// storedRecord is one decoded record; deadline 0 means it never expires.
type storedRecord struct {
	version  int64
	deadline int64
	value    []byte
}

func encodeRecord(version, deadline int64, value []byte) []byte {
	if deadline == 0 {
		b := make([]byte, 8+len(value))
		binary.BigEndian.PutUint64(b, uint64(version))
		copy(b[8:], value)
		return b
	}
	b := make([]byte, 16+len(value))
	binary.BigEndian.PutUint64(b, uint64(version)|expiryFlag)
	binary.BigEndian.PutUint64(b[8:], uint64(deadline))
	copy(b[16:], value)
	return b
}

// decodeRecord decodes raw without copying: value aliases raw, which bbolt
// only keeps valid during its transaction. ok is false for a value too
// short to be a record.
func decodeRecord(raw []byte) (storedRecord, bool) {
	if len(raw) < 8 {
		return storedRecord{}, false
	}
	v := binary.BigEndian.Uint64(raw)
	rest := raw[8:]
	var r storedRecord
	if v&expiryFlag != 0 {
		if len(rest) < 8 {
			return storedRecord{}, false
		}
		r.deadline = int64(binary.BigEndian.Uint64(rest))
		rest = rest[8:]
	}
	r.version = int64(v &^ expiryFlag)
	r.value = rest
	return r, true
}

// live reports whether the record exists at now (ns).
func (r storedRecord) live(now int64) bool { return r.deadline == 0 || now < r.deadline }

// lookup returns the live record at bucket/key, if any.
func lookup(recs *bolt.Bucket, bucket, key string, now int64) (storedRecord, bool) {
	b := recs.Bucket([]byte(bucket))
	if b == nil {
		return storedRecord{}, false
	}
	r, ok := decodeRecord(b.Get([]byte(key)))
	if !ok || !r.live(now) {
		return storedRecord{}, false
	}
	return r, true
}

// Get returns a record or store.ErrNotFound; an expired record is not found.
func (s *Store) Get(ctx context.Context, bucket, key string) (store.Record, error) {
	rec := store.Record{Bucket: bucket, Key: key}
	err := s.view(ctx, func(tx *bolt.Tx) error {
		r, ok := lookup(tx.Bucket(bucketRecords), bucket, key, s.now().UnixNano())
		if !ok {
			return store.ErrNotFound
		}
		rec.Version, rec.Value = r.version, append([]byte{}, r.value...)
		return nil
	})
	if err != nil {
		return store.Record{}, fmt.Errorf("bboltstore: get %s/%s: %w", bucket, key, err)
	}
	return rec, nil
}

// Commit applies tx atomically, or returns store.ErrConflict and changes
// nothing. It also removes up to sweepBatch expired records.
func (s *Store) Commit(ctx context.Context, t store.Tx) error {
	if err := store.CheckTx(t); err != nil {
		return fmt.Errorf("bboltstore: commit: %w", err)
	}
	err := s.update(ctx, func(tx *bolt.Tx) error {
		now := s.now().UnixNano()
		if err := checkVersions(tx, t.Puts, now); err != nil {
			return err
		}
		if err := writePuts(tx, t.Puts, now); err != nil {
			return err
		}
		if err := deleteRecords(tx, t.Deletes); err != nil {
			return err
		}
		if err := applyIndex(tx, t.Index); err != nil {
			return err
		}
		if err := scheduleJobs(tx, t.Jobs, millis(s.now())); err != nil {
			return err
		}
		if err := cancelJobs(tx, t.Cancel); err != nil {
			return err
		}
		return sweepRecords(tx, now)
	})
	if err != nil {
		return fmt.Errorf("bboltstore: commit: %w", err)
	}
	return nil
}

// checkVersions fails with store.ErrConflict unless every put's expected
// version is the stored one (0 for a missing or expired record).
func checkVersions(tx *bolt.Tx, puts []store.Put, now int64) error {
	recs := tx.Bucket(bucketRecords)
	for _, p := range puts {
		current, _ := lookup(recs, p.Bucket, p.Key, now)
		if current.version != p.Version {
			return fmt.Errorf("%s/%s is at version %d, not %d: %w", p.Bucket, p.Key, current.version, p.Version, store.ErrConflict)
		}
	}
	return nil
}

func writePuts(tx *bolt.Tx, puts []store.Put, now int64) error {
	recs, exp := tx.Bucket(bucketRecords), tx.Bucket(bucketRecordExp)
	for _, p := range puts {
		b, err := recs.CreateBucketIfNotExists([]byte(p.Bucket))
		if err != nil {
			return fmt.Errorf("bucket %q: %w", p.Bucket, err)
		}
		if err := unlistExpiry(b, exp, p.Bucket, p.Key); err != nil {
			return err
		}
		var deadline int64
		if p.TTL > 0 {
			deadline = now + int64(p.TTL)
			if err := exp.Put(recordExpKey(deadline, p.Bucket, p.Key), nil); err != nil {
				return fmt.Errorf("expiry %s/%s: %w", p.Bucket, p.Key, err)
			}
		}
		if err := b.Put([]byte(p.Key), encodeRecord(p.Version+1, deadline, p.Value)); err != nil {
			return fmt.Errorf("put %s/%s: %w", p.Bucket, p.Key, err)
		}
	}
	return nil
}

func deleteRecords(tx *bolt.Tx, refs []store.RecordRef) error {
	recs, exp := tx.Bucket(bucketRecords), tx.Bucket(bucketRecordExp)
	for _, r := range refs {
		b := recs.Bucket([]byte(r.Bucket))
		if b == nil {
			continue
		}
		if err := unlistExpiry(b, exp, r.Bucket, r.Key); err != nil {
			return err
		}
		if err := b.Delete([]byte(r.Key)); err != nil {
			return fmt.Errorf("delete %s/%s: %w", r.Bucket, r.Key, err)
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
