package sip

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/samla-sip/samla/internal/chat"
	"github.com/samla-sip/samla/internal/textgate"
)

// cmdClose ends a SIP: /sip avsluta REF orsak=CAUSE ["…"]. The first word
// of orsak= may be a cause (behov-tillgodosedda, samtycke-återkallat,
// flyttat, annat); any other text is the reason of cause "annat".
func (s *Service) cmdClose(ctx context.Context, r *request, cmd Cmd) (chat.Reply, error) {
	in := CloseCase{Ref: cmd.Args[0], Reason: cmd.Opts[keyReason]}
	word, rest, _ := strings.Cut(strings.TrimSpace(in.Reason), " ")
	if cause, ok := causeWords[strings.ToLower(word)]; ok {
		in.Cause, in.Reason = cause, rest
	}
	res, err := s.closeCase(ctx, r, in)
	return res.Reply, err
}

// causeWords maps every accepted spelling of a cause to it.
var causeWords = map[string]string{
	"behov-tillgodosedda": CauseNeedsMet, "behoven-tillgodosedda": CauseNeedsMet, "tillgodosedda": CauseNeedsMet, "needs-met": CauseNeedsMet,
	"samtycke-återkallat": CauseConsentWithdrawn, "samtycke-aterkallat": CauseConsentWithdrawn, "återkallat": CauseConsentWithdrawn,
	"consent-withdrawn": CauseConsentWithdrawn,
	"flyttat":           CauseMoved, "flyttat-från-kommunen": CauseMoved, "moved": CauseMoved,
	"annat": CauseOther, "other": CauseOther,
}

// CloseCase ends a SIP with a cause (Cause* constants) and optionally a
// reason in words; a reason alone is cause CauseOther.
type CloseCase struct {
	Ref    string
	Cause  string
	Reason string
}

// CloseCase ends a SIP (/sip avsluta REF orsak=…). Ending is not how a
// plan is established (EstablishPlan): it cancels everything still due,
// the follow-up included, and says so.
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
	cause := strings.TrimSpace(in.Cause)
	if cause == "" && reason != "" {
		cause = CauseOther
	}
	var dropped *time.Time
	c, err := s.change(ctx, r, ref, func(c *Case, fx *effects) error {
		if err := asConvener(c, r); err != nil {
			return err
		}
		dropped = nil
		if !slices.Contains([]string{CauseNeedsMet, CauseConsentWithdrawn, CauseMoved, CauseOther}, cause) {
			return inputErr(verbClose, "err.cause").on(FieldCause)
		}
		if f := c.Plan.FollowUp; f != nil && f.After(r.now) {
			dropped = f
		}
		c.Closed = &Closure{At: r.now, By: r.me.Name, Cause: cause, Reason: reason}
		c.event("ended", r.me.Name, r.now, cause, reason)
		c.Seq++
		for i := range c.Invitations {
			in := &c.Invitations[i]
			if in.State == StateDelegated || in.State == StateCancelled {
				continue // their messages have no buttons already
			}
			unanswered := in.State == StatePending
			if unanswered {
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
			lang := s.inviteeLang(ctx, in)
			// Only those who took part are thanked for it.
			msg := chat.Message{Title: c.Ref, Text: t(lang, "closed.text", c.Ref)}
			if unanswered {
				msg.Text = t(lang, "closed.unanswered", c.Ref)
			}
			if in.State == StateCancelled {
				msg.Meeting = s.meetingEvent(c, in) // never answered: out of their calendar
			}
			if err := fx.send(r, fmt.Sprintf("closed|%s|%s|%d", c.Ref, in.ID, c.Seq), *in.Address, msg); err != nil {
				return err
			}
		}
		if c.Proposal != nil {
			return s.closeVotes(ctx, r, c, fx) // the "Passar" buttons go too
		}
		return nil
	})
	if err != nil {
		return Result{}, err
	}
	text := t(r.lang, "ok.close", ref, t(r.lang, "cause."+cause))
	if dropped != nil {
		text += "\n" + t(r.lang, "close.followup", s.fmtDate(*dropped))
	}
	return s.caseResult(r, c, chat.Reply{Text: text}), nil
}
