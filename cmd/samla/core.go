package main

import (
	"context"
	"crypto/rand"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/samla-sip/samla/config"
	"github.com/samla-sip/samla/directory"
	"github.com/samla-sip/samla/internal/agenda"
	"github.com/samla-sip/samla/internal/chat"
	"github.com/samla-sip/samla/internal/i18n"
	"github.com/samla-sip/samla/internal/reminders"
	"github.com/samla-sip/samla/internal/room"
	"github.com/samla-sip/samla/internal/sip"
	"github.com/samla-sip/samla/internal/store"
)

// core is the SIP service with what hangs on it: the reminders engine
// (planner, button actions, firing) and the optional agenda drafter.
type core struct {
	svc       *sip.Service
	reminders *reminders.Engine
	room      *room.Room // nil unless SAMLA_PUBLIC_URL is set
	// locales is where the chat platforms, built after the core, register
	// to tell each person's locale (startPlatforms fills it before serving).
	locales chat.Locales
	// members is where they register to tell who is in a team channel.
	members chat.Memberships
}

// roomCore is the service as the room sees it, set once it is built (the
// room is made first: the service's messages link to it).
type roomCore struct {
	room.Core
	svc *sip.Service
}

// langOf is who's language as the core chooses it.
func (rc *roomCore) langOf(ctx context.Context, who chat.Actor) i18n.Lang {
	key := who.ContactID
	if key == "" {
		key = who.Platform + ":" + who.Workspace + ":" + who.UserID
	}
	return rc.svc.LangOf(ctx, key, who.Address())
}

// newCore builds the SIP service and the reminders engine on one store;
// the reminders' metrics go to reg, security events to security; the
// case room shows statistics from statsSvc.
func newCore(cfg config.Config, st store.Store, holder *directory.Holder, log *slog.Logger, reg prometheus.Registerer,
	security func(platform, event string), statsSvc room.Stats) (*core, error) {
	set, err := reminders.SettingsFrom(cfg.Reminders, cfg.TimeZone, cfg.Lang)
	if err != nil {
		return nil, fmt.Errorf("reminders: %w", err)
	}
	metrics, err := reminders.NewMetrics(reg)
	if err != nil {
		return nil, err
	}
	remLog := log.With("component", "reminders")
	loc := cfg.Location()
	c := &core{locales: chat.Locales{}, members: chat.Memberships{}}
	actions := map[string]sip.ActionFunc{
		// The engine is built after the service it reads cases from.
		reminders.ActionPrefix: func(ctx context.Context, who chat.Actor, act chat.Action) chat.Reply {
			return c.reminders.Act(ctx, who, act)
		},
	}
	var links sip.RoomLinks
	rc := &roomCore{}
	if cfg.RoomEnabled() {
		opts := room.Options{
			Store: st, Core: rc, PublicURL: cfg.PublicURL, Lang: cfg.Lang,
			LinkTTL: cfg.Room.LinkTTL, IdleTimeout: cfg.Room.IdleTimeout, MaxSession: cfg.Room.SessionMax,
			Log: log.With("component", "room"), Stats: statsSvc, Email: cfg.Mail.Enabled(),
			LangOf: func(ctx context.Context, who chat.Actor) string {
				return string(rc.langOf(ctx, who))
			},
		}
		if cfg.Room.OIDCIssuer != "" {
			opts.OIDC = &room.OIDC{Issuer: cfg.Room.OIDCIssuer, ClientID: cfg.Room.OIDCClientID,
				ClientSecret: cfg.Room.OIDCClientSecret, Contact: contactBySignIn(holder)}
		}
		c.room, err = room.New(opts)
		if err != nil {
			return nil, err
		}
		links = c.room
		actions[room.ActionPrefix] = c.room.Act
	}
	lang, _ := i18n.Parse(cfg.Lang) // config checked it; sip falls back to Swedish
	c.svc = sip.New(sip.Deps{
		Store: st, Directory: holder, Now: time.Now, Rand: rand.Reader, Locales: c.locales,
		Lang: lang, Log: log.With("component", "sip"), Location: loc, Email: cfg.Mail.Enabled(),
		WorkdayStart: set.Hours.Start, WorkdayEnd: set.Hours.End,
		Planners: []sip.Planner{reminders.NewPlanner(set, remLog, metrics)},
		Actions:  actions, Room: links, Security: security, Members: c.members,
		Agenda: agenda.New(agenda.Options{
			BaseURL: cfg.LLM.BaseURL, Model: cfg.LLM.Model, APIKey: cfg.LLM.APIKey,
			Timeout: cfg.LLM.Timeout, Directory: holder, Log: log.With("component", "agenda"),
			AllowClinical: cfg.LLM.AllowClinical(),
		}),
	})
	rc.Core, rc.svc = c.svc, c.svc
	c.reminders, err = reminders.New(reminders.Deps{
		Store: st, Cases: c.svc, Directory: reminders.DirectoryFrom(holder, reminders.WithEmail(cfg.Mail.Enabled())),
		Settings: set, Log: remLog, Metrics: metrics, Langs: c.svc,
		Members: c.members, Security: security, Decorate: c.svc.AddRoomButton,
	})
	if err != nil {
		return nil, fmt.Errorf("reminders: %w", err)
	}
	return c, nil
}

// platformCore is what the chat platforms call: the core's commands,
// buttons and new-case form.
type platformCore interface {
	chat.Handler
	NewCase(ctx context.Context, who chat.Actor, in sip.NewCase) (sip.Result, error)
	undeliverable
}

// handler is the core as the platforms see it: with a case room, its
// chat command (/sip länk) comes first.
func (c *core) handler() platformCore {
	if c.room == nil {
		return c.svc
	}
	return roomCommands{Service: c.svc, room: c.room}
}

// roomCommands puts the room's chat command in front of the core's.
type roomCommands struct {
	*sip.Service
	room *room.Room
}

func (h roomCommands) Command(ctx context.Context, who chat.Actor, text string) chat.Reply {
	if reply, ok := h.room.Command(ctx, who, text); ok {
		return reply
	}
	return h.Service.Command(ctx, who, text)
}

// contactBySignIn matches a signed-in person to a directory contact: by
// verified e-mail address, else by HSA-id.
func contactBySignIn(holder *directory.Holder) func(email, hsaID string) (string, bool) {
	return func(email, hsaID string) (string, bool) {
		d := holder.Current()
		if email != "" {
			if c, ok := d.ContactByEmail(email); ok {
				return c.ID, true
			}
		}
		if hsaID == "" {
			return "", false
		}
		var found string
		d.Contacts(func(c *directory.Contact) bool {
			if strings.EqualFold(c.HSAID, hsaID) {
				found = c.ID
				return false
			}
			return true
		})
		return found, found != ""
	}
}
