package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"time"

	"github.com/samla-sip/samla/bots/email"
	"github.com/samla-sip/samla/config"
	"github.com/samla-sip/samla/internal/chat"
	"github.com/samla-sip/samla/internal/reminders"
	"github.com/samla-sip/samla/internal/sip"
)

// runMail implements "samla mail test ADDRESS [--config FILE]": one test
// message with the configured relay, and the relay's answer.
func runMail(ctx context.Context, env *cliEnv, args []string) error {
	if len(args) == 0 || args[0] != "test" {
		fmt.Fprintln(env.stderr, "Usage: samla mail test [--config FILE] ADDRESS")
		return exitCode(2)
	}
	fs := subcommandFlags("mail test", env)
	file := fs.String("config", "", "read settings from `FILE` (SAMLA_NAME=value lines); the environment overrides it")
	timeout := fs.Duration("timeout", email.DefaultTimeout, "give up on the relay after `DURATION`")
	if err := fs.Parse(args[1:]); err != nil {
		return flagParseExit(err)
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(env.stderr, "Usage: samla mail test [--config FILE] ADDRESS")
		return exitCode(2)
	}
	cfg, err := loadConfig(env, *file)
	if err != nil {
		return err
	}
	if !cfg.Mail.Enabled() {
		return errors.New("SAMLA_SMTP_URL är inte satt (not set): e-post är avstängt")
	}
	m, _, err := newMailer(cfg, nil)
	if err != nil {
		return err
	}
	srv, _ := email.ParseURL(cfg.Mail.SMTPURL, cfg.Mail.SMTPPassword)
	fmt.Fprintf(env.stdout, "relay: %s (%s)\n", srv.Addr(), srv.TLS)
	c, cancel := context.WithTimeout(ctx, *timeout)
	defer cancel()
	answer, err := m.Test(c, fs.Arg(0))
	if err != nil {
		if code := email.Code(err); code != 0 {
			return fmt.Errorf("relay answered %d: %w", code, err)
		}
		return err
	}
	fmt.Fprintf(env.stdout, "accepted: %s\n", answer)
	return nil
}

// newMailer builds the e-mail channel from the configuration, with answer
// links when SAMLA_MAIL_LINK_KEY is set (nil links otherwise).
// onUndeliverable may be nil.
func newMailer(cfg config.Config, onUndeliverable func(context.Context, chat.Address, string)) (*email.Mailer, *email.Links, error) {
	srv, err := email.ParseURL(cfg.Mail.SMTPURL, cfg.Mail.SMTPPassword)
	if err != nil {
		return nil, nil, err
	}
	var links *email.Links
	if cfg.Mail.LinkKey != "" {
		if links, err = email.NewLinks(cfg.PublicURL, []byte(cfg.Mail.LinkKey), 0, time.Now); err != nil {
			return nil, nil, err
		}
	}
	m, err := email.New(srv, email.Options{
		From: cfg.Mail.From, ReplyTo: cfg.Mail.ReplyTo, Lang: cfg.Lang, Location: cfg.Location(),
		Links: links, StopAction: reminders.ActionStop, Now: time.Now, OnUndeliverable: onUndeliverable,
	})
	return m, links, err
}

// undeliverable is the core's method reportUndeliverable calls.
type undeliverable interface {
	Undeliverable(ctx context.Context, ref string, to chat.Address) error
}

// reportUndeliverable tells the core which case an undeliverable e-mail
// was about (the job id in the key names it), so the convener hears of it.
func reportUndeliverable(core undeliverable, log *slog.Logger) func(context.Context, chat.Address, string) {
	return func(ctx context.Context, to chat.Address, key string) {
		ref := sip.FindRef(key)
		if ref == "" {
			return
		}
		c, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
		defer cancel()
		if err := core.Undeliverable(c, ref, to); err != nil {
			log.Error("email: convener not told of an undeliverable e-mail", "ref", ref, "class", "store")
		}
	}
}

// mountMailLinks serves the answer links of e-mails on srv.
func mountMailLinks(srv interface{ Handle(string, http.Handler) }, links *email.Links, h chat.Handler, once email.Once, lang string, log *slog.Logger) {
	srv.Handle(email.LinkPath, links.Handler(h, once, lang, log))
}
