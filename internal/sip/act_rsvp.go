package sip

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/samla-sip/samla/directory"
	"github.com/samla-sip/samla/internal/chat"
	"github.com/samla-sip/samla/internal/textgate"
)

// splitValue reads a button value "REF|invID[|n]".
func splitValue(v string, parts int) ([]string, bool) {
	p := strings.Split(v, "|")
	if len(p) != parts {
		return nil, false
	}
	ref, ok := normalizeRef(p[0])
	if !ok {
		return nil, false
	}
	p[0] = ref
	return p, true
}

// answerable returns the invitation the actor may answer, or errNotFound
// so that nobody learns anything about a case they are not part of.
func (s *Service) answerable(ctx context.Context, c *Case, r *request, invID string) (*Invitation, error) {
	in := c.invitation(invID)
	if in == nil || !s.mayAnswer(ctx, r, in) {
		return nil, errNotFound
	}
	if c.Closed != nil {
		return nil, inputErr("", "err.closed", c.Ref)
	}
	switch {
	case in.State == StateCancelled, c.Consent == nil && in.State != StateDelegated:
		// Consent withdrawn: a declined invitee may not come back in either.
		return nil, inputErr("", "err.cancelled", c.Ref)
	case in.State == StateDelegated:
		return nil, inputErr("", "err.delegated", in.DelegateNm)
	}
	return in, nil
}

// mayAnswer reports whether the actor may answer the invitation: its
// invitee, or — for an invitation posted to a unit's team channel — a
// member of that channel on that workspace or server, which the unit's
// organisation controls (membership asked of the platform, which caches
// it briefly).
func (s *Service) mayAnswer(ctx context.Context, r *request, in *Invitation) bool {
	if in.ContactID == r.me.Key {
		return true
	}
	a := in.Address
	if a == nil || a.Channel == "" || s.deps.Members == nil || r.dir == nil || r.who.UserID == "" ||
		r.who.Platform != a.Platform || r.who.Workspace != a.Workspace {
		return false
	}
	if c, ok := r.dir.Contact(in.ContactID); !ok || !r.dir.Controls(c, a.Platform, a.Workspace) {
		return false
	}
	member, err := s.deps.Members.IsMember(ctx, *a, r.who.UserID)
	if err != nil {
		s.deps.Log.WarnContext(ctx, "sip: channel membership", "platform", a.Platform, "err", err)
		return false
	}
	return member
}

// Answer is an invitee's answer to an invitation (RSVP).
type Answer struct {
	Ref        string
	Invitation string // the invitee's invitation id
	Kind       AnswerKind
	Reason     string // why they decline (required for AnswerDecline)
	Delegate   string // contact id of the colleague sent instead (AnswerDelegate)
	Mandate    bool   // the delegate may decide for the unit
}

// AnswerKind is what an invitee answers.
type AnswerKind string

// Answers.
const (
	AnswerAttend   AnswerKind = "attend"
	AnswerVideo    AnswerKind = "video"
	AnswerDecline  AnswerKind = "decline"
	AnswerDelegate AnswerKind = "delegate"
)

// answerActions maps the invitation's buttons to answers.
var answerActions = map[string]AnswerKind{
	actAttend: AnswerAttend, actVideo: AnswerVideo, actDecline: AnswerDecline, actDelegate: AnswerDelegate,
}

// Answer records the actor's answer to their invitation; the convener is
// told of declines and delegations.
func (s *Service) Answer(ctx context.Context, who chat.Actor, in Answer) (Result, error) {
	return s.typed(ctx, who, []textField{{FieldRef, in.Ref}, {FieldReason, in.Reason}, {FieldDelegate, in.Delegate}},
		func(r *request) (Result, error) { return s.answer(ctx, r, in) })
}

// DelegateOptions are the colleagues the actor may send in their place
// for invitation invID of case ref (value: contact id), the choices of the
// delegate prompt: of the invitation's care level and organisation, and
// not away on the meeting day (today before a time is set). None when the
// case or invitation is not the actor's.
func (s *Service) DelegateOptions(ctx context.Context, who chat.Actor, ref, invID string) []chat.Option {
	r := s.newRequest(ctx, who)
	return s.delegateChoices(ctx, r, ref, invID)
}

// delegateChoices are DelegateOptions for a request.
func (s *Service) delegateChoices(ctx context.Context, r *request, ref, invID string) []chat.Option {
	c, _, err := s.load(ctx, ref)
	if err != nil {
		return nil
	}
	in := c.invitation(invID)
	if in == nil || in.ContactID != r.me.Key {
		return nil
	}
	return delegateOptions(r.dir, r.ov, r.me.Key, in.Party, meetingDay(c, r.now))
}

// actRSVP is an invitation button: attend, video, decline (asks for a
// reason first) or delegate (asks whom, and whether with mandate).
func (s *Service) actRSVP(ctx context.Context, r *request, act chat.Action) (chat.Reply, error) {
	p, ok := splitValue(act.Value, 2)
	if !ok {
		return chat.Reply{}, errNotFound
	}
	input := strings.TrimSpace(act.Input)
	switch {
	case act.Name == actDecline && input == "":
		return chat.Reply{Text: t(r.lang, "p.decline.label"), PromptAction: act.Name, PromptValue: act.Value,
			Prompt: &chat.Prompt{Title: t(r.lang, "p.decline.title"), Label: t(r.lang, "p.decline.label")}}, nil
	case act.Name == actDelegate && input == "":
		return chat.Reply{Text: t(r.lang, "p.delegate.label"), PromptAction: act.Name, PromptValue: act.Value,
			Prompt: &chat.Prompt{Title: t(r.lang, "p.delegate.title"), Label: t(r.lang, "p.delegate.label"),
				Options: s.delegateChoices(ctx, r, p[0], p[1]), Checkbox: t(r.lang, "p.delegate.mandate")}}, nil
	}
	in := Answer{Ref: p[0], Invitation: p[1], Kind: answerActions[act.Name]}
	switch in.Kind {
	case AnswerDecline:
		in.Reason = input
	case AnswerDelegate:
		in.Delegate, in.Mandate = input, act.Flag
	}
	res, err := s.answer(ctx, r, in)
	return res.Reply, err
}

// answer records an invitee's answer: attend, video, decline (with a
// reason) or delegate (to a colleague, with or without mandate).
func (s *Service) answer(ctx context.Context, r *request, a Answer) (Result, error) {
	ref, rerr := checkRef("", a.Ref)
	if rerr != nil {
		return Result{}, rerr
	}
	reason := strings.TrimSpace(a.Reason)
	var delegate *directory.Contact
	switch a.Kind {
	case AnswerAttend, AnswerVideo:
	case AnswerDecline:
		if reason == "" {
			return Result{}, inputErr("", "err.noreason").on(FieldReason)
		}
		var gerr *InputError
		if reason, gerr = cleanText(textgate.Reason, FieldReason, "", reason); gerr != nil {
			return Result{}, gerr
		}
	case AnswerDelegate:
		// Only the colleagues the prompt offers (checked with the case
		// below): a delegate is someone the invitee's own organisation can
		// send for the party.
		id := strings.TrimSpace(a.Delegate)
		d, ok := r.dir.Contact(id)
		if !ok {
			return Result{}, inputErr("", "err.delegate", clip(id, 40)).on(FieldDelegate)
		}
		delegate = d
	default:
		return Result{}, inputErr("", "err.action")
	}
	invID := a.Invitation
	var reply string
	c, err := s.change(ctx, r, ref, func(c *Case, fx *effects) error {
		in, err := s.answerable(ctx, c, r, invID)
		if err != nil {
			return err
		}
		if a.Kind == AnswerDelegate && !slices.ContainsFunc(delegateOptions(r.dir, r.ov, r.me.Key, in.Party, meetingDay(c, r.now)),
			func(o chat.Option) bool { return o.Value == delegate.ID }) {
			return inputErr("", "err.delegate", clip(delegate.ID, 40)).on(FieldDelegate)
		}
		if in.ContactID != r.me.Key {
			in.AnsweredBy = r.me.Name // a member of the unit's channel
		} else {
			in.AnsweredBy = ""
		}
		if repeated(in, a.Kind, reason) {
			reply = t(r.lang, "ok.unchanged")
			return errUnchanged
		}
		at := r.now
		in.Answered = &at
		in.Reconfirm = false
		in.Declined, in.Delegate, in.DelegateNm, in.Mandate = "", "", "", false
		switch a.Kind {
		case AnswerAttend, AnswerVideo:
			in.State = StateAttending
			if a.Kind == AnswerVideo {
				in.State = StateVideo
			}
			c.event("rsvp."+in.State, r.me.Name, r.now, in.Party)
			reply = s.acceptedReply(r.lang, c, in)
		case AnswerDecline:
			in.State = StateDeclined
			in.Declined = reason
			c.event("rsvp.declined", r.me.Name, r.now, in.Party, reason)
			reply = t(r.lang, "ok.declined", c.Ref)
			// The hint invites the party again where it was routed: a party
			// reached in another kommun (kommun=…) is asked there again.
			again := in.Party
			if k, ok := directory.LookupKommun(in.Kommun); ok && in.Kommun != "" {
				again += " kommun=" + quoteArg(k.Name)
			}
			if err := s.tellConvener(ctx, r, c, fx, in, "note.declined", r.me.Name, partyName(s.convLang(ctx, c), in.Party), reason, c.Ref, again); err != nil {
				return err
			}
		case AnswerDelegate:
			line, err := s.delegate(ctx, r, c, fx, in, delegate, a.Mandate)
			if err != nil {
				return err
			}
			reply = line
		}
		// The delegate's invitation may have moved the slice: look it up again.
		return s.refreshInvitation(ctx, r, c, fx, c.invitation(invID))
	})
	if err != nil {
		return Result{}, err
	}
	return s.caseResult(r, c, chat.Reply{Text: reply}), nil
}

// repeated reports whether a press repeats the answer already recorded
// (a double click, a platform retry): nothing is written or sent again.
func repeated(in *Invitation, kind AnswerKind, input string) bool {
	switch kind {
	case AnswerAttend:
		return in.State == StateAttending
	case AnswerVideo:
		return in.State == StateVideo
	case AnswerDecline:
		return in.State == StateDeclined && in.Declined == input
	}
	return false
}

// acceptedReply confirms an acceptance and shows the meeting; the
// convener's description of the needs is in the case room, never in chat.
func (s *Service) acceptedReply(lang string, c *Case, in *Invitation) string {
	text := t(lang, "ok."+in.State, c.Ref, s.whenText(lang, c))
	if c.Needs != "" {
		text += "\n" + t(lang, "room.more")
	}
	return text
}

// delegate hands an invitation to a colleague: the original is marked
// delegated and the colleague gets an invitation of their own.
func (s *Service) delegate(ctx context.Context, r *request, c *Case, fx *effects, in *Invitation, d *directory.Contact, mandate bool) (string, error) {
	for _, other := range c.Invitations {
		if other.ContactID == d.ID && other.Active() && other.State != StateDelegated {
			return "", inputErr("", "err.delegate.already", d.Name)
		}
	}
	in.State = StateDelegated
	in.Delegate, in.DelegateNm, in.Mandate = d.ID, d.Name, mandate
	mandateArg := boolArg(mandate)
	c.event("rsvp.delegated", r.me.Name, r.now, in.Party, d.Name, mandateArg)
	mandateSV, mandateEN := t("sv", "mandate."+mandateWord(mandate)), t("en", "mandate."+mandateWord(mandate))
	ch, ok := bestReach(d)
	if !ok {
		return "", inputErr("", "err.delegate.unreachable", d.Name)
	}
	sv := t("sv", "reason.delegated", r.me.Name, mandateSV)
	en := t("en", "reason.delegated", r.me.Name, mandateEN)
	line, err := s.addInvitationFrom(ctx, r, c, fx, in, d, ch, sv, en)
	if err != nil {
		return "", err
	}
	convLang := s.convLang(ctx, c)
	if err := s.tellConvener(ctx, r, c, fx, in, "note.delegated", r.me.Name, partyName(convLang, in.Party),
		d.Name, t(convLang, "mandate."+mandateWord(mandate)), line); err != nil {
		return "", err
	}
	return t(r.lang, "ok.delegated", d.Name, t(r.lang, "mandate."+mandateWord(mandate))), nil
}

func mandateWord(m bool) string {
	if m {
		return "with"
	}
	return "without"
}

// addInvitationFrom invites a delegate in place of in; the line returned
// describes it for the convener (sent, or contact them personally).
func (s *Service) addInvitationFrom(ctx context.Context, r *request, c *Case, fx *effects, from *Invitation, d *directory.Contact, ch directory.Reach, sv, en string) (string, error) {
	convLang := s.convLang(ctx, c)
	saved := r.lang
	r.lang = convLang
	line, err := s.addInvitation(ctx, r, c, fx, from.Party, d, ch, sv, en)
	r.lang = saved
	if err != nil {
		return "", err
	}
	c.Invitations[len(c.Invitations)-1].From = from.ID
	// addInvitation recorded an "invited" event by the delegating person;
	// the delegation event already says it, so drop the duplicate.
	c.Timeline = c.Timeline[:len(c.Timeline)-1]
	return strings.TrimPrefix(line, "• "), nil
}

// tellConvener sends the convener a one-off note about an answer that
// needs their attention (a decline, a delegation).
func (s *Service) tellConvener(ctx context.Context, r *request, c *Case, fx *effects, in *Invitation, id string, args ...any) error {
	lang := s.convLang(ctx, c)
	msg := chat.Message{Title: c.Ref, Text: t(lang, id, args...)}
	c.Seq++
	return fx.send(r, fmt.Sprintf("note|%s|%s|%d", c.Ref, in.ID, c.Seq), c.Convener.Address, msg)
}

// convLang is the convener's language.
func (s *Service) convLang(ctx context.Context, c *Case) string {
	return s.langOf(ctx, c.Convener.Key, c.Convener.Address)
}
