package redisstore

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/samla-sip/samla/internal/store"
)

// Get returns a record or store.ErrNotFound. A record lives either in its
// bucket's hashes (permanent) or in its own expiring hash (with a TTL).
func (s *Store) Get(ctx context.Context, bucket, key string) (store.Record, error) {
	var val, ver *redis.StringCmd
	var exp *redis.SliceCmd
	_, err := s.rdb.TxPipelined(ctx, func(p redis.Pipeliner) error {
		val = p.HGet(ctx, s.recKey(bucket), key)
		ver = p.HGet(ctx, s.verKey(bucket), key)
		exp = p.HMGet(ctx, s.ttlKey(bucket, key), "v", "n")
		return nil
	})
	if err != nil && !errors.Is(err, redis.Nil) {
		return store.Record{}, fmt.Errorf("redisstore: get %s/%s: %w", bucket, key, err)
	}
	value, version, found := val.Val(), ver.Val(), val.Err() == nil && ver.Err() == nil
	if !found {
		if fields := exp.Val(); len(fields) == 2 && fields[0] != nil && fields[1] != nil {
			value, _ = fields[0].(string)
			version, _ = fields[1].(string)
			found = true
		}
	}
	if !found {
		return store.Record{}, fmt.Errorf("redisstore: get %s/%s: %w", bucket, key, store.ErrNotFound)
	}
	n, err := strconv.ParseInt(version, 10, 64)
	if err != nil {
		return store.Record{}, fmt.Errorf("redisstore: get %s/%s: version %q: %w", bucket, key, version, err)
	}
	return store.Record{Bucket: bucket, Key: key, Value: []byte(value), Version: n}, nil
}

// commitScript applies a Tx. ARGV[1..5] are the counts of puts, index ops,
// jobs, cancels and deletes; then, in KEYS and ARGV order:
//   - put: KEYS rec, ver, ttl; ARGV key, value, expected version, new
//     version, ttl in ms ("0" = permanent)
//   - index op: KEYS set; ARGV member, "1" to remove
//   - job: KEYS due, run, job, att, tok, since; ARGV id, due ms, payload
//   - cancel: KEYS due, run, job, att, tok, since; ARGV id
//   - delete: KEYS rec, ver, ttl; ARGV key
//
// A record is either a field of the bucket's rec/ver hashes (permanent) or
// its own ttl hash {v=value, n=version} with PEXPIRE; every write moves it
// to the form it needs. An expired ttl hash is absent to the script, so it
// counts as version 0. It checks every version before writing anything and
// answers "CONFLICT" (changing nothing) or "OK".
var commitScript = redis.NewScript(`
local np, ni, nj, nc, nd = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5])
local k, a = 1, 6
for i = 1, np do
  local cur = redis.call('HGET', KEYS[k+1], ARGV[a]) or redis.call('HGET', KEYS[k+2], 'n') or '0'
  if cur ~= ARGV[a+2] then return 'CONFLICT' end
  k, a = k + 3, a + 5
end
k, a = 1, 6
for i = 1, np do
  if ARGV[a+4] == '0' then
    redis.call('DEL', KEYS[k+2])
    redis.call('HSET', KEYS[k], ARGV[a], ARGV[a+1])
    redis.call('HSET', KEYS[k+1], ARGV[a], ARGV[a+3])
  else
    redis.call('HDEL', KEYS[k], ARGV[a])
    redis.call('HDEL', KEYS[k+1], ARGV[a])
    redis.call('DEL', KEYS[k+2])
    redis.call('HSET', KEYS[k+2], 'v', ARGV[a+1], 'n', ARGV[a+3])
    redis.call('PEXPIRE', KEYS[k+2], ARGV[a+4])
  end
  k, a = k + 3, a + 5
end
for i = 1, ni do
  if ARGV[a+1] == '1' then
    redis.call('SREM', KEYS[k], ARGV[a])
  else
    redis.call('SADD', KEYS[k], ARGV[a])
  end
  k, a = k + 1, a + 2
end
local now = 0
if nj > 0 then
  local t = redis.call('TIME')
  now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end
for i = 1, nj do
  local id = ARGV[a]
  redis.call('ZREM', KEYS[k+1], id)
  redis.call('ZADD', KEYS[k], ARGV[a+1], id)
  redis.call('HSET', KEYS[k+2], id, ARGV[a+2])
  redis.call('HSET', KEYS[k+3], id, 0)
  redis.call('HDEL', KEYS[k+4], id)
  redis.call('ZADD', KEYS[k+5], 'NX', now, id)
  k, a = k + 6, a + 3
end
for i = 1, nc do
  local id = ARGV[a]
  redis.call('ZREM', KEYS[k], id)
  redis.call('ZREM', KEYS[k+1], id)
  redis.call('HDEL', KEYS[k+2], id)
  redis.call('HDEL', KEYS[k+3], id)
  redis.call('HDEL', KEYS[k+4], id)
  redis.call('ZREM', KEYS[k+5], id)
  k, a = k + 6, a + 1
end
for i = 1, nd do
  redis.call('HDEL', KEYS[k], ARGV[a])
  redis.call('HDEL', KEYS[k+1], ARGV[a])
  redis.call('DEL', KEYS[k+2])
  k, a = k + 3, a + 1
end
return 'OK'
`)

// Commit applies tx atomically in one script, or returns store.ErrConflict
// and changes nothing.
func (s *Store) Commit(ctx context.Context, tx store.Tx) error {
	if len(tx.Puts)+len(tx.Index)+len(tx.Jobs)+len(tx.Cancel)+len(tx.Deletes) == 0 {
		return ctx.Err()
	}
	if err := store.CheckTx(tx); err != nil {
		return fmt.Errorf("redisstore: commit: %w", err)
	}
	for _, j := range tx.Jobs {
		if j.ID == "" {
			return fmt.Errorf("redisstore: commit: queue %q: job without id", j.Queue)
		}
	}
	keys := make([]string, 0, 3*(len(tx.Puts)+len(tx.Deletes))+len(tx.Index)+6*(len(tx.Jobs)+len(tx.Cancel)))
	args := []any{len(tx.Puts), len(tx.Index), len(tx.Jobs), len(tx.Cancel), len(tx.Deletes)}
	for _, p := range tx.Puts {
		keys = append(keys, s.recKey(p.Bucket), s.verKey(p.Bucket), s.ttlKey(p.Bucket, p.Key))
		args = append(args, p.Key, p.Value, strconv.FormatInt(p.Version, 10), strconv.FormatInt(p.Version+1, 10), ttlMillis(p.TTL))
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
	for _, d := range tx.Deletes {
		keys = append(keys, s.recKey(d.Bucket), s.verKey(d.Bucket), s.ttlKey(d.Bucket, d.Key))
		args = append(args, d.Key)
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

// ttlMillis is a put's TTL for PEXPIRE: "0" for none, at least 1 ms.
func ttlMillis(ttl time.Duration) string {
	if ttl <= 0 {
		return "0"
	}
	return strconv.FormatInt(max(ttl.Milliseconds(), 1), 10)
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
