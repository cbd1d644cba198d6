package directory

import "testing"

// With every key hashing alike, the index still finds each key at its
// own position, keeps the first position of a repeated key and finds
// nothing for an unknown key.
func TestHashIndexCollisions(t *testing.T) {
	keys := []string{"a", "b", "c", "b", "a"}
	var list []string
	x := newHashIndex(0, func(string) uint64 { return 7 }, func(pos int32, k string) bool { return list[pos] == k })
	for i, k := range keys {
		list = append(list, k)
		if added, want := x.add(k, int32(i)), i < 3; added != want {
			t.Errorf("add(%q, %d) = %v, want %v", k, i, added, want)
		}
	}
	for want, k := range keys[:3] {
		if pos, ok := x.get(k); !ok || pos != int32(want) {
			t.Errorf("get(%q) = %d, %v, want %d", k, pos, ok, want)
		}
	}
	if pos, ok := x.get("d"); ok {
		t.Errorf("get(unknown) = %d", pos)
	}
}
