package reminders

import "time"

// Clock is the time source; tests use a fake they move by hand.
type Clock interface {
	Now() time.Time
	// After delivers once d has passed on this clock.
	After(d time.Duration) <-chan time.Time
}

// SystemClock is the real clock.
type SystemClock struct{}

// Now returns the current time.
func (SystemClock) Now() time.Time { return time.Now() }

// After waits d of real time.
func (SystemClock) After(d time.Duration) <-chan time.Time { return time.After(d) }
