package directory

import (
	"strings"
	"testing"
)

func TestSearch(t *testing.T) {
	d, err := loadString(t, routeDoc)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		q    string
		want []string // contact ids, best first (prefix of the result)
		n    int      // expected number of hits; -1 = don't care
	}{
		{"lina", []string{"lina"}, 1},
		{"LINA", []string{"lina"}, 1},
		{"lin", []string{"lina"}, 1},
		{"kurator", []string{"lina"}, 1},
		{"bup lund", []string{"bup-vagin", "bup-skane-vagin", "anna", "omar", "lina"}, 5}, // BUP Skåne covers all of Skåne
		{"omar lakare", []string{"omar"}, 1},
		{"vardcentralen", []string{"vc-vagin", "vc-per"}, 2},
		{"Vårdcentralen", []string{"vc-vagin", "vc-per"}, 2},
		{"eslöv", []string{"lss-vagin", "soc-vagin", "eslov-samordnare", "bup-skane-vagin"}, 4},
		{"eslov sip", []string{"soc-vagin", "eslov-samordnare"}, 2}, // sip-samordnare role
		{"lss", []string{"lss-vagin"}, 1},
		{"eva eslov", []string{"eslov-samordnare"}, 1},
		{"anna malmö", nil, 0}, // every token must match
		{"", nil, 0},
		{"!!!", nil, 0},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			hits := d.Search(tt.q, 10)
			var ids []string
			for _, h := range hits {
				ids = append(ids, h.Contact.ID)
				if h.Unit == nil || h.Unit.ID != h.Contact.Unit || h.Score <= 0 {
					t.Errorf("bad hit %+v", h)
				}
			}
			if tt.n >= 0 && len(ids) != tt.n {
				t.Errorf("hits %v, want %d", ids, tt.n)
			}
			if len(ids) < len(tt.want) || strings.Join(ids[:len(tt.want)], ",") != strings.Join(tt.want, ",") {
				t.Errorf("hits %v, want first %v", ids, tt.want)
			}
		})
	}
}

func TestSearchRanking(t *testing.T) {
	d, err := loadString(t, routeDoc)
	if err != nil {
		t.Fatal(err)
	}
	hits := d.Search("bup", 10)
	if strings.Join(hitIDs(hits), ",") != "bup-vagin,bup-skane-vagin,anna,omar,lina" {
		t.Fatalf("bup: %v", hitIDs(hits))
	}
	// An exact name token outranks a unit match; ties keep file order.
	if hits[0].Score != hits[1].Score || hits[1].Score <= hits[2].Score || hits[2].Score != hits[4].Score {
		t.Errorf("ranking: %v", hits)
	}
	if got := d.Search("bup", 2); len(got) != 2 || got[0].Contact.ID != "bup-vagin" || got[1].Contact.ID != "bup-skane-vagin" {
		t.Errorf("limit 2: %v", hitIDs(got))
	}
	// Exact beats prefix: "lund" is exact for Lund units, a prefix elsewhere.
	for _, h := range d.Search("lun", 10) {
		if h.Score != weightKommun && h.Score != weightUnit && h.Score != weightName {
			t.Errorf("prefix score %v for %s", h.Score, h.Contact.ID)
		}
	}
}

func hitIDs(hits []Hit) []string {
	var ids []string
	for _, h := range hits {
		ids = append(ids, h.Contact.ID)
	}
	return ids
}

func TestSearchJSONView(t *testing.T) {
	d, err := loadString(t, routeDoc)
	if err != nil {
		t.Fatal(err)
	}
	v := SearchJSON(d.Search("lina", 5))
	if len(v.Results) != 1 || v.Results[0].ContactID != "lina" || v.Results[0].UnitID != "bup-lund" || v.Results[0].Score != weightName+exactBonus {
		t.Errorf("view = %+v", v)
	}
	if v := SearchJSON(nil); v.Results == nil {
		t.Error("no results must be an empty list, not null")
	}
}

// The search index keeps each contact's roles as bits of a uint32.
func TestRolesFitTheSearchIndex(t *testing.T) {
	if len(Roles) > 32 {
		t.Fatalf("%d roles; the search index's role bits hold 32", len(Roles))
	}
}
