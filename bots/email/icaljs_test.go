package email_test

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/samla-sip/samla/bots/email/emailtest"
)

// icaljs is the folder of tools/icaljs with ical.js installed: the
// SAMLA_ICALJS environment variable (scripts/test sets it after `npm ci`),
// else the repository's own tools/icaljs. The .ics check needs it and
// fails — never skips — without it.
func icaljs(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("SAMLA_ICALJS")
	if dir == "" {
		dir = filepath.Join("..", "..", "tools", "icaljs")
	}
	if _, err := os.Stat(filepath.Join(dir, "node_modules", "ical.js", "package.json")); err != nil {
		t.Fatalf("ical.js is not installed in %s (run ./scripts/test, or: npm ci --prefix tools/icaljs): %v", dir, err)
	}
	if _, err := exec.LookPath("node"); err != nil {
		t.Fatalf("node is needed to run ical.js: %v", err)
	}
	return dir
}

// parsedCal is what tools/icaljs/check.mjs reports of one file.
type parsedCal struct {
	Method    string     `json:"method"`
	Version   string     `json:"version"`
	Timezones []string   `json:"timezones"`
	Events    []parsedEv `json:"events"`
	Problems  []string   `json:"problems"`
	Folded    int        `json:"folded"`
}

type parsedEv struct {
	UID         string `json:"uid"`
	Sequence    int    `json:"sequence"`
	Summary     string `json:"summary"`
	Location    string `json:"location"`
	Description string `json:"description"`
	URL         string `json:"url"`
	Status      string `json:"status"`
	Start       struct {
		Local, TZID, UTC string
	} `json:"start"`
	End struct {
		Local, TZID, UTC string
	} `json:"end"`
	Organizer struct {
		Value, CN string
	} `json:"organizer"`
	Attendees []struct {
		Value, RSVP, Partstat, Role string
	} `json:"attendees"`
}

// parseWithICALJS runs ical.js on each calendar.
func parseWithICALJS(t *testing.T, cals []string) []parsedCal {
	t.Helper()
	dir := icaljs(t)
	tmp := t.TempDir()
	args := []string{filepath.Join(dir, "check.mjs")}
	for i, c := range cals {
		f := filepath.Join(tmp, "cal"+string(rune('a'+i))+".ics")
		if err := os.WriteFile(f, []byte(c), 0o600); err != nil {
			t.Fatal(err)
		}
		args = append(args, f)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	out, err := exec.CommandContext(ctx, "node", args...).Output()
	if err != nil {
		if ee, ok := err.(*exec.ExitError); ok {
			t.Fatalf("ical.js: %v\n%s", err, ee.Stderr)
		}
		t.Fatalf("ical.js: %v", err)
	}
	var got []parsedCal
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("ical.js output: %v\n%s", err, out)
	}
	if len(got) != len(cals) {
		t.Fatalf("ical.js read %d calendars, want %d", len(got), len(cals))
	}
	return got
}

// TestInvitationsReadByICALJS sends a meeting's invitation, a time change
// across the daylight-saving change, a move into standard time and a
// cancellation through a real relay, and reads the .ics attachments with
// Mozilla's ical.js: one UID, a rising SEQUENCE, the right method, local
// times in Europe/Stockholm at the right instants, escaped text intact,
// and lines folded at 75 octets.
func TestInvitationsReadByICALJS(t *testing.T) {
	r := emailtest.Start(t)
	m := newMailer(t, r.Server(t), nil)
	const (
		location = `Eslövs stadshus, rum 3; ingång B\plan 2`
		text     = "Åsa Öberg (Socialtjänst vuxen, Eslöv) kallar till SIP; ärende SIP-ZDQYV3.\n" +
			`Sökväg till rummet: Hus A\B, följ skyltarna "SIP" hela vägen upp till plan två och vänta i korridoren utanför.`
	)
	versions := []struct {
		start     time.Time
		cancelled bool
		wantUTC   string
	}{
		{time.Date(2027, 3, 29, 10, 0, 0, 0, stockholm), false, "2027-03-29T08:00:00.000Z"},   // the day after DST began: CEST
		{time.Date(2027, 10, 25, 13, 30, 0, 0, stockholm), false, "2027-10-25T11:30:00.000Z"}, // the week before it ends: CEST
		{time.Date(2027, 11, 1, 13, 30, 0, 0, stockholm), false, "2027-11-01T12:30:00.000Z"},  // after it ended: CET
		{time.Date(2027, 11, 1, 13, 30, 0, 0, stockholm), true, "2027-11-01T12:30:00.000Z"},
	}
	for seq, v := range versions {
		msg := invitationMsg(seq, v.start)
		msg.Text = text
		msg.Meeting.Location = location
		msg.Meeting.Cancelled = v.cancelled
		if _, err := m.Send(context.Background(), afAddr, msg, "inv|v"+string(rune('0'+seq))); err != nil {
			t.Fatal(err)
		}
	}
	var cals []string
	for _, got := range r.Messages() {
		_, parts := emailtest.Parse(t, got.Data)
		att := emailtest.Find(t, parts, "application/ics")
		if cal := emailtest.Find(t, parts, "text/calendar"); cal.Body != att.Body {
			t.Fatal("the calendar part and the .ics attachment differ")
		}
		cals = append(cals, att.Body)
	}
	parsed := parseWithICALJS(t, cals)

	for i, c := range parsed {
		v := versions[i]
		wantMethod, wantStatus := "REQUEST", "CONFIRMED"
		if v.cancelled {
			wantMethod, wantStatus = "CANCEL", "CANCELLED"
		}
		if c.Method != wantMethod || c.Version != "2.0" {
			t.Errorf("version %d: METHOD %q VERSION %q, want %s 2.0", i, c.Method, c.Version, wantMethod)
		}
		if len(c.Problems) > 0 {
			t.Errorf("version %d breaks the line rules: %v", i, c.Problems)
		}
		if c.Folded == 0 {
			t.Errorf("version %d: nothing folded, but the description is longer than a line", i)
		}
		if strings.Join(c.Timezones, ",") != "Europe/Stockholm" {
			t.Errorf("version %d: VTIMEZONEs %v", i, c.Timezones)
		}
		if len(c.Events) != 1 {
			t.Fatalf("version %d: %d events", i, len(c.Events))
		}
		e := c.Events[0]
		if e.UID != "sip-zdqyv3-m1@samla" || e.Sequence != i {
			t.Errorf("version %d: UID %q SEQUENCE %d, want the same UID and SEQUENCE %d", i, e.UID, e.Sequence, i)
		}
		if e.Status != wantStatus {
			t.Errorf("version %d: STATUS %q, want %s", i, e.Status, wantStatus)
		}
		if e.Start.TZID != "Europe/Stockholm" || e.Start.Local != v.start.Format("2006-01-02T15:04:05") || e.Start.UTC != v.wantUTC {
			t.Errorf("version %d: DTSTART %+v, want %s local = %s", i, e.Start, v.start.Format(time.DateTime), v.wantUTC)
		}
		if wantEnd := v.start.Add(90 * time.Minute).UTC().Format("2006-01-02T15:04:05.000Z"); e.End.UTC != wantEnd {
			t.Errorf("version %d: DTEND %+v, want %s", i, e.End, wantEnd)
		}
		if e.Location != location {
			t.Errorf("version %d: LOCATION %q, want %q", i, e.Location, location)
		}
		if e.Description != text {
			t.Errorf("version %d: DESCRIPTION\n got %q\nwant %q", i, e.Description, text)
		}
		if e.Summary != "SIP-möte SIP-ZDQYV3" {
			t.Errorf("version %d: SUMMARY %q", i, e.Summary)
		}
		if e.Organizer.Value != "mailto:samla@lund.example.se" || e.Organizer.CN != "Åsa Öberg via Samla" {
			t.Errorf("version %d: ORGANIZER %+v", i, e.Organizer)
		}
		if len(e.Attendees) != 1 || e.Attendees[0].Value != "mailto:"+afAddr.User || e.Attendees[0].Role != "REQ-PARTICIPANT" {
			t.Fatalf("version %d: ATTENDEE %+v", i, e.Attendees)
		}
		if a := e.Attendees[0]; !v.cancelled && (a.RSVP != "TRUE" || a.Partstat != "NEEDS-ACTION") {
			t.Errorf("version %d: ATTENDEE RSVP %q PARTSTAT %q, want TRUE NEEDS-ACTION", i, a.RSVP, a.Partstat)
		}
	}
}

// TestVideoMeetingReadByICALJS: without a room the video link is both the
// LOCATION and the URL.
func TestVideoMeetingReadByICALJS(t *testing.T) {
	r := emailtest.Start(t)
	m := newMailer(t, r.Server(t), nil)
	msg := invitationMsg(0, time.Date(2027, 1, 12, 9, 0, 0, 0, stockholm))
	msg.Meeting.Location = ""
	msg.Meeting.VideoURL = "https://video.example.se/join/sip-zdqyv3?pin=1234;x=1"
	if _, err := m.Send(context.Background(), afAddr, msg, "k"); err != nil {
		t.Fatal(err)
	}
	_, parts := emailtest.Parse(t, r.Messages()[0].Data)
	e := parseWithICALJS(t, []string{emailtest.Find(t, parts, "application/ics").Body})[0].Events[0]
	if e.Location != msg.Meeting.VideoURL || e.URL != msg.Meeting.VideoURL {
		t.Errorf("LOCATION %q URL %q, want the video link", e.Location, e.URL)
	}
	if e.Start.UTC != "2027-01-12T08:00:00.000Z" {
		t.Errorf("DTSTART %+v, want 08:00Z (CET)", e.Start)
	}
}
