package sip

import (
	"context"
	"fmt"
	"strings"

	"github.com/samla-sip/samla/internal/chat"
	"github.com/samla-sip/samla/internal/textgate"
)

// cmdClose closes a case. Without overall responsibility and a follow-up
// date it refuses, unless the convener gives a reason (orsak="…").
func (s *Service) cmdClose(ctx context.Context, r *request, cmd Cmd) (chat.Reply, error) {
	res, err := s.closeCase(ctx, r, CloseCase{Ref: cmd.Args[0], Reason: cmd.Opts[keyReason]})
	return res.Reply, err
}

// CloseCase closes a case; without overall responsibility and a follow-up
// date it needs a Reason.
type CloseCase struct {
	Ref    string
	Reason string
}

// CloseCase closes a case (/sip avsluta REF [orsak=…]).
func (s *Service) CloseCase(ctx context.Context, who chat.Actor, in CloseCase) (Result, error) {
	return s.typed(ctx, who, []textField{{FieldRef, in.Ref}, {FieldReason, in.Reason}},
		func(r *request) (Result, error) { return s.closeCase(ctx, r, in) })
}

func (s *Service) closeCase(ctx context.Context, r *request, in CloseCase) (Result, error) {
	ref, rerr := checkRef(verbClose, in.Ref)
	if rerr != nil {
		return Result{}, rerr
	}
	reason, gerr := cleanText(textgate.Reason, FieldReason, verbClose, in.Reason)
	if gerr != nil {
		return Result{}, gerr
	}
	c, err := s.change(ctx, r, ref, func(c *Case, fx *effects) error {
		if err := asConvener(c, r); err != nil {
			return err
		}
		if reason == "" {
			var missing []string
			if c.Plan.Responsible == "" {
				missing = append(missing, t(r.lang, "plan.responsible"))
			}
			if c.Plan.FollowUp == nil {
				missing = append(missing, t(r.lang, "plan.followup"))
			}
			if len(missing) > 0 {
				return inputErr(verbClose, "err.close", strings.Join(missing, ", ")).on(FieldReason)
			}
		}
		c.Closed = &Closure{At: r.now, By: r.me.Name, Reason: reason}
		c.event("closed", r.me.Name, r.now, reason)
		c.Seq++
		for i := range c.Invitations {
			in := &c.Invitations[i]
			if in.State == StateDelegated || in.State == StateCancelled {
				continue // their messages have no buttons already
			}
			if in.State == StatePending {
				in.State = StateCancelled
				fx.cancelJob(invJobID(c.Ref, in.ID))
			}
			// Every answerable invitation loses its buttons and says the case is closed.
			if err := s.retractInvitation(ctx, r, c, fx, in); err != nil {
				return err
			}
			if in.State == StateDeclined || in.Address == nil {
				continue
			}
			lang := s.userLang(ctx, in.ContactID)
			msg := chat.Message{Title: c.Ref, Text: t(lang, "closed.text", c.Ref)}
			if in.State == StateCancelled {
				msg.Meeting = s.meetingEvent(c, in) // never answered: out of their calendar
			}
			if err := fx.send(r, fmt.Sprintf("closed|%s|%s|%d", c.Ref, in.ID, c.Seq), *in.Address, msg); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return Result{}, err
	}
	return s.caseResult(r, c, chat.Reply{Text: t(r.lang, "ok.close", ref)}), nil
}
