package sip

import (
	"context"
	"crypto/rand"
	"io"
	"log/slog"
	"regexp"
	"strings"
	"time"
	_ "time/tzdata" // meeting times are Swedish local time on any host

	"github.com/samla-sip/samla/directory"
	"github.com/samla-sip/samla/internal/chat"
	"github.com/samla-sip/samla/internal/i18n"
	"github.com/samla-sip/samla/internal/store"
	"github.com/samla-sip/samla/internal/textgate"
)

// DirectorySource gives the directory in service (hot-reloaded).
type DirectorySource interface {
	Current() *directory.Directory
}

// Planner is called inside every case commit with the case before (nil for
// a new case) and after the change; the jobs it returns are scheduled and
// the refs cancelled in the same transaction (reminders use it).
type Planner interface {
	Plan(ctx context.Context, before, after *Case, now time.Time) (jobs []store.Job, cancel []store.JobRef)
}

// ActionFunc handles button presses whose name starts with a registered
// prefix (e.g. "reminder.").
type ActionFunc func(ctx context.Context, who chat.Actor, act chat.Action) chat.Reply

// AgendaDrafter drafts a meeting agenda from the convener's needs text.
type AgendaDrafter interface {
	DraftMarkdown(ctx context.Context, needs string, parties []string, lang string) (markdown string, fromModel bool, err error)
}

// AgendaApprover is an AgendaDrafter that can send the needs text to a
// language model, only after the convener has seen and confirmed exactly
// what leaves (issue 20).
type AgendaApprover interface {
	// Enabled reports whether a language model is configured.
	Enabled() bool
	// PreviewMarked returns exactly the text that would be sent, each
	// replacement between open and close, and the hash that approves it.
	PreviewMarked(needs, open, close string) (marked, hash string)
	// DraftApproved asks the model only when approved is still the hash
	// of the text that would be sent.
	DraftApproved(ctx context.Context, needs string, parties []string, lang, approved string) (markdown string, fromModel bool, err error)
}

// Deps are the service's collaborators; tests pass fakes.
type Deps struct {
	Store     store.Store
	Directory DirectorySource
	Now       func() time.Time
	Rand      io.Reader // for case references
	Lang      i18n.Lang // SAMLA_LANG: for whoever chose no language and whose platform keeps no locale
	Log       *slog.Logger

	// Locales, when set, tells the locale each person's chat platform
	// keeps (chat.Locales over the Slack and Mattermost bots): a person
	// who has not chosen a language with /sip språk is written to in it.
	Locales chat.LocaleSource

	// Planners schedule follow-on jobs (reminders) with each case change.
	Planners []Planner
	// Actions handle button presses by name prefix, e.g. "reminder.".
	Actions map[string]ActionFunc
	// Agenda drafts agendas; nil means the agenda step is not configured.
	Agenda AgendaDrafter
	// Location is the zone meeting times are typed in; nil means
	// Europe/Stockholm.
	Location *time.Location
	// Email is true when the e-mail channel is configured: contacts reached
	// only by e-mail are then invited, notified and withdrawn by e-mail
	// instead of being a manual step for the convener.
	Email bool
	// Members tells who is a member of a team channel: an invitation or
	// a reminder posted to a unit's channel may be answered by them. Nil:
	// only the invitee answers.
	Members chat.Membership
	// Security, when set, counts security events (Event… kinds) by
	// platform; they are logged too, with ids only.
	Security func(platform, event string)
	// Room, when set, is the case room: every case message carries an
	// "Öppna ärendet" button and replies about a case a link (room.go).
	Room RoomLinks
	// WorkdayStart and WorkdayEnd are the working hours (since local
	// midnight) a meeting is expected within; a meeting outside them asks
	// for confirmation. Zero means 08:00–17:00.
	WorkdayStart, WorkdayEnd time.Duration
}

// Service runs /sip commands and button presses.
type Service struct {
	deps Deps
	loc  *time.Location
}

// New returns a Service. A nil Log discards, a nil Now is time.Now and a
// nil Rand is crypto/rand; Store and Directory are required.
func New(deps Deps) *Service {
	if deps.Log == nil {
		deps.Log = slog.New(slog.DiscardHandler)
	}
	if deps.Now == nil {
		deps.Now = time.Now
	}
	if deps.Rand == nil {
		deps.Rand = rand.Reader
	}
	deps.Lang = deps.Lang.Or(i18n.Swedish)
	if deps.WorkdayEnd <= deps.WorkdayStart {
		deps.WorkdayStart, deps.WorkdayEnd = 8*time.Hour, 17*time.Hour
	}
	loc := deps.Location
	if loc == nil {
		var err error
		if loc, err = time.LoadLocation("Europe/Stockholm"); err != nil {
			loc = time.UTC
		}
	}
	return &Service{deps: deps, loc: loc}
}

var _ chat.Handler = (*Service)(nil)

// request is one command or button press being handled.
type request struct {
	who  chat.Actor
	me   ident
	lang string
	now  time.Time
	dir  *directory.Directory
	// unresolved: the platform could not look the actor up just now and
	// no stored link holds; the request is refused with err.tryagain.
	unresolved bool
	// ov is the directory's overlay: absences reported in chat.
	ov directory.Overlay
}

func (s *Service) newRequest(ctx context.Context, who chat.Actor) *request {
	dir := s.deps.Directory.Current()
	me, unresolved := s.identify(ctx, dir, who)
	return &request{who: who, me: me, lang: s.langOf(ctx, me.Key, who.Address()), now: s.deps.Now(), dir: dir, unresolved: unresolved,
		ov: AbsenceOverlay(ctx, s.deps.Store, s.deps.Log)}
}

// errTryAgain refuses a request whose actor cannot be linked right now.
var errTryAgain = inputErr("", "err.tryagain")

// Command runs "/sip ..." text.
func (s *Service) Command(ctx context.Context, who chat.Actor, text string) chat.Reply {
	r := s.newRequest(ctx, who)
	if r.unresolved {
		return chat.Reply{Text: s.userError(ctx, r, errTryAgain)}
	}
	// Refuse personal identity numbers before anything else; the text is
	// neither parsed, stored nor logged.
	if err := textgate.Check(textgate.Command, text); err != nil {
		s.deps.Log.InfoContext(ctx, "sip: command refused by the input gate", "actor", r.me.Key, "err", err)
		return chat.Reply{Text: gateErr(err, "", "").text(r.lang)}
	}
	text = textgate.Strip(text)
	text = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(text), "/sip"))
	cmd, err := Parse(text)
	if err == nil {
		var reply chat.Reply
		if reply, err = s.run(ctx, r, cmd); err == nil {
			return s.withUnknownNotice(ctx, r, s.withRoomLink(ctx, r, reply))
		}
	}
	msg := s.userError(ctx, r, err)
	// Examples show the user's own case, ready to copy.
	if ref, ok := normalizeRef(textRefRE.FindString(text)); ok {
		msg = strings.ReplaceAll(msg, exampleRef, ref)
	}
	return chat.Reply{Text: msg}
}

// textRefRE finds a case reference typed in a command.
var textRefRE = regexp.MustCompile(`(?i)\bSIP-[0-9A-Z]{6}\b`)

func (s *Service) run(ctx context.Context, r *request, cmd Cmd) (chat.Reply, error) {
	switch cmd.Verb {
	case verbNew:
		return s.cmdNew(ctx, r, cmd)
	case verbConsent:
		return s.cmdConsent(ctx, r, cmd)
	case verbWithdraw:
		return s.cmdWithdraw(ctx, r, cmd)
	case verbMeeting:
		return s.cmdMeeting(ctx, r, cmd)
	case verbInvite:
		return s.cmdInvite(ctx, r, cmd)
	case verbStatus:
		return s.cmdStatus(ctx, r, cmd)
	case verbMine:
		return s.cmdMine(ctx, r)
	case verbLog:
		return s.cmdLog(ctx, r, cmd)
	case verbPlan:
		return s.cmdPlan(ctx, r, cmd)
	case verbFollowUp:
		return s.cmdFollowUp(ctx, r, cmd)
	case verbClose:
		return s.cmdClose(ctx, r, cmd)
	case verbWho:
		return s.cmdWho(r, cmd)
	case verbSearch:
		return s.cmdSearch(r, cmd)
	case verbAgenda:
		return s.cmdAgenda(ctx, r, cmd)
	case verbLang:
		return s.cmdLang(ctx, r, cmd)
	case verbParticipates:
		return s.cmdParticipates(ctx, r, cmd)
	case verbAway:
		return s.cmdAway(ctx, r, cmd)
	case verbBack:
		return s.cmdBack(ctx, r)
	case verbUnit:
		return s.cmdUnit(ctx, r, cmd)
	default:
		return s.cmdHelp(r), nil
	}
}

// Act runs a button press.
func (s *Service) Act(ctx context.Context, who chat.Actor, act chat.Action) chat.Reply {
	r := s.newRequest(ctx, who)
	if r.unresolved {
		return chat.Reply{Text: s.userError(ctx, r, errTryAgain)}
	}
	if err := textgate.Check(textgate.Answer, act.Input+" "+act.Value+" "+act.Name); err != nil {
		s.deps.Log.InfoContext(ctx, "sip: action refused by the input gate", "actor", r.me.Key, "err", err)
		return chat.Reply{Text: gateErr(err, "", "").text(r.lang)}
	}
	act.Input = textgate.Strip(act.Input)
	if f := s.actionFor(act.Name); f != nil {
		who.ContactID = r.me.ContactID // the link the core made, "" for nobody in the directory
		return f(ctx, who, act)
	}
	var (
		reply chat.Reply
		err   error
	)
	switch act.Name {
	case actAttend, actVideo, actDecline, actDelegate:
		reply, err = s.actRSVP(ctx, r, act)
	case actVote:
		reply, err = s.actVote(ctx, r, act)
	case actPick:
		reply, err = s.actPick(ctx, r, act)
	case actAgendaDraft:
		if ref, ok := normalizeRef(act.Value); ok {
			reply, err = s.cmdAgenda(ctx, r, Cmd{Verb: verbAgenda, Args: []string{ref}})
		} else {
			err = errNotFound
		}
	case actAgendaSend, actAgendaTemplate:
		reply, err = s.actAgendaSend(ctx, r, act)
	case actAgendaShare:
		reply, err = s.actAgendaShare(ctx, r, act)
	case actAgendaEdit:
		reply, err = s.actAgendaEdit(ctx, r, act)
	default:
		s.deps.Log.WarnContext(ctx, "sip: unknown action", "action", act.Name)
		err = inputErr("", "err.action")
	}
	if err != nil {
		return chat.Reply{Text: s.userError(ctx, r, err)}
	}
	return s.withRoomLink(ctx, r, reply)
}

// actionFor returns the registered handler with the longest matching prefix.
func (s *Service) actionFor(name string) ActionFunc {
	var best string
	for p := range s.deps.Actions {
		if strings.HasPrefix(name, p) && len(p) > len(best) {
			best = p
		}
	}
	if best == "" {
		return nil
	}
	return s.deps.Actions[best]
}

// userError turns an error into the one line the user sees; anything but
// a user mistake is logged (without user text) and shown as a generic error.
func (s *Service) userError(ctx context.Context, r *request, err error) string {
	if ie, ok := firstInputError(err); ok {
		msg := ie.text(r.lang)
		if ex := example(r.lang, ie.Verb); ex != "" {
			msg += " " + t(r.lang, "ex.prefix", ex)
		}
		return msg
	}
	s.deps.Log.ErrorContext(ctx, "sip: command failed", "actor", r.me.Key, "err", err)
	return t(r.lang, "err.internal")
}

// withUnknownNotice tells a user once that they are not in the directory.
func (s *Service) withUnknownNotice(ctx context.Context, r *request, reply chat.Reply) chat.Reply {
	if r.me.Known {
		return reply
	}
	first, err := s.deps.Store.Once(ctx, "sip:unknown-told:"+r.me.Key, 365*24*time.Hour)
	if err != nil || !first {
		return reply
	}
	note := t(r.lang, "note.unknown")
	if reply.Message != nil {
		m := *reply.Message
		m.Text = note + "\n" + m.Text
		reply.Message = &m
		return reply
	}
	reply.Text = note + "\n" + reply.Text
	return reply
}
