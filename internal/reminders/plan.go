package reminders

import (
	"context"
	"log/slog"
	"time"

	"github.com/samla-sip/samla/internal/sip"
	"github.com/samla-sip/samla/internal/store"
)

// Planner derives the reminder jobs of a case. It is a pure function of
// the case before and after a change and the time of the change; the core
// calls it inside the case's commit, so reminders land in the same
// transaction as the change that caused them. It is the core's
// sip.Planner.
type Planner struct {
	set     Settings
	log     *slog.Logger
	metrics *Metrics
}

var _ sip.Planner = (*Planner)(nil)

// NewPlanner returns a Planner that logs (ids only) and counts in m the
// reminders it cannot schedule. A nil log discards; a nil m counts
// nothing.
func NewPlanner(set Settings, log *slog.Logger, m *Metrics) *Planner {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Planner{set: set, log: log, metrics: m}
}

// Plan returns the jobs to schedule and cancel for the change before →
// after. Reminders unchanged by the change are not re-scheduled; ones the
// new case no longer wants (an answer came, consent was withdrawn, the
// plan was established: all but its follow-up; the SIP ended: all) are
// cancelled; a new reminder whose
// time has passed is sent at the next working time, unless it has
// expired. A reminder that could not be routed back when due is not
// scheduled but logged (case and kind) and counted.
func (p *Planner) Plan(ctx context.Context, before, after *sip.Case, now time.Time) (jobs []store.Job, cancel []store.JobRef) {
	old, wanted := p.Wanted(before), p.Wanted(after)
	for id, r := range wanted {
		if o, ok := old[id]; ok && o.Due.Equal(r.Due) {
			continue
		}
		if !r.valid() {
			// A job the engine could not route back to its case and
			// recipient would be dropped unseen when due: say so now.
			// Only the case reference and kind are logged.
			p.log.ErrorContext(ctx, "reminders: cannot schedule reminder", "case", after.Ref, "kind", string(r.Kind))
			p.metrics.planError(r.Kind)
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
// whether it was already sent. Nil, consent-less and ended cases want
// none; a case whose plan is established wants only its follow-up
// reminders: the follow-up is what the plan is for.
func (p *Planner) Wanted(c *sip.Case) map[string]Reminder {
	out := map[string]Reminder{}
	if c == nil {
		return out
	}
	add := func(r Reminder) {
		r.Case = c.Ref
		out[r.ID()] = r
	}
	p.kallelse(c, add)
	if !consented(c) {
		return out
	}
	p.followUps(c, add)
	if convening(c) {
		p.convening(c, add)
	}
	return out
}

// followUps adds the reminders a week before and on the follow-up date.
func (p *Planner) followUps(c *sip.Case, add func(Reminder)) {
	f := c.Plan.FollowUp
	if f == nil {
		return
	}
	h := p.set.Hours
	day := followUpDay(h, *f)
	for _, who := range followUpRecipients(c) {
		add(Reminder{Kind: KindFollowUpWeek, Recipient: who,
			Due: h.NextWorkingTime(day.AddDate(0, 0, -7)), Expires: day})
		add(Reminder{Kind: KindFollowUpDay, Recipient: who, Due: h.NextWorkingTime(day)})
	}
}

// kallelse adds the reminder of a discharge SIP whose kallelse has not
// gone out: to the convener on the morning of its last day (3 working
// days after the notification, L3740), until that day ends. It is wanted
// before consent too: getting consent is part of what is due.
func (p *Planner) kallelse(c *sip.Case, add func(Reminder)) {
	d := c.Discharge
	if d == nil || c.Closed != nil || !c.KallelseSent().IsZero() {
		return
	}
	h := p.set.Hours
	day := followUpDay(h, d.Deadline)
	add(Reminder{Kind: KindKallelse, Recipient: c.Convener.Key, Due: day, Expires: h.at(day, h.End)})
}

// convening adds the nudges, escalations and meeting reminders of a case
// being convened.
func (p *Planner) convening(c *sip.Case, add func(Reminder)) {
	h := p.set.Hours
	for _, in := range c.Invitations {
		if in.State != sip.StatePending || in.ContactID == "" || in.Sent.IsZero() {
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
}

// hourBefore is an hour before the meeting, or the morning's start when
// that is before working hours; false when no working time is left
// before the meeting (an evening meeting gets only the day-before one).
func (p *Planner) hourBefore(at time.Time) (time.Time, bool) {
	due := p.set.Hours.NextWorkingTime(at.Add(-time.Hour))
	return due, due.Before(at)
}

// followUpDay is the morning of the follow-up date (a date in any zone).
func followUpDay(h WorkingHours, f time.Time) time.Time {
	y, m, d := f.Date()
	return h.at(time.Date(y, m, d, 12, 0, 0, 0, h.Loc), h.Start)
}

// attendees are the contacts who accepted, and the convener.
func attendees(c *sip.Case) []string {
	who := []string{c.Convener.Key}
	for _, in := range c.Invitations {
		if in.Accepted() && in.ContactID != "" && in.Address != nil && in.ContactID != c.Convener.Key {
			who = append(who, in.ContactID)
		}
	}
	return who
}

// followUpRecipients are the responsible person's team channel and the
// person with overall responsibility (the convener when none is named).
func followUpRecipients(c *sip.Case) []string {
	if c.Plan.Responsible == "" {
		return []string{c.Convener.Key}
	}
	return []string{teamPrefix + c.Plan.Responsible, c.Plan.Responsible}
}
