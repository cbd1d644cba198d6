package directory

import "hash/maphash"

// hashIndex finds a key's position in a list its owner keeps (here the
// directory's contact list). It stores a 64-bit hash and an int32 per key
// — a 16-byte slot without pointers, which the garbage collector never
// scans — instead of the key and a pointer. The owner's match function
// confirms that a position holds the key; a key whose hash a different
// key already holds goes to a small exact map, so a collision can neither
// lose a key nor return the wrong entry.
type hashIndex[K comparable] struct {
	hash  func(K) uint64
	match func(pos int32, k K) bool
	slots map[uint64]int32
	spill map[K]int32
}

func newHashIndex[K comparable](size int, hash func(K) uint64, match func(int32, K) bool) *hashIndex[K] {
	return &hashIndex[K]{hash: hash, match: match, slots: make(map[uint64]int32, size)}
}

// get returns the position of k.
func (x *hashIndex[K]) get(k K) (int32, bool) {
	if pos, ok := x.slots[x.hash(k)]; ok && x.match(pos, k) {
		return pos, true
	}
	pos, ok := x.spill[k]
	return pos, ok
}

// add records pos for k unless k is there already (the first one stays),
// and reports whether it did.
func (x *hashIndex[K]) add(k K, pos int32) bool {
	h := x.hash(k)
	held, taken := x.slots[h]
	switch {
	case !taken:
		x.slots[h] = pos
		return true
	case x.match(held, k):
		return false
	}
	if _, ok := x.spill[k]; ok {
		return false
	}
	if x.spill == nil {
		x.spill = map[K]int32{}
	}
	x.spill[k] = pos
	return true
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
