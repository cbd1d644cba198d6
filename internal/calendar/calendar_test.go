package calendar

import (
	"fmt"
	"slices"
	"testing"
	"time"
)

func stockholm(t testing.TB) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation("Europe/Stockholm")
	if err != nil {
		t.Fatalf("load Europe/Stockholm: %v", err)
	}
	return loc
}

func TestEaster(t *testing.T) {
	loc := stockholm(t)
	tests := []struct {
		year int
		want string
	}{
		{2024, "2024-03-31"}, {2025, "2025-04-20"}, {2026, "2026-04-05"},
		{2027, "2027-03-28"}, {2028, "2028-04-16"}, {2029, "2029-04-01"},
		{2038, "2038-04-25"}, {2285, "2285-03-22"}, // latest and earliest possible dates
	}
	for _, tt := range tests {
		if got := Easter(tt.year, loc).Format(time.DateOnly); got != tt.want {
			t.Errorf("Easter(%d) = %s, want %s", tt.year, got, tt.want)
		}
	}
}

func TestHolidays(t *testing.T) {
	loc := stockholm(t)
	want := map[int][]string{
		2026: {"01-01 nyårsdagen", "01-06 trettondedag jul", "04-03 långfredagen", "04-05 påskdagen",
			"04-06 annandag påsk", "05-01 första maj", "05-14 Kristi himmelsfärds dag", "06-06 Sveriges nationaldag",
			"06-19 midsommarafton", "06-20 midsommardagen", "10-31 alla helgons dag", "12-24 julafton",
			"12-25 juldagen", "12-26 annandag jul", "12-31 nyårsafton"},
		2027: {"01-01 nyårsdagen", "01-06 trettondedag jul", "03-26 långfredagen", "03-28 påskdagen",
			"03-29 annandag påsk", "05-01 första maj", "05-06 Kristi himmelsfärds dag", "06-06 Sveriges nationaldag",
			"06-25 midsommarafton", "06-26 midsommardagen", "11-06 alla helgons dag", "12-24 julafton",
			"12-25 juldagen", "12-26 annandag jul", "12-31 nyårsafton"},
		2028: {"01-01 nyårsdagen", "01-06 trettondedag jul", "04-14 långfredagen", "04-16 påskdagen",
			"04-17 annandag påsk", "05-01 första maj", "05-25 Kristi himmelsfärds dag", "06-06 Sveriges nationaldag",
			"06-23 midsommarafton", "06-24 midsommardagen", "11-04 alla helgons dag", "12-24 julafton",
			"12-25 juldagen", "12-26 annandag jul", "12-31 nyårsafton"},
	}
	for year, days := range want {
		got := Holidays(year, loc)
		if len(got) != len(days) {
			t.Fatalf("%d: %d holidays, want %d", year, len(got), len(days))
		}
		for i, h := range got {
			if s := h.Date.Format("01-02") + " " + h.Name; s != days[i] {
				t.Errorf("%d holiday %d = %q, want %q", year, i, s, days[i])
			}
			if h.Date.Year() != year || h.Date.Location() != loc {
				t.Errorf("%d: %s has year %d in %v", year, h.Name, h.Date.Year(), h.Date.Location())
			}
		}
	}
}

func TestMidsommarAndAllaHelgonRanges(t *testing.T) {
	loc := stockholm(t)
	for year := 1990; year <= 2100; year++ {
		hs := Holidays(year, loc)
		byName := map[string]time.Time{}
		for _, h := range hs {
			byName[h.Name] = h.Date
		}
		ma := byName["midsommarafton"]
		if ma.Weekday() != time.Friday || ma.Month() != time.June || ma.Day() < 19 || ma.Day() > 25 {
			t.Errorf("%d: midsommarafton %s", year, ma.Format(time.DateOnly))
		}
		ah := byName["alla helgons dag"]
		inRange := (ah.Month() == time.October && ah.Day() == 31) || (ah.Month() == time.November && ah.Day() <= 6)
		if ah.Weekday() != time.Saturday || !inRange {
			t.Errorf("%d: alla helgons dag %s", year, ah.Format(time.DateOnly))
		}
		if gf := byName["långfredagen"]; gf.Weekday() != time.Friday {
			t.Errorf("%d: långfredagen on %s", year, gf.Weekday())
		}
		if kh := byName["Kristi himmelsfärds dag"]; kh.Weekday() != time.Thursday {
			t.Errorf("%d: Kristi himmelsfärds dag on %s", year, kh.Weekday())
		}
	}
}

func TestIsWorkday(t *testing.T) {
	loc := stockholm(t)
	tests := []struct {
		date string
		want bool
	}{
		{"2026-11-23", true},  // Monday
		{"2026-11-28", false}, // Saturday
		{"2026-11-29", false}, // Sunday
		{"2026-12-24", false}, // julafton, Thursday
		{"2026-12-31", false}, // nyårsafton, Thursday
		{"2026-06-19", false}, // midsommarafton
		{"2026-06-18", true},
		{"2026-06-22", true},
		{"2026-04-03", false}, // långfredagen
		{"2026-04-06", false}, // annandag påsk
		{"2026-04-07", true},
		{"2026-05-14", false}, // Kristi himmelsfärds dag
		{"2026-05-15", true},  // klämdag is still a working day
		{"2027-01-06", false}, // trettondedag jul, Wednesday
		{"2027-03-26", false},
		{"2027-05-06", false},
		{"2027-06-25", false},
		{"2028-04-14", false},
		{"2028-04-17", false},
		{"2028-05-01", false}, // första maj, Monday
		{"2028-05-25", false},
		{"2028-06-06", false}, // nationaldagen, Tuesday
		{"2028-06-23", false},
		{"2028-12-26", false},
		{"2028-12-27", true},
	}
	for _, tt := range tests {
		d, err := time.ParseInLocation(time.DateOnly, tt.date, loc)
		if err != nil {
			t.Fatal(err)
		}
		if got := IsWorkday(d.Add(10*time.Hour), loc); got != tt.want {
			t.Errorf("IsWorkday(%s) = %v, want %v", tt.date, got, tt.want)
		}
	}
}

func ExampleHolidays() {
	loc, _ := time.LoadLocation("Europe/Stockholm")
	for _, h := range Holidays(2027, loc)[2:5] {
		fmt.Println(h.Date.Format(time.DateOnly), h.Name)
	}
	// Output:
	// 2027-03-26 långfredagen
	// 2027-03-28 påskdagen
	// 2027-03-29 annandag påsk
}

// TestHolidayNameMatchesHolidays checks the fast lookup against the list
// for every day of 1990–2100.
func TestHolidayNameMatchesHolidays(t *testing.T) {
	loc := stockholm(t)
	for year := 1990; year <= 2100; year++ {
		want := map[string][]string{} // two holidays may share a date (2008: 1 May)
		for _, h := range Holidays(year, loc) {
			k := h.Date.Format(time.DateOnly)
			want[k] = append(want[k], h.Name)
		}
		for d := time.Date(year, 1, 1, 12, 0, 0, 0, loc); d.Year() == year; d = d.AddDate(0, 0, 1) {
			name, ok := HolidayName(d, loc)
			w := want[d.Format(time.DateOnly)]
			if ok != (len(w) > 0) || ok && !slices.Contains(w, name) {
				t.Fatalf("HolidayName(%s) = %q %v, want one of %q", d.Format(time.DateOnly), name, ok, w)
			}
		}
	}
}

func TestAddWorkdays(t *testing.T) {
	loc := stockholm(t)
	tests := []struct {
		from string
		n    int
		want string
	}{
		{"2026-11-23", 3, "2026-11-26"}, // Monday → Thursday
		{"2026-11-26", 3, "2026-12-01"}, // over a weekend
		{"2026-11-28", 1, "2026-11-30"}, // from a Saturday
		{"2026-12-22", 3, "2026-12-29"}, // julafton, juldagen, annandag jul, a weekend
		{"2026-12-30", 3, "2027-01-07"}, // nyårsafton, nyårsdagen, a weekend, trettondedag jul
		{"2027-01-04", 1, "2027-01-05"},
		{"2027-01-05", 1, "2027-01-07"}, // trettondedag jul
		{"2027-03-24", 3, "2027-03-31"}, // långfredagen, påsk
		{"2026-11-26", -3, "2026-11-23"},
		{"2026-11-26", 0, "2026-11-26"},
	}
	for _, tt := range tests {
		d, err := time.ParseInLocation(time.DateOnly, tt.from, loc)
		if err != nil {
			t.Fatal(err)
		}
		got := AddWorkdays(d.Add(9*time.Hour), tt.n, loc)
		if got.Format(time.DateOnly) != tt.want || got.Hour() != 12 {
			t.Errorf("AddWorkdays(%s, %d) = %s, want %s at noon", tt.from, tt.n, got, tt.want)
		}
	}
}
