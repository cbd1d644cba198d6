// Package chattest provides a fake chat platform for tests: a chat.Sender
// that records every delivery and update, can be told to fail, rate-limit
// or slow down, and can honour idempotency keys like a platform that
// supports them.
package chattest

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/samla-sip/samla/internal/chat"
)

// Sent is one message the platform accepted.
type Sent struct {
	To  chat.Address
	Msg chat.Message
	Key string // idempotency key given by the caller
	Ref chat.Ref
}

// Updated is one accepted in-place update.
type Updated struct {
	Ref chat.Ref
	Msg chat.Message
}

// ErrInjected is the default error of FailNext.
var ErrInjected = errors.New("chattest: injected failure")

// Platform is a fake chat.Sender. The zero value is not usable; use New.
type Platform struct {
	name string

	mu       sync.Mutex
	dedupe   bool
	latency  time.Duration
	faults   []error
	sent     []Sent
	updates  []Updated
	perKey   map[string]int      // accepted sends per idempotency key
	calls    map[string]int      // successful Send calls per key, deduped or not
	refByKey map[string]chat.Ref // for dedupe
	live     map[string]bool     // refs that exist (ref id → true)
	seq      int
	cut      int // calls ended by their context before being accepted
}

var _ chat.Sender = (*Platform)(nil)

// Option configures a Platform.
type Option func(*Platform)

// WithDedupe makes the platform honour idempotency keys: a second Send
// with an already accepted key returns the first Ref and records nothing.
func WithDedupe() Option { return func(p *Platform) { p.dedupe = true } }

// WithLatency makes every Send and Update take d (or end early with the
// context's error, in which case nothing is accepted).
func WithLatency(d time.Duration) Option { return func(p *Platform) { p.latency = d } }

// New returns a fake platform named name (e.g. chat.Slack).
func New(name string, opts ...Option) *Platform {
	p := &Platform{name: name, perKey: map[string]int{}, calls: map[string]int{}, refByKey: map[string]chat.Ref{}, live: map[string]bool{}}
	for _, o := range opts {
		o(p)
	}
	return p
}

// Platform returns the platform name.
func (p *Platform) Platform() string { return p.name }

// FailNext makes the next n calls (Send or Update) fail with err
// (ErrInjected when err is nil).
func (p *Platform) FailNext(n int, err error) {
	if err == nil {
		err = ErrInjected
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	for range n {
		p.faults = append(p.faults, err)
	}
}

// RateLimitNext makes the next n calls answer 429 with Retry-After after.
func (p *Platform) RateLimitNext(n int, after time.Duration) {
	p.FailNext(n, &chat.RetryAfterError{After: after, Err: errors.New("chattest: rate limited")})
}

// PermanentNext makes the next n calls fail permanently.
func (p *Platform) PermanentNext(n int) {
	p.FailNext(n, fmt.Errorf("chattest: no such user: %w", chat.ErrPermanent))
}

// Delete removes a delivered message, so updating it fails permanently.
func (p *Platform) Delete(ref chat.Ref) {
	p.mu.Lock()
	defer p.mu.Unlock()
	delete(p.live, ref.ID)
}

// wait models latency; it fails with the context's error if ctx ends first.
func (p *Platform) wait(ctx context.Context) error {
	if p.latency <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(p.latency)
	defer t.Stop()
	select {
	case <-ctx.Done():
		p.mu.Lock()
		p.cut++
		p.mu.Unlock()
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// fault pops the next injected failure; call with mu held.
func (p *Platform) fault() error {
	if len(p.faults) == 0 {
		return nil
	}
	err := p.faults[0]
	p.faults = p.faults[1:]
	return err
}

// Send accepts msg for to, unless a failure was injected.
func (p *Platform) Send(ctx context.Context, to chat.Address, msg chat.Message, key string) (chat.Ref, error) {
	if err := p.wait(ctx); err != nil {
		return chat.Ref{}, err
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if err := p.fault(); err != nil {
		return chat.Ref{}, err
	}
	p.calls[key]++
	if ref, ok := p.refByKey[key]; ok && p.dedupe && key != "" {
		return ref, nil
	}
	p.seq++
	channel := to.Channel
	if channel == "" {
		channel = "D-" + to.User
	}
	ref := chat.Ref{Platform: p.name, Workspace: to.Workspace, Channel: channel, ID: fmt.Sprintf("m%d", p.seq)}
	p.sent = append(p.sent, Sent{To: to, Msg: msg, Key: key, Ref: ref})
	p.perKey[key]++
	p.refByKey[key] = ref
	p.live[ref.ID] = true
	return ref, nil
}

// Update replaces a delivered message; an unknown or deleted ref fails
// permanently.
func (p *Platform) Update(ctx context.Context, ref chat.Ref, msg chat.Message) error {
	if err := p.wait(ctx); err != nil {
		return err
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if err := p.fault(); err != nil {
		return err
	}
	if !p.live[ref.ID] {
		return fmt.Errorf("chattest: message %s not found: %w", ref.ID, chat.ErrPermanent)
	}
	p.updates = append(p.updates, Updated{Ref: ref, Msg: msg})
	return nil
}

// Sent returns a copy of the accepted sends, in order.
func (p *Platform) Sent() []Sent {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]Sent(nil), p.sent...)
}

// Updates returns a copy of the accepted updates, in order.
func (p *Platform) Updates() []Updated {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]Updated(nil), p.updates...)
}

// Count returns how many sends with idempotency key were accepted (with
// dedupe on, at most 1).
func (p *Platform) Count(key string) int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.perKey[key]
}

// Calls returns how many Send calls with key succeeded, including those
// a deduping platform dropped as repeats.
func (p *Platform) Calls(key string) int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.calls[key]
}

// Interrupted counts calls whose context ended during the latency, so a
// test can prove it stopped a sender mid-flight.
func (p *Platform) Interrupted() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.cut
}

// Keys returns the accepted sends per idempotency key.
func (p *Platform) Keys() map[string]int {
	p.mu.Lock()
	defer p.mu.Unlock()
	out := make(map[string]int, len(p.perKey))
	for k, n := range p.perKey {
		out[k] = n
	}
	return out
}

// Last returns the latest text of the message ref (after updates), and
// whether the platform has it.
func (p *Platform) Last(ref chat.Ref) (chat.Message, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	for i := len(p.updates) - 1; i >= 0; i-- {
		if p.updates[i].Ref.ID == ref.ID {
			return p.updates[i].Msg, true
		}
	}
	for _, s := range p.sent {
		if s.Ref.ID == ref.ID {
			return s.Msg, true
		}
	}
	return chat.Message{}, false
}
