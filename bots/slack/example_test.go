package slack_test

import (
	"context"
	"log/slog"
	"net/http"
	"time"

	"github.com/samla-sip/samla/bots/slack"
	"github.com/samla-sip/samla/directory"
	"github.com/samla-sip/samla/internal/chat"
	"github.com/samla-sip/samla/internal/outbox"
	"github.com/samla-sip/samla/internal/store"
)

// Example shows how `samla serve` wires the Slack bot: HTTP endpoints on
// the server's mux, the bot as the outbox's Slack sender, Socket Mode when
// an app token is configured, and Close on shutdown.
func Example() {
	var (
		ctx    = context.Background()
		st     store.Store          // bboltstore.Open(…) or redisstore.New(…)
		holder *directory.Holder    // directory.NewHolder(dir)
		core   slack.Core           // sip.New(sip.Deps{…})
		mux    = http.NewServeMux() // or the *server.Server (it has Handle)
		log    = slog.Default()
	)
	bot, err := slack.New(slack.Options{
		SigningSecret: "…", // cfg.Slack.SigningSecret
		BotTokens:     map[string]string{"T0SKANE01": "xoxb-…"},
		AppToken:      "", // cfg.Slack.AppToken: Socket Mode when set
		Handler:       core,
		Directory:     holder,
		Store:         st,
		Now:           time.Now,
		Log:           log.With("component", "slack"),
		Lang:          "sv",
		BaseContext:   ctx,
	})
	if err != nil {
		log.Error("slack", "error", err)
		return
	}
	bot.Mount(mux) // POST /slack/commands, /slack/interactions, /slack/events
	worker := outbox.NewWorker(st, []chat.Sender{bot /*, mattermost… */}, outbox.Options{Log: log})
	go func() { _ = worker.Run(ctx) }()
	if appToken := ""; appToken != "" { // cfg.Slack.AppToken
		go func() { _ = bot.RunSocketMode(ctx) }()
	}
	defer func() {
		stop, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		_ = bot.Close(stop) // lets late answers finish
	}()
}
