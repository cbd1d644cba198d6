package bboltstore

import (
	"context"
	"encoding/binary"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Beside its jobs, a queue keeps two sub-buckets, created on first use (so
// files written before they existed read as having none):
//   - "since": id → 8-byte ms when the job started waiting (Oldest);
//   - "owner": id → the instance id of the job's latest claim (Reclaim);
//     only a job in "run" is claimed, so an entry of a job since retried or
//     expired means nothing.
var (
	subSince = []byte("since")
	subOwner = []byte("owner")
)

// subBucket returns a queue's sub-bucket name, creating it (in a write
// transaction) when create is set; nil when absent and not created.
func subBucket(tx *bolt.Tx, queue string, name []byte, create bool) (*bolt.Bucket, error) {
	q := tx.Bucket(bucketQueues).Bucket([]byte(queue))
	if q == nil {
		return nil, nil
	}
	if b := q.Bucket(name); b != nil || !create {
		return b, nil
	}
	b, err := q.CreateBucket(name)
	if err != nil {
		return nil, fmt.Errorf("queue %q: %w", queue, err)
	}
	return b, nil
}

// markWaiting records that job id waits since nowMs, unless it already
// waits (a re-schedule keeps the first time).
func markWaiting(tx *bolt.Tx, queue, id string, nowMs int64) error {
	since, err := subBucket(tx, queue, subSince, true)
	if err != nil || since.Get([]byte(id)) != nil {
		return err
	}
	b := make([]byte, 8)
	binary.BigEndian.PutUint64(b, uint64(nowMs))
	return since.Put([]byte(id), b)
}

// setOwner records the instance of a job's claim ("" = none).
func setOwner(tx *bolt.Tx, queue, id, instance string) error {
	owners, err := subBucket(tx, queue, subOwner, instance != "")
	if err != nil || owners == nil {
		return err
	}
	if instance == "" {
		return owners.Delete([]byte(id))
	}
	return owners.Put([]byte(id), []byte(instance))
}

// forget drops a removed job's waiting time and owner.
func forget(tx *bolt.Tx, queue, id string) error {
	for _, name := range [][]byte{subSince, subOwner} {
		b, err := subBucket(tx, queue, name, false)
		if err != nil {
			return err
		}
		if b == nil {
			continue
		}
		if err := b.Delete([]byte(id)); err != nil {
			return err
		}
	}
	return nil
}

// Oldest returns when the longest-waiting job of queue was scheduled. It
// reads every waiting time, one small entry per job.
func (s *Store) Oldest(ctx context.Context, queue string) (time.Time, bool, error) {
	oldest, found := int64(0), false
	err := s.view(ctx, func(tx *bolt.Tx) error {
		since, err := subBucket(tx, queue, subSince, false)
		if err != nil || since == nil {
			return err
		}
		return since.ForEach(func(_, v []byte) error {
			if len(v) != 8 {
				return errCorrupt
			}
			if ms := int64(binary.BigEndian.Uint64(v)); !found || ms < oldest {
				oldest, found = ms, true
			}
			return nil
		})
	})
	if err != nil {
		return time.Time{}, false, fmt.Errorf("bboltstore: oldest %s: %w", queue, err)
	}
	if !found {
		return time.Time{}, false, nil
	}
	return time.UnixMilli(oldest), true, nil
}

// Reclaim makes the jobs of queue claimed under this store's instance id
// pending again, due at now, their claims revoked.
func (s *Store) Reclaim(ctx context.Context, queue string, now time.Time) (int, error) {
	if s.instance == "" {
		return 0, ctx.Err()
	}
	n := 0
	err := s.update(ctx, func(tx *bolt.Tx) error {
		n = 0
		jb, due, run, err := queueBuckets(tx, queue, false)
		if err != nil || jb == nil {
			return err
		}
		owners, err := subBucket(tx, queue, subOwner, false)
		if err != nil || owners == nil {
			return err
		}
		var keys [][]byte
		c := run.Cursor()
		for k, _ := c.First(); k != nil; k, _ = c.Next() {
			if string(owners.Get(k[8:])) == s.instance {
				keys = append(keys, append([]byte(nil), k...))
			}
		}
		nowMs := millis(now)
		for _, k := range keys {
			id := string(k[8:])
			m, err := decodeMeta(jb.Get([]byte(id)))
			if err != nil {
				return fmt.Errorf("job %q: %w", id, err)
			}
			m.state, m.token, m.at, m.due = statePending, 0, nowMs, nowMs
			if err := run.Delete(k); err != nil {
				return err
			}
			if err := due.Put(timeKey(nowMs, id), nil); err != nil {
				return err
			}
			if err := jb.Put([]byte(id), m.encode()); err != nil {
				return err
			}
			if err := owners.Delete([]byte(id)); err != nil {
				return err
			}
		}
		n = len(keys)
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("bboltstore: reclaim %s: %w", queue, err)
	}
	return n, nil
}
