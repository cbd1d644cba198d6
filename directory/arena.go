package directory

import "unsafe"

// arena copies many small strings into large shared blocks, so a loaded
// directory neither keeps whole file buffers alive nor costs one
// allocation per string. Bytes are never written after a string is made
// from them, which is what makes unsafe.String sound here.
type arena struct {
	buf []byte
}

const arenaBlock = 256 << 10

// carve returns an empty slice with room for n elements cut from *slab,
// which grows by blocks: many small lists cost a few allocations. The
// slice's capacity ends where the next one begins.
func carve[T any](slab *[]T, n int) []T {
	const block = 4096
	if n == 0 {
		return []T{} // empty, not nil, like make([]T, 0)
	}
	if n > cap(*slab)-len(*slab) {
		*slab = make([]T, 0, max(n, block))
	}
	start := len(*slab)
	*slab = (*slab)[:start+n]
	return (*slab)[start : start : start+n]
}

func (a *arena) clone(s string) string {
	if s == "" {
		return ""
	}
	if len(s) > cap(a.buf)-len(a.buf) {
		a.buf = make([]byte, 0, max(arenaBlock, len(s)))
	}
	start := len(a.buf)
	a.buf = append(a.buf, s...)
	return unsafe.String(&a.buf[start], len(s))
}
