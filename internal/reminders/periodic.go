package reminders

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/robfig/cron/v3"

	"github.com/samla-sip/samla/internal/chat"
	"github.com/samla-sip/samla/internal/i18n"
	"github.com/samla-sip/samla/internal/outbox"
	"github.com/samla-sip/samla/internal/sip"
	"github.com/samla-sip/samla/internal/store"
)

// Periodic job names.
const (
	JobDigest = "digest"
	JobSweep  = "sweep"
)

// sweepTime is when the stale-case sweep runs (local time, daily).
const sweepTime = "07:30"

// onceTTL keeps a periodic firing's lock long enough that no replica with
// a slow clock takes it again.
const onceTTL = 48 * time.Hour

// RunPeriodic runs the daily digest (at Settings.DigestTime) and the
// stale-case sweep in the working hours' time zone until ctx ends. Every
// replica runs it; each firing is taken by one replica only, through
// store.Once("cron|<job>|<scheduled time>").
func (e *Engine) RunPeriodic(ctx context.Context) error {
	digest, err := e.schedule(e.d.Settings.DigestTime)
	if err != nil {
		return err
	}
	sweep, err := e.schedule(sweepTime)
	if err != nil {
		return err
	}
	var wg sync.WaitGroup
	wg.Go(func() { e.every(ctx, JobDigest, digest, e.Digest) })
	wg.Go(func() { e.every(ctx, JobSweep, sweep, e.Sweep) })
	wg.Wait()
	return nil
}

// schedule parses a daily "HH:MM" into a cron schedule in the zone.
func (e *Engine) schedule(hhmm string) (cron.Schedule, error) {
	d, err := ParseClock(hhmm)
	if err != nil {
		return nil, err
	}
	spec := fmt.Sprintf("CRON_TZ=%s %d %d * * *", e.d.Settings.Hours.Loc, int(d%time.Hour/time.Minute), int(d/time.Hour))
	s, err := cron.ParseStandard(spec)
	if err != nil {
		return nil, fmt.Errorf("reminders: schedule %q: %w", spec, err)
	}
	return s, nil
}

// every runs fn at each time of sched on the engine's clock, on the one
// replica that wins the firing.
func (e *Engine) every(ctx context.Context, name string, sched cron.Schedule, fn func(context.Context, time.Time) error) {
	for {
		now := e.d.Clock.Now()
		next := sched.Next(now)
		select {
		case <-ctx.Done():
			return
		case <-e.d.Clock.After(next.Sub(now)):
		}
		if err := e.RunOnce(ctx, name, next, fn); err != nil && ctx.Err() == nil {
			e.d.Log.WarnContext(ctx, "reminders: periodic job failed", "job", name, "err", err)
			e.d.Metrics.failed(stagePeriodic, "")
		}
	}
}

// RunOnce runs fn for the firing of job name scheduled at at, unless
// another replica already took that firing.
func (e *Engine) RunOnce(ctx context.Context, name string, at time.Time, fn func(context.Context, time.Time) error) error {
	first, err := e.d.Store.Once(ctx, "cron|"+name+"|"+at.UTC().Format(time.RFC3339), onceTTL)
	if err != nil {
		return fmt.Errorf("reminders: %s lock: %w", name, err)
	}
	if !first {
		return nil
	}
	return fn(ctx, at)
}

// openCases reads every open case.
func (e *Engine) openCases(ctx context.Context) ([]*sip.Case, error) {
	refs, err := e.d.Cases.OpenCases(ctx)
	if err != nil {
		return nil, fmt.Errorf("reminders: open cases: %w", err)
	}
	out := make([]*sip.Case, 0, len(refs))
	for _, ref := range refs {
		c, err := e.d.Cases.Case(ctx, ref)
		if errors.Is(err, store.ErrNotFound) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("reminders: case %s: %w", ref, err)
		}
		if c.Closed == nil {
			out = append(out, c)
		}
	}
	return out, nil
}

// sweepHorizon is how far back the sweep recovers reminders never sent.
const sweepHorizon = 7 * 24 * time.Hour

// Sweep is the daily safety net for stale cases. Every reminder an open
// case calls for that fell due within the last week, has not expired and
// was never sent is queued again: above all the flag for a case whose
// meeting passed without a follow-up date, but also reminders of cases
// that changed before reminders were deployed, or of a lost job. It never
// repeats a sent reminder (the fired record) and skips stopped
// recipients. It then deletes the snooze and stop prefs of closed cases
// with no reminder left to send.
func (e *Engine) Sweep(ctx context.Context, at time.Time) error {
	errQueue := e.requeueUnsent(ctx, at)
	n, errPrune := e.prunePrefs(ctx, at)
	if n > 0 {
		e.d.Log.InfoContext(ctx, "reminders: sweep deleted prefs of closed cases", "cases", n)
	}
	return errors.Join(errQueue, errPrune)
}

// requeueUnsent queues again what an open case still wants but was never
// sent (see Sweep).
func (e *Engine) requeueUnsent(ctx context.Context, at time.Time) error {
	cases, err := e.openCases(ctx)
	if err != nil {
		return err
	}
	due := e.d.Settings.Hours.NextWorkingTime(at)
	var jobs []store.Job
	for _, c := range cases {
		for _, rem := range e.plan.Wanted(c) {
			if rem.Due.After(at) || !rem.Due.After(at.Add(-sweepHorizon)) ||
				!rem.Expires.IsZero() && !due.Before(rem.Expires) {
				continue
			}
			last, _, err := fired(ctx, e.d.Store, rem.ID())
			if err != nil {
				return err
			}
			if !last.Before(rem.Due) {
				continue // sent (or snoozed and sent later)
			}
			prefs, _, err := loadPrefs(ctx, e.d.Store, c.Ref, rem.Recipient)
			if err != nil {
				return err
			}
			if prefs.Stopped {
				continue
			}
			jobs = append(jobs, rem.job(rem.Due, due))
		}
	}
	if len(jobs) == 0 {
		return nil
	}
	sortJobs(jobs, nil)
	if err := e.d.Store.Schedule(ctx, jobs...); err != nil {
		return fmt.Errorf("reminders: sweep: %w", err)
	}
	e.d.Log.InfoContext(ctx, "reminders: sweep queued unsent reminders", "count", len(jobs))
	return nil
}

// Digest sends each convener one message listing their open cases that
// need action. It runs on working days only.
func (e *Engine) Digest(ctx context.Context, at time.Time) error {
	h := e.d.Settings.Hours
	if !h.IsWorkingDay(at) {
		return nil
	}
	cases, err := e.openCases(ctx)
	if err != nil {
		return err
	}
	type digest struct {
		to    chat.Address
		lines []string
	}
	byConvener := map[string]*digest{}
	for _, c := range cases {
		items := e.needs(langOf(ctx, e.d.Langs, e.d.Settings.Lang, c.Convener.Address), c, at)
		if len(items) == 0 {
			continue
		}
		prefs, _, err := loadPrefs(ctx, e.d.Store, c.Ref, c.Convener.Key)
		if err != nil {
			return err
		}
		if prefs.Stopped {
			continue
		}
		d := byConvener[c.Convener.Key]
		if d == nil {
			d = &digest{to: c.Convener.Address}
			byConvener[c.Convener.Key] = d
		}
		d.lines = append(d.lines, "• *"+c.Ref+"*: "+strings.Join(items, "; "))
	}
	date := at.In(h.Loc).Format(time.DateOnly)
	var jobs []store.Job
	for key, d := range byConvener {
		slices.Sort(d.lines)
		lang := langOf(ctx, e.d.Langs, e.d.Settings.Lang, d.to)
		msg := chat.Message{Title: tr(lang, "digest.title"), Text: strings.Join(d.lines, "\n")}
		job, err := outbox.NewJob("digest|"+key+"|"+date, outbox.Envelope{To: d.to, Msg: msg}, at)
		if err != nil {
			return err
		}
		jobs = append(jobs, job)
	}
	if len(jobs) == 0 {
		return nil
	}
	sortJobs(jobs, nil)
	if err := e.d.Store.Schedule(ctx, jobs...); err != nil {
		return fmt.Errorf("reminders: digest: %w", err)
	}
	return nil
}

// needs lists what a case's convener should do, in the digest's words.
func (e *Engine) needs(lang i18n.Lang, c *sip.Case, now time.Time) []string {
	var out []string
	if c.Consent == nil {
		return append(out, tr(lang, "digest.consent"))
	}
	// Once the meeting is recorded as held (also afterwards, with no
	// meeting booked in Samla), answers to the invitation no longer matter.
	held := c.Held != nil
	pending := 0
	for _, in := range c.Invitations {
		if in.State == sip.StatePending {
			pending++
		}
	}
	if pending > 0 && !held {
		out = append(out, tr(lang, "digest.pending", pending))
	}
	switch m := c.Meeting; {
	case m == nil && !held:
		out = append(out, tr(lang, "digest.nomeeting"))
	case held || m.At.Before(now):
		if c.Plan.FollowUp == nil {
			out = append(out, tr(lang, "digest.nofollowup"))
		}
		if c.Plan.Responsible == "" {
			out = append(out, tr(lang, "digest.noresp"))
		}
	}
	if f := c.Plan.FollowUp; f != nil {
		if fd := followUpDay(e.d.Settings.Hours, *f); !fd.Before(now.AddDate(0, 0, -1)) && fd.Before(now.AddDate(0, 0, 7)) {
			out = append(out, tr(lang, "digest.followup", day(lang, *f, f.Location())))
		}
	}
	return out
}
