package reminders

import (
	"testing"
	"time"
)

func testHours(t testing.TB) WorkingHours {
	t.Helper()
	w, err := NewWorkingHours("08:00", "17:00", "Europe/Stockholm")
	if err != nil {
		t.Fatal(err)
	}
	return w
}

// lt parses a Stockholm local time "2006-01-02 15:04".
func lt(t testing.TB, w WorkingHours, s string) time.Time {
	t.Helper()
	v, err := time.ParseInLocation("2006-01-02 15:04", s, w.Loc)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func TestNextWorkingTime(t *testing.T) {
	w := testHours(t)
	tests := []struct{ in, want string }{
		{"2026-11-23 10:00", "2026-11-23 10:00"}, // working time: unchanged
		{"2026-11-23 07:59", "2026-11-23 08:00"}, // early morning
		{"2026-11-23 17:00", "2026-11-24 08:00"}, // end is exclusive
		{"2026-11-23 23:30", "2026-11-24 08:00"}, // night
		{"2026-11-27 16:59", "2026-11-27 16:59"},
		{"2026-11-27 17:30", "2026-11-30 08:00"}, // Friday evening → Monday
		{"2026-11-28 12:00", "2026-11-30 08:00"}, // Saturday
		{"2026-12-23 17:05", "2026-12-28 08:00"}, // julafton..annandag, weekend → Monday 28th
		{"2026-12-30 18:00", "2027-01-04 08:00"}, // nyårsafton, nyårsdagen, weekend
		{"2027-01-05 18:00", "2027-01-07 08:00"}, // trettondedag jul
		{"2026-04-02 17:00", "2026-04-07 08:00"}, // påsk
		{"2026-06-18 20:00", "2026-06-22 08:00"}, // midsommar
		{"2026-05-13 17:00", "2026-05-15 08:00"}, // Kristi himmelsfärd
		{"2026-03-28 12:00", "2026-03-30 08:00"}, // DST starts Sunday 29 March: still 08:00 local
		{"2026-10-24 12:00", "2026-10-26 08:00"}, // DST ends Sunday 25 October
	}
	for _, tt := range tests {
		got := w.NextWorkingTime(lt(t, w, tt.in))
		if g := got.In(w.Loc).Format("2006-01-02 15:04"); g != tt.want {
			t.Errorf("NextWorkingTime(%s) = %s, want %s", tt.in, g, tt.want)
		}
	}
}

func TestNextWorkingTimeDSTOffsets(t *testing.T) {
	w := testHours(t)
	// Monday after spring-forward is CEST (+02:00); after fall-back CET (+01:00).
	if got := w.NextWorkingTime(lt(t, w, "2026-03-28 12:00")).UTC().Format(time.RFC3339); got != "2026-03-30T06:00:00Z" {
		t.Errorf("after spring DST change: %s", got)
	}
	if got := w.NextWorkingTime(lt(t, w, "2026-10-24 12:00")).UTC().Format(time.RFC3339); got != "2026-10-26T07:00:00Z" {
		t.Errorf("after autumn DST change: %s", got)
	}
}

func TestAddWorkdays(t *testing.T) {
	w := testHours(t)
	tests := []struct {
		in   string
		n    int
		want string
	}{
		{"2026-11-23 10:00", 2, "2026-11-25 10:00"},
		{"2026-11-26 10:00", 2, "2026-11-30 10:00"},  // Thu + 2 → Mon
		{"2026-11-28 10:00", 1, "2026-11-30 10:00"},  // from Saturday
		{"2026-11-23 18:00", 1, "2026-11-25 08:00"},  // evening clock → next morning
		{"2026-12-22 09:00", 2, "2026-12-28 09:00"},  // over jul
		{"2026-06-17 14:00", 2, "2026-06-22 14:00"},  // over midsommar
		{"2026-03-27 10:00", 1, "2026-03-30 10:00"},  // over the DST change keeps wall clock
		{"2026-11-25 13:00", -1, "2026-11-24 13:00"}, // a day before a meeting
		{"2026-11-30 13:00", -1, "2026-11-27 13:00"}, // Monday meeting → Friday
		{"2027-01-07 13:00", -1, "2027-01-05 13:00"}, // skips trettondedag jul
		{"2026-11-23 10:00", 0, "2026-11-23 10:00"},
		{"2026-11-28 10:00", 0, "2026-11-30 08:00"}, // zero days: next working time
	}
	for _, tt := range tests {
		got := w.AddWorkdays(lt(t, w, tt.in), tt.n)
		if g := got.In(w.Loc).Format("2006-01-02 15:04"); g != tt.want {
			t.Errorf("AddWorkdays(%s, %d) = %s, want %s", tt.in, tt.n, g, tt.want)
		}
	}
}

func TestAddWorkingTime(t *testing.T) {
	w := testHours(t)
	tests := []struct {
		in   string
		d    time.Duration
		want string
	}{
		{"2026-11-27 16:59", time.Hour, "2026-11-30 08:59"}, // Friday 16:59 + 1 h → Monday 08:59
		{"2026-11-23 09:00", time.Hour, "2026-11-23 10:00"},
		{"2026-11-23 16:00", time.Hour, "2026-11-24 08:00"}, // exactly the rest of the day
		{"2026-11-23 22:00", 30 * time.Minute, "2026-11-24 08:30"},
		{"2026-11-23 08:00", 18 * time.Hour, "2026-11-25 08:00"}, // two full days
		{"2026-12-23 16:30", time.Hour, "2026-12-28 08:30"},
	}
	for _, tt := range tests {
		got := w.AddWorkingTime(lt(t, w, tt.in), tt.d)
		if g := got.In(w.Loc).Format("2006-01-02 15:04"); g != tt.want {
			t.Errorf("AddWorkingTime(%s, %s) = %s, want %s", tt.in, tt.d, g, tt.want)
		}
	}
}

func TestNewWorkingHoursErrors(t *testing.T) {
	tests := []struct{ start, end, zone string }{
		{"8", "17:00", "Europe/Stockholm"},
		{"08:00", "25:00", "Europe/Stockholm"},
		{"17:00", "08:00", "Europe/Stockholm"},
		{"08:00", "17:00", "Mars/Olympus"},
		{"08:0", "17:00", "Europe/Stockholm"},
	}
	for _, tt := range tests {
		if _, err := NewWorkingHours(tt.start, tt.end, tt.zone); err == nil {
			t.Errorf("NewWorkingHours(%q, %q, %q): no error", tt.start, tt.end, tt.zone)
		}
	}
}

func FuzzParseClock(f *testing.F) {
	for _, s := range []string{"08:00", "17:30", "24:00", "", "8:5", "-1:00", " 09:15 "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseClock(s)
		if err != nil {
			return
		}
		if d < 0 || d >= 24*time.Hour || d%time.Minute != 0 {
			t.Fatalf("ParseClock(%q) = %s", s, d)
		}
	})
}
