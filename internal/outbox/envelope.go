// Package outbox delivers the messages the core writes: each is a job in the
// store's "outbox" queue, written in the same transaction as the state change
// that caused it, and delivered at least once with an idempotency key, with
// retries and backoff, by a Worker that routes it to the platform's Sender.
package outbox

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/samla-sip/samla/internal/chat"
	"github.com/samla-sip/samla/internal/store"
)

// Queue is the store queue holding outgoing messages.
const Queue = "outbox"

// Envelope is one outgoing message.
type Envelope struct {
	To  chat.Address `json:"to"`
	Msg chat.Message `json:"msg"`
}

// NewJob builds the outbox job for env. id is the idempotency key: writing a
// job with the same id again replaces the pending one (so successive
// updates of a live status message coalesce) and never sends twice.
// A message with Msg.Key set is updated in place once delivered.
func NewJob(id string, env Envelope, due time.Time) (store.Job, error) {
	b, err := json.Marshal(env)
	if err != nil {
		return store.Job{}, fmt.Errorf("outbox: encode %s: %w", id, err)
	}
	return store.Job{Queue: Queue, ID: id, Due: due, Payload: b}, nil
}

// Decode reads the envelope of an outbox job.
func Decode(job store.Job) (Envelope, error) {
	var env Envelope
	if err := json.Unmarshal(job.Payload, &env); err != nil {
		return env, fmt.Errorf("outbox: decode %s: %w", job.ID, err)
	}
	return env, nil
}
