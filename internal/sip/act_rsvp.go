package sip

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/samla-sip/samla/directory"
	"github.com/samla-sip/samla/internal/chat"
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
func answerable(c *Case, r *request, invID string) (*Invitation, error) {
	in := c.invitation(invID)
	if in == nil || in.ContactID != r.me.Key {
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

// actRSVP records an invitee's answer: attend, video, decline (with a
// reason) or delegate (to a colleague, with or without mandate).
func (s *Service) actRSVP(ctx context.Context, r *request, act chat.Action) (chat.Reply, error) {
	p, ok := splitValue(act.Value, 2)
	if !ok {
		return chat.Reply{}, errNotFound
	}
	ref, invID := p[0], p[1]
	input := strings.TrimSpace(act.Input)
	switch {
	case act.Name == actDecline && input == "":
		return chat.Reply{Text: t(r.lang, "p.decline.label"), PromptAction: act.Name, PromptValue: act.Value,
			Prompt: &chat.Prompt{Title: t(r.lang, "p.decline.title"), Label: t(r.lang, "p.decline.label")}}, nil
	case act.Name == actDelegate && input == "":
		return chat.Reply{Text: t(r.lang, "p.delegate.label"), PromptAction: act.Name, PromptValue: act.Value,
			Prompt: &chat.Prompt{Title: t(r.lang, "p.delegate.title"), Label: t(r.lang, "p.delegate.label"),
				Options: delegateOptions(r.dir, r.me.Key, r.now), Checkbox: t(r.lang, "p.delegate.mandate")}}, nil
	case len([]rune(input)) > maxTextLen:
		return chat.Reply{}, inputErr("", "err.toolong", maxTextLen)
	}
	var delegate *directory.Contact
	if act.Name == actDelegate {
		// Only the colleagues the prompt offered: a delegate is someone the
		// invitee's own organisation can send.
		allowed := slices.ContainsFunc(delegateOptions(r.dir, r.me.Key, r.now), func(o chat.Option) bool { return o.Value == input })
		d, ok := r.dir.Contact(input)
		if !ok || !allowed {
			return chat.Reply{}, inputErr("", "err.delegate", input)
		}
		delegate = d
	}
	var reply string
	err := s.mutate(ctx, r, ref, func(c *Case, fx *effects) error {
		in, err := answerable(c, r, invID)
		if err != nil {
			return err
		}
		if repeated(in, act.Name, input) {
			reply = t(r.lang, "ok.unchanged")
			return errUnchanged
		}
		at := r.now
		in.Answered = &at
		in.Declined, in.Delegate, in.DelegateNm, in.Mandate = "", "", "", false
		switch act.Name {
		case actAttend, actVideo:
			in.State = StateAttending
			if act.Name == actVideo {
				in.State = StateVideo
			}
			c.event("rsvp."+in.State, r.me.Name, r.now, in.Party)
			reply = s.acceptedReply(r.lang, c, in)
		case actDecline:
			in.State = StateDeclined
			in.Declined = input
			c.event("rsvp.declined", r.me.Name, r.now, in.Party, input)
			reply = t(r.lang, "ok.declined", c.Ref)
			if err := s.tellConvener(ctx, r, c, fx, in, "note.declined", r.me.Name, partyName(s.convLang(ctx, c), in.Party), input, c.Ref, in.Party); err != nil {
				return err
			}
		case actDelegate:
			line, err := s.delegate(ctx, r, c, fx, in, delegate, act.Flag)
			if err != nil {
				return err
			}
			reply = line
		}
		// The delegate's invitation may have moved the slice: look it up again.
		return s.refreshInvitation(ctx, r, c, fx, c.invitation(invID))
	})
	if err != nil {
		return chat.Reply{}, err
	}
	return chat.Reply{Text: reply}, nil
}

// repeated reports whether a press repeats the answer already recorded
// (a double click, a platform retry): nothing is written or sent again.
func repeated(in *Invitation, action, input string) bool {
	switch action {
	case actAttend:
		return in.State == StateAttending
	case actVideo:
		return in.State == StateVideo
	case actDecline:
		return in.State == StateDeclined && in.Declined == input
	}
	return false
}

// acceptedReply confirms an acceptance and, now that the invitee is in,
// shows the meeting and the convener's description of the needs.
func (s *Service) acceptedReply(lang string, c *Case, in *Invitation) string {
	text := t(lang, "ok."+in.State, c.Ref, s.whenText(lang, c))
	if c.Needs != "" {
		text += "\n" + t(lang, "f.needs") + ": " + c.Needs
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
	return s.userLang(ctx, c.Convener.Key)
}
