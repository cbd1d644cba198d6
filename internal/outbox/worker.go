package outbox

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/samla-sip/samla/internal/chat"
	"github.com/samla-sip/samla/internal/store"
)

// Worker delivers due outbox jobs to their platforms. Several workers (in
// one process or in several replicas) may share a store: the store's
// leased claims give each job to one of them at a time.
//
// Guarantee: every job is delivered at least once or dead-lettered. After
// the platform accepts a message the worker records a "sent" marker (and,
// for a keyed message, its Ref) before acking, and checks that marker
// before sending, so a job re-delivered after a lost lease or a restart is
// not sent again. What remains is a crash in the instant between the
// platform accepting and the marker being written: the job is then sent
// again with the same idempotency key, which platforms that honour keys
// drop. A stop through the context is not such a crash: the bookkeeping
// after an accepted send runs to completion.
type Worker struct {
	st      store.Store
	senders map[string]chat.Sender
	o       Options
	wake    chan struct{}
}

// NewWorker returns a worker delivering from st through senders (one per
// platform name).
func NewWorker(st store.Store, senders []chat.Sender, opts Options) *Worker {
	w := &Worker{st: st, senders: map[string]chat.Sender{}, o: opts.withDefaults(), wake: make(chan struct{}, 1)}
	for _, s := range senders {
		w.senders[s.Platform()] = s
	}
	return w
}

// Notify wakes Run so freshly enqueued jobs go out without waiting for the
// next poll. It never blocks.
func (w *Worker) Notify() {
	select {
	case w.wake <- struct{}{}:
	default:
	}
}

// Run delivers due jobs until ctx ends, then returns nil after the jobs in
// hand were settled.
func (w *Worker) Run(ctx context.Context) error {
	poll := time.NewTimer(0)
	defer poll.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-poll.C:
		case <-w.wake:
		}
		for ctx.Err() == nil {
			n, err := w.DeliverDue(ctx)
			if err != nil && ctx.Err() == nil {
				w.o.Log.Warn("outbox: claim failed", "class", "store")
			}
			if err != nil || n < w.o.Batch {
				break
			}
		}
		poll.Reset(w.o.Poll)
	}
}

// DeliverDue claims one batch of due jobs and settles each (sent and
// acked, retried later, or dead-lettered). It returns how many jobs it
// claimed; an error means the claim itself failed.
func (w *Worker) DeliverDue(ctx context.Context) (int, error) {
	jobs, err := w.st.Claim(ctx, Queue, w.o.Now(), w.o.Lease, w.o.Batch)
	if err != nil {
		return 0, fmt.Errorf("outbox: claim: %w", err)
	}
	// One goroutine per recipient at a time keeps each recipient's
	// messages in order; Parallel bounds how many run together.
	groups, order := groupByRecipient(jobs)
	sem := make(chan struct{}, w.o.Parallel)
	var wg sync.WaitGroup
	for _, key := range order {
		sem <- struct{}{}
		wg.Add(1)
		go func(group []store.Job) {
			defer wg.Done()
			defer func() { <-sem }()
			for _, job := range group {
				w.deliver(ctx, job)
			}
		}(groups[key])
	}
	wg.Wait()
	return len(jobs), nil
}

// groupByRecipient groups jobs by their envelope's address, keeping claim
// (due) order; undecodable jobs get a group each.
func groupByRecipient(jobs []store.Job) (map[string][]store.Job, []string) {
	groups := map[string][]store.Job{}
	var order []string
	for _, j := range jobs {
		key := "job:" + j.ID
		if env, err := Decode(j); err == nil {
			key = "to:" + env.To.String()
		}
		if _, ok := groups[key]; !ok {
			order = append(order, key)
		}
		groups[key] = append(groups[key], j)
	}
	return groups, order
}
