package directory_test

import (
	"slices"
	"testing"
	"time"

	"github.com/samla-sip/samla/directory"
	"github.com/samla-sip/samla/examples"
)

func loadSample(t testing.TB) *directory.Directory {
	t.Helper()
	d, err := directory.LoadFS(examples.Directory(), ".")
	if err != nil {
		t.Fatalf("sample directory: %v", err)
	}
	return d
}

func TestSampleCoversTheDomain(t *testing.T) {
	d := loadSample(t)
	care := map[string]bool{}
	for _, u := range d.Units() {
		for _, c := range u.Care {
			care[c] = true
		}
		if _, ok := d.Contact(u.Entry); !ok {
			t.Errorf("unit %s: no entry", u.ID)
		}
	}
	for _, c := range directory.CareLevels {
		if !care[c] {
			t.Errorf("care level %s not in the sample", c)
		}
	}
	kinds := map[string]int{}
	reach := map[string]int{}
	away := 0
	d.Contacts(func(c *directory.Contact) bool {
		kinds[c.Kind]++
		for _, r := range c.Reach {
			reach[r.Kind]++
		}
		if c.Away != nil && c.Away.Delegate != "" {
			away++
		}
		return true
	})
	if kinds["person"] == 0 || kinds["function"] == 0 {
		t.Errorf("kinds = %v, want persons and functions", kinds)
	}
	for _, k := range []string{"slack", "mattermost", "email", "phone"} {
		if reach[k] == 0 {
			t.Errorf("no %s reach in the sample", k)
		}
	}
	if away == 0 {
		t.Error("nobody in the sample is away with a delegate")
	}
	for _, k := range []string{"Lund", "Malmö", "Eslöv", "Huddinge"} {
		km, _ := directory.LookupKommun(k)
		found := false
		for _, u := range d.Units() {
			if !u.AreaWide && slices.Contains(u.Kommuner, km.Code) {
				found = true
			}
		}
		if !found {
			t.Errorf("no unit names %s", k)
		}
	}
}

// TestSampleScenarioOne is the first scenario: a 14-year-old in Lund.
func TestSampleScenarioOne(t *testing.T) {
	d := loadSample(t)
	day := time.Date(2026, 12, 3, 0, 0, 0, 0, time.UTC)
	want := map[string]string{
		"bup":               "bup-lund-vagin",
		"skola":             "lund-skola-kurator-sara",
		"socialtjanst-barn": "lund-barn-socsek-david",
		"primarvard":        "vc-lund-fast-vardkontakt-maria",
	}
	for care, id := range want {
		res := d.Route(directory.Query{Care: care, Kommun: "Lund", Age: 14, Date: day})
		if len(res.Candidates) == 0 || res.Candidates[0].Contact.ID != id {
			t.Errorf("route %s in Lund: %+v, want first %s", care, res.Candidates, id)
		}
	}
}

func TestSampleControls(t *testing.T) {
	d := loadSample(t)
	tests := []struct {
		contact, kind, space string
		want                 bool
	}{
		{"bup-lund-vagin", "slack", "T0SKANE01", true},
		{"bup-lund-vagin", "slack", "T0STHLM01", false}, // Region Stockholm's workspace
		{"bup-lund-vagin", "mattermost", "lund", false},
		{"bup-lund-vagin", "console", "", false},
		{"lund-skola-kurator-sara", "mattermost", "lund", true},
		{"lund-skola-kurator-sara", "mattermost", "skane-kommun", false},
		{"eslov-skola-kurator-jonas", "mattermost", "skane-kommun", true},
		{"huddinge-vuxen-socsek-jonas", "mattermost", "huddinge", true},
		{"vc-huddinge-vagin", "slack", "T0STHLM01", true},
	}
	for _, tt := range tests {
		c, ok := d.Contact(tt.contact)
		if !ok {
			t.Fatalf("no contact %s", tt.contact)
		}
		if got := d.Controls(c, tt.kind, tt.space); got != tt.want {
			t.Errorf("Controls(%s, %s, %s) = %v, want %v", tt.contact, tt.kind, tt.space, got, tt.want)
		}
	}
	// Every chat user reach in the sample is on a workspace or server its
	// organisation controls, so each of them can be linked.
	d.Contacts(func(c *directory.Contact) bool {
		for _, r := range c.Reach {
			space := r.Workspace + r.Server
			if r.User != "" && !d.Controls(c, r.Kind, space) {
				t.Errorf("%s: reach %s %s/%s is not controlled by its organisation", c.ID, r.Kind, space, r.User)
			}
		}
		return true
	})
}
