package sip

import (
	"time"

	"github.com/samla-sip/samla/internal/calendar"
)

// The kinds of SIP (/sip ny typ=…), by accepted spelling.
var sipTypes = map[string]string{
	"utskrivning": typeDischarge, "discharge": typeDischarge,
}

const typeDischarge = "discharge"

// kallelseWorkdays is how many working days after the notification the
// kallelse of a discharge SIP must go out (L3740).
const kallelseWorkdays = 3

// discharge is a new discharge SIP notified on the date notified (zero =
// today): its deadline is kallelseWorkdays working days later, Swedish
// public holidays and weekends not counted.
func (s *Service) discharge(r *request, notified time.Time) *Discharge {
	if notified.IsZero() {
		y, m, d := r.now.In(s.loc).Date()
		notified = time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	}
	local := time.Date(notified.Year(), notified.Month(), notified.Day(), 12, 0, 0, 0, s.loc)
	dl := calendar.AddWorkdays(local, kallelseWorkdays, s.loc)
	return &Discharge{Notified: notified, Deadline: time.Date(dl.Year(), dl.Month(), dl.Day(), 0, 0, 0, 0, time.UTC)}
}

// dischargeLine says when the kallelse of a discharge SIP must go out, or
// when it went out.
func (s *Service) dischargeLine(lang string, d *Discharge) string {
	return t(lang, "discharge.deadline", s.fmtDate(d.Notified), kallelseWorkdays, s.dayText(lang, d.Deadline))
}

// dischargeStatus is the status line of a discharge SIP: the deadline, and
// whether the kallelse went out in time.
func (s *Service) dischargeStatus(lang string, now time.Time, c *Case) string {
	d := c.Discharge
	sent := c.KallelseSent()
	switch {
	case !sent.IsZero() && dateOf(sent.In(s.loc)).After(d.Deadline):
		return t(lang, "discharge.late", s.fmtDate(sent.In(s.loc)), s.dayText(lang, d.Deadline))
	case !sent.IsZero():
		return t(lang, "discharge.sent", s.fmtDate(sent.In(s.loc)), s.dayText(lang, d.Deadline))
	case dateOf(now.In(s.loc)).After(d.Deadline):
		return t(lang, "discharge.overdue", s.dayText(lang, d.Deadline), c.Ref)
	}
	return s.dischargeLine(lang, d)
}

// dateOf is t's local date as midnight UTC, the form dates are stored in.
func dateOf(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// dayText is a date with its weekday: "tor 26 nov 2026" / "Thu 26 Nov 2026".
func (s *Service) dayText(lang string, d time.Time) string {
	return t(lang, weekdayIDs[d.Weekday()]) + " " + s.fmtDate(d)
}
