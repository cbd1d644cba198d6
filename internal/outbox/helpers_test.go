package outbox_test

import (
	"context"
	"fmt"
	"log/slog"
	"path/filepath"
	"testing"
	"time"

	"github.com/samla-sip/samla/internal/chat"
	"github.com/samla-sip/samla/internal/chat/chattest"
	"github.com/samla-sip/samla/internal/outbox"
	"github.com/samla-sip/samla/internal/store"
	"github.com/samla-sip/samla/internal/store/bboltstore"
	"github.com/samla-sip/samla/internal/testutil"
)

var t0 = time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)

func openBolt(t *testing.T, path string) *bboltstore.Store {
	t.Helper()
	st, err := bboltstore.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

func tempBolt(t *testing.T) store.Store {
	t.Helper()
	st := openBolt(t, filepath.Join(t.TempDir(), "samla.db"))
	t.Cleanup(func() { _ = st.Close() })
	return st
}

// rig is a worker on a store with a Slack and a Mattermost fake.
type rig struct {
	st    store.Store
	clock *testutil.Clock
	slack *chattest.Platform
	mm    *chattest.Platform
	w     *outbox.Worker
	logs  *testutil.SyncBuffer
	got   chan store.Job
}

func newRig(t *testing.T, st store.Store, opts outbox.Options) *rig {
	t.Helper()
	r := &rig{st: st, clock: testutil.NewClock(t0), slack: chattest.New(chat.Slack), mm: chattest.New(chat.Mattermost), logs: &testutil.SyncBuffer{}, got: make(chan store.Job, 1000)}
	if opts.Backoff == nil {
		opts.Backoff = func(attempt int) time.Duration { return time.Duration(attempt) * 10 * time.Second }
	}
	opts.Now = r.clock.Now
	opts.Log = slog.New(slog.NewTextHandler(r.logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	opts.OnDelivered = func(job store.Job, _ outbox.Envelope) { r.got <- job }
	r.w = outbox.NewWorker(st, []chat.Sender{r.slack, r.mm}, opts)
	return r
}

func addr(platform, user string) chat.Address {
	return chat.Address{Platform: platform, Workspace: "W1", User: user}
}

// enqueue writes outbox jobs due now.
func (r *rig) enqueue(t *testing.T, id string, to chat.Address, msg chat.Message) {
	t.Helper()
	job, err := outbox.NewJob(id, outbox.Envelope{To: to, Msg: msg}, r.clock.Now())
	if err != nil {
		t.Fatal(err)
	}
	if err := r.st.Schedule(context.Background(), job); err != nil {
		t.Fatal(err)
	}
}

// pass runs one DeliverDue and checks how many jobs it claimed.
func (r *rig) pass(t *testing.T, wantClaimed int) {
	t.Helper()
	n, err := r.w.DeliverDue(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if n != wantClaimed {
		t.Fatalf("at %s claimed %d jobs, want %d", r.clock.Now().Format(time.TimeOnly), n, wantClaimed)
	}
}

func (r *rig) pending(t *testing.T) int {
	t.Helper()
	n, err := r.st.Pending(context.Background(), outbox.Queue)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func texts(sent []chattest.Sent) []string {
	out := make([]string, len(sent))
	for i, s := range sent {
		out[i] = fmt.Sprintf("%s>%s", s.To.User, s.Msg.Text)
	}
	return out
}

func jobWithPayload(id string, payload []byte) store.Job {
	return store.Job{Queue: outbox.Queue, ID: id, Due: t0, Payload: payload}
}

func discardLog() *slog.Logger { return slog.New(slog.DiscardHandler) }
