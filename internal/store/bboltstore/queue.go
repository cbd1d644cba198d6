package bboltstore

import (
	"context"
	"encoding/binary"
	"fmt"
	"strconv"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/samla-sip/samla/internal/store"
)

// queueBuckets returns a queue's sub-buckets, creating them when create is
// set; without create it returns nils for a queue never used.
func queueBuckets(tx *bolt.Tx, queue string, create bool) (jobs, due, run *bolt.Bucket, err error) {
	qs := tx.Bucket(bucketQueues)
	q := qs.Bucket([]byte(queue))
	if q == nil {
		if !create {
			return nil, nil, nil, nil
		}
		if q, err = qs.CreateBucket([]byte(queue)); err != nil {
			return nil, nil, nil, fmt.Errorf("queue %q: %w", queue, err)
		}
		for _, name := range [][]byte{subJobs, subDue, subRun} {
			if _, err := q.CreateBucket(name); err != nil {
				return nil, nil, nil, fmt.Errorf("queue %q: %w", queue, err)
			}
		}
	}
	return q.Bucket(subJobs), q.Bucket(subDue), q.Bucket(subRun), nil
}

// countKey holds a queue's job count (8 bytes, big-endian) beside its
// sub-buckets, so Pending does not walk the queue.
var countKey = []byte("count")

// addCount changes a queue's job count by delta.
func addCount(tx *bolt.Tx, queue string, delta int64) error {
	q := tx.Bucket(bucketQueues).Bucket([]byte(queue))
	n := int64(0)
	if raw := q.Get(countKey); len(raw) == 8 {
		n = int64(binary.BigEndian.Uint64(raw))
	}
	b := make([]byte, 8)
	binary.BigEndian.PutUint64(b, uint64(n+delta))
	return q.Put(countKey, b)
}

// unlink removes a job's ordering entry (in due or run).
func unlink(due, run *bolt.Bucket, id string, m jobMeta) error {
	if m.state == stateClaimed {
		return run.Delete(timeKey(m.at, id))
	}
	return due.Delete(timeKey(m.at, id))
}

// Schedule upserts jobs by (Queue, ID).
func (s *Store) Schedule(ctx context.Context, jobs ...store.Job) error {
	if err := s.update(ctx, func(tx *bolt.Tx) error { return scheduleJobs(tx, jobs, millis(s.now())) }); err != nil {
		return fmt.Errorf("bboltstore: schedule: %w", err)
	}
	return nil
}

// scheduleJobs upserts jobs; nowMs is when a new job starts waiting.
func scheduleJobs(tx *bolt.Tx, jobs []store.Job, nowMs int64) error {
	for _, j := range jobs {
		if j.ID == "" {
			return fmt.Errorf("queue %q: job without id", j.Queue)
		}
		jb, due, run, err := queueBuckets(tx, j.Queue, true)
		if err != nil {
			return err
		}
		if raw := jb.Get([]byte(j.ID)); raw != nil {
			old, err := decodeMeta(raw)
			if err != nil {
				return fmt.Errorf("queue %q job %q: %w", j.Queue, j.ID, err)
			}
			if err := unlink(due, run, j.ID, old); err != nil {
				return err
			}
		} else if err := addCount(tx, j.Queue, 1); err != nil {
			return err
		}
		at := millis(j.Due)
		m := jobMeta{state: statePending, at: at, due: at, payload: j.Payload}
		if err := jb.Put([]byte(j.ID), m.encode()); err != nil {
			return err
		}
		if err := due.Put(timeKey(at, j.ID), nil); err != nil {
			return err
		}
		if err := markWaiting(tx, j.Queue, j.ID, nowMs); err != nil {
			return err
		}
	}
	return nil
}

// Cancel removes jobs, pending or claimed.
func (s *Store) Cancel(ctx context.Context, refs ...store.JobRef) error {
	if err := s.update(ctx, func(tx *bolt.Tx) error { return cancelJobs(tx, refs) }); err != nil {
		return fmt.Errorf("bboltstore: cancel: %w", err)
	}
	return nil
}

func cancelJobs(tx *bolt.Tx, refs []store.JobRef) error {
	for _, r := range refs {
		jb, due, run, err := queueBuckets(tx, r.Queue, false)
		if err != nil {
			return err
		}
		if jb == nil {
			continue
		}
		raw := jb.Get([]byte(r.ID))
		if raw == nil {
			continue
		}
		m, err := decodeMeta(raw)
		if err != nil {
			return fmt.Errorf("queue %q job %q: %w", r.Queue, r.ID, err)
		}
		if err := unlink(due, run, r.ID, m); err != nil {
			return err
		}
		if err := jb.Delete([]byte(r.ID)); err != nil {
			return err
		}
		if err := forget(tx, r.Queue, r.ID); err != nil {
			return err
		}
		if err := addCount(tx, r.Queue, -1); err != nil {
			return err
		}
	}
	return nil
}

// Claim takes up to max jobs due at or before now, leasing them for lease.
// Jobs whose lease expired at or before now are first made due again.
// The claim is recorded under the store's instance id (WithInstance).
func (s *Store) Claim(ctx context.Context, queue string, now time.Time, lease time.Duration, max int) ([]store.Job, error) {
	var out []store.Job
	err := s.update(ctx, func(tx *bolt.Tx) error {
		out = nil
		jb, due, run, err := queueBuckets(tx, queue, false)
		if err != nil || jb == nil || max <= 0 {
			return err
		}
		nowMs := millis(now)
		if err := requeueExpired(jb, due, run, nowMs); err != nil {
			return err
		}
		q := tx.Bucket(bucketQueues).Bucket([]byte(queue))
		var keys [][]byte
		c := due.Cursor()
		for k, _ := c.First(); k != nil && keyTime(k) <= nowMs && len(keys) < max; k, _ = c.Next() {
			keys = append(keys, append([]byte(nil), k...))
		}
		deadline := nowMs + lease.Milliseconds()
		for _, k := range keys {
			id := string(k[8:])
			m, err := decodeMeta(jb.Get([]byte(id)))
			if err != nil {
				return fmt.Errorf("queue %q job %q: %w", queue, id, err)
			}
			tok, err := q.NextSequence()
			if err != nil {
				return err
			}
			m.state, m.at, m.token = stateClaimed, deadline, tok
			m.attempts++
			if err := due.Delete(k); err != nil {
				return err
			}
			if err := run.Put(timeKey(deadline, id), nil); err != nil {
				return err
			}
			if err := jb.Put([]byte(id), m.encode()); err != nil {
				return err
			}
			if err := setOwner(tx, queue, id, s.instance); err != nil {
				return err
			}
			out = append(out, store.Job{
				Queue: queue, ID: id, Due: time.UnixMilli(m.due), Payload: m.payload,
				Attempts: int(m.attempts), Token: strconv.FormatUint(tok, 10),
			})
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("bboltstore: claim %s: %w", queue, err)
	}
	return out, nil
}

// requeueExpired makes every claimed job whose lease ended at or before
// nowMs pending again, due at its lease deadline, with its token revoked.
func requeueExpired(jb, due, run *bolt.Bucket, nowMs int64) error {
	var keys [][]byte
	c := run.Cursor()
	for k, _ := c.First(); k != nil && keyTime(k) <= nowMs; k, _ = c.Next() {
		keys = append(keys, append([]byte(nil), k...))
	}
	for _, k := range keys {
		id := string(k[8:])
		m, err := decodeMeta(jb.Get([]byte(id)))
		if err != nil {
			return fmt.Errorf("job %q: %w", id, err)
		}
		m.state, m.token, m.due = statePending, 0, m.at
		if err := run.Delete(k); err != nil {
			return err
		}
		if err := due.Put(timeKey(m.at, id), nil); err != nil {
			return err
		}
		if err := jb.Put([]byte(id), m.encode()); err != nil {
			return err
		}
	}
	return nil
}

// claimed returns the stored job if job's claim is still the current one.
func claimed(tx *bolt.Tx, job store.Job) (jb, due, run *bolt.Bucket, m jobMeta, err error) {
	jb, due, run, err = queueBuckets(tx, job.Queue, false)
	if err != nil {
		return nil, nil, nil, m, err
	}
	if jb == nil {
		return nil, nil, nil, m, store.ErrLeaseLost
	}
	raw := jb.Get([]byte(job.ID))
	if raw == nil {
		return nil, nil, nil, m, store.ErrLeaseLost
	}
	if m, err = decodeMeta(raw); err != nil {
		return nil, nil, nil, m, fmt.Errorf("job %q: %w", job.ID, err)
	}
	tok, perr := strconv.ParseUint(job.Token, 10, 64)
	if m.state != stateClaimed || perr != nil || tok != m.token {
		return nil, nil, nil, m, store.ErrLeaseLost
	}
	return jb, due, run, m, nil
}

// Ack removes a claimed job, or returns store.ErrLeaseLost.
func (s *Store) Ack(ctx context.Context, job store.Job) error {
	err := s.update(ctx, func(tx *bolt.Tx) error {
		jb, _, run, m, err := claimed(tx, job)
		if err != nil {
			return err
		}
		if err := run.Delete(timeKey(m.at, job.ID)); err != nil {
			return err
		}
		if err := jb.Delete([]byte(job.ID)); err != nil {
			return err
		}
		if err := forget(tx, job.Queue, job.ID); err != nil {
			return err
		}
		return addCount(tx, job.Queue, -1)
	})
	if err != nil {
		return fmt.Errorf("bboltstore: ack %s/%s: %w", job.Queue, job.ID, err)
	}
	return nil
}

// Retry makes a claimed job pending again, due at due.
func (s *Store) Retry(ctx context.Context, job store.Job, due time.Time) error {
	err := s.update(ctx, func(tx *bolt.Tx) error {
		jb, dueB, run, m, err := claimed(tx, job)
		if err != nil {
			return err
		}
		if err := run.Delete(timeKey(m.at, job.ID)); err != nil {
			return err
		}
		at := millis(due)
		m.state, m.at, m.due, m.token = statePending, at, at, 0
		if err := dueB.Put(timeKey(at, job.ID), nil); err != nil {
			return err
		}
		return jb.Put([]byte(job.ID), m.encode())
	})
	if err != nil {
		return fmt.Errorf("bboltstore: retry %s/%s: %w", job.Queue, job.ID, err)
	}
	return nil
}

// Pending counts a queue's jobs, claimed or not.
func (s *Store) Pending(ctx context.Context, queue string) (int, error) {
	n := 0
	err := s.view(ctx, func(tx *bolt.Tx) error {
		q := tx.Bucket(bucketQueues).Bucket([]byte(queue))
		if q == nil {
			return nil
		}
		if raw := q.Get(countKey); len(raw) == 8 {
			n = int(binary.BigEndian.Uint64(raw))
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("bboltstore: pending %s: %w", queue, err)
	}
	return n, nil
}
