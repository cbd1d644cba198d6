package stats

import (
	"encoding/json"
	"strconv"
)

// Marks of a hidden count.
const (
	// Small is a count of 1–4.
	Small = "<5"
	// Hidden is a count hidden so that a total cannot reveal a small one
	// (complementary suppression); it may be of any size, 0 included.
	Hidden = "x"
)

// Cell is a count as published: N is only meaningful while Mark is "".
type Cell struct {
	N    int
	Mark string // "", Small or Hidden
}

// Shown reports whether the count is visible.
func (c Cell) Shown() bool { return c.Mark == "" }

// String is the count or its mark.
func (c Cell) String() string {
	if c.Mark != "" {
		return c.Mark
	}
	return strconv.Itoa(c.N)
}

// MarshalJSON writes a visible count as a number, a hidden one as its
// mark; the hidden value itself never leaves the package.
func (c Cell) MarshalJSON() ([]byte, error) {
	if c.Mark != "" {
		return json.Marshal(c.Mark)
	}
	return []byte(strconv.Itoa(c.N)), nil
}

func small(n int) bool { return n >= 1 && n <= 4 }

// suppress hides every count of 1–4 among total and parts, then, when
// exactly one part is hidden while the total shows, hides the smallest
// other part too, so that the total minus the visible parts cannot give a
// hidden one. Parts need not add up to the total (a case counted under
// several care levels): hiding is then merely cautious. It reports
// whether it hid anything.
func suppress(total *Cell, parts []*Cell) bool {
	changed := false
	if small(total.N) && total.Mark == "" {
		total.Mark, changed = Small, true
	}
	hidden := 0
	for _, p := range parts {
		if small(p.N) && p.Mark == "" {
			p.Mark, changed = Small, true
		}
		if p.Mark != "" {
			hidden++
		}
	}
	if hidden != 1 || total.Mark != "" {
		return changed
	}
	var next *Cell
	for _, p := range parts {
		if p.Mark == "" && (next == nil || p.N < next.N) {
			next = p
		}
	}
	if next == nil {
		next = total // the only part: the total would be it
	}
	next.Mark = Hidden
	return true
}

// suppressSubset hides sub (a part of whole) when the two differ by 1–4
// and both show; it reports whether it hid anything.
func suppressSubset(sub, whole *Cell) bool {
	if small(sub.N) && sub.Mark == "" {
		sub.Mark = Small
		return true
	}
	if sub.Shown() && whole.Shown() && small(whole.N-sub.N) {
		sub.Mark = Hidden
		return true
	}
	return false
}

// Rate is a share in [0,1], or nil when it is not shown.
type Rate = *float64

// rate is num/den, hidden when either count or their difference is 1–4
// or hidden, or den is 0.
func rate(num, den Cell) Rate {
	if !num.Shown() || !den.Shown() || den.N == 0 || small(den.N-num.N) {
		return nil
	}
	r := float64(num.N) / float64(den.N)
	return &r
}
