package reminders

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	_ "time/tzdata" // Europe/Stockholm on any host

	"github.com/samla-sip/samla/internal/calendar"
)

// WorkingHours says when reminders may be sent: Start to End (time of day)
// on working days in Loc. Weekends, Swedish public holidays, julafton,
// midsommarafton and nyårsafton are not working days.
type WorkingHours struct {
	Start time.Duration // since local midnight, e.g. 8h
	End   time.Duration // since local midnight, e.g. 17h; after Start
	Loc   *time.Location
}

// ParseClock reads a time of day "HH:MM" as a duration since midnight.
func ParseClock(s string) (time.Duration, error) {
	hh, mm, ok := strings.Cut(strings.TrimSpace(s), ":")
	h, err1 := strconv.Atoi(hh)
	m, err2 := strconv.Atoi(mm)
	if !ok || err1 != nil || err2 != nil || h < 0 || h > 23 || m < 0 || m > 59 || len(mm) != 2 {
		return 0, fmt.Errorf("reminders: time of day %q: want HH:MM", s)
	}
	return time.Duration(h)*time.Hour + time.Duration(m)*time.Minute, nil
}

// NewWorkingHours builds working hours from "HH:MM" strings and a zone
// name (e.g. "Europe/Stockholm").
func NewWorkingHours(start, end, zone string) (WorkingHours, error) {
	s, err := ParseClock(start)
	if err != nil {
		return WorkingHours{}, err
	}
	e, err := ParseClock(end)
	if err != nil {
		return WorkingHours{}, err
	}
	if e <= s {
		return WorkingHours{}, fmt.Errorf("reminders: working day ends (%s) before it starts (%s)", end, start)
	}
	loc, err := time.LoadLocation(zone)
	if err != nil {
		return WorkingHours{}, fmt.Errorf("reminders: time zone %q: %w", zone, err)
	}
	return WorkingHours{Start: s, End: e, Loc: loc}, nil
}

// IsWorkingDay reports whether t's local date is a working day.
func (w WorkingHours) IsWorkingDay(t time.Time) bool {
	return calendar.IsWorkday(t, w.Loc)
}

// IsWorkingTime reports whether t is within working hours of a working day.
func (w WorkingHours) IsWorkingTime(t time.Time) bool {
	if !w.IsWorkingDay(t) {
		return false
	}
	since := w.wallClock(t)
	return since >= w.Start && since < w.End
}

// NextWorkingTime returns t if it is working time, else the start of the
// next working period: later the same morning, or the next working
// day's morning.
func (w WorkingHours) NextWorkingTime(t time.Time) time.Time {
	if w.IsWorkingTime(t) {
		return t
	}
	if w.IsWorkingDay(t) && t.Before(w.at(t, w.Start)) {
		return w.at(t, w.Start)
	}
	return w.at(w.nextWorkingDay(t), w.Start)
}

// AddWorkdays moves t by n working days (backwards for negative n),
// keeping its local time of day, and then to the next working time. The
// day t falls on need not itself be a working day.
func (w WorkingHours) AddWorkdays(t time.Time, n int) time.Time {
	clock := w.wallClock(t)
	day := t
	for ; n > 0; n-- {
		day = w.nextWorkingDay(day)
	}
	for ; n < 0; n++ {
		day = w.prevWorkingDay(day)
	}
	return w.NextWorkingTime(w.at(day, clock))
}

// AddWorkingTime adds d of working time to t: only time within working
// hours counts, so Friday 16:59 plus one hour (with a 08:00–17:00 day)
// is 08:59 on the next working day.
func (w WorkingHours) AddWorkingTime(t time.Time, d time.Duration) time.Time {
	t = w.NextWorkingTime(t)
	for {
		left := w.at(t, w.End).Sub(t)
		if d < left {
			return t.Add(d)
		}
		d -= left
		t = w.at(w.nextWorkingDay(t), w.Start)
	}
}

// at returns the local wall-clock time since midnight on t's local date.
// Across a DST change the wall clock is used (08:00 stays 08:00).
func (w WorkingHours) at(t time.Time, since time.Duration) time.Time {
	t = t.In(w.Loc)
	h := int(since / time.Hour)
	m := int(since % time.Hour / time.Minute)
	s := int(since % time.Minute / time.Second)
	return time.Date(t.Year(), t.Month(), t.Day(), h, m, s, int(since%time.Second), w.Loc)
}

// wallClock is t's local time of day as a duration since midnight, read
// from the wall clock (so a DST change does not shift it).
func (w WorkingHours) wallClock(t time.Time) time.Duration {
	h, m, s := t.In(w.Loc).Clock()
	return time.Duration(h)*time.Hour + time.Duration(m)*time.Minute +
		time.Duration(s)*time.Second + time.Duration(t.Nanosecond())
}

func (w WorkingHours) nextWorkingDay(t time.Time) time.Time {
	t = w.at(t, 12*time.Hour) // noon: safe from DST edges
	for {
		t = t.AddDate(0, 0, 1)
		if w.IsWorkingDay(t) {
			return t
		}
	}
}

func (w WorkingHours) prevWorkingDay(t time.Time) time.Time {
	t = w.at(t, 12*time.Hour)
	for {
		t = t.AddDate(0, 0, -1)
		if w.IsWorkingDay(t) {
			return t
		}
	}
}
