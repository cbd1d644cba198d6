package main

import (
	"context"
	"encoding/json"
	"log/slog"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/samla-sip/samla/config"
	"github.com/samla-sip/samla/internal/chat"
	"github.com/samla-sip/samla/internal/chat/chattest"
	"github.com/samla-sip/samla/internal/outbox"
	"github.com/samla-sip/samla/internal/store"
)

// secretText is in every dead letter's message; the command never shows it.
const secretText = "Kallelse: hemlig uppgift om barnet"

// TestOutboxCommand lists and requeues dead letters on bbolt and on Redis.
func TestOutboxCommand(t *testing.T) {
	t.Run("bbolt", func(t *testing.T) {
		outboxCommand(t, map[string]string{"SAMLA_DATA": t.TempDir()})
	})
	t.Run("redis", func(t *testing.T) {
		prefix := testRedisPrefix("outbox")
		t.Cleanup(func() { deleteRedisPrefix(t, prefix) })
		outboxCommand(t, map[string]string{"SAMLA_STORE": "redis", "SAMLA_REDIS_URL": wireRedisURL(), "SAMLA_REDIS_PREFIX": prefix})
	})
}

func outboxCommand(t *testing.T, vars map[string]string) {
	ids := []string{"inv|SIP-AAAAAA|bup-lund", "inv|SIP-BBBBBB|skola-lund", "status|SIP-CCCCCC"}
	deadLetter(t, vars, ids)

	out := runOK(t, vars, "outbox", "list")
	for _, want := range append(slices.Clone(ids), "permanent", "403", "channel_not_found", "slack") {
		if !strings.Contains(out, want) {
			t.Errorf("list lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "hemlig") || strings.Contains(out, "U0SECRET") {
		t.Errorf("list shows message text or recipients:\n%s", out)
	}
	var views []deadLetterView
	if err := json.Unmarshal([]byte(runOK(t, vars, "outbox", "list", "--json")), &views); err != nil || len(views) != 3 {
		t.Fatalf("list --json = %+v, %v", views, err)
	}
	if v := views[0]; v.Status != 403 || v.ErrorID != "channel_not_found" || v.Class != "permanent" || v.Attempts != 1 {
		t.Errorf("first dead letter = %+v", v)
	}

	if out := runOK(t, vars, "outbox", "requeue", ids[1]); !strings.Contains(out, "requeued "+ids[1]) {
		t.Errorf("requeue ID printed %q", out)
	}
	if got := pendingIDs(t, vars); !slices.Equal(got, ids[1:2]) {
		t.Errorf("after requeue ID: pending %v, dead letters must be the others", got)
	}
	env, _, stderr := cliTestEnv(vars)
	if code := run(context.Background(), env, []string{"outbox", "requeue", "inv|SIP-ZZZZZZ|nobody"}); code != 1 || !strings.Contains(stderr.String(), "no dead letter") {
		t.Errorf("requeue of an unknown id: exit %d, %q", code, stderr)
	}
	if out := runOK(t, vars, "outbox", "requeue", "--all"); !strings.Contains(out, "2 of 2 requeued") {
		t.Errorf("requeue --all printed %q", out)
	}
	if out := runOK(t, vars, "outbox", "list"); !strings.Contains(out, "no dead letters") {
		t.Errorf("list after requeue --all:\n%s", out)
	}
	if got := pendingIDs(t, vars); len(got) != 3 {
		t.Errorf("pending after requeue --all = %v, want all 3", got)
	}
}

// runOK runs samla with args and wants exit 0; it returns stdout.
func runOK(t *testing.T, vars map[string]string, args ...string) string {
	t.Helper()
	env, stdout, stderr := cliTestEnv(vars)
	if code := run(context.Background(), env, args); code != 0 {
		t.Fatalf("samla %s: exit %d\n%s", strings.Join(args, " "), code, stderr)
	}
	return stdout.String()
}

// withStore opens the store vars configure, for fn, and closes it (bbolt
// allows one process, or here one handle, at a time).
func withStore(t *testing.T, vars map[string]string, fn func(st store.Store)) {
	t.Helper()
	cfg, err := config.Load(func(k string) string { return vars[k] }, "")
	if err != nil {
		t.Fatal(err)
	}
	st, err := openStore(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	fn(st)
}

// deadLetter makes the outbox give up on one message per id: Slack refuses
// each with 403 channel_not_found.
func deadLetter(t *testing.T, vars map[string]string, ids []string) {
	t.Helper()
	withStore(t, vars, func(st store.Store) {
		ctx := context.Background()
		slack := chattest.New(chat.Slack)
		slack.FailNext(len(ids), &chat.PlatformError{Status: 403, ID: "channel_not_found", Err: chat.ErrPermanent})
		for _, id := range ids {
			env := outbox.Envelope{To: chat.Address{Platform: chat.Slack, Workspace: "T1", User: "U0SECRET"}, Msg: chat.Message{Text: secretText}}
			job, err := outbox.NewJob(id, env, time.Now())
			if err != nil {
				t.Fatal(err)
			}
			if err := st.Schedule(ctx, job); err != nil {
				t.Fatal(err)
			}
		}
		w := outbox.NewWorker(st, []chat.Sender{slack}, outbox.Options{Log: slog.New(slog.DiscardHandler)})
		if n, err := w.DeliverDue(ctx); err != nil || n != len(ids) {
			t.Fatalf("delivered %d, %v", n, err)
		}
		if dead, err := outbox.DeadLetters(ctx, st); err != nil || len(dead) != len(ids) {
			t.Fatalf("dead letters %d, %v", len(dead), err)
		}
	})
}

// pendingIDs returns the ids of the outbox's due jobs, claimed with a
// lease of a millisecond so a later call sees them again.
func pendingIDs(t *testing.T, vars map[string]string) []string {
	t.Helper()
	var ids []string
	withStore(t, vars, func(st store.Store) {
		jobs, err := st.Claim(context.Background(), outbox.Queue, time.Now().Add(time.Second), time.Millisecond, 100)
		if err != nil {
			t.Fatal(err)
		}
		for _, j := range jobs {
			ids = append(ids, j.ID)
		}
	})
	slices.Sort(ids)
	return ids
}

// On bbolt the file belongs to one process: with samla serve holding it,
// the command says what to do instead of failing obscurely.
func TestOutboxCommandWhileBboltIsInUse(t *testing.T) {
	vars := map[string]string{"SAMLA_DATA": t.TempDir()}
	withStore(t, vars, func(store.Store) {
		env, _, stderr := cliTestEnv(vars)
		if code := run(context.Background(), env, []string{"outbox", "list"}); code != 1 || !strings.Contains(stderr.String(), "stop it first") {
			t.Errorf("list with the file in use: exit %d, %q", code, stderr)
		}
	})
}
