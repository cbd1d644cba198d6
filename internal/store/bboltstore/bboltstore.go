// Package bboltstore is the embedded, single-node store.Store: one bbolt
// file holding records, set indexes, due-queues and once-keys. Every
// operation is one bbolt transaction, so a Commit is atomic across all its
// parts and concurrent callers in one process are serialised by bbolt.
//
// Only one process may open the file at a time; a second one waits for the
// file lock up to the lock timeout and then gets ErrLocked.
package bboltstore

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	bolt "go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"

	"github.com/samla-sip/samla/internal/store"
)

// ErrLocked is returned by Open when another process holds the file.
var ErrLocked = errors.New("bboltstore: data file is in use by another process")

// Top-level buckets.
var (
	bucketRecords = []byte("records") // nested bucket per logical bucket
	bucketIndexes = []byte("indexes") // nested bucket per index
	bucketQueues  = []byte("queues")  // nested bucket per queue
	bucketOnce    = []byte("once")
	bucketOnceExp = []byte("once-exp")
	// bucketRecordExp lists records with a TTL by deadline (see expiry.go).
	bucketRecordExp = []byte("records-exp")
)

// Store is a store.Store on one bbolt file.
type Store struct {
	db       *bolt.DB
	now      func() time.Time
	instance string
}

var (
	_ store.Store     = (*Store)(nil)
	_ store.Reclaimer = (*Store)(nil)
	_ store.Backlog   = (*Store)(nil)
)

// Option configures Open.
type Option func(*options)

type options struct {
	now         func() time.Time
	lockTimeout time.Duration
	instance    string
}

// WithClock sets the clock used for once-key and record expiry (default
// time.Now).
func WithClock(now func() time.Time) Option { return func(o *options) { o.now = now } }

// WithInstance sets the id under which this store claims jobs (see
// store.Reclaimer): stable across restarts of the same installation.
func WithInstance(id string) Option { return func(o *options) { o.instance = id } }

// WithLockTimeout sets how long Open waits for another process to release
// the file (default 2s).
func WithLockTimeout(d time.Duration) Option { return func(o *options) { o.lockTimeout = d } }

// Open opens (creating if needed, with its folder) the store file at path.
func Open(path string, opts ...Option) (*Store, error) {
	o := options{now: time.Now, lockTimeout: 2 * time.Second}
	for _, opt := range opts {
		opt(&o)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("bboltstore: create folder: %w", err)
	}
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: o.lockTimeout})
	if errors.Is(err, bolterrors.ErrTimeout) {
		return nil, fmt.Errorf("%w: %s (waited %s)", ErrLocked, path, o.lockTimeout)
	}
	if err != nil {
		return nil, fmt.Errorf("bboltstore: open %s: %w", path, err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		for _, name := range [][]byte{bucketRecords, bucketIndexes, bucketQueues, bucketOnce, bucketOnceExp, bucketRecordExp} {
			if _, err := tx.CreateBucketIfNotExists(name); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		_ = db.Close()
		return nil, fmt.Errorf("bboltstore: init %s: %w", path, err)
	}
	// Writers arriving within a millisecond share one transaction and
	// fsync; a lone writer waits at most that long.
	db.MaxBatchDelay = time.Millisecond
	return &Store{db: db, now: o.now, instance: o.instance}, nil
}

// Ping reports whether the file is open and readable.
func (s *Store) Ping(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := s.db.View(func(*bolt.Tx) error { return nil }); err != nil {
		return fmt.Errorf("bboltstore: ping: %w", err)
	}
	return nil
}

// Close releases the file.
func (s *Store) Close() error {
	if err := s.db.Close(); err != nil {
		return fmt.Errorf("bboltstore: close: %w", err)
	}
	return nil
}

// update runs fn in a write transaction after checking ctx. Concurrent
// writers are batched into one transaction (one fsync) by bbolt's Batch,
// which may run fn more than once: fn must reset any state it returns.
func (s *Store) update(ctx context.Context, fn func(*bolt.Tx) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	return s.db.Batch(fn)
}

// view runs fn in a read transaction after checking ctx.
func (s *Store) view(ctx context.Context, fn func(*bolt.Tx) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	return s.db.View(fn)
}
