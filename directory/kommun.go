package directory

import (
	"embed"
	"encoding/csv"
	"strings"
	"sync"
)

//go:embed data/kommuner.csv data/regioner.csv
var dataFS embed.FS

// kommunTable is the parsed embedded table of kommuner and regions.
type kommunTable struct {
	kommuner []Kommun
	byCode   map[string]int
	byName   map[string]int // lower-cased exact name
	byFolded map[string]int // folded name; -1 when two kommuner fold alike
	regions  map[string]Region
	byRegion map[string]string // folded region or län name → län code
}

// Region is one of Sweden's 21 regions with its län.
type Region struct {
	LanCode string `json:"lan_code"`
	Lan     string `json:"lan"`  // e.g. "Skåne län"
	Name    string `json:"name"` // e.g. "Region Skåne"
}

// table parses the embedded CSV files once; the result is never mutated.
var table = sync.OnceValue(loadKommunTable)

func loadKommunTable() *kommunTable {
	t := &kommunTable{
		byCode: map[string]int{}, byName: map[string]int{}, byFolded: map[string]int{},
		regions: map[string]Region{}, byRegion: map[string]string{},
	}
	for _, rec := range readCSV("data/regioner.csv") {
		if len(rec) != 3 {
			continue
		}
		r := Region{LanCode: rec[0], Lan: rec[1], Name: rec[2]}
		t.regions[r.LanCode] = r
		t.byRegion[normName(r.Name)] = r.LanCode
		t.byRegion[normName(r.Lan)] = r.LanCode
	}
	for _, rec := range readCSV("data/kommuner.csv") {
		if len(rec) != 3 {
			continue
		}
		k := Kommun{Code: rec[0], Name: rec[1], LanCode: rec[2], Region: t.regions[rec[2]].Name}
		i := len(t.kommuner)
		t.kommuner = append(t.kommuner, k)
		t.byCode[k.Code] = i
		t.byName[strings.ToLower(spaced(k.Name))] = i
		f := normName(k.Name)
		if _, dup := t.byFolded[f]; dup {
			t.byFolded[f] = -1
		} else {
			t.byFolded[f] = i
		}
	}
	return t
}

func readCSV(name string) [][]string {
	f, err := dataFS.Open(name)
	if err != nil {
		return nil
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil || len(recs) == 0 {
		return nil
	}
	return recs[1:] // header
}

// spaced turns hyphens into spaces and collapses runs of white space.
func spaced(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "-", " ")), " ")
}

func normName(s string) string { return fold(spaced(s)) }

// Kommuner lists Sweden's 290 kommuner ordered by SCB code.
func Kommuner() []Kommun {
	t := table()
	out := make([]Kommun, len(t.kommuner))
	copy(out, t.kommuner)
	return out
}

// Regions lists Sweden's 21 regions ordered by län code.
func Regions() []Region {
	t := table()
	out := make([]Region, 0, len(t.regions))
	for _, k := range t.kommuner {
		if len(out) == 0 || out[len(out)-1].LanCode != k.LanCode {
			out = append(out, t.regions[k.LanCode])
		}
	}
	return out
}

// RegionOf returns the region of a kommun given by SCB code or name.
func RegionOf(kommun string) (Region, bool) {
	k, ok := LookupKommun(kommun)
	if !ok {
		return Region{}, false
	}
	r, ok := table().regions[k.LanCode]
	return r, ok
}

// LookupRegion resolves a region by name ("Region Skåne", "region skane"),
// län name ("Skåne län") or län code ("12").
func LookupRegion(s string) (Region, bool) {
	t := table()
	s = strings.TrimSpace(s)
	if r, ok := t.regions[s]; ok {
		return r, true
	}
	if code, ok := t.byRegion[normName(s)]; ok {
		return t.regions[code], true
	}
	return Region{}, false
}

// KommunerInLan returns the SCB codes of the kommuner in a län.
func KommunerInLan(lanCode string) []string {
	var out []string
	for _, k := range table().kommuner {
		if k.LanCode == lanCode {
			out = append(out, k.Code)
		}
	}
	return out
}

// LookupKommun resolves a kommun name (any case, with or without
// "kommun"/"stad" and a genitive s, with or without å/ä/ö) or SCB code.
// Names that only differ by diacritics (Håbo, Habo) need the exact
// spelling.
func LookupKommun(s string) (Kommun, bool) {
	t := table()
	s = strings.TrimSpace(s)
	if i, ok := t.byCode[s]; ok {
		return t.kommuner[i], true
	}
	lower := strings.ToLower(spaced(s))
	for _, cand := range nameVariants(lower) {
		if i, ok := t.byName[cand]; ok {
			return t.kommuner[i], true
		}
	}
	for _, cand := range nameVariants(fold(lower)) {
		if i, ok := t.byFolded[cand]; ok && i >= 0 {
			return t.kommuner[i], true
		}
	}
	return Kommun{}, false
}

// nameVariants yields s and, when it ends in " kommun" or " stad", the
// name without that suffix and without a genitive s ("eslövs kommun").
func nameVariants(s string) []string {
	out := []string{s}
	for _, suf := range []string{" kommun", " stad"} {
		if base, ok := strings.CutSuffix(s, suf); ok && base != "" {
			out = append(out, base)
			if b, ok := strings.CutSuffix(base, "s"); ok && b != "" {
				out = append(out, b)
			}
		}
	}
	return out
}
