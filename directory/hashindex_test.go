package directory

import (
	"slices"
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
