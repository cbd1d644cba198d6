package reminders

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strconv"
	"sync"
	"time"

	"github.com/samla-sip/samla/internal/chat"
	"github.com/samla-sip/samla/internal/outbox"
	"github.com/samla-sip/samla/internal/sip"
	"github.com/samla-sip/samla/internal/store"
)

// Deps are the engine's collaborators; tests pass fakes.
type Deps struct {
	Store     store.Store
	Cases     Cases
	Directory Directory
	Clock     Clock // nil: the system clock
	Settings  Settings
	Log       *slog.Logger
	Metrics   *Metrics // nil: not counted
	// Langs tells each recipient's language (sip.Service); nil writes to
	// everyone in Settings.Lang.
	Langs LangSource
	// Decorate, when set, adjusts each reminder about a case before it is
	// queued (the case room's "Öppna ärendet" button, sip.AddRoomButton).
	Decorate func(ctx context.Context, to chat.Address, ref string, msg *chat.Message)
	// Members tells who may press the buttons of a reminder posted to a
	// team channel (its members); nil: nobody but its recipients.
	Members chat.Membership
	// Security, when set, counts security events (sip.Event… kinds).
	Security func(platform, event string)

	Lease   time.Duration // claim lease, default 30s
	Batch   int           // jobs per claim, default 100
	Poll    time.Duration // wait when nothing is due, default 1s
	Workers int           // jobs fired in parallel per replica, default 4
}

// Engine fires due reminders, runs the daily digest and the stale-case
// sweep, and handles the snooze and stop buttons. Any number of replicas
// may run engines on one store.
type Engine struct {
	d    Deps
	plan *Planner
	rd   renderer
}

// New returns an Engine.
func New(d Deps) (*Engine, error) {
	if d.Store == nil || d.Cases == nil || d.Directory == nil || d.Settings.Hours.Loc == nil {
		return nil, errors.New("reminders: Store, Cases, Directory and Settings.Hours are required")
	}
	if d.Clock == nil {
		d.Clock = SystemClock{}
	}
	if d.Log == nil {
		d.Log = slog.New(slog.DiscardHandler)
	}
	if d.Lease <= 0 {
		d.Lease = 30 * time.Second
	}
	if d.Batch <= 0 {
		d.Batch = 100
	}
	if d.Poll <= 0 {
		d.Poll = time.Second
	}
	if d.Workers <= 0 {
		d.Workers = 4
	}
	return &Engine{d: d, plan: NewPlanner(d.Settings, d.Log, d.Metrics), rd: renderer{set: d.Settings, dir: d.Directory, langs: d.Langs}}, nil
}

// Planner returns the engine's planner (for the core's Deps.Planners),
// logging and counting like the engine.
func (e *Engine) Planner() *Planner { return e.plan }

// Run claims and fires due reminders until ctx ends. Jobs claimed when
// ctx ends stay leased and come back to some replica when the lease
// expires.
func (e *Engine) Run(ctx context.Context) error {
	for {
		n, err := e.FireDue(ctx)
		if ctx.Err() != nil {
			return nil
		}
		if err != nil {
			e.d.Log.WarnContext(ctx, "reminders: claim failed", "err", err)
			e.d.Metrics.failed(stageClaim, "")
		}
		if n == e.d.Batch && err == nil {
			continue // more may be due
		}
		select {
		case <-ctx.Done():
			return nil
		case <-e.d.Clock.After(e.d.Poll):
		}
	}
}

// FireDue claims one batch of due reminders and fires them; it returns how
// many it claimed.
func (e *Engine) FireDue(ctx context.Context) (int, error) {
	jobs, err := e.d.Store.Claim(ctx, QueueName, e.d.Clock.Now(), e.d.Lease, e.d.Batch)
	if err != nil {
		return 0, fmt.Errorf("reminders: claim: %w", err)
	}
	work := make(chan store.Job)
	var wg sync.WaitGroup
	for range min(e.d.Workers, len(jobs)) {
		wg.Go(func() {
			for job := range work {
				if err := e.fire(ctx, job); err != nil && ctx.Err() == nil {
					e.d.Log.WarnContext(ctx, "reminders: fire failed", "job", job.ID, "err", err)
					kind, _, _, _ := ParseJobID(job.ID)
					e.d.Metrics.failed(stageFire, kind)
				}
			}
		})
	}
	for _, job := range jobs {
		if ctx.Err() != nil {
			break // the rest stay leased and come back after the lease
		}
		work <- job
	}
	close(work)
	wg.Wait()
	return len(jobs), nil
}

// fire handles one claimed job: re-check, write once to the outbox, ack.
func (e *Engine) fire(ctx context.Context, job store.Job) error {
	now := e.d.Clock.Now()
	_, ref, recipient, err := ParseJobID(job.ID)
	if err != nil {
		return e.drop(ctx, job, "bad id")
	}
	firing := decodePayload(job).Due
	c, err := e.d.Cases.Case(ctx, ref)
	if errors.Is(err, store.ErrNotFound) {
		return e.drop(ctx, job, "case gone")
	}
	if err != nil {
		return e.retry(ctx, job, now.Add(time.Minute), fmt.Errorf("read case: %w", err))
	}
	rem, ok := e.plan.Wanted(c)[job.ID]
	switch {
	case !ok:
		return e.drop(ctx, job, "no longer wanted")
	case !rem.Expires.IsZero() && !now.Before(rem.Expires):
		return e.drop(ctx, job, "expired")
	case rem.Due.After(now) && rem.Due.After(firing):
		return e.retry(ctx, job, rem.Due, nil) // moved later since it was queued
	}
	prefs, _, err := loadPrefs(ctx, e.d.Store, ref, recipient)
	if err != nil {
		return e.retry(ctx, job, now.Add(time.Minute), err)
	}
	switch {
	case prefs.Stopped:
		return e.drop(ctx, job, "stopped")
	case prefs.SnoozeUntil.After(now) && !firing.Equal(prefs.SnoozeUntil):
		return e.retry(ctx, job, prefs.SnoozeUntil, nil)
	case !e.d.Settings.Hours.IsWorkingTime(now):
		return e.retry(ctx, job, e.d.Settings.Hours.NextWorkingTime(now), nil)
	}
	if err := e.write(ctx, c, rem, job.ID, firing, now); err != nil {
		return e.retry(ctx, job, now.Add(10*time.Second), err)
	}
	return e.ack(ctx, job)
}

// write puts the reminder's messages in the outbox together with the
// record that this firing was written, unless it already was. Firings are
// named by (job id, firing due), so a job re-claimed after a lost lease
// never writes twice.
func (e *Engine) write(ctx context.Context, c *sip.Case, rem Reminder, id string, firing, now time.Time) error {
	for range maxRetries {
		last, version, err := fired(ctx, e.d.Store, id)
		if err != nil {
			return err
		}
		if last.Equal(firing) {
			return nil
		}
		mark, _ := firing.MarshalText() // a valid time: cannot fail
		tx := store.Tx{Puts: []store.Put{{Bucket: bucketFired, Key: id, Value: mark, Version: version, TTL: recordTTL}}}
		msgs := e.rd.render(ctx, c, rem)
		for _, m := range msgs {
			if e.d.Decorate != nil {
				e.d.Decorate(ctx, m.to, c.Ref, &m.msg)
			}
			job, err := outbox.NewJob(outboxID(id, firing, m.suffix), outbox.Envelope{To: m.to, Msg: m.msg}, now)
			if err != nil {
				return err
			}
			tx.Jobs = append(tx.Jobs, job)
		}
		err = e.d.Store.Commit(ctx, tx)
		if errors.Is(err, store.ErrConflict) {
			continue // another replica wrote it, or a newer firing: re-read
		}
		if err != nil {
			return fmt.Errorf("write outbox: %w", err)
		}
		if len(msgs) == 0 {
			e.d.Log.InfoContext(ctx, "reminders: no chat address, nothing sent", "job", id)
			e.d.Metrics.failed(stageUnreachable, rem.Kind)
			return nil
		}
		e.d.Metrics.wrote(rem.Kind)
		return nil
	}
	return fmt.Errorf("write outbox %s: %w", id, store.ErrConflict)
}

// outboxID names the outbox job of one message of a firing.
func outboxID(id string, firing time.Time, suffix string) string {
	oid := "reminder|" + id + "|" + strconv.FormatInt(firing.UnixNano(), 10)
	if suffix != "" {
		oid += "|" + suffix
	}
	return oid
}

func (e *Engine) ack(ctx context.Context, job store.Job) error {
	err := e.d.Store.Ack(ctx, job)
	if errors.Is(err, store.ErrLeaseLost) {
		// Re-claimed or re-scheduled meanwhile; the fired record keeps the
		// next claim from writing again.
		return nil
	}
	if err != nil {
		return fmt.Errorf("ack: %w", err)
	}
	return nil
}

func (e *Engine) drop(ctx context.Context, job store.Job, why string) error {
	e.d.Log.DebugContext(ctx, "reminders: dropped", "job", job.ID, "why", why)
	return e.ack(ctx, job)
}

func (e *Engine) retry(ctx context.Context, job store.Job, at time.Time, cause error) error {
	err := e.d.Store.Retry(ctx, job, at)
	if err != nil && !errors.Is(err, store.ErrLeaseLost) {
		return errors.Join(cause, fmt.Errorf("retry: %w", err))
	}
	return cause
}
