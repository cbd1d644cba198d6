package redisstore

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/redis/go-redis/v9"
)

// An export is JSON lines: an exportHeader, then one exportedKey per key.
// Keys and values are bytes (base64 in JSON), so any content survives and
// the file loads into any Redis version (unlike DUMP payloads). Keys are
// stored without the store's "{prefix}" hash tag, so an export can be
// imported under another prefix.
const exportFormat = "samla-redis-export"

type exportHeader struct {
	Format  string    `json:"format"`
	Version int       `json:"version"`
	Prefix  string    `json:"prefix"`
	Created time.Time `json:"created"`
	Keys    int       `json:"keys"`
}

type exportedKey struct {
	Key  []byte `json:"key"`  // after "{prefix}"
	Type string `json:"type"` // hash, set, zset or string
	// ExpiresAt is the key's expiry in Unix milliseconds (Redis clock);
	// 0 = none. Import sets the same deadline, so a key that expired in
	// the meantime is not brought back.
	ExpiresAt int64 `json:"expires_at_ms,omitempty"`
	// Values: hash field, value, field, value…; set members; zset member,
	// score, member, score…; string value.
	Values [][]byte `json:"values"`
}

// exportScript reads every key matching ARGV[1] in one atomic step, so the
// export is a consistent snapshot even while replicas write. KEYS[1] is
// one of the store's keys, only so that Cluster runs the script on the node
// holding the store's hash slot. Returns {now ms, {key, type, pttl,
// values}...}.
var exportScript = redis.NewScript(`
local t = redis.call("TIME")
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local out, seen, cursor = {}, {}, "0"
repeat
  local r = redis.call("SCAN", cursor, "MATCH", ARGV[1], "COUNT", 1000)
  cursor = r[1]
  for _, k in ipairs(r[2]) do
    if not seen[k] then
      seen[k] = true
      local typ = redis.call("TYPE", k)["ok"]
      local v
      if typ == "hash" then v = redis.call("HGETALL", k)
      elseif typ == "set" then v = redis.call("SMEMBERS", k)
      elseif typ == "zset" then v = redis.call("ZRANGE", k, 0, -1, "WITHSCORES")
      elseif typ == "string" then v = {redis.call("GET", k)}
      end
      if v then out[#out + 1] = {k, typ, redis.call("PTTL", k), v} end
    end
  end
until cursor == "0"
return {now, out}
`)

// Export writes every key of the store to w as one consistent snapshot
// and returns how many keys it wrote. The snapshot is taken by one Lua
// script, which blocks Redis while it reads: fine for Samla's data (cases,
// invitations, reminders), which is small.
func (s *Store) Export(ctx context.Context, w io.Writer) (int, error) {
	res, err := exportScript.Run(ctx, s.rdb, []string{s.seqKey()}, globEscape(s.base)+":*").Slice()
	if err != nil {
		return 0, fmt.Errorf("redisstore: export: %w", err)
	}
	keys, err := decodeExport(res, s.base)
	if err != nil {
		return 0, fmt.Errorf("redisstore: export: %w", err)
	}
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	prefix := strings.TrimSuffix(strings.TrimPrefix(s.base, "{"), "}")
	if err := enc.Encode(exportHeader{Format: exportFormat, Version: 1, Prefix: prefix, Created: time.Now().UTC(), Keys: len(keys)}); err != nil {
		return 0, fmt.Errorf("redisstore: export: %w", err)
	}
	for _, k := range keys {
		if err := enc.Encode(k); err != nil {
			return 0, fmt.Errorf("redisstore: export: %w", err)
		}
	}
	if err := bw.Flush(); err != nil {
		return 0, fmt.Errorf("redisstore: export: %w", err)
	}
	return len(keys), nil
}

func decodeExport(res []any, base string) ([]exportedKey, error) {
	if len(res) != 2 {
		return nil, errors.New("unexpected script reply")
	}
	now, _ := res[0].(int64)
	items, _ := res[1].([]any)
	keys := make([]exportedKey, 0, len(items))
	for _, it := range items {
		f, ok := it.([]any)
		if !ok || len(f) != 4 {
			return nil, errors.New("unexpected script reply")
		}
		name, _ := f[0].(string)
		typ, _ := f[1].(string)
		pttl, _ := f[2].(int64)
		vals, _ := f[3].([]any)
		if pttl == -2 { // expired while read
			continue
		}
		k := exportedKey{Key: []byte(strings.TrimPrefix(name, base)), Type: typ, Values: make([][]byte, len(vals))}
		if pttl >= 0 {
			k.ExpiresAt = now + pttl
		}
		for i, v := range vals {
			str, _ := v.(string)
			k.Values[i] = []byte(str)
		}
		keys = append(keys, k)
	}
	return keys, nil
}

// ErrNotEmpty is returned by Import when the store already holds keys and
// replace was not asked for.
var ErrNotEmpty = errors.New("redisstore: the store's prefix already holds keys")

// Import loads an Export into the store in one MULTI/EXEC transaction and
// returns how many keys it wrote. With replace, the store's keys are
// deleted first (in the same transaction); without, Import refuses a
// store that holds any key. Keys keep their expiry deadlines; one already
// past is not written.
func (s *Store) Import(ctx context.Context, r io.Reader, replace bool) (int, error) {
	keys, err := readExport(r)
	if err != nil {
		return 0, err
	}
	existing, err := s.keys(ctx)
	if err != nil {
		return 0, err
	}
	if len(existing) > 0 && !replace {
		return 0, fmt.Errorf("%w (%d keys under %s)", ErrNotEmpty, len(existing), s.base)
	}
	now, err := s.rdb.Time(ctx).Result()
	if err != nil {
		return 0, fmt.Errorf("redisstore: import: %w", err)
	}
	written := 0
	_, err = s.rdb.TxPipelined(ctx, func(p redis.Pipeliner) error {
		if len(existing) > 0 {
			p.Del(ctx, existing...)
		}
		for _, k := range keys {
			if k.ExpiresAt != 0 && k.ExpiresAt <= now.UnixMilli() {
				continue
			}
			if err := s.restoreKey(ctx, p, k); err != nil {
				return err
			}
			written++
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("redisstore: import: %w", err)
	}
	return written, nil
}

func readExport(r io.Reader) ([]exportedKey, error) {
	dec := json.NewDecoder(bufio.NewReader(r))
	var h exportHeader
	if err := dec.Decode(&h); err != nil || h.Format != exportFormat {
		return nil, fmt.Errorf("redisstore: import: not a Samla Redis export (its first line must be a %q header)", exportFormat)
	}
	if h.Version != 1 {
		return nil, fmt.Errorf("redisstore: import: export version %d is newer than this samla understands (1)", h.Version)
	}
	keys := make([]exportedKey, 0, h.Keys)
	for {
		var k exportedKey
		err := dec.Decode(&k)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("redisstore: import: key %d: %w", len(keys)+1, err)
		}
		keys = append(keys, k)
	}
	if len(keys) != h.Keys {
		return nil, fmt.Errorf("redisstore: import: the export is truncated: %d of %d keys", len(keys), h.Keys)
	}
	return keys, nil
}

func (s *Store) restoreKey(ctx context.Context, p redis.Pipeliner, k exportedKey) error {
	name := s.base + string(k.Key)
	args := make([]any, len(k.Values))
	for i, v := range k.Values {
		args[i] = v
	}
	switch {
	case k.Type == "string" && len(args) == 1:
		p.Set(ctx, name, args[0], 0)
	case k.Type == "hash" && len(args)%2 == 0 && len(args) > 0:
		p.HSet(ctx, name, args...)
	case k.Type == "set" && len(args) > 0:
		p.SAdd(ctx, name, args...)
	case k.Type == "zset" && len(args)%2 == 0 && len(args) > 0:
		members := make([]redis.Z, 0, len(args)/2)
		for i := 0; i < len(k.Values); i += 2 {
			score, err := strconv.ParseFloat(string(k.Values[i+1]), 64)
			if err != nil {
				return fmt.Errorf("key %q: score %q: %w", k.Key, k.Values[i+1], err)
			}
			members = append(members, redis.Z{Member: k.Values[i], Score: score})
		}
		p.ZAdd(ctx, name, members...)
	default:
		return fmt.Errorf("key %q: cannot restore type %q with %d values", k.Key, k.Type, len(args))
	}
	if k.ExpiresAt != 0 {
		p.PExpireAt(ctx, name, time.UnixMilli(k.ExpiresAt))
	}
	return nil
}

// keys lists the store's keys (SCAN on the node holding its hash slot).
func (s *Store) keys(ctx context.Context) ([]string, error) {
	pattern := globEscape(s.base) + ":*"
	var (
		mu   sync.Mutex // ForEachMaster scans the masters concurrently
		keys []string
	)
	scan := func(ctx context.Context, c redis.Cmdable) error {
		it := c.Scan(ctx, 0, pattern, 1000).Iterator()
		for it.Next(ctx) {
			mu.Lock()
			keys = append(keys, it.Val())
			mu.Unlock()
		}
		return it.Err()
	}
	var err error
	if cc, ok := s.rdb.(*redis.ClusterClient); ok {
		err = cc.ForEachMaster(ctx, func(ctx context.Context, c *redis.Client) error { return scan(ctx, c) })
	} else {
		err = scan(ctx, s.rdb)
	}
	if err != nil {
		return nil, fmt.Errorf("redisstore: list keys: %w", err)
	}
	return keys, nil
}

// globEscape quotes the characters SCAN MATCH treats specially.
func globEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune(`*?[]\`, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}
