package email

import (
	"fmt"
	"strings"
	"time"

	ics "github.com/arran4/golang-ical"

	"github.com/samla-sip/samla/internal/chat"
)

// prodID names Samla as the calendar's producer.
const prodID = "-//Samla//SIP kallelse//SV"

// invitation is the iCalendar object of one meeting for one attendee
// (RFC 5546 iTIP): METHOD:REQUEST for a new or changed meeting,
// METHOD:CANCEL once it is withdrawn. Times carry TZID=loc's name with its
// VTIMEZONE, so the attendee's calendar shows the local time even across a
// daylight-saving change.
type invitation struct {
	Meeting   chat.Meeting
	Organizer string // Samla's address (the sender)
	Attendee  string // the recipient's address
	Loc       *time.Location
	Stamp     time.Time // DTSTAMP: when this version was made
	// Description is the plain text of the e-mail, for calendars that
	// show only the event.
	Description string
}

// method is the iTIP method of the object.
func (in invitation) method() ics.Method {
	if in.Meeting.Cancelled {
		return ics.MethodCancel
	}
	return ics.MethodRequest
}

// render serialises the object: CRLF line ends, lines folded at 75 octets.
func (in invitation) render() string {
	m := in.Meeting
	cal := ics.NewCalendar()
	cal.SetProductId(prodID)
	cal.SetMethod(in.method())
	cal.AddVTimezone(vtimezone(in.Loc, m.Start))

	ev := cal.AddEvent(m.UID)
	ev.SetDtStampTime(in.Stamp)
	ev.SetSequence(m.Sequence)
	tzid := ics.WithTZID(in.Loc.String())
	ev.SetProperty(ics.ComponentPropertyDtStart, localStamp(m.Start, in.Loc), tzid)
	ev.SetProperty(ics.ComponentPropertyDtEnd, localStamp(m.End, in.Loc), tzid)
	ev.SetSummary(oneLine(m.Summary))
	if loc := location(m); loc != "" {
		ev.SetLocation(loc)
	}
	if m.VideoURL != "" {
		ev.SetURL(m.VideoURL)
	}
	if in.Description != "" {
		ev.SetDescription(normalizeNewlines(in.Description))
	}
	organizer := []ics.PropertyParameter{}
	if m.Organizer != "" {
		organizer = append(organizer, ics.WithCN(paramText(m.Organizer+" via Samla")))
	}
	ev.SetOrganizer("mailto:"+in.Organizer, organizer...)
	attendee := []ics.PropertyParameter{
		&ics.KeyValues{Key: string(ics.ParameterRole), Value: []string{string(ics.ParticipationRoleReqParticipant)}},
		&ics.KeyValues{Key: string(ics.ParameterCutype), Value: []string{string(ics.CalendarUserTypeIndividual)}},
	}
	if in.Meeting.Cancelled {
		ev.SetStatus(ics.ObjectStatusCancelled)
	} else {
		attendee = append(attendee, ics.ParticipationStatusNeedsAction,
			&ics.KeyValues{Key: string(ics.ParameterRsvp), Value: []string{"TRUE"}})
		ev.SetStatus(ics.ObjectStatusConfirmed)
	}
	ev.AddAttendee("mailto:"+in.Attendee, attendee...)
	return cal.Serialize(ics.WithNewLine("\r\n"))
}

// location is the event's LOCATION: the room, else the video link.
func location(m chat.Meeting) string {
	if m.Location != "" {
		return oneLine(m.Location)
	}
	return m.VideoURL
}

// localStamp formats t as a floating local time in loc (for TZID=…).
func localStamp(t time.Time, loc *time.Location) string {
	return t.In(loc).Format("20060102T150405")
}

// oneLine folds a value onto one line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// normalizeNewlines leaves only \n (the library escapes it as \n).
func normalizeNewlines(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}

// paramText makes a parameter value safe: the library backslash-escapes
// , ; : in parameter values, which RFC 5545 does not know (it quotes
// them), so those characters are replaced by spaces.
func paramText(s string) string {
	s = strings.Map(func(r rune) rune {
		switch r {
		case ',', ';', ':', '"', '\\', '\'':
			return ' '
		}
		return r
	}, s)
	return oneLine(s)
}

// vtimezone describes loc around the year of at: the onsets of its
// daylight and standard time in that year, repeated yearly on the same
// weekday of the month (as the EU rule and most others are written), or a
// single standard observance for a zone without daylight saving.
func vtimezone(loc *time.Location, at time.Time) *ics.VTimezone {
	tz := ics.NewTimezone(loc.String())
	year := at.In(loc).Year()
	start := time.Date(year, 1, 1, 0, 0, 0, 0, loc)
	transitions := yearTransitions(start)
	if len(transitions) == 0 {
		name, off := start.Zone()
		std := tz.AddStandard()
		std.SetProperty(ics.ComponentPropertyDtStart, "19700101T000000")
		std.AddProperty(ics.ComponentProperty(ics.PropertyTzoffsetfrom), offset(off))
		std.AddProperty(ics.ComponentProperty(ics.PropertyTzoffsetto), offset(off))
		std.AddProperty(ics.ComponentProperty(ics.PropertyTzname), name)
		return tz
	}
	for _, tr := range transitions {
		var c *ics.ComponentBase
		if tr.toDST {
			d := &ics.Daylight{}
			tz.Components = append(tz.Components, d)
			c = &d.ComponentBase
		} else {
			c = &tz.AddStandard().ComponentBase
		}
		// DTSTART is the wall-clock time of the onset in the offset before
		// it, in 1970 so the rule covers every meeting.
		wall := tr.at.Add(time.Duration(tr.fromOff) * time.Second).UTC()
		first := firstOnOrAfter1970(wall)
		c.SetProperty(ics.ComponentPropertyDtStart, first.Format("20060102T150405"))
		c.AddProperty(ics.ComponentProperty(ics.PropertyTzoffsetfrom), offset(tr.fromOff))
		c.AddProperty(ics.ComponentProperty(ics.PropertyTzoffsetto), offset(tr.toOff))
		c.AddProperty(ics.ComponentProperty(ics.PropertyTzname), tr.name)
		c.AddProperty(ics.ComponentProperty(ics.PropertyRrule), yearlyRule(wall))
	}
	return tz
}

// transition is one change of a zone's offset.
type transition struct {
	at             time.Time // the instant
	fromOff, toOff int       // seconds east of UTC
	name           string    // the zone abbreviation after it
	toDST          bool
}

// yearTransitions finds the offset changes in the year from start (at
// most a handful), to the second, by bisection between days.
func yearTransitions(start time.Time) []transition {
	var out []transition
	end := start.AddDate(1, 0, 0)
	prev := start
	_, prevOff := prev.Zone()
	for day := start.AddDate(0, 0, 1); !day.After(end); day = day.AddDate(0, 0, 1) {
		_, off := day.Zone()
		if off == prevOff {
			prev = day
			continue
		}
		lo, hi := prev.Unix(), day.Unix() // offset changes in (lo, hi]
		for hi-lo > 1 {
			mid := lo + (hi-lo)/2
			if _, o := time.Unix(mid, 0).In(start.Location()).Zone(); o == prevOff {
				lo = mid
			} else {
				hi = mid
			}
		}
		at := time.Unix(hi, 0).In(start.Location())
		name, _ := at.Zone()
		out = append(out, transition{at: at, fromOff: prevOff, toOff: off, name: name, toDST: off > prevOff})
		prev, prevOff = day, off
	}
	return out
}

// yearlyRule is the RRULE repeating wall's weekday-in-month every year:
// the last such weekday when it is in the month's last week, else the nth.
func yearlyRule(wall time.Time) string {
	day := weekdayCodes[wall.Weekday()]
	nth := (wall.Day()-1)/7 + 1
	if wall.AddDate(0, 0, 7).Month() != wall.Month() {
		nth = -1
	}
	return fmt.Sprintf("FREQ=YEARLY;BYMONTH=%d;BYDAY=%d%s", int(wall.Month()), nth, day)
}

var weekdayCodes = [...]string{"SU", "MO", "TU", "WE", "TH", "FR", "SA"}

// firstOnOrAfter1970 is the same weekday-in-month rule as wall, in 1970.
func firstOnOrAfter1970(wall time.Time) time.Time {
	nth := (wall.Day()-1)/7 + 1
	last := wall.AddDate(0, 0, 7).Month() != wall.Month()
	h, m, s := wall.Clock()
	first := time.Date(1970, wall.Month(), 1, h, m, s, 0, time.UTC)
	for first.Weekday() != wall.Weekday() {
		first = first.AddDate(0, 0, 1)
	}
	if last {
		for first.AddDate(0, 0, 7).Month() == wall.Month() {
			first = first.AddDate(0, 0, 7)
		}
		return first
	}
	return first.AddDate(0, 0, 7*(nth-1))
}

// offset formats seconds east of UTC as ±hhmm.
func offset(sec int) string {
	sign := '+'
	if sec < 0 {
		sign, sec = '-', -sec
	}
	return fmt.Sprintf("%c%02d%02d", sign, sec/3600, sec/60%60)
}
