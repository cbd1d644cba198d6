package reminders

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/samla-sip/samla/internal/chat"
	"github.com/samla-sip/samla/internal/chat/chattest"
	"github.com/samla-sip/samla/internal/outbox"
	"github.com/samla-sip/samla/internal/sip"
	"github.com/samla-sip/samla/internal/store"
)

// killAfterClaims cancels its replica the moment a claim brings the
// replica's total claimed to n or more, so the replica dies holding the
// jobs of that claim (leased, unprocessed).
type killAfterClaims struct {
	store.Store
	n       int
	claimed atomic.Int64
	held    atomic.Int64
	kill    context.CancelFunc
}

func (k *killAfterClaims) Claim(ctx context.Context, queue string, now time.Time, lease time.Duration, max int) ([]store.Job, error) {
	jobs, err := k.Store.Claim(ctx, queue, now, lease, max)
	if total := k.claimed.Add(int64(len(jobs))); total >= int64(k.n) && len(jobs) > 0 && k.held.Load() == 0 {
		k.held.Store(int64(len(jobs)))
		k.kill()
	}
	return jobs, err
}

// TestReplicasExactlyOnce runs three replicas (reminder engine + outbox
// worker each) on one Redis prefix, fires 10,000 reminders due within a
// few seconds, kills one replica while it holds claimed jobs, and checks
// at the fake platform that every reminder arrived exactly once.
func TestReplicasExactlyOnce(t *testing.T) {
	const (
		total   = 10_000
		window  = 3 * time.Second
		lease   = 2 * time.Second
		timeout = 90 * time.Second // generous: the machine is shared; it takes ~7 s alone
	)
	rdb, prefix := testRedis(t)
	w := testHours(t)
	set := testSettings(t)
	base := lt(t, w, "2026-11-25 10:00") // Wednesday
	sent := lt(t, w, "2026-11-23 10:00") // two working days before

	cases := &memCases{cases: map[string]*sip.Case{}}
	planner := NewPlanner(set, nil, nil)
	seed := newRedisStore(rdb, prefix)
	var jobs []store.Job
	for i := range total {
		c := &sip.Case{
			Ref: fmt.Sprintf("SIP-%06d", i), Consent: &sip.Consent{},
			Convener: sip.Person{Key: "conv", Name: "Karin K"},
			Invitations: []sip.Invitation{{
				ID: "i1", ContactID: fmt.Sprintf("c%d", i), State: sip.StatePending,
				Address: &chat.Address{Platform: chat.Mattermost, Workspace: "skane", User: fmt.Sprintf("u%d", i)},
				Sent:    sent.Add(window * time.Duration(i) / total),
			}},
		}
		cases.set(c)
		js, _ := planner.Plan(context.Background(), nil, c, sent)
		jobs = append(jobs, js...)
	}
	if len(jobs) != total {
		t.Fatalf("planned %d jobs, want %d", len(jobs), total)
	}
	for len(jobs) > 0 {
		n := min(len(jobs), 1000)
		if err := seed.Schedule(context.Background(), jobs[:n]...); err != nil {
			t.Fatal(err)
		}
		jobs = jobs[n:]
	}

	platform := chattest.New(chat.Mattermost)
	clock := newOffsetClock(base)
	ctx, stopAll := context.WithTimeout(context.Background(), timeout)
	defer stopAll()
	var wg sync.WaitGroup
	var victim *killAfterClaims
	for r := range 3 {
		rctx, kill := context.WithCancel(ctx)
		defer kill()
		var st store.Store = newRedisStore(rdb, prefix)
		if r == 0 {
			victim = &killAfterClaims{Store: st, n: total / 10, kill: kill}
			st = victim
		}
		eng, err := New(Deps{Store: st, Cases: cases, Directory: testDir(), Clock: clock, Settings: set,
			Lease: lease, Batch: 100, Poll: 20 * time.Millisecond, Workers: 8})
		if err != nil {
			t.Fatal(err)
		}
		ob := outbox.NewWorker(st, []chat.Sender{platform}, outbox.Options{
			Now: clock.Now, Lease: lease, Batch: 100, Poll: 20 * time.Millisecond, Parallel: 8,
			Log: discardLog(),
		})
		wg.Go(func() { _ = eng.Run(rctx) })
		wg.Go(func() { _ = ob.Run(rctx) })
	}

	start := time.Now()
	bg := context.Background()
	for {
		rem, err1 := seed.Pending(bg, QueueName)
		out, err2 := seed.Pending(bg, outbox.Queue)
		if err1 == nil && err2 == nil && rem == 0 && out == 0 {
			break
		}
		if ctx.Err() != nil {
			dead, _ := seed.Members(bg, outbox.IndexDead)
			t.Fatalf("timed out after %s: %d reminders and %d outbox jobs pending, %d sent, %d dead letters",
				time.Since(start).Round(time.Millisecond), rem, out, len(platform.Sent()), len(dead))
		}
		time.Sleep(50 * time.Millisecond)
	}
	elapsed := time.Since(start)
	stopAll()
	wg.Wait()

	perUser := map[string]int{}
	for _, s := range platform.Sent() {
		perUser[s.To.User]++
	}
	for i := range total {
		if n := perUser[fmt.Sprintf("u%d", i)]; n != 1 {
			t.Errorf("u%d got %d reminders, want exactly 1", i, n)
		}
	}
	if len(platform.Sent()) != total || len(perUser) != total {
		t.Errorf("platform accepted %d messages for %d users, want %d", len(platform.Sent()), len(perUser), total)
	}
	for key, n := range platform.Keys() {
		if calls := platform.Calls(key); n != 1 || calls != 1 {
			t.Errorf("key %s: %d accepted, %d calls", key, n, calls)
		}
	}
	if victim.held.Load() == 0 {
		t.Fatal("the killed replica held no claimed jobs: the test proved nothing")
	}
	t.Logf("%d reminders delivered exactly once by 3 replicas in %s; replica 0 killed holding %d claimed jobs (after claiming %d)",
		total, elapsed.Round(time.Millisecond), victim.held.Load(), victim.claimed.Load())
}
