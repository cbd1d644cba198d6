package console

import (
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Clock is the console's clock: a base time source (the real clock, or a
// test's) moved forward by the ":tid" command, so a person can watch
// nudges, escalations and follow-up reminders happen. Give the same Clock
// to the core, the outbox and the reminders engine.
type Clock struct {
	mu     sync.Mutex
	base   func() time.Time
	offset time.Duration
}

// NewClock returns a clock that stands where base does until moved.
func NewClock(base func() time.Time) *Clock { return &Clock{base: base} }

// Now is the base time plus how far the clock was moved.
func (c *Clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.base().Add(c.offset)
}

// Advance moves the clock forward by d.
func (c *Clock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.offset += d
}

// After waits d of real time (the console fires reminders itself after
// each line; nothing waits on the moved clock).
func (c *Clock) After(d time.Duration) <-chan time.Time { return time.After(d) }

// maxMove is the furthest one ":tid" moves the clock.
const maxMove = 10 * 366 * 24 * time.Hour

// parseMove reads how far ":tid" moves the clock from now: "+7d", "+3h",
// "+30m", "+1d2h", or a local date and time to move to, "2027-02-22" (at
// 09:00) or "2027-02-22T08:30". The clock never moves back, nor more than
// ten years at once.
func parseMove(arg string, now time.Time, loc *time.Location) (time.Duration, error) {
	arg = strings.TrimSpace(arg)
	if rest, ok := strings.CutPrefix(arg, "+"); ok && rest != "" {
		var d time.Duration
		for rest != "" {
			i := strings.IndexFunc(rest, func(r rune) bool { return r < '0' || r > '9' })
			if i <= 0 {
				return 0, fmt.Errorf("%q", arg)
			}
			n, err := strconv.Atoi(rest[:i])
			if err != nil {
				return 0, fmt.Errorf("%q", arg)
			}
			unit := map[byte]time.Duration{'d': 24 * time.Hour, 'h': time.Hour, 'm': time.Minute}[rest[i]]
			if unit == 0 {
				return 0, fmt.Errorf("%q", arg)
			}
			if n > int((maxMove-d)/unit) {
				return 0, fmt.Errorf("%q", arg) // also keeps the sum from overflowing
			}
			d += time.Duration(n) * unit
			rest = rest[i+1:]
		}
		return d, nil
	}
	for _, layout := range []string{"2006-01-02T15:04", "2006-01-02 15:04", "2006-01-02"} {
		at, err := time.ParseInLocation(layout, arg, loc)
		if err != nil {
			continue
		}
		if layout == "2006-01-02" {
			at = at.Add(9 * time.Hour)
		}
		if !at.After(now) || at.Sub(now) > maxMove {
			return 0, fmt.Errorf("%q", arg)
		}
		return at.Sub(now), nil
	}
	return 0, fmt.Errorf("%q", arg)
}
