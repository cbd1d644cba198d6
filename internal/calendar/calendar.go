// Package calendar knows Sweden's working days: the public holidays
// (Easter and midsummer computed, not listed), julafton, midsommarafton
// and nyårsafton, and weekends. It imports nothing of ours, so the
// convening core and the reminders count workdays the same way.
package calendar

import "time"

// Holiday is a Swedish public holiday or a day treated as one.
type Holiday struct {
	Date time.Time // midnight, in the calendar's location
	Name string    // Swedish name, e.g. "midsommarafton"
}

// Easter returns Easter Sunday of year (Gregorian calendar), computed by
// the anonymous Gregorian algorithm (Meeus/Jones/Butcher).
func Easter(year int, loc *time.Location) time.Time {
	a := year % 19
	b := year / 100
	c := year % 100
	d := b / 4
	e := b % 4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i := c / 4
	k := c % 4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return time.Date(year, time.Month(month), day, 0, 0, 0, 0, loc)
}

// Holidays lists the Swedish public holidays of year, plus julafton,
// midsommarafton and nyårsafton (not public holidays by law, but
// non-working days in practice), in date order.
func Holidays(year int, loc *time.Location) []Holiday {
	date := func(m time.Month, d int) time.Time { return time.Date(year, m, d, 0, 0, 0, 0, loc) }
	easter := Easter(year, loc)
	midsommarafton := firstWeekday(date(time.June, 19), time.Friday)
	return []Holiday{
		{date(time.January, 1), "nyårsdagen"},
		{date(time.January, 6), "trettondedag jul"},
		{easter.AddDate(0, 0, -2), "långfredagen"},
		{easter, "påskdagen"},
		{easter.AddDate(0, 0, 1), "annandag påsk"},
		{date(time.May, 1), "första maj"},
		{easter.AddDate(0, 0, 39), "Kristi himmelsfärds dag"},
		{date(time.June, 6), "Sveriges nationaldag"},
		{midsommarafton, "midsommarafton"},
		{midsommarafton.AddDate(0, 0, 1), "midsommardagen"},
		{firstWeekday(date(time.October, 31), time.Saturday), "alla helgons dag"},
		{date(time.December, 24), "julafton"},
		{date(time.December, 25), "juldagen"},
		{date(time.December, 26), "annandag jul"},
		{date(time.December, 31), "nyårsafton"},
	}
}

// firstWeekday returns the first day on or after from that falls on wd.
func firstWeekday(from time.Time, wd time.Weekday) time.Time {
	return from.AddDate(0, 0, (int(wd)-int(from.Weekday())+7)%7)
}

// HolidayName returns the holiday on t's date in loc, if any. It is on
// the hot path of every due-time computation, so it works on day numbers
// instead of building the year's list.
func HolidayName(t time.Time, loc *time.Location) (string, bool) {
	t = t.In(loc)
	y, m, d := t.Date()
	switch {
	case m == time.January && d == 1:
		return "nyårsdagen", true
	case m == time.January && d == 6:
		return "trettondedag jul", true
	case m == time.May && d == 1:
		return "första maj", true
	case m == time.June && d == 6:
		return "Sveriges nationaldag", true
	case m == time.June && d >= 19 && d <= 25 && t.Weekday() == time.Friday:
		return "midsommarafton", true
	case m == time.June && d >= 20 && d <= 26 && t.Weekday() == time.Saturday:
		return "midsommardagen", true
	case (m == time.October && d == 31 || m == time.November && d <= 6) && t.Weekday() == time.Saturday:
		return "alla helgons dag", true
	case m == time.December && d == 24:
		return "julafton", true
	case m == time.December && d == 25:
		return "juldagen", true
	case m == time.December && d == 26:
		return "annandag jul", true
	case m == time.December && d == 31:
		return "nyårsafton", true
	case m < time.March || m > time.June:
		return "", false
	}
	e := Easter(y, time.UTC)
	switch int(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Sub(e).Hours()) / 24 {
	case -2:
		return "långfredagen", true
	case 0:
		return "påskdagen", true
	case 1:
		return "annandag påsk", true
	case 39:
		return "Kristi himmelsfärds dag", true
	}
	return "", false
}

// IsWorkday reports whether t's date in loc is a working day: not a
// Saturday, Sunday, public holiday, julafton, midsommarafton or nyårsafton.
func IsWorkday(t time.Time, loc *time.Location) bool {
	t = t.In(loc)
	if wd := t.Weekday(); wd == time.Saturday || wd == time.Sunday {
		return false
	}
	_, holiday := HolidayName(t, loc)
	return !holiday
}

// AddWorkdays is the date n working days after (n > 0) or before (n < 0)
// t's date in loc, at noon local time; the day t falls on need not itself
// be a working day (a notification on a Saturday plus one working day is
// the Monday).
func AddWorkdays(t time.Time, n int, loc *time.Location) time.Time {
	y, m, d := t.In(loc).Date()
	day := time.Date(y, m, d, 12, 0, 0, 0, loc) // noon: safe from DST edges
	step := 1
	if n < 0 {
		step, n = -1, -n
	}
	for n > 0 {
		day = day.AddDate(0, 0, step)
		if IsWorkday(day, loc) {
			n--
		}
	}
	return day
}
