package redisstore

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"

	"github.com/redis/go-redis/v9"

	"github.com/samla-sip/samla/internal/store"
)

// Get returns a record or store.ErrNotFound.
func (s *Store) Get(ctx context.Context, bucket, key string) (store.Record, error) {
	var val, ver *redis.StringCmd
	_, err := s.rdb.TxPipelined(ctx, func(p redis.Pipeliner) error {
		val = p.HGet(ctx, s.recKey(bucket), key)
		ver = p.HGet(ctx, s.verKey(bucket), key)
		return nil
	})
	if errors.Is(err, redis.Nil) {
		return store.Record{}, fmt.Errorf("redisstore: get %s/%s: %w", bucket, key, store.ErrNotFound)
	}
	if err != nil {
		return store.Record{}, fmt.Errorf("redisstore: get %s/%s: %w", bucket, key, err)
	}
	version, err := strconv.ParseInt(ver.Val(), 10, 64)
	if err != nil {
		return store.Record{}, fmt.Errorf("redisstore: get %s/%s: version %q: %w", bucket, key, ver.Val(), err)
	}
	return store.Record{Bucket: bucket, Key: key, Value: []byte(val.Val()), Version: version}, nil
}

// commitScript applies a Tx. ARGV[1..4] are the counts of puts, index ops,
// jobs and cancels; then, in KEYS and ARGV order:
//   - put: KEYS rec, ver; ARGV key, value, expected version, new version
//   - index op: KEYS set; ARGV member, "1" to remove
//   - job: KEYS due, run, job, att, tok; ARGV id, due ms, payload
//   - cancel: KEYS due, run, job, att, tok; ARGV id
//
// It checks every version before writing anything and answers "CONFLICT"
// (changing nothing) or "OK".
var commitScript = redis.NewScript(`
local np, ni, nj, nc = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
local k, a = 1, 5
for i = 1, np do
  local cur = redis.call('HGET', KEYS[k+1], ARGV[a]) or '0'
  if cur ~= ARGV[a+2] then return 'CONFLICT' end
  k, a = k + 2, a + 4
end
k, a = 1, 5
for i = 1, np do
  redis.call('HSET', KEYS[k], ARGV[a], ARGV[a+1])
  redis.call('HSET', KEYS[k+1], ARGV[a], ARGV[a+3])
  k, a = k + 2, a + 4
end
for i = 1, ni do
  if ARGV[a+1] == '1' then
    redis.call('SREM', KEYS[k], ARGV[a])
  else
    redis.call('SADD', KEYS[k], ARGV[a])
  end
  k, a = k + 1, a + 2
end
for i = 1, nj do
  local id = ARGV[a]
  redis.call('ZREM', KEYS[k+1], id)
  redis.call('ZADD', KEYS[k], ARGV[a+1], id)
  redis.call('HSET', KEYS[k+2], id, ARGV[a+2])
  redis.call('HSET', KEYS[k+3], id, 0)
  redis.call('HDEL', KEYS[k+4], id)
  k, a = k + 5, a + 3
end
for i = 1, nc do
  local id = ARGV[a]
  redis.call('ZREM', KEYS[k], id)
  redis.call('ZREM', KEYS[k+1], id)
  redis.call('HDEL', KEYS[k+2], id)
  redis.call('HDEL', KEYS[k+3], id)
  redis.call('HDEL', KEYS[k+4], id)
  k, a = k + 5, a + 1
end
return 'OK'
`)

// Commit applies tx atomically in one script, or returns store.ErrConflict
// and changes nothing.
func (s *Store) Commit(ctx context.Context, tx store.Tx) error {
	if len(tx.Puts)+len(tx.Index)+len(tx.Jobs)+len(tx.Cancel) == 0 {
		return ctx.Err()
	}
	for _, j := range tx.Jobs {
		if j.ID == "" {
			return fmt.Errorf("redisstore: commit: queue %q: job without id", j.Queue)
		}
	}
	keys := make([]string, 0, 2*len(tx.Puts)+len(tx.Index)+5*(len(tx.Jobs)+len(tx.Cancel)))
	args := []any{len(tx.Puts), len(tx.Index), len(tx.Jobs), len(tx.Cancel)}
	for _, p := range tx.Puts {
		keys = append(keys, s.recKey(p.Bucket), s.verKey(p.Bucket))
		args = append(args, p.Key, p.Value, strconv.FormatInt(p.Version, 10), strconv.FormatInt(p.Version+1, 10))
	}
	for _, op := range tx.Index {
		keys = append(keys, s.idxKey(op.Index))
		remove := "0"
		if op.Remove {
			remove = "1"
		}
		args = append(args, op.Member, remove)
	}
	for _, j := range tx.Jobs {
		keys = append(keys, s.queue(j.Queue).all()...)
		args = append(args, j.ID, millis(j.Due), j.Payload)
	}
	for _, c := range tx.Cancel {
		keys = append(keys, s.queue(c.Queue).all()...)
		args = append(args, c.ID)
	}
	res, err := commitScript.Run(ctx, s.rdb, keys, args...).Text()
	if err != nil {
		return fmt.Errorf("redisstore: commit: %w", err)
	}
	if res == "CONFLICT" {
		return fmt.Errorf("redisstore: commit: %w", store.ErrConflict)
	}
	return nil
}

// Members lists a set index, sorted.
func (s *Store) Members(ctx context.Context, index string) ([]string, error) {
	ms, err := s.rdb.SMembers(ctx, s.idxKey(index)).Result()
	if err != nil {
		return nil, fmt.Errorf("redisstore: members %s: %w", index, err)
	}
	slices.Sort(ms)
	return ms, nil
}
