// Package store persists Samla's state: versioned records, set indexes,
// due-queues with leases (the outbox and reminders) and once-keys, behind one
// interface with two implementations: embedded bbolt (single node) and Redis
// (single node, Sentinel or Cluster). One conformance suite runs on both.
//
// The store knows nothing of SIP: values are opaque bytes. A Tx applies
// record writes, index changes and queue jobs atomically, so a state change
// and the messages it causes are written together or not at all.
package store

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// ErrNotFound is returned for a missing record.
var ErrNotFound = errors.New("store: not found")

// ErrConflict is returned by Commit when a record's version changed since it
// was read; the caller re-reads and retries.
var ErrConflict = errors.New("store: version conflict")

// ErrLeaseLost is returned by Ack/Retry when the job's claim expired and the
// job was claimed again or changed.
var ErrLeaseLost = errors.New("store: lease lost")

// Record is a stored value with its version (1 after the first write).
type Record struct {
	Bucket  string
	Key     string
	Value   []byte
	Version int64
}

// Put writes a record if its current version equals Version (0 = must not
// exist). The new version is Version+1.
//
// TTL > 0 makes the record expire TTL after this write: from then on it
// reads as ErrNotFound, counts as version 0 for later puts (so Version 0
// succeeds again and versions restart at 1) and is removed by the store in
// the background. Every write sets the expiry anew: TTL 0 (the default)
// makes the record permanent again. Negative TTLs are rejected. Expiry runs
// on the store's clock (bboltstore: its injected clock; redisstore: the
// Redis server's clock, millisecond precision).
type Put struct {
	Bucket  string
	Key     string
	Value   []byte
	Version int64
	TTL     time.Duration
}

// RecordRef names a record to delete.
type RecordRef struct {
	Bucket string
	Key    string
}

// IndexOp adds (or with Remove, removes) a member of a set index.
type IndexOp struct {
	Index  string
	Member string
	Remove bool
}

// Job is an entry in a due-queue. Scheduling a job with an existing ID
// replaces it (its due time and payload), so re-scheduling never duplicates.
type Job struct {
	Queue    string
	ID       string
	Due      time.Time
	Payload  []byte
	Attempts int // deliveries tried so far (set by the store)
	// Token identifies one claim; Ack and Retry must present it.
	Token string
}

// JobRef names a job to cancel.
type JobRef struct {
	Queue string
	ID    string
}

// Tx is applied atomically by Commit: either every part or none. Every
// put's version is checked against the state before the Tx; then puts are
// written and Deletes applied, so a record both put and deleted in one Tx
// ends up deleted.
type Tx struct {
	Puts   []Put
	Index  []IndexOp
	Jobs   []Job    // scheduled (upserted by ID)
	Cancel []JobRef // removed, whether pending or claimed
	// Deletes removes records unconditionally (missing ones are ignored); a
	// deleted record counts as version 0 afterwards.
	Deletes []RecordRef
}

// ErrNegativeTTL is returned by Commit for a Put with TTL < 0.
var ErrNegativeTTL = errors.New("store: negative record ttl")

// CheckTx validates a Tx before it is applied (shared by the stores).
func CheckTx(tx Tx) error {
	for _, p := range tx.Puts {
		if p.TTL < 0 {
			return fmt.Errorf("%s/%s ttl %s: %w", p.Bucket, p.Key, p.TTL, ErrNegativeTTL)
		}
	}
	return nil
}

// Store is the persistence every Samla replica shares.
type Store interface {
	// Get returns a record or ErrNotFound (also once its TTL passed).
	Get(ctx context.Context, bucket, key string) (Record, error)
	// Commit applies tx atomically, or returns ErrConflict and changes nothing
	// (no put, delete, expiry, index change or job).
	Commit(ctx context.Context, tx Tx) error
	// Members lists a set index, sorted.
	Members(ctx context.Context, index string) ([]string, error)

	Queue

	// Once returns true for the first caller of key within ttl, false for
	// every later one (deduplicating retries, electing one replica).
	Once(ctx context.Context, key string, ttl time.Duration) (bool, error)
	// Ping reports whether the store is usable (readiness).
	Ping(ctx context.Context) error
	Close() error
}

// Queue is a set of named due-queues with leased claims.
type Queue interface {
	// Schedule upserts jobs by (Queue, ID).
	Schedule(ctx context.Context, jobs ...Job) error
	// Cancel removes jobs, pending or claimed.
	Cancel(ctx context.Context, refs ...JobRef) error
	// Claim atomically takes up to max jobs due at or before now, leasing
	// them for lease; a job whose lease expires without Ack or Retry is due
	// again. Each claimed job carries a fresh Token and Attempts+1.
	Claim(ctx context.Context, queue string, now time.Time, lease time.Duration, max int) ([]Job, error)
	// Ack removes a claimed job (done). ErrLeaseLost if the claim is stale.
	Ack(ctx context.Context, job Job) error
	// Retry puts a claimed job back, due at due. ErrLeaseLost if stale.
	Retry(ctx context.Context, job Job, due time.Time) error
	// Pending counts jobs not yet acked (due or not, claimed or not).
	Pending(ctx context.Context, queue string) (int, error)
}

// Reclaimer is implemented by stores that record which instance claimed a
// job (an id given when the store is opened, stable across restarts).
type Reclaimer interface {
	// Reclaim makes every job of queue claimed under this store's instance
	// id pending again, due at now, with the claims revoked: a restarted
	// instance takes back at once what it held when it died, instead of
	// waiting for the leases to expire. Claims of other instances are left
	// to expire. It returns how many jobs it released (none without an
	// instance id). Only call it before this instance claims anything.
	Reclaim(ctx context.Context, queue string, now time.Time) (int, error)
}

// Backlog is implemented by stores that know how long jobs have waited.
type Backlog interface {
	// Oldest returns when the longest-waiting job of queue was scheduled:
	// the first Schedule of its id since the job was last acked or
	// cancelled (re-schedules, claims, retries and lease expiry keep that
	// time), on the store's clock. ok is false when the queue is empty.
	Oldest(ctx context.Context, queue string) (since time.Time, ok bool, err error)
}
