package outbox

import (
	"log/slog"
	"math/rand/v2"
	"time"

	"github.com/samla-sip/samla/internal/store"
)

// Options tune a Worker; zero fields take the defaults below.
type Options struct {
	// Now is the clock (default time.Now).
	Now func() time.Time
	// Lease is how long a claimed job is reserved for this worker before
	// another may take it (default 1 minute).
	Lease time.Duration
	// Batch is the most jobs claimed at once (default 50).
	Batch int
	// Parallel is how many recipients are served at once within a batch;
	// one recipient's messages are always sent in order (default 4).
	Parallel int
	// Poll is how often Run looks for due jobs without a Notify (default 1s).
	Poll time.Duration
	// SendTimeout bounds one platform call (default 20s; at most Lease/2).
	SendTimeout time.Duration
	// Backoff is the delay before retry number attempt (1, 2, …) after a
	// transient failure (default Backoff(2s, 10m, rand.Float64)).
	Backoff func(attempt int) time.Duration
	// MaxAttempts gives up (dead letter) after this many tries (default 40,
	// about five hours with the default backoff).
	MaxAttempts int
	// Log receives job ids, platforms and error classes only — never
	// message text or addresses (default slog.Default()).
	Log *slog.Logger
	// OnDelivered, when set, is called after a job's message was accepted
	// by its platform (at least once per job: again if a restart makes a
	// later worker find the job already sent). It is called from several
	// delivery goroutines at once and should return quickly.
	OnDelivered func(job store.Job, env Envelope)
	// Metrics, when set, is told every outcome.
	Metrics Metrics
	// SentTTL is how long a sent marker (see BucketSent) is kept after a
	// delivery (default 30 days, DefaultSentTTL). It bounds how long an
	// identical re-enqueue of the same job id (same payload) is recognised
	// as already sent and suppressed: after it, such a job is delivered
	// again. Markers expire in the store, so they no longer grow without
	// bound (about 100 bytes per delivered message). Values below
	// MinSentTTL are raised to it, so a marker outlives every retry and
	// lease of the job that wrote it; negative keeps markers forever.
	SentTTL time.Duration
}

// DefaultSentTTL is the default Options.SentTTL.
const DefaultSentTTL = 30 * 24 * time.Hour

// MinSentTTL is the shortest Options.SentTTL: a day, longer than a job's
// retries (MaxAttempts with the default backoff take about five hours)
// and any lease.
const MinSentTTL = 24 * time.Hour

// Metrics is told the outcome of every delivery attempt, by platform and
// class. Its methods are called from several delivery goroutines at once
// and must return quickly.
type Metrics interface {
	// Delivered: the platform has the message. class is "sent",
	// "updated" (a keyed message edited in place) or "duplicate" (found
	// sent already, e.g. after a restart).
	Delivered(platform, class string)
	// Deferred: the job will be tried again later. class is "transient",
	// "rate_limited", "store" or "stopped".
	Deferred(platform, class string)
	// DeadLettered: the outbox gave up (see DeadLetter.Class).
	DeadLettered(platform, class string)
}

func (o Options) withDefaults() Options {
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Lease <= 0 {
		o.Lease = time.Minute
	}
	if o.Batch <= 0 {
		o.Batch = 50
	}
	if o.Parallel <= 0 {
		o.Parallel = 4
	}
	if o.Poll <= 0 {
		o.Poll = time.Second
	}
	if o.SendTimeout <= 0 {
		o.SendTimeout = 20 * time.Second
	}
	// A send must end well within its lease, or another worker could take
	// the job over and send it concurrently.
	o.SendTimeout = min(o.SendTimeout, o.Lease/2)
	if o.Backoff == nil {
		o.Backoff = Backoff(2*time.Second, 10*time.Minute, rand.Float64)
	}
	if o.MaxAttempts <= 0 {
		o.MaxAttempts = 40
	}
	if o.Log == nil {
		o.Log = slog.Default()
	}
	switch {
	case o.SentTTL == 0:
		o.SentTTL = DefaultSentTTL
	case o.SentTTL > 0:
		o.SentTTL = max(o.SentTTL, MinSentTTL)
	}
	return o
}

// Backoff returns exponential backoff: base·2^(attempt-1), capped at max,
// with "equal jitter" (half fixed, half random from rnd in [0,1)) so
// replicas retrying after an outage do not stampede.
func Backoff(base, max time.Duration, rnd func() float64) func(attempt int) time.Duration {
	return func(attempt int) time.Duration {
		d := base
		for i := 1; i < attempt && d < max; i++ {
			d *= 2
		}
		d = min(d, max)
		half := d / 2
		return half + time.Duration(rnd()*float64(half))
	}
}
