package directory

import (
	"strings"
	"testing"
	"time"
)

// routeDoc exercises every routing rule; dates are checked on 2026-12-03.
const routeDoc = `organisations:
  - {id: rs, name: Region Skåne, kind: region}
  - {id: lund, name: Lunds kommun, kind: kommun}
  - {id: eslov, name: Eslövs kommun, kind: kommun}
units:
  - {id: bup-lund, org: rs, name: BUP Lund, care: [bup], kommuner: [Lund], ages: 0-17, entry: bup-vagin}
  - {id: bup-skane, org: rs, name: BUP Skåne, care: [bup], kommuner: ["*"], entry: bup-skane-vagin}
  - {id: psyk, org: rs, name: Vuxenpsykiatri, care: [vuxenpsykiatri], kommuner: [Lund], ages: 18-, entry: psyk-vagin}
  - {id: vc, org: rs, name: Vårdcentralen, care: [primarvard], kommuner: [Lund], entry: vc-vagin}
  - {id: skola, org: lund, name: Skolan, care: [skola], kommuner: [Lund], entry: skola-vagin}
  - {id: lss-eslov, org: eslov, name: LSS Eslöv, care: [lss], kommuner: [Eslöv], entry: lss-vagin}
  - {id: soc-eslov, org: eslov, name: Socialtjänst Eslöv, care: [socialtjanst-barn], kommuner: [Eslöv], entry: soc-vagin}
contacts:
  - {id: bup-vagin, unit: bup-lund, kind: function, name: BUP väg in, roles: [vag-in], reach: [{email: bup@example.se}]}
  - {id: anna, unit: bup-lund, kind: person, name: Anna, roles: [sip-samordnare], reach: [{email: anna@example.se}, {slack: {workspace: T1, user: U1}}], away: {from: 2026-12-01, until: 2026-12-14, delegate: omar}}
  - {id: omar, unit: bup-lund, kind: person, name: Omar, roles: [lakare], reach: [{phone: "+46 46 11 22 33"}, {mattermost: {server: s, user: omar}}], away: {from: 2026-12-02, until: 2026-12-05, delegate: lina}}
  - {id: lina, unit: bup-lund, kind: person, name: Lina, roles: [kurator], reach: [{email: lina@example.se}]}
  - {id: bup-skane-vagin, unit: bup-skane, kind: function, name: BUP Skåne väg in, roles: [vag-in], reach: [{slack: {workspace: T1, channel: C1}}]}
  - {id: psyk-vagin, unit: psyk, kind: function, name: Psykiatrin väg in, roles: [vag-in], reach: [{email: psyk@example.se}]}
  - {id: vc-vagin, unit: vc, kind: function, name: VC väg in, roles: [vag-in], reach: [{email: vc@example.se}]}
  - {id: vc-per, unit: vc, kind: person, name: Per, roles: [lakare], reach: [{email: per@example.se}], away: {from: 2026-11-01, until: 2026-12-31}}
  - {id: skola-vagin, unit: skola, kind: function, name: Elevhälsan, roles: [vag-in], reach: [{email: eh@example.se}], away: {until: 2026-12-24}}
  - {id: lss-vagin, unit: lss-eslov, kind: function, name: LSS väg in, roles: [vag-in], reach: [{email: lss@example.se}]}
  - {id: soc-vagin, unit: soc-eslov, kind: function, name: Soc väg in, roles: [vag-in, sip-samordnare], reach: [{email: soc@example.se}]}
  - {id: eslov-samordnare, unit: soc-eslov, kind: person, name: Eva, roles: [sip-samordnare], reach: [{email: eva@example.se}]}
`

func TestRoute(t *testing.T) {
	d, err := loadString(t, routeDoc)
	if err != nil {
		t.Fatal(err)
	}
	day := time.Date(2026, 12, 3, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name   string
		q      Query
		want   []string // contact ids, in order
		whySV  []string // substrings of each candidate's Swedish reason
		whyEN  []string // substrings of the first candidate's English reason
		noteIn string   // substring of the Swedish note
	}{
		{"role holder on duty", Query{Care: "bup", Kommun: "Lund", Age: 14, Date: day.AddDate(0, 0, 20)},
			[]string{"anna", "bup-vagin"}, []string{"SIP-samordnare på BUP Lund", "väg in på BUP Lund"}, []string{"SIP coordinator at BUP Lund"}, ""},
		{"away → delegate chain", Query{Care: "bup", Kommun: "Lund", Age: 14, Date: day},
			[]string{"lina", "bup-vagin"}, []string{"Anna är borta till 14 dec → ersättare Omar; Omar är borta till 5 dec → ersättare Lina"}, []string{"Anna is away until 14 Dec → delegate Omar"}, ""},
		{"away → delegate", Query{Care: "bup", Kommun: "lund", Age: 14, Date: time.Date(2026, 12, 10, 15, 0, 0, 0, time.UTC)},
			[]string{"omar", "bup-vagin"}, []string{"Anna är borta till 14 dec → ersättare Omar"}, nil, ""},
		{"role given, holder", Query{Care: "bup", Kommun: "Lund", Age: -1, Role: "kurator", Date: day},
			[]string{"lina"}, []string{"kurator på BUP Lund"}, []string{"school counsellor at BUP Lund"}, ""},
		{"role given, nobody holds it → entry", Query{Care: "bup", Kommun: "Lund", Age: 10, Role: "skolskoterska", Date: day},
			[]string{"bup-vagin"}, []string{"ingen på BUP Lund har rollen skolsköterska → enhetens väg in"}, []string{"nobody at BUP Lund holds the role school nurse"}, ""},
		{"role holder absent without delegate → entry", Query{Care: "primarvard", Kommun: "Lund", Age: -1, Role: "lakare", Date: day},
			[]string{"vc-vagin"}, []string{"Per är borta till 31 dec → ingen ersättare på plats; ingen med rollen är på plats på Vårdcentralen → enhetens väg in"}, nil, ""},
		{"age outside the unit → area-wide unit", Query{Care: "bup", Kommun: "Lund", Age: 19, Date: day},
			[]string{"bup-skane-vagin"}, []string{"ingen enhet i Lund ger BUP → BUP Skåne för hela Region Skånes område"}, []string{"no unit in Lund gives child and adolescent psychiatry → BUP Skåne"}, ""},
		{"no unit for the kommun → area-wide unit", Query{Care: "bup", Kommun: "Eslöv", Age: 12, Date: day},
			[]string{"bup-skane-vagin"}, []string{"ingen enhet i Eslöv ger BUP"}, nil, ""},
		{"no unit, no area-wide unit → coordinator", Query{Care: "lss", Kommun: "Lund", Age: -1, Date: day},
			nil, nil, nil, "Ingen enhet i Lund ger LSS och ingen SIP-samordnare finns för området. Prova: LSS Eslöv (lss-eslov)."},
		{"kommun coordinator", Query{Care: "hemtjanst", Kommun: "Eslöv", Age: -1, Date: day},
			[]string{"soc-vagin", "eslov-samordnare"}, []string{"ingen enhet i Eslöv ger hemtjänst → Eslövs kommuns SIP-samordnare"}, []string{"Eslövs kommun's SIP coordinator"}, ""},
		{"entry absent without delegate → note", Query{Care: "skola", Kommun: "Lund", Age: -1, Date: day},
			nil, nil, nil, "Elevhälsan är borta till 24 dec → ingen ersättare på plats"},
		{"unknown kommun", Query{Care: "bup", Kommun: "Atlantis", Age: -1, Date: day}, nil, nil, nil, "Okänd kommun \"Atlantis\""},
		{"unknown care", Query{Care: "tandvard", Kommun: "Lund", Age: -1, Date: day}, nil, nil, nil, "Okänd vårdnivå \"tandvard\""},
		{"state care without huvudman", Query{Care: "sis", Kommun: "Lund", Age: -1, Date: day}, nil, nil, nil, "Eller sök: samla directory search sis"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := d.Route(tt.q)
			var ids []string
			for _, c := range res.Candidates {
				ids = append(ids, c.Contact.ID)
				if c.Contact.AwayOn(tt.q.Date) {
					t.Errorf("routed to %s who is away", c.Contact.ID)
				}
				if c.Unit == nil || c.Unit.ID != c.Contact.Unit {
					t.Errorf("candidate %s has unit %v", c.Contact.ID, c.Unit)
				}
			}
			if strings.Join(ids, ",") != strings.Join(tt.want, ",") {
				t.Fatalf("candidates %v, want %v (note %v)", ids, tt.want, res.Note)
			}
			for i, w := range tt.whySV {
				if got := res.Candidates[i].Reason.Text("sv"); !strings.Contains(got, w) {
					t.Errorf("reason %d = %q, want %q", i, got, w)
				}
			}
			for _, w := range tt.whyEN {
				if got := res.Candidates[0].Reason.Text("en"); !strings.Contains(got, w) {
					t.Errorf("English reason = %q, want %q", got, w)
				}
			}
			switch {
			case tt.noteIn == "" && res.Note != nil:
				t.Errorf("unexpected note %q", res.Note.Text("sv"))
			case tt.noteIn != "" && (res.Note == nil || !strings.Contains(res.Note.Text("sv"), tt.noteIn)):
				t.Errorf("note = %v, want %q", res.Note, tt.noteIn)
			}
		})
	}
}

func TestBestChannel(t *testing.T) {
	tests := []struct {
		reach []Reach
		want  string
	}{
		{[]Reach{{Kind: "phone", Address: "1"}, {Kind: "email", Address: "a@b"}, {Kind: "slack", Workspace: "T", User: "U"}}, "slack:T/U"},
		{[]Reach{{Kind: "phone", Address: "1"}, {Kind: "email", Address: "a@b"}}, "email:a@b"},
		{[]Reach{{Kind: "mattermost", Server: "s", Channel: "team"}, {Kind: "slack", Workspace: "T", User: "U"}}, "slack:T/U"},
		{[]Reach{{Kind: "mattermost", Server: "s", Channel: "team"}, {Kind: "email", Address: "a@b"}}, "mattermost:s/#team"},
		{[]Reach{{Kind: "mattermost", Server: "s", User: "u"}, {Kind: "slack", Workspace: "T", User: "U"}}, "mattermost:s/u"},
		{[]Reach{{Kind: "phone", Address: "+46 1"}}, "phone:+46 1"},
	}
	for _, tt := range tests {
		if got := ChannelString(BestChannel(&Contact{Reach: tt.reach})); got != tt.want {
			t.Errorf("BestChannel(%v) = %s, want %s", tt.reach, got, tt.want)
		}
	}
}

func TestLookups(t *testing.T) {
	d, err := loadString(t, routeDoc)
	if err != nil {
		t.Fatal(err)
	}
	if c, ok := d.ContactByReach("slack", "T1", "U1"); !ok || c.ID != "anna" {
		t.Errorf("ContactByReach slack = %v", c)
	}
	if c, ok := d.ContactByReach("mattermost", "s", "omar"); !ok || c.ID != "omar" {
		t.Errorf("ContactByReach mattermost = %v", c)
	}
	if _, ok := d.ContactByReach("slack", "T2", "U1"); ok {
		t.Error("ContactByReach matched another workspace")
	}
	if c, ok := d.ContactByEmail("LINA@Example.se"); !ok || c.ID != "lina" {
		t.Errorf("ContactByEmail = %v", c)
	}
	if got := len(d.UnitContacts("bup-lund")); got != 4 {
		t.Errorf("UnitContacts = %d", got)
	}
	h := NewHolder(d)
	if h.Current() != d {
		t.Error("holder")
	}
}

func TestRouteJSONView(t *testing.T) {
	d, err := loadString(t, routeDoc)
	if err != nil {
		t.Fatal(err)
	}
	v := RouteJSON(d.Route(Query{Care: "bup", Kommun: "Lund", Age: 14, Date: time.Date(2026, 12, 10, 0, 0, 0, 0, time.UTC)}), "en")
	if len(v.Candidates) != 2 || v.Candidates[0].ContactID != "omar" || v.Candidates[0].Channel != "mattermost:s/omar" ||
		!strings.Contains(v.Candidates[0].Why, "delegate Omar") || v.Note != "" {
		t.Errorf("view = %+v", v)
	}
	empty := RouteJSON(d.Route(Query{Care: "lss", Kommun: "Lund", Age: -1}), "sv")
	if empty.Candidates == nil || len(empty.Candidates) != 0 || empty.Note == "" {
		t.Errorf("empty view = %+v", empty)
	}
}
