package outbox_test

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"github.com/samla-sip/samla/internal/chat"
	"github.com/samla-sip/samla/internal/chat/chattest"
	"github.com/samla-sip/samla/internal/outbox"
	"github.com/samla-sip/samla/internal/store"
	"github.com/samla-sip/samla/internal/store/redisstore"
	"github.com/samla-sip/samla/internal/store/storetest"
	"github.com/samla-sip/samla/internal/testutil"
)

const (
	restartRecipients = 50
	restartPerEach    = 10
	restartTotal      = restartRecipients * restartPerEach
	restartLease      = time.Minute
)

// backend opens a store and, after the first process stopped, the store a
// restarted process gets (the same data through a new handle).
type backend struct {
	name string
	open func(t *testing.T) (first store.Store, restart func() store.Store)
}

var backends = []backend{
	{"bbolt", func(t *testing.T) (store.Store, func() store.Store) {
		path := filepath.Join(t.TempDir(), "samla.db")
		first := openBolt(t, path)
		return first, func() store.Store {
			if err := first.Close(); err != nil {
				t.Fatalf("close before restart: %v", err)
			}
			st := openBolt(t, path)
			t.Cleanup(func() { _ = st.Close() })
			return st
		}
	}},
	{"redis", func(t *testing.T) (store.Store, func() store.Store) {
		rdb, prefix := storetest.Redis(t)
		return redisstore.New(rdb, prefix), func() store.Store {
			return redisstore.New(storetest.NewClient(t), prefix)
		}
	}},
}

// enqueueMany writes restartTotal messages, restartPerEach to each of
// restartRecipients people on two platforms, in one commit per recipient.
func enqueueMany(t *testing.T, st store.Store) {
	t.Helper()
	for r := range restartRecipients {
		platform := chat.Slack
		if r%2 == 1 {
			platform = chat.Mattermost
		}
		var tx store.Tx
		for i := range restartPerEach {
			env := outbox.Envelope{To: addr(platform, fmt.Sprintf("user%02d", r)), Msg: chat.Message{Text: fmt.Sprintf("meddelande %d", i)}}
			job, err := outbox.NewJob(fmt.Sprintf("msg-%02d-%02d", r, i), env, t0)
			if err != nil {
				t.Fatal(err)
			}
			tx.Jobs = append(tx.Jobs, job)
		}
		if err := st.Commit(context.Background(), tx); err != nil {
			t.Fatal(err)
		}
	}
}

func restartOptions(c *testutil.Clock) outbox.Options {
	return outbox.Options{Now: c.Now, Lease: restartLease, Batch: 20, Parallel: 4, Poll: 5 * time.Millisecond, Log: discardLog()}
}

// drain runs DeliverDue until the outbox is empty, moving the clock past
// the lease whenever nothing is due (so abandoned claims come back).
func drain(t *testing.T, w *outbox.Worker, st store.Store, c *testutil.Clock) {
	t.Helper()
	ctx := context.Background()
	for range 500 {
		n, err := w.DeliverDue(ctx)
		if err != nil {
			t.Fatal(err)
		}
		left, err := st.Pending(ctx, outbox.Queue)
		if err != nil {
			t.Fatal(err)
		}
		if left == 0 {
			return
		}
		if n == 0 {
			c.Advance(restartLease + time.Second)
		}
	}
	t.Fatal("outbox did not drain")
}

// waitSent waits until the platforms accepted at least n messages.
func waitSent(t *testing.T, n int, ps ...*chattest.Platform) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		total := 0
		for _, p := range ps {
			total += len(p.Sent())
		}
		if total >= n {
			return
		}
		time.Sleep(time.Millisecond)
	}
	t.Fatalf("fewer than %d messages sent in time", n)
}

// checkEachOnce checks every message reached its recipient, and that no
// idempotency key reached a platform more than maxCalls times.
func checkEachOnce(t *testing.T, maxCalls int, ps ...*chattest.Platform) (repeated int) {
	t.Helper()
	delivered := 0
	for _, p := range ps {
		for key, n := range p.Keys() {
			if n != 1 {
				t.Errorf("%s: key %s delivered %d times", p.Platform(), key, n)
			}
			delivered++
			if calls := p.Calls(key); calls > maxCalls {
				t.Errorf("%s: key %s sent %d times", p.Platform(), key, calls)
			} else if calls > 1 {
				repeated++
			}
		}
	}
	if delivered != restartTotal {
		t.Errorf("%d distinct messages delivered, want %d", delivered, restartTotal)
	}
	return repeated
}

// TestRestartLosesAndRepeatsNothing stops worker A (its context
// cancelled while sends are in flight), restarts on the same data, and
// lets worker B finish: every message arrives, and no idempotency key
// reaches the platform twice (counted without platform-side dedupe).
func TestRestartLosesAndRepeatsNothing(t *testing.T) {
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) {
			c := testutil.NewClock(t0)
			slack := chattest.New(chat.Slack, chattest.WithLatency(2*time.Millisecond))
			mm := chattest.New(chat.Mattermost, chattest.WithLatency(2*time.Millisecond))
			senders := []chat.Sender{slack, mm}
			stA, restart := b.open(t)
			enqueueMany(t, stA)

			ctx, cancel := context.WithCancel(context.Background())
			done := make(chan error)
			go func() { done <- outbox.NewWorker(stA, senders, restartOptions(c)).Run(ctx) }()
			waitSent(t, restartTotal/3, slack, mm)
			cancel()
			if err := <-done; err != nil {
				t.Fatalf("worker A: %v", err)
			}
			sentByA := len(slack.Sent()) + len(mm.Sent())
			if slack.Interrupted()+mm.Interrupted() == 0 {
				t.Fatal("no send was in flight when worker A stopped")
			}
			if sentByA >= restartTotal {
				t.Fatalf("worker A sent everything (%d) before it was stopped", sentByA)
			}

			stB := restart()
			drain(t, outbox.NewWorker(stB, senders, restartOptions(c)), stB, c)
			if repeated := checkEachOnce(t, 1, slack, mm); repeated != 0 {
				t.Errorf("%d keys repeated", repeated)
			}
			t.Logf("worker A sent %d (%d cut off in flight), worker B %d", sentByA, slack.Interrupted()+mm.Interrupted(), restartTotal-sentByA)
		})
	}
}

// TestCrash kills worker A's process at the worst moments: right after a
// platform accepted a message (before the sent marker), and right after
// the marker (before the ack). After the restart nothing is lost; a
// repeat happens only in the first window, and carries the same
// idempotency key, so a platform honouring keys shows it once.
func TestCrash(t *testing.T) {
	tests := []struct {
		name       string
		afterMark  bool // crash after the marker instead of after the send
		wantRepeat int
	}{
		{"after send before marker", false, 1},
		{"after marker before ack", true, 0},
	}
	for _, b := range backends {
		for _, tc := range tests {
			t.Run(b.name+"/"+tc.name, func(t *testing.T) {
				c := testutil.NewClock(t0)
				slack := chattest.New(chat.Slack, chattest.WithDedupe())
				mm := chattest.New(chat.Mattermost, chattest.WithDedupe())
				stA, restart := b.open(t)
				enqueueMany(t, stA)

				var crashed atomic.Bool
				left := new(atomic.Int64)
				left.Store(restartTotal / 3)
				dying := &crashStore{Store: stA, crashed: &crashed}
				var senders []chat.Sender
				for _, p := range []*chattest.Platform{slack, mm} {
					cs := &crashSender{Sender: p, crashed: &crashed}
					if !tc.afterMark {
						cs.sendsLeft = left
					}
					senders = append(senders, cs)
				}
				if tc.afterMark {
					dying.marksLeft = left
				}
				// One delivery at a time, so the crash hits exactly one
				// message in its window.
				opts := restartOptions(c)
				opts.Parallel = 1
				wA := outbox.NewWorker(dying, senders, opts)
				for !crashed.Load() {
					if _, err := wA.DeliverDue(context.Background()); err != nil && !crashed.Load() {
						t.Fatal(err)
					}
				}

				stB := restart()
				drain(t, outbox.NewWorker(stB, []chat.Sender{slack, mm}, restartOptions(c)), stB, c)
				if repeated := checkEachOnce(t, 2, slack, mm); repeated != tc.wantRepeat {
					t.Errorf("%d keys sent twice, want %d", repeated, tc.wantRepeat)
				}
			})
		}
	}
}

var errDead = errors.New("process crashed")

// crashStore is a store seen from a process that dies: once crashed, no
// call reaches the data any more. With marksLeft set, it crashes right
// after that many sent markers were written.
type crashStore struct {
	store.Store
	crashed   *atomic.Bool
	marksLeft *atomic.Int64
}

func (s *crashStore) alive() error {
	if s.crashed.Load() {
		return errDead
	}
	return nil
}

func (s *crashStore) Get(ctx context.Context, bucket, key string) (store.Record, error) {
	if err := s.alive(); err != nil {
		return store.Record{}, err
	}
	return s.Store.Get(ctx, bucket, key)
}

func (s *crashStore) Commit(ctx context.Context, tx store.Tx) error {
	if err := s.alive(); err != nil {
		return err
	}
	err := s.Store.Commit(ctx, tx)
	if err == nil && s.marksLeft != nil && len(tx.Puts) > 0 && tx.Puts[0].Bucket == outbox.BucketSent {
		if s.marksLeft.Add(-1) == 0 {
			s.crashed.Store(true)
		}
	}
	return err
}

func (s *crashStore) Claim(ctx context.Context, queue string, now time.Time, lease time.Duration, max int) ([]store.Job, error) {
	if err := s.alive(); err != nil {
		return nil, err
	}
	return s.Store.Claim(ctx, queue, now, lease, max)
}

func (s *crashStore) Ack(ctx context.Context, job store.Job) error {
	if err := s.alive(); err != nil {
		return err
	}
	return s.Store.Ack(ctx, job)
}

func (s *crashStore) Retry(ctx context.Context, job store.Job, due time.Time) error {
	if err := s.alive(); err != nil {
		return err
	}
	return s.Store.Retry(ctx, job, due)
}

// crashSender stops sending once crashed; with sendsLeft set it crashes
// the process right after the platform accepted that many messages.
type crashSender struct {
	chat.Sender
	crashed   *atomic.Bool
	sendsLeft *atomic.Int64
}

func (s *crashSender) Send(ctx context.Context, to chat.Address, msg chat.Message, key string) (chat.Ref, error) {
	if s.crashed.Load() {
		return chat.Ref{}, errDead
	}
	ref, err := s.Sender.Send(ctx, to, msg, key)
	if err == nil && s.sendsLeft != nil && s.sendsLeft.Add(-1) == 0 {
		s.crashed.Store(true)
	}
	return ref, err
}

// TestReplicasShareTheOutbox runs three workers on one store at once (as
// three replicas would): every message is sent exactly once.
func TestReplicasShareTheOutbox(t *testing.T) {
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) {
			c := testutil.NewClock(t0)
			slack := chattest.New(chat.Slack, chattest.WithLatency(time.Millisecond))
			mm := chattest.New(chat.Mattermost, chattest.WithLatency(time.Millisecond))
			st, _ := b.open(t)
			enqueueMany(t, st)
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			done := make(chan error, 3)
			for range 3 {
				w := outbox.NewWorker(st, []chat.Sender{slack, mm}, restartOptions(c))
				go func() { done <- w.Run(ctx) }()
			}
			waitSent(t, restartTotal, slack, mm)
			cancel()
			for range 3 {
				if err := <-done; err != nil {
					t.Fatal(err)
				}
			}
			if n, err := st.Pending(context.Background(), outbox.Queue); err != nil || n != 0 {
				t.Fatalf("pending %d, %v", n, err)
			}
			if repeated := checkEachOnce(t, 1, slack, mm); repeated != 0 {
				t.Errorf("%d keys repeated", repeated)
			}
		})
	}
}
