package main

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"
)

// go-redis's own messages (here: dial failures while Redis is down) are
// records of samla serve's JSON log, not plain-text lines on stderr.
func TestServeLogsRedisClientAsJSON(t *testing.T) {
	env, _, stderr := cliTestEnv(map[string]string{
		"SAMLA_STORE": "redis", "SAMLA_REDIS_URL": "redis://127.0.0.1:1/0", "SAMLA_REDIS_PREFIX": testRedisPrefix("down"),
	})
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if code := run(ctx, env, []string{"serve", "--listen", "127.0.0.1:0"}); code != 1 {
		t.Fatalf("serve without Redis: exit %d, want 1\n%s", code, stderr)
	}
	redisRecords := 0
	for _, line := range strings.Split(strings.TrimSpace(stderr.String()), "\n") {
		var rec struct{ Component, Detail string }
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Errorf("not a JSON record: %q", line)
			continue
		}
		if rec.Component == "redis" && strings.Contains(rec.Detail, "failed to dial") {
			redisRecords++
		}
	}
	if redisRecords == 0 {
		t.Errorf("no JSON record of go-redis's dial failure:\n%s", stderr)
	}
}
