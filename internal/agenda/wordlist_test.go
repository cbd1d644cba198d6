package agenda

import "testing"

func TestWordList(t *testing.T) {
	wl, err := decodeWordList(wordsSV)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(wl.classes); n < 500000 {
		t.Fatalf("%d word forms, want the whole dictionary", n)
	}
	tests := []struct {
		word     string
		ordinary bool
		proper   bool
	}{
		{"skolan", true, false},
		{"eleven", true, false},
		{"dessutom", true, false},
		{"självskadebeteende", true, false},
		{"skolfrånvaron", true, false},    // compound
		{"kontaktpersonens", true, false}, // compound, genitive
		{"anders", false, true},
		{"svensson", false, true},
		{"lindberg", false, true}, // lind+berg is a surname, not a compound
		{"bergström", false, true},
		{"polhemskolan", false, true},
		{"xqzzy", false, false},
	}
	for _, tc := range tests {
		if got := wl.ordinary(tc.word); got != tc.ordinary {
			t.Errorf("ordinary(%q) = %v, want %v", tc.word, got, tc.ordinary)
		}
		if got := wl.class(tc.word)&classProper != 0; got != tc.proper {
			t.Errorf("proper(%q) = %v, want %v", tc.word, got, tc.proper)
		}
	}
}

func TestSwedishIsTheEmbeddedList(t *testing.T) {
	if swedish().class("skolan")&classOrdinary == 0 {
		t.Fatal("embedded word list did not load")
	}
}
