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
