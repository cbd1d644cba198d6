package reminders

import (
	"context"
	"time"

	"github.com/samla-sip/samla/internal/store"
)

// Planner derives the reminder jobs of a case. It is a pure function of
// the case before and after a change and the time of the change; the core
// calls it inside the case's commit, so reminders land in the same
// transaction as the change that caused them.
type Planner struct {
	set Settings
}

// NewPlanner returns a Planner.
func NewPlanner(set Settings) *Planner { return &Planner{set: set} }

// Plan returns the jobs to schedule and cancel for the change before →
// after. Reminders unchanged by the change are not re-scheduled; ones the
// new case no longer wants (an answer came, the case closed, consent was
// withdrawn) are cancelled; a new reminder whose time has passed is sent
// at the next working time, unless it has expired.
func (p *Planner) Plan(_ context.Context, before, after *Case, now time.Time) (jobs []store.Job, cancel []store.JobRef) {
	old, wanted := p.Wanted(before), p.Wanted(after)
	for id, r := range wanted {
		if o, ok := old[id]; ok && o.Due.Equal(r.Due) {
			continue
		}
		due, ok := p.dueFrom(r, now)
		if !ok {
			continue
		}
		jobs = append(jobs, r.job(r.Due, due))
	}
	for id := range old {
		if _, ok := wanted[id]; !ok {
			cancel = append(cancel, store.JobRef{Queue: QueueName, ID: id})
		}
	}
	sortJobs(jobs, cancel)
	return jobs, cancel
}

// dueFrom moves a reminder whose time has passed to the next working time,
// or drops it when that is at or after its expiry.
func (p *Planner) dueFrom(r Reminder, now time.Time) (time.Time, bool) {
	due := r.Due
	if due.Before(now) {
		due = p.set.Hours.NextWorkingTime(now)
	}
	if !r.Expires.IsZero() && !due.Before(r.Expires) {
		return time.Time{}, false
	}
	return due, true
}

// Wanted lists every reminder the case calls for, by job id, ignoring
// whether it was already sent. Nil, closed and consent-less cases want
// none.
func (p *Planner) Wanted(c *Case) map[string]Reminder {
	out := map[string]Reminder{}
	if !c.active() {
		return out
	}
	add := func(r Reminder) {
		r.Case = c.Ref
		out[r.ID()] = r
	}
	h := p.set.Hours
	for _, in := range c.Invitations {
		if in.State != StatePending || in.ContactID == "" || in.Sent.IsZero() {
			continue
		}
		if in.Address != nil {
			add(Reminder{Kind: KindNudge, Recipient: in.ContactID, Invitation: in.ID,
				Due: h.AddWorkdays(in.Sent, p.set.NudgeWorkdays)})
		}
		// Escalate only what Samla can see answered: a chat invitation.
		if in.Unit != "" && in.Address != nil {
			add(Reminder{Kind: KindEscalate, Recipient: in.ContactID, Invitation: in.ID,
				Due: h.AddWorkdays(in.Sent, p.set.NudgeWorkdays+p.set.EscalateWorkdays)})
		}
	}
	if m := c.Meeting; m != nil && !m.At.IsZero() {
		for _, who := range attendees(c) {
			add(Reminder{Kind: KindMeetingDay, Recipient: who,
				Due: h.AddWorkdays(m.At, -1), Expires: m.At.Add(-time.Hour)})
			if due, ok := p.hourBefore(m.At); ok {
				add(Reminder{Kind: KindMeetingHour, Recipient: who, Due: due, Expires: m.At})
			}
		}
		add(Reminder{Kind: KindAfterMeeting, Recipient: c.Convener.Key, Due: h.NextWorkingTime(m.At.Add(2 * time.Hour))})
		if c.Plan.FollowUp == nil {
			add(Reminder{Kind: KindNoFollowUp, Recipient: c.Convener.Key, Due: h.AddWorkdays(m.At, 1)})
		}
	}
	if f := c.Plan.FollowUp; f != nil {
		day := p.followUpDay(*f)
		for _, who := range p.followUpRecipients(c) {
			add(Reminder{Kind: KindFollowUpWeek, Recipient: who,
				Due: h.NextWorkingTime(day.AddDate(0, 0, -7)), Expires: day})
			add(Reminder{Kind: KindFollowUpDay, Recipient: who, Due: h.NextWorkingTime(day)})
		}
	}
	return out
}

// hourBefore is an hour before the meeting, or the morning's start when
// that is before working hours; false when no working time is left
// before the meeting (an evening meeting gets only the day-before one).
func (p *Planner) hourBefore(at time.Time) (time.Time, bool) {
	due := p.set.Hours.NextWorkingTime(at.Add(-time.Hour))
	return due, due.Before(at)
}

// followUpDay is the morning of the follow-up date (a date in any zone).
func (p *Planner) followUpDay(f time.Time) time.Time {
	h := p.set.Hours
	y, m, d := f.Date()
	return h.at(time.Date(y, m, d, 12, 0, 0, 0, h.Loc), h.Start)
}

// attendees are the contacts who accepted, and the convener.
func attendees(c *Case) []string {
	who := []string{c.Convener.Key}
	for _, in := range c.Invitations {
		if in.accepted() && in.ContactID != "" && in.Address != nil && in.ContactID != c.Convener.Key {
			who = append(who, in.ContactID)
		}
	}
	return who
}

// followUpRecipients are the responsible person's team channel and the
// person with overall responsibility (the convener when none is named).
func (p *Planner) followUpRecipients(c *Case) []string {
	if c.Plan.Responsible == "" {
		return []string{c.Convener.Key}
	}
	return []string{teamPrefix + c.Plan.Responsible, c.Plan.Responsible}
}

// CorePlanner adapts a Planner to the core's Planner interface for its
// case type T (reminders.CorePlanner[sip.Case] satisfies sip.Planner).
type CorePlanner[T any] struct {
	Planner *Planner
}

// Plan converts the core's cases and plans them.
func (c CorePlanner[T]) Plan(ctx context.Context, before, after *T, now time.Time) ([]store.Job, []store.JobRef) {
	b, errB := ViewOf(before)
	a, errA := ViewOf(after)
	if errB != nil || errA != nil {
		// A core case always encodes; if it ever did not, schedule nothing
		// rather than block the user's change.
		return nil, nil
	}
	return c.Planner.Plan(ctx, b, a, now)
}
