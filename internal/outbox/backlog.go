package outbox

import (
	"context"
	"fmt"
	"time"

	"github.com/samla-sip/samla/internal/store"
)

// Backlog is what waits in the outbox.
type Backlog struct {
	// Pending counts the messages not yet delivered or given up on.
	Pending int
	// Oldest is how long the longest-waiting message has waited since it
	// was enqueued (0 when none waits, or when the store cannot tell).
	Oldest time.Duration
}

// Waiting reports the outbox's backlog at now. The age needs a store that
// implements store.Backlog (both Samla stores do).
func Waiting(ctx context.Context, st store.Store, now time.Time) (Backlog, error) {
	n, err := st.Pending(ctx, Queue)
	if err != nil {
		return Backlog{}, fmt.Errorf("outbox: backlog: %w", err)
	}
	b := Backlog{Pending: n}
	bl, ok := st.(store.Backlog)
	if !ok {
		return b, nil
	}
	since, found, err := bl.Oldest(ctx, Queue)
	if err != nil {
		return Backlog{}, fmt.Errorf("outbox: backlog: %w", err)
	}
	if found {
		b.Oldest = max(now.Sub(since), 0)
	}
	return b, nil
}
