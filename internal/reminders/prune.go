package reminders

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/samla-sip/samla/internal/sip"
	"github.com/samla-sip/samla/internal/store"
)

// prunePrefs deletes the snooze and stop prefs of cases that are gone,
// ended, or past convening (plan established) with no reminder left to
// send (an established plan keeps its follow-up reminders, and a stop
// pressed on them must hold): their prefs are dead weight. It returns how many cases it cleaned.
//
// A button pressed on a case while it closes is not lost for good: the
// case is taken off indexPrefCases before its recipients are read, and the
// press puts it back, so the next sweep finds what this one missed.
func (e *Engine) prunePrefs(ctx context.Context, at time.Time) (int, error) {
	refs, err := e.d.Store.Members(ctx, indexPrefCases)
	if err != nil {
		return 0, fmt.Errorf("reminders: prune prefs: %w", err)
	}
	pruned := 0
	for _, ref := range refs {
		c, err := e.d.Cases.Case(ctx, ref)
		switch {
		case errors.Is(err, store.ErrNotFound):
		case err != nil:
			return pruned, fmt.Errorf("reminders: prune prefs: read case: %w", err)
		case !c.Ended() && !c.Stage().PlanEstablished(), e.remindsAfter(c, at.Add(-sweepHorizon)):
			continue
		}
		if err := e.dropPrefs(ctx, ref); err != nil {
			return pruned, err
		}
		pruned++
	}
	return pruned, nil
}

// remindsAfter reports whether the case wants a reminder due after t.
func (e *Engine) remindsAfter(c *sip.Case, t time.Time) bool {
	for _, r := range e.plan.Wanted(c) {
		if r.Due.After(t) {
			return true
		}
	}
	return false
}

// dropPrefs deletes every pref of one case and its index entries.
func (e *Engine) dropPrefs(ctx context.Context, ref string) error {
	err := e.d.Store.Commit(ctx, store.Tx{Index: []store.IndexOp{{Index: indexPrefCases, Member: ref, Remove: true}}})
	if err != nil {
		return fmt.Errorf("reminders: prune prefs: %w", err)
	}
	recipients, err := e.d.Store.Members(ctx, indexPrefsOf(ref))
	if err != nil {
		return fmt.Errorf("reminders: prune prefs: %w", err)
	}
	var tx store.Tx
	for _, r := range recipients {
		tx.Deletes = append(tx.Deletes, store.RecordRef{Bucket: bucketPrefs, Key: prefsKey(ref, r)})
		tx.Index = append(tx.Index, store.IndexOp{Index: indexPrefsOf(ref), Member: r, Remove: true})
	}
	if err := e.d.Store.Commit(ctx, tx); err != nil {
		return fmt.Errorf("reminders: prune prefs: %w", err)
	}
	return nil
}
