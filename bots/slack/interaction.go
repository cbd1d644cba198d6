package slack

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"time"

	slackgo "github.com/slack-go/slack"

	"github.com/samla-sip/samla/internal/chat"
	"github.com/samla-sip/samla/internal/sip"
	"github.com/samla-sip/samla/internal/textgate"
)

// dedupTTL is how long a Slack delivery id is remembered (Slack retries
// events for about an hour at most).
const dedupTTL = time.Hour

// triggerLife is how long after an interaction its trigger_id can still
// open a modal (Slack: 3 s; we keep a margin).
const triggerLife = 2500 * time.Millisecond

// serveInteraction answers POST /slack/interactions. A press that could
// not be saved gets 503 (Slack marks it failed) and a message by
// response_url asking to press again.
func (b *Bot) serveInteraction(w http.ResponseWriter, r *http.Request, body []byte) {
	form, err := url.ParseQuery(string(body))
	if err != nil {
		http.Error(w, "bad form", http.StatusBadRequest)
		return
	}
	resp, err := b.onInteraction(r.Context(), []byte(form.Get("payload")))
	if err != nil {
		http.Error(w, "unavailable", http.StatusServiceUnavailable)
		return
	}
	writeJSON(w, resp)
}

// onInteraction handles a button press or a modal submission (the JSON
// payload) and returns the response body (nil for an empty 200), or
// errNotSaved when a press could not be recorded (the user has been
// asked to press again).
func (b *Bot) onInteraction(ctx context.Context, payload []byte) (any, error) {
	var cb slackgo.InteractionCallback
	if err := json.Unmarshal(payload, &cb); err != nil {
		b.log.Warn("slack: bad interaction payload", "error", err)
		return nil, nil
	}
	team := firstNonEmpty(cb.Team.ID, cb.User.TeamID, cb.View.TeamID)
	if team == "" || cb.User.ID == "" {
		return nil, nil
	}
	// A repeated delivery is the same payload; every new press or
	// submission differs (trigger_id, action_ts, the form's state).
	sum := sha256.Sum256(payload)
	id := "ia:" + team + ":" + cb.User.ID + ":" + hex.EncodeToString(sum[:16])
	switch cb.Type {
	case slackgo.InteractionTypeBlockActions:
		return nil, b.onBlockAction(ctx, id, team, &cb)
	case slackgo.InteractionTypeViewSubmission:
		switch cb.View.CallbackID {
		case callbackNew:
			return b.onNewCaseSubmission(ctx, id, team, &cb), nil
		case callbackPrompt:
			return b.onPromptSubmission(ctx, id, team, &cb), nil
		}
	}
	return nil, nil
}

// first reports whether a Slack delivery that changes nothing (a button
// opening a form) is seen for the first time. If the store cannot tell,
// the delivery is processed.
func (b *Bot) first(ctx context.Context, id string) bool {
	ok, err := b.store.Once(ctx, "slack:"+id, dedupTTL)
	if err != nil {
		b.log.Warn("slack: dedup failed; processing anyway", "error", err)
		return true
	}
	return ok
}

// onBlockAction handles a button press: a button with a prompt opens the
// modal at once; otherwise the press is saved, the core runs in the
// background and its reply goes to response_url (Slack ignores the HTTP
// body of block actions).
func (b *Bot) onBlockAction(ctx context.Context, id, team string, cb *slackgo.InteractionCallback) error {
	if len(cb.ActionCallback.BlockActions) == 0 {
		return nil
	}
	a := cb.ActionCallback.BlockActions[0]
	act := chat.Action{Name: actionName(a.ActionID)}
	var prompt *chat.Prompt
	act.Value, prompt = parseButtonValue(a.Value)
	if a.Value == "" && a.SelectedOption.Value != "" {
		act.Value = a.SelectedOption.Value
	}
	received := time.Now()
	meta := viewMeta{Action: act.Name, Value: act.Value, ResponseURL: cb.ResponseURL, Channel: cb.Channel.ID}
	if prompt != nil {
		if !b.first(ctx, id) {
			return nil
		}
		view, err := b.promptModal(*prompt, "", meta)
		if err == nil {
			err = b.openView(ctx, team, cb.TriggerID, view, received)
		}
		if err != nil {
			b.log.Warn("slack: opening a prompt failed", "team", team, "error", err)
			b.spawn(func(ctx context.Context) {
				who := b.actor(ctx, team, cb.User.ID, cb.Channel.ID)
				b.answerLater(ctx, who, cb.ResponseURL, chat.Reply{Text: b.t("prompt_failed")})
			})
		}
		return nil
	}
	e := inboxEntry{Kind: kindAct, Team: team, User: cb.User.ID, Channel: cb.Channel.ID, ResponseURL: cb.ResponseURL, Action: act}
	first, err := b.accept(ctx, id, e, true)
	if err != nil {
		b.spawn(func(ctx context.Context) {
			cctx, cancel := context.WithTimeout(ctx, settleTimeout)
			defer cancel()
			who := b.actor(cctx, team, cb.User.ID, cb.Channel.ID)
			b.answerLater(cctx, who, cb.ResponseURL, chat.Reply{Text: b.t("press_again")})
		})
		return err
	}
	if !first {
		return nil
	}
	b.spawn(func(ctx context.Context) {
		cctx, cancel := context.WithTimeout(ctx, lateTimeout)
		defer cancel()
		who := b.actor(cctx, team, cb.User.ID, cb.Channel.ID)
		r := b.settling(id, func(ctx context.Context) chat.Reply { return b.handler.Act(ctx, who, act) })(cctx)
		if r.Prompt != nil && time.Since(received) < triggerLife {
			meta := viewMeta{ResponseURL: cb.ResponseURL, Channel: cb.Channel.ID}
			if failed := b.openReplyPrompt(cctx, team, cb.TriggerID, r, meta, received); failed == nil {
				return
			}
			r = chat.Reply{Text: b.t("prompt_failed")}
		}
		if !r.Empty() {
			b.answerLater(cctx, who, cb.ResponseURL, r)
		}
	})
	return nil
}

// onPromptSubmission runs the action a prompt modal collected input for.
func (b *Bot) onPromptSubmission(ctx context.Context, id, team string, cb *slackgo.InteractionCallback) any {
	start := time.Now()
	meta := decodeViewMeta(cb.View.PrivateMetadata)
	input, flag := promptAnswer(cb.View.State)
	var refused *textgate.Error
	if errors.As(textgate.Check(textgate.Answer, input), &refused) {
		// The gate's words, as the core would say them, next to the field.
		return slackgo.NewErrorsViewSubmissionResponse(map[string]string{"input": refused.Message(b.lang)})
	}
	act := chat.Action{Name: meta.Action, Value: meta.Value, Input: input, Flag: flag}
	e := inboxEntry{Kind: kindAct, Team: team, User: cb.User.ID, Channel: meta.Channel, ResponseURL: meta.ResponseURL, Action: act}
	if stop := b.acceptSubmission(ctx, id, e, "input"); stop != nil {
		return stop
	}
	who := b.actor(ctx, team, cb.User.ID, meta.Channel)
	reply, inline := b.runInline(ctx, start,
		b.settling(id, func(ctx context.Context) chat.Reply { return b.handler.Act(ctx, who, act) }),
		func(ctx context.Context, r chat.Reply) { b.answerLater(ctx, who, meta.ResponseURL, r) })
	if !inline {
		return slackgo.NewClearViewSubmissionResponse()
	}
	if reply.Prompt != nil {
		next := viewMeta{Action: reply.PromptAction, Value: reply.PromptValue, ResponseURL: meta.ResponseURL, Channel: meta.Channel}
		view, err := b.promptModal(*reply.Prompt, reply.Body().Plain(), next)
		if err == nil {
			return slackgo.NewUpdateViewSubmissionResponse(&view)
		}
		b.log.Warn("slack: rendering a prompt failed", "error", err)
		reply = chat.Reply{Text: b.t("failed")}
	}
	b.spawn(func(ctx context.Context) { b.answerLater(ctx, who, meta.ResponseURL, reply) })
	return slackgo.NewClearViewSubmissionResponse()
}

// onNewCaseSubmission runs the new-case modal through the core's typed
// NewCase. A refusal keeps the modal open with each reason on its field;
// a created case closes it and the answer follows by response_url or DM.
// When the core answers after the inline wait, the modal has closed and
// a refusal comes as a message instead.
func (b *Bot) onNewCaseSubmission(ctx context.Context, id, team string, cb *slackgo.InteractionCallback) any {
	start := time.Now()
	in := readNewCaseForm(cb.View.State).input()
	meta := decodeViewMeta(cb.View.PrivateMetadata)
	e := inboxEntry{Kind: kindNewCase, Team: team, User: cb.User.ID, Channel: meta.Channel, ResponseURL: meta.ResponseURL, NewCase: &in}
	if stop := b.acceptSubmission(ctx, id, e, "kommun"); stop != nil {
		return stop
	}
	who := b.actor(ctx, team, cb.User.ID, meta.Channel)
	var (
		created bool
		refused *sip.Refusal
	)
	reply, inline := b.runInline(ctx, start,
		b.settling(id, func(ctx context.Context) chat.Reply {
			res, err := b.handler.NewCase(ctx, who, in)
			if err == nil {
				created = true
				return res.Reply
			}
			if errors.As(err, &refused) {
				return chat.Reply{Text: refused.Message()}
			}
			return chat.Reply{Text: b.t("failed")}
		}),
		func(ctx context.Context, r chat.Reply) { b.answerLater(ctx, who, meta.ResponseURL, r) })
	if !inline {
		return slackgo.NewClearViewSubmissionResponse()
	}
	if !created {
		errs := map[string]string{"kommun": truncate(reply.Body().Plain(), maxModalError)}
		if refused != nil {
			errs = modalErrors(refused)
		}
		return slackgo.NewErrorsViewSubmissionResponse(errs)
	}
	b.spawn(func(ctx context.Context) { b.answerLater(ctx, who, meta.ResponseURL, reply) })
	return slackgo.NewClearViewSubmissionResponse()
}

// acceptSubmission saves a modal submission before it is answered. It
// returns the response that ends the request early: the modal closed for
// a repeated delivery, or kept open with "send again" on field when the
// submission could not be saved (or Samla is stopping); nil to go on.
func (b *Bot) acceptSubmission(ctx context.Context, id string, e inboxEntry, field string) any {
	if b.isClosed() {
		return slackgo.NewErrorsViewSubmissionResponse(map[string]string{field: b.t("stopping")})
	}
	first, err := b.accept(ctx, id, e, true)
	if err != nil {
		return slackgo.NewErrorsViewSubmissionResponse(map[string]string{field: b.t("not_saved")})
	}
	if !first {
		return slackgo.NewClearViewSubmissionResponse()
	}
	return nil
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}
