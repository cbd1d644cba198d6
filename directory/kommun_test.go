package directory

import "testing"

func TestKommunTable(t *testing.T) {
	if n := len(Kommuner()); n != 290 {
		t.Errorf("Kommuner() = %d, want 290", n)
	}
	if n := len(Regions()); n != 21 {
		t.Errorf("Regions() = %d, want 21", n)
	}
	seen := map[string]bool{}
	for _, k := range Kommuner() {
		if len(k.Code) != 4 || k.Region == "" || k.Code[:2] != k.LanCode {
			t.Errorf("bad kommun %+v", k)
		}
		if seen[k.Code] {
			t.Errorf("duplicate code %s", k.Code)
		}
		seen[k.Code] = true
	}
}

func TestLookupKommun(t *testing.T) {
	tests := []struct {
		in, code string
	}{
		{"Lund", "1281"}, {"lund", "1281"}, {"LUNDS KOMMUN", "1281"}, {"1281", "1281"},
		{"Malmö", "1280"}, {"MALMÖ STAD", "1280"}, {"malmo", "1280"}, {"Malmö stad", "1280"},
		{"Eslöv", "1285"}, {"eslov", "1285"}, {"Eslövs kommun", "1285"}, {"1285", "1285"}, {" eslövs  kommun ", "1285"},
		{"Stockholms stad", "0180"}, {"Borås", "1490"}, {"Borås kommun", "1490"}, {"boras", "1490"},
		{"Upplands Väsby", "0114"}, {"upplands-vasby", "0114"}, {"Håbo", "0305"}, {"Habo", "0643"}, {"habo", "0643"},
		{"Huddinge kommun", "0126"}, {"Göteborgs stad", "1480"}, {"goteborg", "1480"},
	}
	for _, tt := range tests {
		k, ok := LookupKommun(tt.in)
		if !ok || k.Code != tt.code {
			t.Errorf("LookupKommun(%q) = %+v, %v; want %s", tt.in, k, ok, tt.code)
		}
	}
	for _, bad := range []string{"", "Atlantis", "9999", "kommun", "Lundby"} {
		if k, ok := LookupKommun(bad); ok {
			t.Errorf("LookupKommun(%q) = %+v, want not found", bad, k)
		}
	}
}

func TestRegionOf(t *testing.T) {
	tests := []struct{ in, region, lan string }{
		{"Lund", "Region Skåne", "12"}, {"1285", "Region Skåne", "12"}, {"Huddinge", "Region Stockholm", "01"},
		{"Kiruna", "Region Norrbotten", "25"}, {"Göteborg", "Västra Götalandsregionen", "14"},
	}
	for _, tt := range tests {
		r, ok := RegionOf(tt.in)
		if !ok || r.Name != tt.region || r.LanCode != tt.lan {
			t.Errorf("RegionOf(%q) = %+v, %v", tt.in, r, ok)
		}
	}
	if _, ok := RegionOf("Atlantis"); ok {
		t.Error("RegionOf(Atlantis) found")
	}
	for _, in := range []string{"Region Skåne", "region skane", "Skåne län", "12"} {
		if r, ok := LookupRegion(in); !ok || r.LanCode != "12" {
			t.Errorf("LookupRegion(%q) = %+v, %v", in, r, ok)
		}
	}
	if n := len(KommunerInLan("12")); n != 33 {
		t.Errorf("Skåne has %d kommuner, want 33", n)
	}
}
