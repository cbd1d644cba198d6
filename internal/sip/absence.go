package sip

import (
	"strings"
	"time"

	"github.com/samla-sip/samla/directory"
	"github.com/samla-sip/samla/internal/calendar"
)

// awayWorkdays is how far ahead an absence matters before a meeting time
// is set: the coming working days in which the meeting is likely.
const awayWorkdays = 10

// awayNote warns the convener, on a line of its own, when contact is away
// on the meeting day or, before one is set, within the coming
// awayWorkdays working days; "" when not.
func (s *Service) awayNote(r *request, c *Case, contact *directory.Contact) string {
	if c.Meeting != nil {
		if a, _, ok := contact.AbsenceOn(c.Meeting.At, r.ov); ok {
			return "\n  " + t(r.lang, "away.meeting", contact.Name, s.awaySpan(r.lang, &a))
		}
		return ""
	}
	a := absenceFor(r, contact)
	if a == nil {
		return ""
	}
	span := s.awaySpan(r.lang, a)
	today := dateOf(r.now.In(s.loc))
	until := dateOf(calendar.AddWorkdays(r.now, awayWorkdays, s.loc))
	if (a.From.IsZero() || !a.From.After(until)) && (a.Until.IsZero() || !a.Until.Before(today)) {
		return "\n  " + t(r.lang, "away.soon", contact.Name, span, awayWorkdays)
	}
	return ""
}

// awaySpan is an absence's dates: "2026-12-21–2027-01-06".
func (s *Service) awaySpan(lang string, a *directory.Away) string {
	from, until := t(lang, "away.open"), t(lang, "away.open")
	if !a.From.IsZero() {
		from = s.fmtDate(a.From)
	}
	if !a.Until.IsZero() {
		until = s.fmtDate(a.Until)
	}
	return from + "–" + until
}

// awayOnMeetingDay lists a warning for every invitee still in play who is
// away on the day of at (the meeting), for the convener.
func (s *Service) awayOnMeetingDay(r *request, c *Case, at time.Time) []string {
	var out []string
	for _, in := range c.Invitations {
		if !in.Active() || in.State == StateDelegated || in.Channel == channelSelf {
			continue
		}
		contact, ok := r.dir.Contact(in.ContactID)
		if !ok {
			continue
		}
		if a, _, away := contact.AbsenceOn(at, r.ov); away {
			out = append(out, t(r.lang, "away.meeting", contact.Name, s.awaySpan(r.lang, &a)))
		}
	}
	return out
}

// absenceFor is the contact's absence to warn of ahead of time: the one
// reported in chat or the directory file's, whichever ends later (the
// rule of directory.Contact.AbsenceOn); nil when neither.
func absenceFor(r *request, contact *directory.Contact) *directory.Away {
	a := contact.Away
	if r.ov == nil {
		return a
	}
	if w, ok := r.ov.Absence(contact.ID); ok && (a == nil || w.EndsAfter(a)) {
		return &w
	}
	return a
}

// quoteArg is a command argument value as typed back: quoted when it holds
// a space ("Upplands Väsby").
func quoteArg(v string) string {
	if strings.ContainsAny(v, " \t") {
		return `"` + v + `"`
	}
	return v
}
