// Package redisstore is the shared store.Store for several replicas, on
// Redis (single node, Sentinel or Cluster through redis.UniversalClient).
//
// Every key of one store carries the hash tag {prefix}, so all of them live
// in one Cluster hash slot. That is what lets one Lua script check record
// versions, write records, change indexes and schedule jobs atomically, and
// claim jobs without a race. The trade-off: one store is served by one
// shard (plus its replicas); Cluster adds availability, not write capacity,
// for a store. Samla's data (cases, invitations, reminders) is small enough
// for one shard; run several stores with different prefixes to spread load.
//
// Layout, with P = "{prefix}":
//
//	P:rec:<bucket>      HASH key → value
//	P:ver:<bucket>      HASH key → version
//	P:ttl:<n>:<bucket>:<key>  HASH v → value, n → version, with PEXPIRE: a
//	                    record written with a TTL (n = len(bucket) in bytes,
//	                    so bucket and key cannot be confused); it lives here
//	                    instead of in rec/ver. Redis 7.0 has no per-field
//	                    hash expiry, hence one key per expiring record.
//	P:idx:<index>       SET of members
//	P:q:<queue>:due     ZSET id by due time (ms), pending jobs
//	P:q:<queue>:run     ZSET id by lease deadline (ms), claimed jobs
//	P:q:<queue>:job     HASH id → payload
//	P:q:<queue>:att     HASH id → attempts
//	P:q:<queue>:tok     HASH id → token of the current claim; the token
//	                    is "<instance>/<n>" when the store has an instance id
//	P:q:<queue>:since   ZSET id by the time (ms, Redis clock) it started
//	                    waiting: first scheduled since last acked/cancelled
//	P:seq               counter issuing claim tokens
//	P:once:<key>        string with expiry (SET NX PX)
package redisstore

import (
	"context"
	"fmt"
	"strconv"

	"github.com/redis/go-redis/v9"

	"github.com/samla-sip/samla/internal/store"
)

// Store is a store.Store on Redis.
type Store struct {
	rdb      redis.UniversalClient
	base     string // "{prefix}"
	instance string
}

var (
	_ store.Store     = (*Store)(nil)
	_ store.Reclaimer = (*Store)(nil)
	_ store.Backlog   = (*Store)(nil)
)

// Option configures New.
type Option func(*Store)

// WithInstance sets the id under which this store claims jobs (see
// store.Reclaimer): stable across restarts of one replica, different
// between replicas. It must not contain '/'.
func WithInstance(id string) Option { return func(s *Store) { s.instance = id } }

// New returns a store keeping every key under the hash tag {prefix}. The
// prefix must be non-empty and must not contain '{' or '}', or the hash tag
// (and with it atomicity on Cluster) breaks. Close closes rdb.
func New(rdb redis.UniversalClient, prefix string, opts ...Option) *Store {
	s := &Store{rdb: rdb, base: "{" + prefix + "}"}
	for _, o := range opts {
		o(s)
	}
	return s
}

func (s *Store) recKey(bucket string) string { return s.base + ":rec:" + bucket }
func (s *Store) verKey(bucket string) string { return s.base + ":ver:" + bucket }
func (s *Store) idxKey(index string) string  { return s.base + ":idx:" + index }
func (s *Store) ttlKey(bucket, key string) string {
	return s.base + ":ttl:" + strconv.Itoa(len(bucket)) + ":" + bucket + ":" + key
}
func (s *Store) seqKey() string            { return s.base + ":seq" }
func (s *Store) onceKey(key string) string { return s.base + ":once:" + key }

// queueKeys are one queue's keys, in the order the scripts take them.
type queueKeys struct{ due, run, job, att, tok, since string }

func (s *Store) queue(name string) queueKeys {
	p := s.base + ":q:" + name + ":"
	return queueKeys{due: p + "due", run: p + "run", job: p + "job", att: p + "att", tok: p + "tok", since: p + "since"}
}

func (q queueKeys) all() []string { return []string{q.due, q.run, q.job, q.att, q.tok, q.since} }

// Ping reports whether Redis answers.
func (s *Store) Ping(ctx context.Context) error {
	if err := s.rdb.Ping(ctx).Err(); err != nil {
		return fmt.Errorf("redisstore: ping: %w", err)
	}
	return nil
}

// Close closes the Redis client the store was given.
func (s *Store) Close() error {
	if err := s.rdb.Close(); err != nil {
		return fmt.Errorf("redisstore: close: %w", err)
	}
	return nil
}
