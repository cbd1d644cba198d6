package bboltstore

import (
	"encoding/binary"
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// Records with a TTL are listed in bucketRecordExp by deadline, so expired
// ones are removed a few at a time during commits instead of piling up:
// key = deadline (8 bytes) + len(bucket) (4 bytes) + bucket + key.

func recordExpKey(deadline int64, bucket, key string) []byte {
	k := make([]byte, 12, 12+len(bucket)+len(key))
	binary.BigEndian.PutUint64(k, uint64(deadline))
	binary.BigEndian.PutUint32(k[8:], uint32(len(bucket)))
	k = append(k, bucket...)
	return append(k, key...)
}

// parseRecordExpKey splits an expiry key; ok is false for a malformed one.
func parseRecordExpKey(k []byte) (deadline int64, bucket, key []byte, ok bool) {
	if len(k) < 12 {
		return 0, nil, nil, false
	}
	n := binary.BigEndian.Uint32(k[8:])
	if uint64(len(k)-12) < uint64(n) {
		return 0, nil, nil, false
	}
	return int64(binary.BigEndian.Uint64(k)), k[12 : 12+n], k[12+n:], true
}

// unlistExpiry removes the expiry entry of the record stored at b/key, if
// it has one (before the record is overwritten or deleted).
func unlistExpiry(b, exp *bolt.Bucket, bucket, key string) error {
	old, ok := decodeRecord(b.Get([]byte(key)))
	if !ok || old.deadline == 0 {
		return nil
	}
	if err := exp.Delete(recordExpKey(old.deadline, bucket, key)); err != nil {
		return fmt.Errorf("expiry %s/%s: %w", bucket, key, err)
	}
	return nil
}

// sweepRecords removes up to sweepBatch records expired at now.
func sweepRecords(tx *bolt.Tx, now int64) error {
	recs, exp := tx.Bucket(bucketRecords), tx.Bucket(bucketRecordExp)
	var keys [][]byte
	c := exp.Cursor()
	for k, _ := c.First(); k != nil && len(keys) < sweepBatch && int64(binary.BigEndian.Uint64(k)) <= now; k, _ = c.Next() {
		keys = append(keys, append([]byte(nil), k...))
	}
	for _, k := range keys {
		if err := exp.Delete(k); err != nil {
			return fmt.Errorf("sweep: %w", err)
		}
		deadline, bucket, key, ok := parseRecordExpKey(k)
		if !ok {
			continue
		}
		b := recs.Bucket(bucket)
		if b == nil {
			continue
		}
		// Only the write the entry was made for: a later write of the same
		// record unlists its old entry, so this is a safety check.
		if r, ok := decodeRecord(b.Get(key)); !ok || r.deadline != deadline {
			continue
		}
		if err := b.Delete(key); err != nil {
			return fmt.Errorf("sweep %s/%s: %w", bucket, key, err)
		}
	}
	return nil
}
