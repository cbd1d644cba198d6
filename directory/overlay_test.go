package directory

import (
	"strings"
	"testing"
	"time"

	"github.com/samla-sip/samla/internal/i18n"
)

func TestRouteOverlay(t *testing.T) {
	d, err := loadString(t, routeDoc)
	if err != nil {
		t.Fatal(err)
	}
	date := func(m time.Month, day int) time.Time {
		y := 2026
		if m == time.January {
			y = 2027
		}
		return time.Date(y, m, day, 0, 0, 0, 0, time.UTC)
	}
	tests := []struct {
		name    string
		overlay MemoryOverlay
		q       Query
		want    string // first candidate
		whySV   string // substring of its Swedish reason
		whyEN   string
	}{
		{"chat absence → substitute, source said",
			MemoryOverlay{Away: map[string]Away{"lina": {From: date(12, 21), Until: date(1, 6), Delegate: "bup-vagin"}}},
			Query{Care: "bup", Kommun: "Lund", Age: -1, Role: "kurator", Date: date(12, 22)},
			"bup-vagin", "Lina är borta till 6 jan (anmält i chatten) → ersättare BUP väg in", "Lina is away until 6 Jan (reported in chat) → delegate BUP väg in"},
		{"chat absence before it starts",
			MemoryOverlay{Away: map[string]Away{"lina": {From: date(12, 21), Until: date(1, 6), Delegate: "bup-vagin"}}},
			Query{Care: "bup", Kommun: "Lund", Age: -1, Role: "kurator", Date: date(12, 20)},
			"lina", "kurator på BUP Lund", ""},
		{"chat absence expired",
			MemoryOverlay{Away: map[string]Away{"lina": {From: date(12, 1), Until: date(12, 10), Delegate: "bup-vagin"}}},
			Query{Care: "bup", Kommun: "Lund", Age: -1, Role: "kurator", Date: date(12, 11)},
			"lina", "kurator på BUP Lund", ""},
		{"file and chat, chat ends later: its substitute, both shown",
			MemoryOverlay{Away: map[string]Away{"anna": {From: date(12, 8), Until: date(1, 6), Delegate: "lina"}}},
			Query{Care: "bup", Kommun: "Lund", Age: 14, Date: date(12, 10)},
			"lina", "Anna är borta till 6 jan (anmält i chatten; katalogfilen: till 14 dec) → ersättare Lina",
			"Anna is away until 6 Jan (reported in chat; directory file: until 14 Dec) → delegate Lina"},
		{"file and chat, file ends later: its substitute, both shown",
			MemoryOverlay{Away: map[string]Away{"anna": {From: date(12, 1), Until: date(12, 8), Delegate: "lina"}}},
			Query{Care: "bup", Kommun: "Lund", Age: 14, Date: date(12, 7)},
			"omar", "Anna är borta till 14 dec (katalogfilen; anmält i chatten: till 8 dec) → ersättare Omar", ""},
		{"chat wins without a substitute: the file's stands in",
			MemoryOverlay{Away: map[string]Away{"anna": {From: date(12, 8), Until: date(1, 6)}}},
			Query{Care: "bup", Kommun: "Lund", Age: 14, Date: date(12, 10)},
			"omar", "Anna är borta till 6 jan (anmält i chatten; katalogfilen: till 14 dec) → ersättare Omar", ""},
		{"chat absence without end, no substitute → skipped and said",
			MemoryOverlay{Away: map[string]Away{"lina": {From: date(12, 1)}}},
			Query{Care: "bup", Kommun: "Lund", Age: -1, Role: "kurator", Date: date(12, 22)},
			"bup-vagin", "Lina är borta tills vidare (anmält i chatten) → ingen ersättare på plats", ""},
		{"substitute away in chat too: chain",
			MemoryOverlay{Away: map[string]Away{"anna": {From: date(12, 20), Until: date(1, 6), Delegate: "lina"}, "lina": {From: date(12, 20), Until: date(12, 31), Delegate: "bup-vagin"}}},
			Query{Care: "bup", Kommun: "Lund", Age: 14, Date: date(12, 22)},
			"bup-vagin", "Anna är borta till 6 jan (anmält i chatten) → ersättare Lina; Lina är borta till 31 dec (anmält i chatten) → ersättare BUP väg in", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q := tt.q
			q.Overlay = tt.overlay
			res := d.Route(q)
			if len(res.Candidates) == 0 {
				t.Fatalf("no candidates; note %v", res.Note)
			}
			c := res.Candidates[0]
			if c.Contact.ID != tt.want {
				t.Fatalf("first = %s (%s), want %s", c.Contact.ID, c.Reason.Text(i18n.Swedish), tt.want)
			}
			if sv := c.Reason.Text(i18n.Swedish); !strings.Contains(sv, tt.whySV) {
				t.Errorf("reason %q, want %q in it", sv, tt.whySV)
			}
			if en := c.Reason.Text(i18n.English); !strings.Contains(en, tt.whyEN) {
				t.Errorf("reason %q, want %q in it", en, tt.whyEN)
			}
			// Without the overlay the files alone decide.
			if plain := d.Route(tt.q); len(plain.Candidates) > 0 && strings.Contains(plain.Candidates[0].Reason.Text(i18n.Swedish), "chatten") {
				t.Errorf("route without overlay mentions chat: %s", plain.Candidates[0].Reason.Text(i18n.Swedish))
			}
		})
	}
}

func TestAbsenceOn(t *testing.T) {
	d, err := loadString(t, routeDoc)
	if err != nil {
		t.Fatal(err)
	}
	anna, _ := d.Contact("anna")
	day := time.Date(2026, 12, 10, 9, 0, 0, 0, time.UTC)
	if a, chat, ok := anna.AbsenceOn(day, nil); !ok || chat || a.Delegate != "omar" {
		t.Errorf("file only: %+v chat=%v ok=%v", a, chat, ok)
	}
	ov := MemoryOverlay{Away: map[string]Away{"anna": {From: day, Until: day.AddDate(0, 0, 30), Delegate: "lina"}}}
	if a, chat, ok := anna.AbsenceOn(day, ov); !ok || !chat || a.Delegate != "lina" {
		t.Errorf("chat ends later: %+v chat=%v ok=%v", a, chat, ok)
	}
	if _, _, ok := anna.AbsenceOn(day.AddDate(0, 0, 31), ov); ok {
		t.Error("away after both absences ended")
	}
}

func TestRouteEntryRedirect(t *testing.T) {
	d, err := loadString(t, routeDoc)
	if err != nil {
		t.Fatal(err)
	}
	day := time.Date(2026, 12, 20, 0, 0, 0, 0, time.UTC)
	until := time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC)
	ov := MemoryOverlay{Entries: map[string]Redirect{"bup-lund": {Contact: "lina", Until: until}}}
	tests := []struct {
		name string
		q    Query
		want []string
		why  string // the last candidate's Swedish reason
	}{
		{"redirected entry stands in for the vag-in holders", Query{Care: "bup", Kommun: "Lund", Age: 14, Date: day, Overlay: ov},
			[]string{"anna", "lina"}, "enhetens väg in på BUP Lund; väg in omdirigerad i chatten till 31 dec"},
		{"role nobody holds → the redirected entry", Query{Care: "bup", Kommun: "Lund", Age: 14, Role: "skolskoterska", Date: day, Overlay: ov},
			[]string{"lina"}, "ingen på BUP Lund har rollen skolsköterska → enhetens väg in; väg in omdirigerad i chatten till 31 dec"},
		{"after the redirect ends", Query{Care: "bup", Kommun: "Lund", Age: 14, Date: until.AddDate(0, 0, 1), Overlay: ov},
			[]string{"anna", "bup-vagin"}, "VAG-IN"},
		{"a contact of another unit is ignored", Query{Care: "bup", Kommun: "Lund", Age: 14, Date: day,
			Overlay: MemoryOverlay{Entries: map[string]Redirect{"bup-lund": {Contact: "vc-per", Until: until}}}},
			[]string{"anna", "bup-vagin"}, "VAG-IN"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := d.Route(tt.q)
			var ids []string
			for _, c := range res.Candidates {
				ids = append(ids, c.Contact.ID)
			}
			if strings.Join(ids, ",") != strings.Join(tt.want, ",") {
				t.Fatalf("candidates %v, want %v", ids, tt.want)
			}
			last := res.Candidates[len(res.Candidates)-1].Reason.Text(i18n.Swedish)
			if tt.why == "VAG-IN" {
				if strings.Contains(last, "chatten") {
					t.Errorf("reason %q mentions chat", last)
				}
				return
			}
			if !strings.Contains(last, tt.why) {
				t.Errorf("reason %q, want %q", last, tt.why)
			}
		})
	}
}
