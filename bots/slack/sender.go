package slack

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"

	slackgo "github.com/slack-go/slack"

	"github.com/samla-sip/samla/internal/chat"
)

// defaultRetryAfter is used for a 429 without a Retry-After header.
const defaultRetryAfter = 30 * time.Second

// permanentErrors are Slack error codes a retry cannot fix.
var permanentErrors = map[string]bool{
	"user_not_found": true, "channel_not_found": true, "not_in_channel": true,
	"account_inactive": true, "invalid_auth": true, "token_revoked": true,
	"is_archived": true, "missing_scope": true, "cannot_dm_bot": true,
	"user_disabled": true, "message_not_found": true, "cant_update_message": true,
	"invalid_blocks": true, "msg_too_long": true, "not_authed": true,
}

// Send delivers msg to a user's DM with the bot (conversations.open the
// first time, then chat.postMessage) or to Address.Channel. Slack has no idempotency key for
// chat.postMessage, so key is only logged by the outbox.
func (b *Bot) Send(ctx context.Context, to chat.Address, msg chat.Message, key string) (chat.Ref, error) {
	api, err := b.client(to.Workspace)
	if err != nil {
		return chat.Ref{}, err
	}
	channel, cached := to.Channel, false
	if channel == "" {
		if to.User == "" {
			return chat.Ref{}, fmt.Errorf("slack: address %s has no user or channel: %w", to, chat.ErrPermanent)
		}
		channel, cached, err = b.dmChannel(ctx, api, to.Workspace, to.User)
		if err != nil {
			return chat.Ref{}, err
		}
	}
	ch, ts, err := api.PostMessageContext(ctx, channel,
		slackgo.MsgOptionText(fallbackText(msg), false), slackgo.MsgOptionBlocks(messageBlocks(msg)...))
	if err != nil {
		if cached {
			b.dms.forget(to.Workspace, to.User)
		}
		return chat.Ref{}, classify("chat.postMessage", err)
	}
	if ch == "" {
		ch = channel
	}
	return chat.Ref{Platform: chat.Slack, Workspace: to.Workspace, Channel: ch, ID: ts}, nil
}

// Update replaces a delivered message in place (chat.update).
func (b *Bot) Update(ctx context.Context, ref chat.Ref, msg chat.Message) error {
	api, err := b.client(ref.Workspace)
	if err != nil {
		return err
	}
	_, _, _, err = api.UpdateMessageContext(ctx, ref.Channel, ref.ID,
		slackgo.MsgOptionText(fallbackText(msg), false), slackgo.MsgOptionBlocks(messageBlocks(msg)...))
	if err != nil {
		return classify("chat.update", err)
	}
	return nil
}

// classify maps a Web API error to the outbox's classes: rate limited →
// *chat.RetryAfterError, a code no retry fixes → chat.ErrPermanent, anything
// else (5xx, network) → a plain error retried with backoff. The HTTP status
// and Slack's error code travel in a *chat.PlatformError (Slack answers
// API errors with 200 and an error code).
func classify(method string, err error) error {
	var rl *slackgo.RateLimitedError
	if errors.As(err, &rl) {
		pe := &chat.PlatformError{Status: http.StatusTooManyRequests, ID: "ratelimited", Err: err}
		return &chat.RetryAfterError{After: rl.RetryAfter, Err: fmt.Errorf("slack %s: %w", method, pe)}
	}
	var sc slackgo.StatusCodeError
	if errors.As(err, &sc) {
		pe := &chat.PlatformError{Status: sc.Code, Err: err}
		switch {
		case sc.Code == http.StatusTooManyRequests:
			return &chat.RetryAfterError{After: defaultRetryAfter, Err: fmt.Errorf("slack %s: %w", method, pe)}
		case sc.Code >= 500:
			return fmt.Errorf("slack %s: %w", method, pe)
		default:
			return fmt.Errorf("slack %s: %w: %w", method, chat.ErrPermanent, pe)
		}
	}
	var se slackgo.SlackErrorResponse
	if errors.As(err, &se) {
		pe := &chat.PlatformError{Status: http.StatusOK, ID: se.Err, Err: err}
		switch {
		case se.Err == "ratelimited":
			return &chat.RetryAfterError{After: defaultRetryAfter, Err: fmt.Errorf("slack %s: %w", method, pe)}
		case permanentErrors[se.Err]:
			return fmt.Errorf("slack %s: %w: %w", method, chat.ErrPermanent, pe)
		default:
			return fmt.Errorf("slack %s: %w", method, pe)
		}
	}
	return fmt.Errorf("slack %s: %w", method, err)
}
