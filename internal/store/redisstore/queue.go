package redisstore

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/samla-sip/samla/internal/store"
)

// millis is t in Unix milliseconds; times before 1970 (incl. the zero time)
// count as 0, i.e. due at once.
func millis(t time.Time) int64 {
	ms := t.UnixMilli()
	if ms < 0 {
		return 0
	}
	return ms
}

// Schedule upserts jobs by (Queue, ID).
func (s *Store) Schedule(ctx context.Context, jobs ...store.Job) error {
	return s.Commit(ctx, store.Tx{Jobs: jobs})
}

// Cancel removes jobs, pending or claimed.
func (s *Store) Cancel(ctx context.Context, refs ...store.JobRef) error {
	return s.Commit(ctx, store.Tx{Cancel: refs})
}

// claimScript: KEYS due, run, job, att, tok, seq; ARGV now ms, lease ms,
// max, token prefix. It first makes expired claims due again (at their
// deadline, token revoked), then leases up to max due jobs, oldest first,
// each with a fresh token (the prefix, then a number). It answers id, due,
// payload, attempts, token per job.
var claimScript = redis.NewScript(`
local now = tonumber(ARGV[1])
local expired = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', now, 'WITHSCORES')
for i = 1, #expired, 2 do
  redis.call('ZREM', KEYS[2], expired[i])
  redis.call('ZADD', KEYS[1], expired[i+1], expired[i])
  redis.call('HDEL', KEYS[5], expired[i])
end
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now, 'WITHSCORES', 'LIMIT', 0, tonumber(ARGV[3]))
local n = #due / 2
if n == 0 then return {} end
local last = redis.call('INCRBY', KEYS[6], n)
local deadline = now + tonumber(ARGV[2])
local out = {}
for i = 1, n do
  local id = due[2*i-1]
  local tok = ARGV[4] .. tostring(last - n + i)
  redis.call('ZREM', KEYS[1], id)
  redis.call('ZADD', KEYS[2], deadline, id)
  local att = redis.call('HINCRBY', KEYS[4], id, 1)
  redis.call('HSET', KEYS[5], id, tok)
  out[#out+1] = id
  out[#out+1] = due[2*i]
  out[#out+1] = redis.call('HGET', KEYS[3], id) or ''
  out[#out+1] = att
  out[#out+1] = tok
end
return out
`)

// Claim takes up to max jobs due at or before now, leasing them for lease
// under the store's instance id (WithInstance).
func (s *Store) Claim(ctx context.Context, queue string, now time.Time, lease time.Duration, max int) ([]store.Job, error) {
	if max <= 0 {
		return nil, ctx.Err()
	}
	q := s.queue(queue)
	keys := []string{q.due, q.run, q.job, q.att, q.tok, s.seqKey()}
	res, err := claimScript.Run(ctx, s.rdb, keys, millis(now), lease.Milliseconds(), max, s.tokenPrefix()).Slice()
	if err != nil {
		return nil, fmt.Errorf("redisstore: claim %s: %w", queue, err)
	}
	jobs := make([]store.Job, 0, len(res)/5)
	for i := 0; i+4 < len(res); i += 5 {
		j, err := decodeClaimed(queue, res[i:i+5])
		if err != nil {
			return nil, fmt.Errorf("redisstore: claim %s: %w", queue, err)
		}
		jobs = append(jobs, j)
	}
	return jobs, nil
}

// decodeClaimed reads one job of the claim script's answer.
func decodeClaimed(queue string, f []any) (store.Job, error) {
	id, _ := f[0].(string)
	dueS, _ := f[1].(string)
	payload, _ := f[2].(string)
	att, _ := f[3].(int64)
	tok, _ := f[4].(string)
	due, err := strconv.ParseFloat(dueS, 64)
	if err != nil || id == "" || tok == "" {
		return store.Job{}, fmt.Errorf("bad claim reply %v", f)
	}
	return store.Job{
		Queue: queue, ID: id, Due: time.UnixMilli(int64(due)), Payload: []byte(payload),
		Attempts: int(att), Token: tok,
	}, nil
}

// ackScript: KEYS run, job, att, tok, since; ARGV id, token.
var ackScript = redis.NewScript(`
if redis.call('HGET', KEYS[4], ARGV[1]) ~= ARGV[2] then return 0 end
redis.call('ZREM', KEYS[1], ARGV[1])
redis.call('HDEL', KEYS[2], ARGV[1])
redis.call('HDEL', KEYS[3], ARGV[1])
redis.call('HDEL', KEYS[4], ARGV[1])
redis.call('ZREM', KEYS[5], ARGV[1])
return 1
`)

// Ack removes a claimed job, or returns store.ErrLeaseLost.
func (s *Store) Ack(ctx context.Context, job store.Job) error {
	q := s.queue(job.Queue)
	ok, err := ackScript.Run(ctx, s.rdb, []string{q.run, q.job, q.att, q.tok, q.since}, job.ID, job.Token).Int()
	if err != nil {
		return fmt.Errorf("redisstore: ack %s/%s: %w", job.Queue, job.ID, err)
	}
	if ok != 1 {
		return fmt.Errorf("redisstore: ack %s/%s: %w", job.Queue, job.ID, store.ErrLeaseLost)
	}
	return nil
}

// retryScript: KEYS due, run, tok; ARGV id, token, due ms.
var retryScript = redis.NewScript(`
if redis.call('HGET', KEYS[3], ARGV[1]) ~= ARGV[2] then return 0 end
redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('ZADD', KEYS[1], ARGV[3], ARGV[1])
redis.call('HDEL', KEYS[3], ARGV[1])
return 1
`)

// Retry makes a claimed job pending again, due at due.
func (s *Store) Retry(ctx context.Context, job store.Job, due time.Time) error {
	q := s.queue(job.Queue)
	ok, err := retryScript.Run(ctx, s.rdb, []string{q.due, q.run, q.tok}, job.ID, job.Token, millis(due)).Int()
	if err != nil {
		return fmt.Errorf("redisstore: retry %s/%s: %w", job.Queue, job.ID, err)
	}
	if ok != 1 {
		return fmt.Errorf("redisstore: retry %s/%s: %w", job.Queue, job.ID, store.ErrLeaseLost)
	}
	return nil
}

// Pending counts a queue's jobs, claimed or not.
func (s *Store) Pending(ctx context.Context, queue string) (int, error) {
	q := s.queue(queue)
	var due, run *redis.IntCmd
	_, err := s.rdb.TxPipelined(ctx, func(p redis.Pipeliner) error {
		due = p.ZCard(ctx, q.due)
		run = p.ZCard(ctx, q.run)
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("redisstore: pending %s: %w", queue, err)
	}
	return int(due.Val() + run.Val()), nil
}
