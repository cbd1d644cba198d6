package slack

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/samla-sip/samla/internal/store"
	"github.com/samla-sip/samla/internal/store/bboltstore"
	"github.com/samla-sip/samla/internal/store/redisstore"
)

var redisPrefixSeq atomic.Int64

// openBbolt opens a bbolt store in a temp dir, closed after the test.
func openBbolt(t *testing.T) store.Store {
	st, err := bboltstore.Open(filepath.Join(t.TempDir(), "samla.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = st.Close() })
	return st
}

// realStores opens each store Samla serves with: bbolt in a temp dir and
// the real Redis (SAMLA_TEST_REDIS_URL) under a unique, cleaned-up prefix.
// An unreachable Redis fails the test.
func realStores() map[string]func(t *testing.T) store.Store {
	return map[string]func(t *testing.T) store.Store{
		"bbolt": openBbolt,
		"redis": func(t *testing.T) store.Store {
			u := os.Getenv("SAMLA_TEST_REDIS_URL")
			if u == "" {
				u = "redis://127.0.0.1:6379/0"
			}
			opt, err := redis.ParseURL(u)
			if err != nil {
				t.Fatalf("SAMLA_TEST_REDIS_URL: %v", err)
			}
			rdb := redis.NewClient(opt)
			ctx := context.Background()
			if err := rdb.Ping(ctx).Err(); err != nil {
				_ = rdb.Close()
				t.Fatalf("Redis at %s is unreachable (set SAMLA_TEST_REDIS_URL): %v", opt.Addr, err)
			}
			prefix := fmt.Sprintf("samla-slack-test-%d-%d-%d", os.Getpid(), time.Now().UnixNano(), redisPrefixSeq.Add(1))
			t.Cleanup(func() {
				keys, err := rdb.Keys(ctx, "{"+prefix+"}*").Result()
				if err == nil && len(keys) > 0 {
					err = rdb.Del(ctx, keys...).Err()
				}
				if err != nil {
					t.Errorf("cleanup: %v", err)
				}
				_ = rdb.Close()
			})
			return redisstore.New(rdb, prefix)
		},
	}
}

// TestRefusedRequestsLeaveStoreUnchanged sends forged, stale and oversize
// requests to every endpoint with a core that writes to the real store,
// then a genuine event three times (Slack's retries): the store holds
// exactly one write.
func TestRefusedRequestsLeaveStoreUnchanged(t *testing.T) {
	for name, open := range realStores() {
		t.Run(name, func(t *testing.T) {
			st := open(t)
			core := &storeWriter{st: st}
			tb := newTestBot(t, func(o *Options) { o.Handler = core; o.Store = st })
			ev := []byte(`{"type":"event_callback","team_id":"T1","event_id":"EvX","event":{"type":"app_mention","user":"U1","channel":"C1","text":"<@UB> ny kommun=Lund"}}`)
			cmd := []byte(url.Values{"team_id": {"T1"}, "user_id": {"U1"}, "text": {"ny kommun=Lund ålder=14 parter=bup"}}.Encode())
			big := []byte("text=" + strings.Repeat("x", maxBody+1))
			for _, path := range []string{"/slack/commands", "/slack/interactions", "/slack/events"} {
				body := cmd
				if path == "/slack/events" {
					body = ev
				}
				for _, c := range []struct {
					what   string
					r      *http.Request
					status int
				}{
					{"forged", signedRequest(path, body, testNow, "wrong-secret"), http.StatusUnauthorized},
					{"stale", signedRequest(path, body, testNow.Add(-5*time.Minute-time.Second), testSecret), http.StatusUnauthorized},
					{"oversize", signedRequest(path, big, testNow, testSecret), http.StatusRequestEntityTooLarge},
				} {
					if w := tb.do(c.r); w.Code != c.status {
						t.Errorf("%s %s: status %d, want %d", c.what, path, w.Code, c.status)
					}
				}
			}
			ctx := context.Background()
			if _, err := st.Get(ctx, "case", "1"); !errors.Is(err, store.ErrNotFound) {
				t.Fatalf("a refused request reached the store: %v", err)
			}
			for retry := range 3 {
				r := tb.signed("/slack/events", ev)
				if retry > 0 {
					r.Header.Set("X-Slack-Retry-Num", fmt.Sprint(retry))
				}
				if w := tb.do(r); w.Code != http.StatusOK {
					t.Fatalf("event delivery %d: %d", retry, w.Code)
				}
			}
			waitFor(t, "the mention's answer", func() bool { return len(tb.api.callsTo("chat.postEphemeral")) == 1 })
			if _, err := st.Get(ctx, "case", "1"); err != nil {
				t.Fatalf("genuine event not handled: %v", err)
			}
			if _, err := st.Get(ctx, "case", "2"); !errors.Is(err, store.ErrNotFound) {
				t.Fatalf("event retry handled twice: %v", err)
			}
		})
	}
}
