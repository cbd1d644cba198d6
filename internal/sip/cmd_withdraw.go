package sip

import (
	"context"
	"fmt"
	"strings"

	"github.com/samla-sip/samla/internal/chat"
)

// cmdWithdraw records that consent was withdrawn: every invitation still
// in play is cancelled (pending outbox jobs too), its message updated to
// say so without buttons, and the invitees are told, without any detail
// about the individual.
func (s *Service) cmdWithdraw(ctx context.Context, r *request, cmd Cmd) (chat.Reply, error) {
	res, err := s.withdrawConsent(ctx, r, cmd.Args[0])
	return res.Reply, err
}

// WithdrawConsent records that consent was withdrawn (/sip återkalla REF):
// every invitation still in play is cancelled and the invitees are told.
func (s *Service) WithdrawConsent(ctx context.Context, who chat.Actor, ref string) (Result, error) {
	return s.typed(ctx, who, []textField{{FieldRef, ref}},
		func(r *request) (Result, error) { return s.withdrawConsent(ctx, r, ref) })
}

func (s *Service) withdrawConsent(ctx context.Context, r *request, ref string) (Result, error) {
	ref, rerr := checkRef(verbWithdraw, ref)
	if rerr != nil {
		return Result{}, rerr
	}
	var manual []string
	c, err := s.change(ctx, r, ref, func(c *Case, fx *effects) error {
		manual = nil
		if err := asConvener(c, r); err != nil {
			return err
		}
		if c.Consent == nil {
			return inputErr("", "err.noconsent.withdraw", c.Ref)
		}
		c.Consent = nil
		c.ConsentLog = append(c.ConsentLog, ConsentChange{Kind: "withdrawn", By: r.me.Name, At: r.now})
		c.Seq++
		for i := range c.Invitations {
			in := &c.Invitations[i]
			if in.Withdrawn != nil {
				continue // withdrawn before
			}
			// Every invitee loses access to the case, and what they were
			// shown is retracted, whatever they answered.
			at := r.now
			in.Withdrawn = &at
			if in.State == StateDeclined || in.State == StateDelegated || in.State == StateCancelled {
				if err := s.retractInvitation(ctx, r, c, fx, in); err != nil {
					return err
				}
			}
			if !in.Active() || in.State == StateDelegated {
				continue
			}
			in.State = StateCancelled
			if err := s.retractInvitation(ctx, r, c, fx, in); err != nil {
				return err
			}
			fx.cancelJob(invJobID(c.Ref, in.ID))
			if in.Address == nil {
				if in.Manual != "" {
					manual = append(manual, fmt.Sprintf("%s (%s)", in.ContactName, in.Manual))
				}
				continue
			}
			lang := s.inviteeLang(ctx, in)
			msg := chat.Message{Title: t(lang, "cancel.title", c.Ref), Text: t(lang, "cancel.text", c.Ref)}
			msg.Meeting = s.meetingEvent(c, in)
			if err := fx.send(r, fmt.Sprintf("cancel|%s|%s|%d", c.Ref, in.ID, c.Seq), *in.Address, msg); err != nil {
				return err
			}
		}
		c.event("withdrawn", r.me.Name, r.now)
		return nil
	})
	if err != nil {
		return Result{}, err
	}
	text := t(r.lang, "ok.withdraw", ref)
	if len(manual) > 0 {
		text += "\n" + t(r.lang, "withdraw.manual", strings.Join(manual, ", "))
	}
	return s.caseResult(r, c, chat.Reply{Text: text}), nil
}
