package directory

import (
	"hash/maphash"
	"math/bits"
	"slices"
)

// hashIndex finds a key's position in a list its owner keeps (here the
// directory's contact list). It is built once: the 64-bit hashes of the
// keys, sorted, with the position of each — 12 bytes a key, no pointers
// for the garbage collector to scan, and a build that is a counting sort
// rather than a million random map inserts. A lookup reads one bucket
// (about four entries) and asks the owner's match function to confirm a
// position holds the key, so keys whose hashes collide are told apart
// and never lost.
//
// Entries are ordered by hash and then position: of several positions
// holding one key, lookups find the first.
type hashIndex[K comparable] struct {
	hash   func(K) uint64
	match  func(pos int32, k K) bool
	shift  uint    // a hash's bucket is hash >> shift
	starts []int32 // bucket b holds entries starts[b]:starts[b+1]
	hashes []uint64
	pos    []int32
}

// newHashIndex indexes the keys each yields with their positions.
func newHashIndex[K comparable](hash func(K) uint64, match func(int32, K) bool, sizeHint int, each func(add func(K, int32))) *hashIndex[K] {
	hs, ps := make([]uint64, 0, sizeHint), make([]int32, 0, sizeHint)
	each(func(k K, pos int32) {
		hs = append(hs, hash(k))
		ps = append(ps, pos)
	})
	b := uint(bits.Len(uint(len(hs) / 4))) // about four entries a bucket
	x := &hashIndex[K]{hash: hash, match: match, shift: 64 - b, starts: make([]int32, 1<<b+1)}
	for _, h := range hs {
		x.starts[h>>x.shift+1]++
	}
	for i := 1; i < len(x.starts); i++ {
		x.starts[i] += x.starts[i-1]
	}
	next := append([]int32(nil), x.starts[:len(x.starts)-1]...)
	x.hashes, x.pos = make([]uint64, len(hs)), make([]int32, len(hs))
	for i, h := range hs { // in position order, so each bucket is too
		at := next[h>>x.shift]
		next[h>>x.shift]++
		x.hashes[at], x.pos[at] = h, ps[i]
	}
	for bk := 0; bk+1 < len(x.starts); bk++ {
		x.sortBucket(int(x.starts[bk]), int(x.starts[bk+1]))
	}
	return x
}

// sortBucket orders entries lo:hi by hash, keeping position order among
// equal hashes (an insertion sort: buckets are small).
func (x *hashIndex[K]) sortBucket(lo, hi int) {
	for i := lo + 1; i < hi; i++ {
		h, p := x.hashes[i], x.pos[i]
		j := i
		for j > lo && x.hashes[j-1] > h {
			x.hashes[j], x.pos[j] = x.hashes[j-1], x.pos[j-1]
			j--
		}
		x.hashes[j], x.pos[j] = h, p
	}
}

// get returns the first position holding k.
func (x *hashIndex[K]) get(k K) (int32, bool) {
	h := x.hash(k)
	b := h >> x.shift
	for i := x.starts[b]; i < x.starts[b+1] && x.hashes[i] <= h; i++ {
		if x.hashes[i] == h && x.match(x.pos[i], k) {
			return x.pos[i], true
		}
	}
	return 0, false
}

// repeats returns, in ascending order, the positions whose key (keyOf)
// an earlier position holds too.
func (x *hashIndex[K]) repeats(keyOf func(int32) K) []int32 {
	var out []int32
	for i := 1; i < len(x.hashes); i++ {
		if x.hashes[i] != x.hashes[i-1] {
			continue
		}
		k := keyOf(x.pos[i])
		for j := i - 1; j >= 0 && x.hashes[j] == x.hashes[i]; j-- {
			if x.match(x.pos[j], k) {
				out = append(out, x.pos[i])
				break
			}
		}
	}
	slices.Sort(out)
	return out
}

// stringHash and reachHash are the hashes of the directory's indexes,
// seeded per directory.
func stringHash(seed maphash.Seed) func(string) uint64 {
	return func(s string) uint64 { return maphash.String(seed, s) }
}

func reachHash(seed maphash.Seed) func(reachKey) uint64 {
	return func(k reachKey) uint64 {
		var h maphash.Hash
		h.SetSeed(seed)
		h.WriteString(k.kind)
		h.WriteByte(0)
		h.WriteString(k.space)
		h.WriteByte(0)
		h.WriteString(k.user)
		return h.Sum64()
	}
}
