package console

import (
	"context"
	"fmt"
	"time"

	"github.com/samla-sip/samla/internal/chat"
	"github.com/samla-sip/samla/internal/outbox"
	"github.com/samla-sip/samla/internal/store"
)

// Outbox delivers the due outbox jobs synchronously, in the store's claim
// order (due time, then id), so console output is deterministic. A keyed
// message (Msg.Key) is updated in place once delivered.
type Outbox struct {
	Store   store.Store
	Senders []chat.Sender
	Now     func() time.Time
	refs    map[string]chat.Ref // Msg.Key|address → delivered ref
}

// DeliverDue delivers every job due now and returns how many it sent.
func (o *Outbox) DeliverDue(ctx context.Context) (int, error) {
	if o.refs == nil {
		o.refs = map[string]chat.Ref{}
	}
	n := 0
	for {
		jobs, err := o.Store.Claim(ctx, outbox.Queue, o.Now(), time.Minute, 100)
		if err != nil {
			return n, fmt.Errorf("console: claim: %w", err)
		}
		if len(jobs) == 0 {
			return n, nil
		}
		for _, job := range jobs {
			if err := o.deliver(ctx, job); err != nil {
				return n, err
			}
			if err := o.Store.Ack(ctx, job); err != nil {
				return n, fmt.Errorf("console: ack %s: %w", job.ID, err)
			}
			n++
		}
	}
}

func (o *Outbox) deliver(ctx context.Context, job store.Job) error {
	env, err := outbox.Decode(job)
	if err != nil {
		return err
	}
	var sender chat.Sender
	for _, s := range o.Senders {
		if s.Platform() == env.To.Platform {
			sender = s
		}
	}
	if sender == nil {
		return fmt.Errorf("console: no platform %q for job %s", env.To.Platform, job.ID)
	}
	key := env.Msg.Key + "|" + env.To.String()
	if ref, ok := o.refs[key]; ok && env.Msg.Key != "" {
		return sender.Update(ctx, ref, env.Msg)
	}
	ref, err := sender.Send(ctx, env.To, env.Msg, job.ID)
	if err != nil {
		return fmt.Errorf("console: send %s: %w", job.ID, err)
	}
	if env.Msg.Key != "" {
		o.refs[key] = ref
	}
	return nil
}
