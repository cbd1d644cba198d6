package sip

import (
	"context"
	"fmt"
	"time"

	"github.com/samla-sip/samla/internal/chat"
	"github.com/samla-sip/samla/internal/outbox"
)

// invKey is the chat.Message key of an invitation: every version of it
// replaces the one delivered before.
func invKey(ref, invID string) string { return "inv/" + ref + "/" + invID }

// invUpdJobID is the outbox job of an invitation's latest version; one
// per invitation, so quick changes coalesce into the newest.
func invUpdJobID(ref, invID string) string { return "invupd|" + ref + "|" + invID }

// invitationOpen reports whether the invitee can still answer (or change
// their answer): not delegated, withdrawn or closed, and consent holds.
func invitationOpen(c *Case, in *Invitation) bool {
	return c.Closed == nil && c.Consent != nil && in.State != StateDelegated && in.State != StateCancelled
}

// invitationHead is the line on top of an invitation that is no longer
// just pending: the answer given (and when), or that it no longer
// applies. It says nothing about the individual.
func (s *Service) invitationHead(lang string, c *Case, in *Invitation) string {
	switch {
	case c.Closed != nil:
		return t(lang, "inv.closed")
	case in.State == StateCancelled || c.Consent == nil && in.State != StateDelegated:
		return t(lang, "inv.cancelled")
	case in.Reconfirm && in.State == StatePending:
		return t(lang, "inv.reconfirm")
	case in.Answered == nil:
		return ""
	}
	var ans string
	switch in.State {
	case StateAttending, StateVideo:
		ans = t(lang, "inv.ans."+in.State)
	case StateDeclined:
		ans = t(lang, "inv.ans.declined")
		if in.Declined != "" {
			ans = t(lang, "inv.ans.reason", in.Declined)
		}
	case StateDelegated:
		ans = t(lang, "inv.ans.delegated", in.DelegateNm, t(lang, "mandate."+mandateWord(in.Mandate)))
	default:
		return ""
	}
	head := t(lang, "inv.answer", ans, s.shortTime(lang, *in.Answered))
	if invitationOpen(c, in) {
		head += "\n" + t(lang, "inv.ans.change")
	}
	return head
}

// shortTime is "23 nov 10:14" (sv) or "23 Nov 10:14" (en) in the
// service's time zone.
func (s *Service) shortTime(lang string, at time.Time) string {
	at = at.In(s.loc)
	return fmt.Sprintf("%d %s %s", at.Day(), t(lang, monthIDs[at.Month()-1]), at.Format("15:04"))
}

// refreshInvitation queues the invitation's current version to its
// invitee, in the same transaction as the change that caused it, so the
// message they got shows their answer (or that it no longer applies).
// Invitations handled outside chat (e-mail, phone, the convener
// themselves) have no message to update.
func (s *Service) refreshInvitation(ctx context.Context, r *request, c *Case, fx *effects, in *Invitation) error {
	if in.Address == nil {
		return nil
	}
	lang := s.inviteeLang(ctx, in)
	msg := s.renderInvitation(lang, r.dir, r.ov, r.now, c, in, "")
	return fx.send(r, invUpdJobID(c.Ref, in.ID), *in.Address, msg)
}

// retractInvitation updates an invitation that was withdrawn or whose
// case closed, if its message was delivered: it then says so and has no
// buttons. One never delivered stays unsent (its job is cancelled); the
// notice that follows is all its invitee gets. When the store cannot say,
// the update is sent: a stale invitation with live buttons is worse.
func (s *Service) retractInvitation(ctx context.Context, r *request, c *Case, fx *effects, in *Invitation) error {
	if in.Address == nil || in.Address.Platform == chat.Email {
		return nil // a sent e-mail cannot be retracted; the notice sent with every retraction says it
	}
	delivered, err := outbox.Delivered(ctx, s.deps.Store, invKey(c.Ref, in.ID), *in.Address)
	if err == nil && !delivered {
		return nil
	}
	if err != nil {
		s.deps.Log.Warn("sip: invitation delivery unknown; updating it anyway", "ref", c.Ref, "inv", in.ID, "class", "store")
	}
	return s.refreshInvitation(ctx, r, c, fx, in)
}
