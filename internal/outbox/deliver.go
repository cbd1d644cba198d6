package outbox

import (
	"context"
	"errors"
	"time"

	"github.com/samla-sip/samla/internal/chat"
	"github.com/samla-sip/samla/internal/store"
)

// settleTimeout bounds the store writes that settle a job; they run even
// when the worker is stopping, so an accepted send is always recorded.
const settleTimeout = 10 * time.Second

// deliver sends one claimed job and settles it.
func (w *Worker) deliver(ctx context.Context, job store.Job) {
	settle, cancel := context.WithTimeout(context.WithoutCancel(ctx), settleTimeout)
	defer cancel()

	env, err := Decode(job)
	if err != nil {
		w.dead(settle, job, "", "decode", nil)
		return
	}
	sender, ok := w.senders[env.To.Platform]
	if !ok {
		w.dead(settle, job, env.To.Platform, "unknown_platform", nil)
		return
	}

	// A keyed message already delivered is updated in place; updates are
	// idempotent, so no sent marker is needed.
	if env.Msg.Key != "" {
		ref, version, err := lookupRef(settle, w.st, env)
		if err != nil {
			w.retry(settle, job, env, "store", w.o.Backoff(job.Attempts), nil)
			return
		}
		if version > 0 {
			err := w.call(ctx, func(c context.Context) error { return sender.Update(c, ref, env.Msg) })
			switch {
			case err == nil:
				w.done(settle, job, env, "updated")
				return
			case !errors.Is(err, chat.ErrPermanent) && !errors.Is(err, chat.ErrUnsupported):
				w.failed(ctx, settle, job, env, err)
				return
			}
			// The old message is gone (or cannot be edited): send anew.
			w.o.Log.Info("outbox: update impossible, sending anew", "job", job.ID, "platform", env.To.Platform)
		}
	}

	sent, err := alreadySent(settle, w.st, job)
	if err != nil {
		w.retry(settle, job, env, "store", w.o.Backoff(job.Attempts), nil)
		return
	}
	if sent {
		w.done(settle, job, env, "duplicate")
		return
	}
	var ref chat.Ref
	err = w.call(ctx, func(c context.Context) error {
		var err error
		ref, err = sender.Send(c, env.To, env.Msg, sentKey(job))
		return err
	})
	if err != nil {
		w.failed(ctx, settle, job, env, err)
		return
	}
	if err := markSent(settle, w.st, job, env, ref, w.o.Now(), w.o.SentTTL); err != nil {
		w.o.Log.Error("outbox: sent but not marked; a restart now could send it again", "job", job.ID, "platform", env.To.Platform, "class", "store")
	}
	w.done(settle, job, env, "sent")
}

// call runs one platform call under SendTimeout.
func (w *Worker) call(ctx context.Context, fn func(context.Context) error) error {
	c, cancel := context.WithTimeout(ctx, w.o.SendTimeout)
	defer cancel()
	return fn(c)
}

// done acks a delivered job and reports it; class says how it was
// delivered (see Metrics.Delivered).
func (w *Worker) done(ctx context.Context, job store.Job, env Envelope, class string) {
	if err := w.st.Ack(ctx, job); err != nil {
		// Lease lost: the job was re-scheduled meanwhile (a newer version
		// will be delivered) or another worker took it over.
		w.o.Log.Info("outbox: ack failed", "job", job.ID, "platform", env.To.Platform, "class", errClass(err))
	}
	if w.o.Metrics != nil {
		w.o.Metrics.Delivered(env.To.Platform, class)
	}
	if w.o.OnDelivered != nil {
		w.o.OnDelivered(job, env)
	}
}

// failed settles a job whose platform call failed.
func (w *Worker) failed(ctx, settle context.Context, job store.Job, env Envelope, err error) {
	var ra *chat.RetryAfterError
	switch {
	case ctx.Err() != nil:
		// We are stopping: hand the job back at once for the next worker.
		w.retry(settle, job, env, "stopped", 0, err)
	case errors.Is(err, chat.ErrPermanent) || errors.Is(err, chat.ErrUnsupported):
		w.dead(settle, job, env.To.Platform, "permanent", err)
	case job.Attempts >= w.o.MaxAttempts:
		w.dead(settle, job, env.To.Platform, "gave_up", err)
	case errors.As(err, &ra) && ra.After > 0:
		w.retry(settle, job, env, "rate_limited", ra.After, err)
	default:
		w.retry(settle, job, env, "transient", w.o.Backoff(job.Attempts), err)
	}
}

// retry puts a job back, due after delay; cause is the platform's error
// (nil for a store failure), logged by its status and error id only.
func (w *Worker) retry(ctx context.Context, job store.Job, env Envelope, class string, delay time.Duration, cause error) {
	status, errorID := chat.FailureOf(cause)
	w.o.Log.Warn("outbox: delivery deferred", "job", job.ID, "platform", env.To.Platform, "class", class,
		"status", status, "error_id", errorID, "attempt", job.Attempts, "delay", delay)
	if err := w.st.Retry(ctx, job, w.o.Now().Add(delay)); err != nil {
		w.o.Log.Info("outbox: retry not recorded; lease expiry will re-deliver", "job", job.ID, "class", errClass(err))
	}
	if w.o.Metrics != nil {
		w.o.Metrics.Deferred(env.To.Platform, class)
	}
}

// dead records a job as a dead letter and removes it from the queue, so
// nothing is dropped silently. cause is the platform's error, if any: its
// HTTP status and error id are logged and kept, never its text.
func (w *Worker) dead(ctx context.Context, job store.Job, platform, class string, cause error) {
	status, errorID := chat.FailureOf(cause)
	w.o.Log.Error("outbox: delivery given up", "job", job.ID, "platform", platform, "class", class,
		"status", status, "error_id", errorID, "attempt", job.Attempts)
	d := DeadLetter{ID: job.ID, Platform: platform, Class: class, Status: status, ErrorID: errorID,
		Attempts: job.Attempts, At: w.o.Now(), Payload: job.Payload}
	if err := writeDead(ctx, w.st, d); err != nil {
		// Keep the job queued rather than lose it.
		w.o.Log.Error("outbox: dead letter not recorded", "job", job.ID, "class", "store")
		return
	}
	if err := w.st.Ack(ctx, job); err != nil {
		w.o.Log.Info("outbox: ack of dead letter failed", "job", job.ID, "class", errClass(err))
	}
	if w.o.Metrics != nil {
		w.o.Metrics.DeadLettered(platform, class)
	}
}

// errClass names an error for logs without its text.
func errClass(err error) string {
	switch {
	case errors.Is(err, store.ErrLeaseLost):
		return "lease_lost"
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return "timeout"
	default:
		return "store"
	}
}
