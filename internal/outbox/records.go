package outbox

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/samla-sip/samla/internal/chat"
	"github.com/samla-sip/samla/internal/store"
)

// Store buckets and indexes the outbox writes besides its queue.
const (
	// BucketSent holds a marker per delivered job version (see sentKey),
	// expiring after Options.SentTTL.
	BucketSent = "outbox:sent"
	// BucketMsgRef maps Msg.Key + "|" + address to the delivered chat.Ref,
	// so later versions of a keyed message update it in place.
	BucketMsgRef = "msgref"
	// BucketDead holds jobs given up on, by job id; IndexDead lists them.
	BucketDead = "outbox:dead"
	IndexDead  = "outbox:dead"
)

// sentKey names one version of a job: its id and a hash of its payload.
// It is both the sent marker's key and the idempotency key given to the
// platform, so a job re-scheduled with new content is a new delivery while
// a re-delivery of the same content is recognised as a duplicate.
func sentKey(job store.Job) string {
	sum := sha256.Sum256(job.Payload)
	return job.ID + "|" + hex.EncodeToString(sum[:8])
}

func msgRefKey(env Envelope) string { return env.Msg.Key + "|" + env.To.String() }

// alreadySent reports whether this version of job was accepted before.
func alreadySent(ctx context.Context, st store.Store, job store.Job) (bool, error) {
	_, err := st.Get(ctx, BucketSent, sentKey(job))
	if errors.Is(err, store.ErrNotFound) {
		return false, nil
	}
	return err == nil, err
}

// Delivered reports whether a keyed message (Msg.Key) was delivered to an
// address, so that it can be updated in place rather than sent anew.
func Delivered(ctx context.Context, st store.Store, key string, to chat.Address) (bool, error) {
	_, version, err := lookupRef(ctx, st, Envelope{To: to, Msg: chat.Message{Key: key}})
	return version > 0, err
}

// lookupRef returns the delivered Ref of a keyed message and its version,
// or version 0 when none was delivered yet.
func lookupRef(ctx context.Context, st store.Store, env Envelope) (chat.Ref, int64, error) {
	rec, err := st.Get(ctx, BucketMsgRef, msgRefKey(env))
	if errors.Is(err, store.ErrNotFound) {
		return chat.Ref{}, 0, nil
	}
	if err != nil {
		return chat.Ref{}, 0, err
	}
	var ref chat.Ref
	if err := json.Unmarshal(rec.Value, &ref); err != nil {
		return chat.Ref{}, 0, fmt.Errorf("decode msgref: %w", err)
	}
	return ref, rec.Version, nil
}

// markSent records that job's version was accepted, and for a keyed
// message its Ref, in one commit. The marker expires after ttl (none when
// ttl is negative); the Ref is kept, so a keyed message is updated in
// place however late its next version comes.
func markSent(ctx context.Context, st store.Store, job store.Job, env Envelope, ref chat.Ref, at time.Time, ttl time.Duration) error {
	refJSON, err := json.Marshal(ref)
	if err != nil {
		return err
	}
	marker, err := json.Marshal(struct {
		At time.Time `json:"at"`
	}{at})
	if err != nil {
		return err
	}
	for range 10 {
		tx := store.Tx{Puts: []store.Put{{Bucket: BucketSent, Key: sentKey(job), Value: marker, TTL: max(ttl, 0)}}}
		if env.Msg.Key != "" {
			_, version, err := lookupRef(ctx, st, env)
			if err != nil {
				return err
			}
			tx.Puts = append(tx.Puts, store.Put{Bucket: BucketMsgRef, Key: msgRefKey(env), Value: refJSON, Version: version})
		}
		err := st.Commit(ctx, tx)
		if !errors.Is(err, store.ErrConflict) {
			return err
		}
		// Either another worker marked this job already (nothing left to
		// do) or the Ref changed under us (try again).
		if sent, err := alreadySent(ctx, st, job); err != nil || sent {
			return err
		}
	}
	return fmt.Errorf("mark sent: %w", store.ErrConflict)
}

// DeadLetter is a job the outbox gave up on; its payload is kept so an
// operator can inspect or re-enqueue it.
type DeadLetter struct {
	ID       string `json:"id"`
	Platform string `json:"platform"`
	Class    string `json:"class"` // why: permanent, gave_up, unknown_platform, decode
	// Status and ErrorID are the platform's HTTP status code and error id
	// of the last failure (chat.PlatformError), when it gave them.
	Status   int       `json:"status,omitempty"`
	ErrorID  string    `json:"error_id,omitempty"`
	Attempts int       `json:"attempts"`
	At       time.Time `json:"at"`
	Payload  []byte    `json:"payload"`
}

// writeDead records a dead letter (replacing an older one of the same id).
func writeDead(ctx context.Context, st store.Store, d DeadLetter) error {
	value, err := json.Marshal(d)
	if err != nil {
		return err
	}
	for range 10 {
		var version int64
		rec, err := st.Get(ctx, BucketDead, d.ID)
		switch {
		case err == nil:
			version = rec.Version
		case !errors.Is(err, store.ErrNotFound):
			return err
		}
		err = st.Commit(ctx, store.Tx{
			Puts:  []store.Put{{Bucket: BucketDead, Key: d.ID, Value: value, Version: version}},
			Index: []store.IndexOp{{Index: IndexDead, Member: d.ID}},
		})
		if !errors.Is(err, store.ErrConflict) {
			return err
		}
	}
	return fmt.Errorf("dead letter: %w", store.ErrConflict)
}

func decodeDead(b []byte) (DeadLetter, error) {
	var d DeadLetter
	if err := json.Unmarshal(b, &d); err != nil {
		return d, fmt.Errorf("decode dead letter: %w", err)
	}
	return d, nil
}

// DeadLetters lists the jobs the outbox gave up on, by id.
func DeadLetters(ctx context.Context, st store.Store) ([]DeadLetter, error) {
	ids, err := st.Members(ctx, IndexDead)
	if err != nil {
		return nil, fmt.Errorf("outbox: dead letters: %w", err)
	}
	out := make([]DeadLetter, 0, len(ids))
	for _, id := range ids {
		rec, err := st.Get(ctx, BucketDead, id)
		if err != nil {
			return nil, fmt.Errorf("outbox: dead letter %s: %w", id, err)
		}
		d, err := decodeDead(rec.Value)
		if err != nil {
			return nil, fmt.Errorf("outbox: dead letter %s: %w", id, err)
		}
		out = append(out, d)
	}
	return out, nil
}
