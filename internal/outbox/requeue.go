package outbox

import (
	"context"
	"fmt"
	"time"

	"github.com/samla-sip/samla/internal/store"
)

// Requeue puts a dead letter back in the outbox, due at due, and removes it
// (record and index entry) in the same commit (for an operator, after
// fixing the cause, e.g. a re-linked user).
func Requeue(ctx context.Context, st store.Store, id string, due time.Time) error {
	rec, err := st.Get(ctx, BucketDead, id)
	if err != nil {
		return fmt.Errorf("outbox: requeue %s: %w", id, err)
	}
	d, err := decodeDead(rec.Value)
	if err != nil {
		return fmt.Errorf("outbox: requeue %s: %w", id, err)
	}
	err = st.Commit(ctx, store.Tx{
		Jobs:    []store.Job{{Queue: Queue, ID: d.ID, Due: due, Payload: d.Payload}},
		Index:   []store.IndexOp{{Index: IndexDead, Member: id, Remove: true}},
		Deletes: []store.RecordRef{{Bucket: BucketDead, Key: id}},
	})
	if err != nil {
		return fmt.Errorf("outbox: requeue %s: %w", id, err)
	}
	return nil
}
