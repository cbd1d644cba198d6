package sip

import (
	"testing"
	"testing/fstest"

	"github.com/samla-sip/samla/directory"
)

const unitDoc = `organisations:
  - {id: malmo, name: Malmö stad, kind: kommun, kommun: Malmö, chat: {mattermost: [skane-kommun]}}
units:
  - {id: ht, org: malmo, name: Hemtjänst Väster, care: [hemtjanst], kommuner: [Malmö], entry: ht-vagin}
  - {id: ht2, org: malmo, name: Hemtjänst Öster, care: [hemtjanst], kommuner: [Malmö], entry: ht2-vagin}
contacts:
  - {id: ht-vagin, unit: ht, kind: function, name: Hemtjänst Väster mottagning, roles: [vag-in], reach: [{mattermost: {server: skane-kommun, user: ht.vagin}}]}
  - {id: ht-chef, unit: ht, kind: person, name: Maria Chef, roles: [enhetschef], reach: [{mattermost: {server: skane-kommun, user: maria.chef}}]}
  - {id: ht-lena, unit: ht, kind: person, name: Lena Berg, reach: [{mattermost: {server: skane-kommun, user: lena.berg}}]}
  - {id: ht2-vagin, unit: ht2, kind: function, name: Hemtjänst Öster mottagning, roles: [vag-in], reach: [{mattermost: {server: skane-kommun, user: ht2.vagin}}]}
  - {id: ht2-chef, unit: ht2, kind: person, name: Per Chef, roles: [enhetschef], reach: [{mattermost: {server: skane-kommun, user: per.chef}}]}
`

func TestUnitEntryFromChat(t *testing.T) {
	h := newHarness(t)
	d, err := directory.LoadFS(fstest.MapFS{"d.yaml": {Data: []byte(unitDoc)}}, "d.yaml")
	if err != nil {
		t.Fatal(err)
	}
	h.dir.Swap(d)
	h.at("2026-12-21")
	tests := []struct{ who, cmd, want string }{
		{"ht-lena", "enhet ht väg-in=ht-lena till=2027-01-06", "Bara enhetschefen för Hemtjänst Väster"},
		{"ht2-chef", "enhet ht väg-in=ht-lena till=2027-01-06", "Bara enhetschefen för Hemtjänst Väster"},
		{"ht-chef", "enhet ht väg-in=ht2-vagin till=2027-01-06", `"ht2-vagin" är ingen kontakt på Hemtjänst Väster`},
		{"ht-chef", "enhet ht väg-in=ht-lena till=2026-12-01", "till= ska vara ett datum"},
		{"ht-chef", "enhet ht väg-in=ht-lena", "både väg-in=KONTAKT-ID och till="},
		{"ht-chef", "enhet nowhere", `Hittar ingen enhet "nowhere"`},
		{"ht-chef", "enhet ht", "Väg in för Hemtjänst Väster: Hemtjänst Väster mottagning."},
	}
	for _, tt := range tests {
		mustContain(t, tt.cmd, h.cmd(tt.who, tt.cmd), tt.want)
	}
	mustContain(t, "route before", h.cmd("ht-chef", "vem hemtjanst Malmö"), "1. Hemtjänst Väster mottagning")

	mustContain(t, "set", h.cmd("ht-chef", "enhet ht väg-in=ht-lena till=2027-01-06"), "Väg in för Hemtjänst Väster är nu Lena Berg till och med 2027-01-06")
	told := sentTo(h.drain(), "ht-lena")
	if len(told) != 1 {
		t.Fatalf("new entry point got %d messages, want 1", len(told))
	}
	mustContain(t, "told", told[0].Msg.Text, "Du är väg in för Hemtjänst Väster till och med 2027-01-06 (ändrat av Maria Chef)")
	mustContain(t, "route during", h.cmd("ht2-chef", "vem hemtjanst Malmö"),
		"1. Lena Berg", "enhetens väg in på Hemtjänst Väster; väg in omdirigerad i chatten till 6 jan", "2. Hemtjänst Öster mottagning")
	mustContain(t, "show during", h.cmd("ht-lena", "enhet ht"), "Väg in för Hemtjänst Väster: Lena Berg. (Omdirigerad i chatten till 2027-01-06.)")

	h.at("2027-01-07")
	mustContain(t, "route after", h.cmd("ht2-chef", "vem hemtjanst Malmö"), "1. Hemtjänst Väster mottagning")
}
