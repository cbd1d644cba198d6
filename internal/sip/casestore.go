package sip

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/samla-sip/samla/internal/chat"
	"github.com/samla-sip/samla/internal/outbox"
	"github.com/samla-sip/samla/internal/stats"
	"github.com/samla-sip/samla/internal/store"
)

const (
	bucketCase = "case"
	// IndexOpen lists the references of open cases (reminders, digests).
	IndexOpen  = "sip:open"
	maxRetries = 10
)

// MemberIndex is the index of the cases an actor key may see.
func MemberIndex(key string) string { return "sip:member:" + key }

// errUnchanged lets a change function say there is nothing to commit
// (a repeated button press); mutate then succeeds without writing.
var errUnchanged = errors.New("sip: unchanged")

// errNotFound is what outsiders and wrong references both get.
var errNotFound = inputErr("", "err.notfound")

// effects collects what a change sends and schedules besides the case.
type effects struct {
	jobs   []store.Job
	cancel []store.JobRef
	index  []store.IndexOp
	// noStatus suppresses the live-status update (nothing the convener sees changed).
	noStatus bool
	// room adds the case room's button to each message (nil: no room).
	room func(to chat.Address, msg *chat.Message)
}

// send queues msg to an address as an outbox job with a deterministic id.
func (fx *effects) send(r *request, id string, to chat.Address, msg chat.Message) error {
	if fx.room != nil {
		fx.room(to, &msg)
	}
	job, err := outbox.NewJob(id, outbox.Envelope{To: to, Msg: msg}, r.now)
	if err != nil {
		return err
	}
	fx.jobs = append(fx.jobs, job)
	return nil
}

func (fx *effects) cancelJob(id string) {
	fx.cancel = append(fx.cancel, store.JobRef{Queue: outbox.Queue, ID: id})
}

// load reads a case and its version.
func (s *Service) load(ctx context.Context, ref string) (*Case, int64, error) {
	rec, err := s.deps.Store.Get(ctx, bucketCase, ref)
	if errors.Is(err, store.ErrNotFound) {
		return nil, 0, errNotFound
	}
	if err != nil {
		return nil, 0, fmt.Errorf("read case: %w", err)
	}
	var c Case
	if err := json.Unmarshal(rec.Value, &c); err != nil {
		return nil, 0, fmt.Errorf("decode case %s: %w", ref, err)
	}
	return &c, rec.Version, nil
}

// Case returns a case without any visibility check (for reminders).
func (s *Service) Case(ctx context.Context, ref string) (*Case, error) {
	c, _, err := s.load(ctx, ref)
	if errors.Is(err, errNotFound) {
		return nil, fmt.Errorf("case %s: %w", ref, store.ErrNotFound)
	}
	return c, err
}

// OpenCases lists the references of open cases, sorted.
func (s *Service) OpenCases(ctx context.Context) ([]string, error) {
	refs, err := s.deps.Store.Members(ctx, IndexOpen)
	if err != nil {
		return nil, fmt.Errorf("open cases: %w", err)
	}
	return refs, nil
}

// Update applies fn to the latest version of a case and commits it with
// the jobs fn returns, retrying on concurrent changes. fn may run more
// than once. Planners and the live status message are applied as for any
// command.
func (s *Service) Update(ctx context.Context, ref string, fn func(*Case) ([]store.Job, error)) error {
	r := &request{now: s.deps.Now(), lang: s.deps.Lang.String(), dir: s.deps.Directory.Current()}
	return s.mutate(ctx, r, ref, func(c *Case, fx *effects) error {
		jobs, err := fn(c)
		fx.jobs = append(fx.jobs, jobs...)
		return err
	})
}

// visible returns the case if the actor may see it, else errNotFound.
func (s *Service) visible(ctx context.Context, r *request, ref string) (*Case, error) {
	c, _, err := s.load(ctx, ref)
	if err != nil {
		return nil, err
	}
	if !c.isMember(r.me.Key) {
		return nil, errNotFound
	}
	return c, nil
}

// asConvener checks that the actor may change the case.
func asConvener(c *Case, r *request) error {
	switch {
	case c.Convener.Key == r.me.Key:
		if c.Closed != nil {
			return inputErr("", "err.closed", c.Ref)
		}
		return nil
	case c.isMember(r.me.Key):
		return inputErr("", "err.notconvener")
	default:
		return errNotFound
	}
}

// mutate runs fn on the latest case and commits the change with its
// effects, retrying on ErrConflict. fn must be safe to run again.
func (s *Service) mutate(ctx context.Context, r *request, ref string, fn func(c *Case, fx *effects) error) error {
	for range maxRetries {
		c, version, err := s.load(ctx, ref)
		if err != nil {
			return err
		}
		before, err := clone(c)
		if err != nil {
			return err
		}
		fx := &effects{room: s.roomButtons(ctx, ref)}
		if err := fn(c, fx); errors.Is(err, errUnchanged) {
			return nil
		} else if err != nil {
			return err
		}
		tx, err := s.buildTx(ctx, r, before, c, version, fx)
		if err != nil {
			return err
		}
		err = s.deps.Store.Commit(ctx, tx)
		if errors.Is(err, store.ErrConflict) {
			continue
		}
		if err != nil {
			return fmt.Errorf("commit case: %w", err)
		}
		return nil
	}
	return fmt.Errorf("case %s: %w after %d attempts", ref, store.ErrConflict, maxRetries)
}

// buildTx assembles the case write, its indexes, the live status message
// and the planners' jobs into one transaction.
func (s *Service) buildTx(ctx context.Context, r *request, before, after *Case, version int64, fx *effects) (store.Tx, error) {
	b, err := json.Marshal(after)
	if err != nil {
		return store.Tx{}, fmt.Errorf("encode case: %w", err)
	}
	tx := store.Tx{
		Puts:   []store.Put{{Bucket: bucketCase, Key: after.Ref, Value: b, Version: version}},
		Index:  fx.index,
		Jobs:   fx.jobs,
		Cancel: fx.cancel,
	}
	tx.Index = append(tx.Index, store.IndexOp{Index: IndexOpen, Member: after.Ref, Remove: after.Closed != nil})
	tx.Index = append(tx.Index, stats.Ops(after.Ref, version+1, r.now, statsEvents(r, before, after))...)
	for _, key := range after.memberKeys() {
		tx.Index = append(tx.Index, store.IndexOp{Index: MemberIndex(key), Member: after.Ref})
	}
	if !fx.noStatus {
		job, err := s.statusJob(ctx, r, after)
		if err != nil {
			return store.Tx{}, err
		}
		tx.Jobs = append(tx.Jobs, job)
	}
	for _, p := range s.deps.Planners {
		jobs, cancel := p.Plan(ctx, before, after, r.now)
		tx.Jobs = append(tx.Jobs, jobs...)
		tx.Cancel = append(tx.Cancel, cancel...)
	}
	return tx, nil
}

// memberKeys lists every actor key that may see the case.
func (c *Case) memberKeys() []string {
	keys := []string{c.Convener.Key}
	for _, in := range c.Invitations {
		if in.ContactID != "" {
			keys = append(keys, in.ContactID)
		}
	}
	return keys
}

func clone(c *Case) (*Case, error) {
	if c == nil {
		return nil, nil
	}
	b, err := json.Marshal(c)
	if err != nil {
		return nil, fmt.Errorf("clone case: %w", err)
	}
	var out Case
	if err := json.Unmarshal(b, &out); err != nil {
		return nil, fmt.Errorf("clone case: %w", err)
	}
	return &out, nil
}

// create stores a new case under a fresh random reference, drawing again
// if the reference is taken.
func (s *Service) create(ctx context.Context, r *request, c *Case, fx *effects) error {
	for range maxRetries {
		ref, err := newRef(s.deps.Rand)
		if err != nil {
			return err
		}
		c.Ref = ref
		tx, err := s.buildTx(ctx, r, nil, c, 0, fx)
		if err != nil {
			return err
		}
		err = s.deps.Store.Commit(ctx, tx)
		if errors.Is(err, store.ErrConflict) {
			continue
		}
		if err != nil {
			return fmt.Errorf("create case: %w", err)
		}
		return nil
	}
	return fmt.Errorf("create case: no free reference: %w", store.ErrConflict)
}
