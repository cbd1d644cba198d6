package slack

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"time"

	slackgo "github.com/slack-go/slack"
	"github.com/slack-go/slack/socketmode"
)

// socketConn is the part of a socketmode.Client the bot uses.
type socketConn interface {
	RunContext(ctx context.Context) error
	Ack(req socketmode.Request, payload ...any) error
}

var _ socketConn = (*socketmode.Client)(nil)

// RunSocketMode receives slash commands, interactions and events over
// Slack's Socket Mode (Options.AppToken) instead of the HTTP endpoints,
// until ctx is done. Requests arrive authenticated by the app token, so
// no signature is checked; everything else is handled as over HTTP.
func (b *Bot) RunSocketMode(ctx context.Context) error {
	if b.appToken == "" {
		return errors.New("slack: Socket Mode needs an app token (SAMLA_SLACK_APP_TOKEN)")
	}
	o := []slackgo.Option{slackgo.OptionHTTPClient(b.http), slackgo.OptionAppLevelToken(b.appToken)}
	if b.apiURL != "" {
		o = append(o, slackgo.OptionAPIURL(b.apiURL))
	}
	client := socketmode.New(slackgo.New("", o...), socketmode.OptionLog(slogWriter{b.log}))
	return b.runSocket(ctx, client, client.Events)
}

// runSocket runs conn and dispatches its events until ctx is done. A lost
// connection is re-opened; a rejected token ends the run with an error.
func (b *Bot) runSocket(ctx context.Context, conn socketConn, events <-chan socketmode.Event) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	runErr := make(chan error, 1)
	go func() { runErr <- b.keepConnected(ctx, conn) }()
	for {
		select {
		case <-ctx.Done():
			<-runErr
			return nil
		case err := <-runErr:
			if ctx.Err() != nil {
				return nil
			}
			return fmt.Errorf("slack: socket mode: %w", err)
		case ev := <-events:
			b.spawn(func(context.Context) { b.dispatchSocket(ctx, conn, ev) })
		}
	}
}

// keepConnected runs conn until ctx is done, reconnecting after transient
// failures; it returns the error of a fatal one (bad or revoked token).
func (b *Bot) keepConnected(ctx context.Context, conn socketConn) error {
	for {
		err := conn.RunContext(ctx)
		if ctx.Err() != nil {
			return nil
		}
		if fatalSocketError(err) {
			return err
		}
		b.log.Warn("slack: socket mode connection lost; reconnecting", "error", err)
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(b.socketRetry):
		}
	}
}

// fatalSocketError reports errors no reconnection fixes.
func fatalSocketError(err error) bool {
	if err == nil {
		return false
	}
	switch err.Error() {
	case "invalid_auth", "account_inactive", "not_authed", "token_revoked":
		return true
	}
	var sc slackgo.StatusCodeError
	return errors.As(err, &sc) && sc.Code == http.StatusNotFound
}

// dispatchSocket handles one Socket Mode event and acknowledges it with
// the same body the HTTP endpoint would answer.
func (b *Bot) dispatchSocket(ctx context.Context, conn socketConn, ev socketmode.Event) {
	if ev.Request == nil {
		if ev.Type == socketmode.EventTypeInvalidAuth || ev.Type == socketmode.EventTypeConnectionError {
			b.log.Warn("slack: socket mode", "event", string(ev.Type))
		}
		return
	}
	req := *ev.Request
	var resp any
	switch ev.Type {
	case socketmode.EventTypeSlashCommand:
		var cmd slackgo.SlashCommand
		if err := json.Unmarshal(req.Payload, &cmd); err != nil {
			b.log.Warn("slack: socket mode: bad slash command", "error", err)
			break
		}
		resp = b.onCommand(ctx, cmd)
	case socketmode.EventTypeInteractive:
		var err error
		if resp, err = b.onInteraction(ctx, req.Payload); err != nil {
			return // not acknowledged: Slack shows the press as failed
		}
	case socketmode.EventTypeEventsAPI:
		var env eventEnvelope
		if err := json.Unmarshal(req.Payload, &env); err != nil {
			b.log.Warn("slack: socket mode: bad event", "error", err)
			break
		}
		if err := b.onEvent(ctx, env); err != nil {
			return // not acknowledged: Slack delivers it again
		}
	default:
		return
	}
	b.ack(conn, req, resp)
}

func (b *Bot) ack(conn socketConn, req socketmode.Request, resp any) {
	var err error
	if resp == nil {
		err = conn.Ack(req)
	} else {
		err = conn.Ack(req, resp)
	}
	if err != nil {
		b.log.Warn("slack: socket mode ack failed", "error", err)
	}
}

// slogWriter lets socketmode's debug logger write to slog.
type slogWriter struct{ log *slog.Logger }

func (w slogWriter) Output(_ int, s string) error {
	w.log.Debug("slack: socket mode", "detail", s)
	return nil
}
