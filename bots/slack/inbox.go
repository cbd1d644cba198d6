package slack

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/samla-sip/samla/internal/chat"
	"github.com/samla-sip/samla/internal/sip"
	"github.com/samla-sip/samla/internal/store"
)

// The inbox makes "save, then acknowledge" hold: a request that changes
// something is written to the store (a job in inboxQueue, and for events
// and interactions the seen marker, in one transaction) before Slack gets
// its 200. The request is then handled at once as before, and its job
// cancelled when the core has answered. A job still there replayAfter
// later belongs to a process that died: RunInbox claims it and runs it
// again, answering by response_url (or direct message).
const (
	inboxQueue = "slack:inbox"
	// bucketSeen holds the deliveries already accepted (dedupTTL each).
	bucketSeen = "slack:seen"
	// replayAfter is when an accepted request counts as abandoned: the
	// longest a live process works on one (lateTimeout) and a margin.
	replayAfter = lateTimeout + 30*time.Second
	// inboxPoll is how often RunInbox looks for abandoned requests.
	inboxPoll = 5 * time.Second
	// settleTimeout bounds the write that marks a request done.
	settleTimeout = 5 * time.Second
)

// errNotSaved means a request could not be recorded: it was not run and
// the user must be told to try again.
var errNotSaved = errors.New("slack: request not saved")

// Store is the part of Samla's store the bot uses: signatures seen (Once)
// and the inbox of accepted requests.
type Store interface {
	Once(ctx context.Context, key string, ttl time.Duration) (bool, error)
	Commit(ctx context.Context, tx store.Tx) error
	Claim(ctx context.Context, queue string, now time.Time, lease time.Duration, max int) ([]store.Job, error)
	Ack(ctx context.Context, job store.Job) error
	Cancel(ctx context.Context, refs ...store.JobRef) error
}

// inboxKind says which core call an accepted request is.
type inboxKind string

const (
	kindCommand inboxKind = "command" // /sip text, answered by response_url
	kindMention inboxKind = "mention" // @Samla text, answered ephemerally in Channel
	kindAct     inboxKind = "act"     // a button press or prompt submission
	kindNewCase inboxKind = "newcase" // the new-case modal
)

// inboxEntry is an accepted request: everything needed to run it again.
type inboxEntry struct {
	Kind        inboxKind    `json:"kind"`
	Team        string       `json:"team"`
	User        string       `json:"user"`
	Channel     string       `json:"channel,omitempty"`
	ResponseURL string       `json:"response_url,omitempty"`
	Text        string       `json:"text,omitempty"`
	Action      chat.Action  `json:"action,omitzero"`
	NewCase     *sip.NewCase `json:"new_case,omitempty"`
}

// entryID is the inbox id of an entry that has no delivery id of its own
// (a slash command: its response_url makes it unique).
func entryID(e inboxEntry) string {
	raw, _ := json.Marshal(e)
	sum := sha256.Sum256(raw)
	return hex.EncodeToString(sum[:16])
}

// accept records an entry under id before the request is acknowledged.
// With seen, id is also a delivery id remembered for dedupTTL, in the same
// transaction: first=false for a repeated delivery (nothing recorded). An
// error means nothing was recorded and the request must not be answered
// as if it had been.
func (b *Bot) accept(ctx context.Context, id string, e inboxEntry, seen bool) (first bool, err error) {
	raw, err := json.Marshal(e)
	if err != nil {
		return false, fmt.Errorf("slack: encode inbox entry: %w", err)
	}
	tx := store.Tx{Jobs: []store.Job{{Queue: inboxQueue, ID: id, Due: b.now().Add(replayAfter), Payload: raw}}}
	if seen {
		tx.Puts = []store.Put{{Bucket: bucketSeen, Key: id, Value: []byte{1}, TTL: dedupTTL}}
	}
	err = b.store.Commit(ctx, tx)
	if errors.Is(err, store.ErrConflict) {
		return false, nil
	}
	if err != nil {
		b.log.Error("slack: request not saved; the user is asked to try again", "kind", string(e.Kind), "team", e.Team, "error", err)
		return false, fmt.Errorf("%w: %w", errNotSaved, err)
	}
	return true, nil
}

// settle marks an accepted request done: the core has answered it.
func (b *Bot) settle(ctx context.Context, id string) {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), settleTimeout)
	defer cancel()
	if err := b.store.Cancel(ctx, store.JobRef{Queue: inboxQueue, ID: id}); err != nil {
		b.log.Warn("slack: marking a request done failed; it will run again", "error", err)
	}
}

// settling wraps a core call so that the request is settled once the
// core has answered. A call cut off (shutdown, timeout) stays in the
// inbox: it may not have taken effect, so it runs again.
func (b *Bot) settling(id string, call func(context.Context) chat.Reply) func(context.Context) chat.Reply {
	return func(ctx context.Context) chat.Reply {
		r := b.safely(ctx, call)
		if ctx.Err() == nil {
			b.settle(ctx, id)
		}
		return r
	}
}

// RunInbox runs again, until ctx is done, every accepted request whose
// process died before the core answered it.
func (b *Bot) RunInbox(ctx context.Context) error {
	t := time.NewTicker(inboxPoll)
	defer t.Stop()
	for {
		b.replayDue(ctx)
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
		}
	}
}

// replayDue claims the abandoned requests due now and runs each once more.
func (b *Bot) replayDue(ctx context.Context) int {
	jobs, err := b.store.Claim(ctx, inboxQueue, b.now(), replayAfter, 20)
	if err != nil {
		if ctx.Err() == nil {
			b.log.Warn("slack: reading the inbox failed", "error", err)
		}
		return 0
	}
	for _, job := range jobs {
		b.replay(ctx, job)
	}
	return len(jobs)
}

// replay runs one abandoned request and acknowledges its job.
func (b *Bot) replay(ctx context.Context, job store.Job) {
	var e inboxEntry
	if err := json.Unmarshal(job.Payload, &e); err != nil {
		b.log.Error("slack: undecodable inbox entry dropped", "error", err)
	} else {
		b.log.Info("slack: running a request again after a restart", "kind", string(e.Kind), "team", e.Team)
		cctx, cancel := context.WithTimeout(ctx, lateTimeout)
		b.run(cctx, e, nil)
		cancel()
	}
	if err := b.store.Ack(ctx, job); err != nil {
		b.log.Warn("slack: acknowledging an inbox entry failed", "error", err)
	}
}

// run makes the core call of an entry, then after (if not nil), then
// delivers the answer.
func (b *Bot) run(ctx context.Context, e inboxEntry, after func(context.Context)) {
	who := b.actor(ctx, e.Team, e.User, e.Channel)
	r := b.safely(ctx, func(ctx context.Context) chat.Reply { return b.call(ctx, who, e) })
	if after != nil && ctx.Err() == nil {
		after(ctx)
	}
	if r.Empty() {
		return
	}
	if e.Kind == kindMention {
		if r.Prompt != nil {
			r = withLine(r, b.t("prompt_expired"))
		}
		if err := b.postEphemeral(ctx, who, r.Body()); err != nil {
			b.log.Warn("slack: answering a mention failed", "team", e.Team, "error", err)
		}
		return
	}
	b.answerLater(ctx, who, e.ResponseURL, r)
}

// call is the core call an entry stands for.
func (b *Bot) call(ctx context.Context, who chat.Actor, e inboxEntry) chat.Reply {
	switch e.Kind {
	case kindCommand, kindMention:
		return b.handler.Command(ctx, who, e.Text)
	case kindAct:
		return b.handler.Act(ctx, who, e.Action)
	case kindNewCase:
		if e.NewCase == nil {
			return chat.Reply{}
		}
		res, err := b.handler.NewCase(ctx, who, *e.NewCase)
		var refused *sip.Refusal
		switch {
		case err == nil:
			return res.Reply
		case errors.As(err, &refused):
			return chat.Reply{Text: refused.Message()}
		default:
			return chat.Reply{Text: b.t("failed")}
		}
	}
	b.log.Error("slack: unknown inbox entry kind", "kind", string(e.Kind))
	return chat.Reply{}
}
