package main

import (
	"context"
	"log/slog"
	"time"

	"github.com/samla-sip/samla/bots/mattermost"
	"github.com/samla-sip/samla/bots/slack"
	"github.com/samla-sip/samla/config"
	"github.com/samla-sip/samla/directory"
	"github.com/samla-sip/samla/internal/chat"
	"github.com/samla-sip/samla/internal/server"
	"github.com/samla-sip/samla/internal/store"
)

// platforms are the configured chat platforms: their endpoints mounted on
// the server, their senders for the outbox, their own loops and closers.
type platforms struct {
	senders []chat.Sender
	tasks   []task
	closers []func(context.Context) error
}

// startPlatforms builds the Slack and Mattermost bots and the e-mail
// channel that are configured, and registers the bots in locales and
// members.
func startPlatforms(ctx context.Context, cfg config.Config, h platformCore, locales chat.Locales, members chat.Memberships, holder *directory.Holder,
	st store.Store, srv *server.Server, log *slog.Logger, security func(platform, event string)) (*platforms, error) {
	p := &platforms{}
	if cfg.Slack.Enabled() {
		bot, err := slack.New(slack.Options{
			SigningSecret: cfg.Slack.SigningSecret, BotTokens: cfg.Slack.BotTokens,
			APIURL: cfg.Slack.APIURL, AppToken: cfg.Slack.AppToken,
			Handler: h, Directory: holder, Store: st, Now: time.Now, Location: cfg.Location(),
			Log: log.With("component", "slack"), Lang: flagLang(cfg.Lang), BaseContext: ctx,
		})
		if err != nil {
			return nil, err
		}
		if cfg.Slack.SigningSecret != "" {
			bot.Mount(srv)
		}
		if cfg.Slack.AppToken != "" {
			p.tasks = append(p.tasks, task{"slack socket mode", bot.RunSocketMode})
		}
		p.tasks = append(p.tasks, task{"slack inbox", bot.RunInbox})
		p.senders = append(p.senders, bot)
		p.closers = append(p.closers, bot.Close)
		locales[chat.Slack] = bot
		members[chat.Slack] = bot
	}
	if cfg.Mattermost.Enabled() {
		servers, err := mattermost.Servers(cfg.Mattermost.Servers, cfg.Mattermost.BotTokens, cfg.Mattermost.CommandTokens, cfg.Mattermost.EmailTrusted)
		if err != nil {
			return nil, err
		}
		bot, err := mattermost.New(mattermost.Options{
			Servers: servers, CommandToken: cfg.Mattermost.CommandToken,
			ActionKey: []byte(cfg.Mattermost.ActionKey), PublicURL: cfg.PublicURL,
			Handler: h, Directory: holder, Dedup: st, Lang: flagLang(cfg.Lang),
			Log: log.With("component", "mattermost"), Security: security,
		})
		if err != nil {
			return nil, err
		}
		bot.Mount(srv)
		p.senders = append(p.senders, bot)
		locales[chat.Mattermost] = bot
		members[chat.Mattermost] = bot
	}
	if cfg.Mail.Enabled() {
		m, links, err := newMailer(cfg, reportUndeliverable(h, log.With("component", "email")))
		if err != nil {
			return nil, err
		}
		if links != nil {
			mountMailLinks(srv, links, h, st, cfg.Lang, log.With("component", "email"))
		} else {
			log.Warn("e-mail without answer links: invitees reached by e-mail cannot answer from it; set SAMLA_MAIL_LINK_KEY")
		}
		p.senders = append(p.senders, m)
	}
	return p, nil
}

// close lets the bots finish late answers, within a bounded time.
func (p *platforms) close(log *slog.Logger) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	for _, c := range p.closers {
		if err := c(ctx); err != nil {
			log.Error("closing a chat platform", "err", err.Error())
		}
	}
}
