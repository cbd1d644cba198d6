package room

import (
	"context"
	"crypto/rand"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/samla-sip/samla/internal/chat"
	"github.com/samla-sip/samla/internal/sip"
	"github.com/samla-sip/samla/internal/store"
)

// Core is what the room asks of the SIP core: the typed API, with the
// person from the session as the actor, so every rule (who may see and
// do what, personnummer refused in every field) is the core's.
type Core interface {
	View(ctx context.Context, who chat.Actor, ref string) (sip.Result, error)
	Answer(ctx context.Context, who chat.Actor, in sip.Answer) (sip.Result, error)
	ProposeMeeting(ctx context.Context, who chat.Actor, in sip.ProposeMeeting) (sip.Result, error)
	EditPlan(ctx context.Context, who chat.Actor, in sip.EditPlan) (sip.Result, error)
	// Case reads a case without an actor: for the individual's page, whose
	// access the room checks itself (personal link and code).
	Case(ctx context.Context, ref string) (*sip.Case, error)
	// Mine lists the actor's cases (the signed-in staff's start page).
	Mine(ctx context.Context, who chat.Actor) (sip.Result, error)
}

// Options configure the room.
type Options struct {
	Store store.Store
	Core  Core
	// PublicURL is Samla's address as browsers reach it (SAMLA_PUBLIC_URL);
	// https makes the session cookie Secure.
	PublicURL string
	// LinkTTL is how long a staff link from chat opens (default 5 minutes).
	LinkTTL time.Duration
	// IdleTimeout ends a session not used for that long (default 30 minutes);
	// MaxSession ends every session that long after it began (default 8 hours).
	IdleTimeout time.Duration
	MaxSession  time.Duration
	// Lang is the default language of pages and chat answers ("sv").
	Lang string
	// PerIP limits requests per client address and minute (default 120).
	PerIP int
	Now   func() time.Time
	Rand  io.Reader
	Log   *slog.Logger
	// OIDC, when set, lets staff sign in with an OpenID Connect provider.
	OIDC *OIDC
	// LangOf, when set, is a person's language for the room's chat answers
	// ("sv" or "en"; their /sip språk choice, else their platform's);
	// nil answers everyone in Lang.
	LangOf func(ctx context.Context, who chat.Actor) string
	// Stats, when set, serves the staff-only statistics page (StatsPath).
	Stats Stats
	// Email, when true (the e-mail channel is on), lets the convener send
	// a personal link by e-mail: /sip länk REF individen epost=ADDRESS.
	Email bool
}

// Room serves the case room and makes the links into it.
type Room struct {
	opts    Options
	secure  bool
	limiter *limiter
	oidc    *oidcClient // nil without OIDC
}

var _ sip.RoomLinks = (*Room)(nil)

// New returns a Room; Store, Core and PublicURL are required.
func New(opts Options) (*Room, error) {
	if opts.Store == nil || opts.Core == nil || opts.PublicURL == "" {
		return nil, errors.New("room: Store, Core and PublicURL are required")
	}
	opts.PublicURL = strings.TrimRight(opts.PublicURL, "/")
	if opts.LinkTTL <= 0 {
		opts.LinkTTL = 5 * time.Minute
	}
	if opts.IdleTimeout <= 0 {
		opts.IdleTimeout = 30 * time.Minute
	}
	if opts.MaxSession <= 0 {
		opts.MaxSession = 8 * time.Hour
	}
	if opts.Lang != "en" {
		opts.Lang = "sv"
	}
	if opts.PerIP <= 0 {
		opts.PerIP = 120
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Rand == nil {
		opts.Rand = rand.Reader
	}
	if opts.Log == nil {
		opts.Log = slog.New(slog.DiscardHandler)
	}
	rm := &Room{
		opts:    opts,
		secure:  strings.HasPrefix(opts.PublicURL, "https://"),
		limiter: newLimiter(opts.PerIP, time.Minute, opts.Now),
	}
	if o := opts.OIDC; o != nil {
		if o.Issuer == "" || o.ClientID == "" || o.Contact == nil {
			return nil, errors.New("room: OIDC needs Issuer, ClientID and Contact")
		}
		rm.oidc = &oidcClient{opts: *o, redirect: opts.PublicURL + oidcPath}
	}
	return rm, nil
}

// Handler serves every page of the room under /rum/.
func (rm *Room) Handler() http.Handler {
	mux := http.NewServeMux()
	// The ways in (links, codes, sign-in) are limited per client address;
	// pages behind a session are not (behind a proxy every visitor may
	// share one address).
	entry := func(pattern string, h http.HandlerFunc) { mux.Handle(pattern, rm.limit(h)) }
	entry("GET "+OpenPath, rm.open)
	mux.HandleFunc("GET /rum/static/room.css", rm.css)
	mux.HandleFunc("POST /rum/ut", rm.logout)
	if rm.opts.Stats != nil {
		mux.HandleFunc("GET "+StatsPath, rm.statsPage)
		mux.HandleFunc("GET "+StatsCSVPath, rm.statsCSV)
	}
	mux.HandleFunc("GET /rum/{ref}", rm.staffPage)
	mux.HandleFunc("POST /rum/{ref}/svar", rm.postAnswer)
	mux.HandleFunc("POST /rum/{ref}/tid", rm.postProposal)
	mux.HandleFunc("POST /rum/{ref}/plan", rm.postPlanItem)
	mux.HandleFunc("POST /rum/{ref}/mottagen", rm.postReceived)
	if rm.oidc != nil {
		entry("GET "+loginPath, rm.login)
		entry("GET "+oidcPath, rm.callback)
		mux.HandleFunc("GET /rum/{$}", rm.cases)
	}
	entry("GET "+PersonPath, rm.personCodeForm)
	entry("POST "+PersonPath, rm.personCodePost)
	mux.HandleFunc("GET /rum/mitt", rm.personPage)
	mux.HandleFunc("POST /rum/mitt", rm.personPost)
	mux.HandleFunc("GET /rum/{ref}/plan", rm.planPage)
	mux.HandleFunc("GET /rum/{ref}/plan.pdf", rm.planPDF)
	mux.HandleFunc("/rum/", rm.notFound)
	return rm.headers(mux)
}

// chatLang is the language of who's chat answers.
func (rm *Room) chatLang(ctx context.Context, who chat.Actor) string {
	if rm.opts.LangOf != nil {
		if l := rm.opts.LangOf(ctx, who); l == "en" || l == "sv" {
			return l
		}
	}
	return rm.opts.Lang
}

// mayEnter is the room's rule on top of the core's: a case view the core
// gave (the person is a member) opens the room unless consent was
// withdrawn (then nobody) or the reader is an invitee whose every
// invitation was withdrawn.
func mayEnter(v *sip.CaseView) bool {
	if v == nil {
		return false
	}
	if v.Consent == nil {
		for _, e := range v.Timeline {
			if e.Kind == "withdrawn" {
				return false
			}
		}
	}
	if v.Role == sip.RoleConvener {
		return true
	}
	for _, in := range v.Invitations {
		if in.ContactID == v.Reader && in.State != sip.StateCancelled {
			return true
		}
	}
	return false
}
