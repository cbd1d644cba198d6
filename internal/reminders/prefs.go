package reminders

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/samla-sip/samla/internal/store"
)

// Store buckets and indexes of this package.
const (
	bucketPrefs = "reminder-prefs" // key case|recipient: snooze and stop
	bucketFired = "reminder-fired" // key job id: the last due written to the outbox
	maxRetries  = 10

	// indexPrefCases lists the cases with prefs, and indexPrefsOf(case)
	// their recipients, so the daily sweep can delete the prefs of closed
	// cases (see prunePrefs).
	indexPrefCases = "reminder-prefs:cases"

	// recordTTL is how long fired and done records are kept after their
	// last write. They only matter for the firing they name (a re-claim
	// within minutes, the sweep's week of look-back), so 400 days is ample;
	// it keeps a year of history for support questions.
	recordTTL = 400 * 24 * time.Hour
)

func indexPrefsOf(ref string) string { return "reminder-prefs:case:" + ref }

// Prefs is what a recipient chose for one case's reminders.
type Prefs struct {
	SnoozeUntil time.Time `json:"snooze_until,omitzero"`
	Stopped     bool      `json:"stopped,omitempty"`
}

func prefsKey(ref, recipient string) string { return ref + "|" + recipient }

// loadPrefs reads the prefs of (case, recipient) and their version.
func loadPrefs(ctx context.Context, st store.Store, ref, recipient string) (Prefs, int64, error) {
	var p Prefs
	rec, err := st.Get(ctx, bucketPrefs, prefsKey(ref, recipient))
	if errors.Is(err, store.ErrNotFound) {
		return p, 0, nil
	}
	if err != nil {
		return p, 0, fmt.Errorf("reminders: read prefs: %w", err)
	}
	if err := json.Unmarshal(rec.Value, &p); err != nil {
		return p, 0, fmt.Errorf("reminders: decode prefs: %w", err)
	}
	return p, rec.Version, nil
}

// updatePrefs applies fn to the prefs of (case, recipient) and commits
// them with the jobs and cancels fn returns, retrying on conflicts.
func updatePrefs(ctx context.Context, st store.Store, ref, recipient string, fn func(*Prefs) store.Tx) error {
	for range maxRetries {
		p, version, err := loadPrefs(ctx, st, ref, recipient)
		if err != nil {
			return err
		}
		tx := fn(&p)
		b, err := json.Marshal(p)
		if err != nil {
			return fmt.Errorf("reminders: encode prefs: %w", err)
		}
		// Prefs are permanent while the case lives (a stop must hold however
		// long the case stays open); the sweep deletes them once it closed.
		tx.Puts = append(tx.Puts, store.Put{Bucket: bucketPrefs, Key: prefsKey(ref, recipient), Value: b, Version: version})
		tx.Index = append(tx.Index,
			store.IndexOp{Index: indexPrefCases, Member: ref},
			store.IndexOp{Index: indexPrefsOf(ref), Member: recipient})
		err = st.Commit(ctx, tx)
		if errors.Is(err, store.ErrConflict) {
			continue
		}
		if err != nil {
			return fmt.Errorf("reminders: save prefs: %w", err)
		}
		return nil
	}
	return fmt.Errorf("reminders: save prefs: %w", store.ErrConflict)
}

// fired reads which due of a job was last written to the outbox.
func fired(ctx context.Context, st store.Store, id string) (time.Time, int64, error) {
	rec, err := st.Get(ctx, bucketFired, id)
	if errors.Is(err, store.ErrNotFound) {
		return time.Time{}, 0, nil
	}
	if err != nil {
		return time.Time{}, 0, fmt.Errorf("reminders: read fired %s: %w", id, err)
	}
	var t time.Time
	if err := t.UnmarshalText(rec.Value); err != nil {
		return time.Time{}, 0, fmt.Errorf("reminders: decode fired %s: %w", id, err)
	}
	return t, rec.Version, nil
}

// getJSON reads a JSON record into v; found is false when it is missing.
func getJSON(ctx context.Context, st store.Store, bucket, key string, v any) (version int64, found bool, err error) {
	rec, err := st.Get(ctx, bucket, key)
	if errors.Is(err, store.ErrNotFound) {
		return 0, false, nil
	}
	if err != nil {
		return 0, false, fmt.Errorf("reminders: read %s: %w", bucket, err)
	}
	if err := json.Unmarshal(rec.Value, v); err != nil {
		return 0, false, fmt.Errorf("reminders: decode %s: %w", bucket, err)
	}
	return rec.Version, true, nil
}

// updateJSON applies fn to a JSON record (zero when missing) and writes
// it, expiring ttl after the write (0: never), if fn says so, retrying on
// conflicts.
func updateJSON[T any](ctx context.Context, st store.Store, bucket, key string, ttl time.Duration, fn func(*T) bool) error {
	for range maxRetries {
		var v T
		version, _, err := getJSON(ctx, st, bucket, key, &v)
		if err != nil {
			return err
		}
		if !fn(&v) {
			return nil
		}
		b, err := json.Marshal(v)
		if err != nil {
			return fmt.Errorf("reminders: encode %s: %w", bucket, err)
		}
		err = st.Commit(ctx, store.Tx{Puts: []store.Put{{Bucket: bucket, Key: key, Value: b, Version: version, TTL: ttl}}})
		if errors.Is(err, store.ErrConflict) {
			continue
		}
		if err != nil {
			return fmt.Errorf("reminders: write %s: %w", bucket, err)
		}
		return nil
	}
	return fmt.Errorf("reminders: write %s: %w", bucket, store.ErrConflict)
}

func parseInt(s string) (int64, error) { return strconv.ParseInt(s, 10, 64) }
