package slack

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"sync"
	"time"

	slackgo "github.com/slack-go/slack"

	"github.com/samla-sip/samla/internal/chat"
)

// lateTimeout bounds core work that continues after the acknowledgement.
const lateTimeout = 60 * time.Second

// runInline runs call in the background bound to the bot's lifetime and
// waits for it until the inline wait after start (when the request
// arrived) has passed. When it finishes in time the reply is
// returned with ok=true; otherwise ok=false and late gets the reply when it
// is ready (in the background goroutine). A closed bot answers "stopping".
func (b *Bot) runInline(ctx context.Context, start time.Time, call func(context.Context) chat.Reply, late func(context.Context, chat.Reply)) (chat.Reply, bool) {
	var (
		mu      sync.Mutex
		gaveUp  bool
		done    = make(chan chat.Reply, 1)
		started = b.spawn(func(bg context.Context) {
			cctx, cancel := context.WithTimeout(bg, lateTimeout)
			defer cancel()
			r := b.safely(cctx, call)
			mu.Lock()
			if gaveUp {
				mu.Unlock()
				late(cctx, r)
				return
			}
			done <- r // buffered: never blocks
			mu.Unlock()
		})
	)
	if !started {
		return chat.Reply{Text: b.t("stopping")}, true
	}
	timer := time.NewTimer(b.inlineWait - time.Since(start))
	defer timer.Stop()
	select {
	case r := <-done:
		return r, true
	case <-timer.C:
	case <-ctx.Done():
	}
	mu.Lock()
	defer mu.Unlock()
	select {
	case r := <-done:
		return r, true
	default:
		gaveUp = true
		return chat.Reply{}, false
	}
}

// safely runs a core call; a panic in it becomes a "something went wrong"
// reply (and an error log) instead of taking the server down.
func (b *Bot) safely(ctx context.Context, call func(context.Context) chat.Reply) (r chat.Reply) {
	defer func() {
		if p := recover(); p != nil {
			b.log.Error("slack: the core panicked", "panic", fmt.Sprintf("%T", p))
			r = chat.Reply{Text: b.t("failed")}
		}
	}()
	return call(ctx)
}

// respond posts an ephemeral answer to a response_url on a Slack host.
func (b *Bot) respond(ctx context.Context, responseURL string, body ephemeral) error {
	if !b.responseURLAllowed(responseURL) {
		return errForeignResponseURL
	}
	raw, err := json.Marshal(body)
	if err != nil {
		return fmt.Errorf("slack: encode response: %w", err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, responseURL, bytes.NewReader(raw))
	if err != nil {
		return fmt.Errorf("slack: response_url: %w", err)
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := b.http.Do(req)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err // without the URL: it grants posting to the user
		}
		return fmt.Errorf("slack: response_url: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("slack: response_url: status %d", resp.StatusCode)
	}
	return nil
}

// answerLater delivers a reply after the request was acknowledged: to the
// response_url when there is one, else as a direct message from the bot.
func (b *Bot) answerLater(ctx context.Context, who chat.Actor, responseURL string, r chat.Reply) {
	if r.Prompt != nil {
		// A modal needs a fresh trigger_id; the one we had has expired.
		r = withLine(r, b.t("prompt_expired"))
	}
	var err error
	if responseURL != "" && !b.responseURLAllowed(responseURL) {
		b.log.Warn("slack: foreign response_url ignored; answering by direct message", "team", who.Workspace)
		responseURL = ""
	}
	if responseURL != "" {
		err = b.respond(ctx, responseURL, replyBody(r))
	} else {
		err = b.directMessage(ctx, who, r.Body())
	}
	if err != nil {
		b.log.Warn("slack: late answer failed", "team", who.Workspace, "error", err)
	}
}

// directMessage sends msg to the user's DM with the bot (a reply, not a
// core message: core messages go through the outbox).
func (b *Bot) directMessage(ctx context.Context, who chat.Actor, msg chat.Message) error {
	api, err := b.client(who.Workspace)
	if err != nil {
		return err
	}
	ch, cached, err := b.dmChannel(ctx, api, who.Workspace, who.UserID)
	if err != nil {
		return err
	}
	_, _, err = api.PostMessageContext(ctx, ch,
		slackgo.MsgOptionText(fallbackText(msg), false), slackgo.MsgOptionBlocks(messageBlocks(msg)...))
	if err != nil {
		if cached {
			b.dms.forget(who.Workspace, who.UserID)
		}
		return classify("chat.postMessage", err)
	}
	return nil
}

// postEphemeral shows msg to the user only, in the channel they wrote in.
func (b *Bot) postEphemeral(ctx context.Context, who chat.Actor, msg chat.Message) error {
	if who.Channel == "" {
		return b.directMessage(ctx, who, msg)
	}
	api, err := b.client(who.Workspace)
	if err != nil {
		return err
	}
	_, err = api.PostEphemeralContext(ctx, who.Channel, who.UserID,
		slackgo.MsgOptionText(fallbackText(msg), false), slackgo.MsgOptionBlocks(messageBlocks(msg)...))
	if err != nil {
		return classify("chat.postEphemeral", err)
	}
	return nil
}
