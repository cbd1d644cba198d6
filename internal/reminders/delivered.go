package reminders

import (
	"context"
	"strings"
	"time"

	"github.com/samla-sip/samla/internal/outbox"
	"github.com/samla-sip/samla/internal/store"
)

// bucketDone records, per reminder job id, the firing whose message a
// platform accepted: the reminder is done only then. Records expire
// recordTTL after their last write.
const bucketDone = "reminder-done"

// Done is the record of a delivered reminder.
type Done struct {
	Firing    time.Time `json:"firing"`
	Delivered time.Time `json:"delivered"`
}

// OnDelivered returns the outbox worker's OnDelivered hook: it marks a
// reminder done once its message was accepted. Store writes run under
// ctx (the serve context).
func (e *Engine) OnDelivered(ctx context.Context) func(store.Job, outbox.Envelope) {
	return func(job store.Job, _ outbox.Envelope) {
		id, firing, ok := reminderOfOutbox(job.ID)
		if !ok {
			return
		}
		if err := e.markDone(ctx, id, firing); err != nil {
			e.d.Log.WarnContext(ctx, "reminders: mark done", "job", id, "err", err)
		}
	}
}

// reminderOfOutbox parses "reminder|<job id>|<firing ns>[|suffix]".
func reminderOfOutbox(oid string) (id string, firing time.Time, ok bool) {
	rest, ok := strings.CutPrefix(oid, "reminder|")
	if !ok {
		return "", time.Time{}, false
	}
	parts := strings.Split(rest, "|")
	for i := len(parts) - 1; i >= 3; i-- { // job id has three parts at least
		if ns, err := parseInt(parts[i]); err == nil {
			return strings.Join(parts[:i], "|"), time.Unix(0, ns).UTC(), true
		}
	}
	return "", time.Time{}, false
}

// markDone records the delivered firing, keeping the latest.
func (e *Engine) markDone(ctx context.Context, id string, firing time.Time) error {
	return updateJSON(ctx, e.d.Store, bucketDone, id, recordTTL, func(d *Done) bool {
		if d.Firing.After(firing) {
			return false
		}
		d.Firing, d.Delivered = firing, e.d.Clock.Now().UTC()
		return true
	})
}

// DoneOf returns when the reminder job id was last delivered.
func (e *Engine) DoneOf(ctx context.Context, id string) (Done, bool, error) {
	var d Done
	_, found, err := getJSON(ctx, e.d.Store, bucketDone, id, &d)
	return d, found, err
}
