package directory

import (
	"slices"
	"strings"
	"testing"
)

// With every key hashing alike, the index still finds each key at its
// first position, finds nothing for an unknown key and reports the
// later positions of a repeated key.
func TestHashIndexCollisions(t *testing.T) {
	for _, hash := range []func(string) uint64{
		func(string) uint64 { return 7 },
		func(s string) uint64 { return uint64(len(s)) << 60 },
	} {
		list := []string{"a", "b", "c", "b", "a", "dd", "ee", "dd"}
		x := newHashIndex(hash, func(pos int32, k string) bool { return list[pos] == k }, 0, func(add func(string, int32)) {
			for i, k := range list {
				add(k, int32(i))
			}
		})
		for k, want := range map[string]int32{"a": 0, "b": 1, "c": 2, "dd": 5, "ee": 6} {
			if pos, ok := x.get(k); !ok || pos != want {
				t.Errorf("get(%q) = %d, %v, want %d", k, pos, ok, want)
			}
		}
		if pos, ok := x.get("f"); ok {
			t.Errorf("get(unknown) = %d", pos)
		}
		if got := x.repeats(func(pos int32) string { return list[pos] }); !slices.Equal(got, []int32{3, 4, 7}) {
			t.Errorf("repeats = %v, want [3 4 7]", got)
		}
	}
	empty := newHashIndex(func(string) uint64 { return 1 }, func(int32, string) bool { return true }, 0, func(func(string, int32)) {})
	if _, ok := empty.get("a"); ok {
		t.Error("an empty index found a key")
	}
}

// A directory without contacts answers every lookup with nothing.
func TestEmptyDirectoryLookups(t *testing.T) {
	d, err := loadString(t, "units: []\n")
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := d.Contact("x"); ok {
		t.Error("Contact found something")
	}
	if _, ok := d.ContactByReach("slack", "T1", "U1"); ok {
		t.Error("ContactByReach found something")
	}
	if _, ok := d.ContactByEmail("a@example.se"); ok {
		t.Error("ContactByEmail found something")
	}
	if hits := d.Search("anna", 10); len(hits) != 0 {
		t.Errorf("Search found %v", hits)
	}
}

// The first contact to claim a chat identity or an e-mail address keeps it.
func TestFirstClaimKeepsAnIdentity(t *testing.T) {
	reach := "    reach:\n      - slack: {workspace: T1, user: U1}\n      - email: E@Example.se\n"
	doc := strings.Replace(base, "      - email: e@example.se\n", "      - slack: {workspace: T1, user: U1}\n      - email: e@example.se\n", 1) +
		"  - id: c2\n    unit: u1\n    kind: person\n    name: Per\n" + reach
	d, err := loadString(t, doc)
	if err != nil {
		t.Fatal(err)
	}
	if c, ok := d.ContactByReach("slack", "T1", "U1"); !ok || c.ID != "c1" {
		t.Errorf("ContactByReach = %v, %v, want c1", c, ok)
	}
	if c, ok := d.ContactByEmail("e@EXAMPLE.se"); !ok || c.ID != "c1" {
		t.Errorf("ContactByEmail = %v, %v, want c1", c, ok)
	}
	if c, ok := d.Contact("c2"); !ok || c.Name != "Per" {
		t.Errorf("Contact(c2) = %v, %v", c, ok)
	}
}

// A contact whose id is taken is reported once, as a duplicate; its other
// fields are not checked against the directory (it is not part of it).
func TestDuplicateContactIsOnlyADuplicate(t *testing.T) {
	dup := "  - id: c1\n    unit: u1\n    kind: person\n    name: Per\n    reach:\n      - email: p@example.se\n    away: {until: 2026-12-01, delegate: c9}\n"
	got := problemsOf(t, base+dup)
	if len(got) != 1 || !strings.HasPrefix(got[0], "a:20: duplicate contact id \"c1\"") {
		t.Errorf("problems %q, want only the duplicate at a:20", got)
	}
}
