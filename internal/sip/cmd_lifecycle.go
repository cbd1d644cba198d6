package sip

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/samla-sip/samla/internal/chat"
)

// RecordHeld records that the SIP meeting or a follow-up was held.
type RecordHeld struct {
	Ref string
	// Date is the day it was held, like 2026-12-10; "" is today. It may
	// be in the past (a SIP held before Samla), never in the future.
	Date string
}

// EstablishPlan establishes the written plan.
type EstablishPlan struct {
	Ref string
}

// MeetingHeld records the SIP meeting as held (/sip möte REF hållet [DATE]).
func (s *Service) MeetingHeld(ctx context.Context, who chat.Actor, in RecordHeld) (Result, error) {
	return s.typed(ctx, who, []textField{{FieldRef, in.Ref}, {FieldDate, in.Date}},
		func(r *request) (Result, error) { return s.meetingHeld(ctx, r, in) })
}

// EstablishPlan establishes the plan (/sip plan REF klar): refused, naming
// each missing item, until consent is recorded, the meeting held and the
// plan has its needs, the huvudmän's efforts, the measures by others (or
// none), an overall responsible huvudman and a follow-up date. The
// parties are told the plan is established, the follow-up date and who is
// responsible; the SIP stays open for its follow-ups.
func (s *Service) EstablishPlan(ctx context.Context, who chat.Actor, in EstablishPlan) (Result, error) {
	return s.typed(ctx, who, []textField{{FieldRef, in.Ref}},
		func(r *request) (Result, error) { return s.establishPlan(ctx, r, in) })
}

// FollowUpHeld records a follow-up as held (/sip uppföljning REF hållen
// [DATE]); the reply asks for the next follow-up date or an end.
func (s *Service) FollowUpHeld(ctx context.Context, who chat.Actor, in RecordHeld) (Result, error) {
	return s.typed(ctx, who, []textField{{FieldRef, in.Ref}, {FieldDate, in.Date}},
		func(r *request) (Result, error) { return s.followUpHeld(ctx, r, in) })
}

// heldDate reads the day something was held: today when empty, never
// after today.
func (s *Service) heldDate(r *request, verb, day string) (time.Time, string, *InputError) {
	today := r.now.In(s.loc).Format("2006-01-02")
	day = strings.TrimSpace(day)
	if day == "" {
		day = today
	}
	date, ok := parseDate(day)
	if !ok {
		return time.Time{}, "", inputErr(verb, "err.date", clip(day, 20)).on(FieldDate)
	}
	if day > today {
		return time.Time{}, "", inputErr(verb, "err.futuredate", day).on(FieldDate)
	}
	return date, day, nil
}

func (s *Service) meetingHeld(ctx context.Context, r *request, in RecordHeld) (Result, error) {
	ref, rerr := checkRef(verbMeeting, in.Ref)
	if rerr != nil {
		return Result{}, rerr
	}
	date, day, derr := s.heldDate(r, verbMeeting, in.Date)
	if derr != nil {
		return Result{}, derr
	}
	var reg string
	c, err := s.change(ctx, r, ref, func(c *Case, fx *effects) error {
		if err := asConvener(c, r); err != nil {
			return err
		}
		if c.Stage().PlanEstablished() {
			return inputErr(verbFollowUp, "err.held.established", c.Ref)
		}
		first := c.Held == nil
		c.Held = &Milestone{Date: date, By: r.me.Name, At: r.now}
		c.event("held", r.me.Name, r.now, day)
		if !first {
			return nil // a corrected date: the parties were prompted already
		}
		var err error
		reg, err = s.promptRegistration(ctx, r, c, fx, false)
		return err
	})
	if err != nil {
		return Result{}, err
	}
	text := t(r.lang, "ok.held", ref, day)
	if reg != "" {
		text += "\n" + reg
	}
	if c.Consent == nil {
		text += "\n" + t(r.lang, "next.consent", ref, consentHint(r.lang, c))
	} else {
		text += "\n" + t(r.lang, "next.plan", ref)
	}
	return s.caseResult(r, c, chat.Reply{Text: text}), nil
}

func (s *Service) establishPlan(ctx context.Context, r *request, in EstablishPlan) (Result, error) {
	ref, rerr := checkRef(verbPlan, in.Ref)
	if rerr != nil {
		return Result{}, rerr
	}
	today, _ := parseDate(r.now.In(s.loc).Format("2006-01-02"))
	c, err := s.change(ctx, r, ref, func(c *Case, fx *effects) error {
		if err := asConvener(c, r); err != nil {
			return err
		}
		if c.Stage() == StageEstablished {
			return inputErr(verbPlan, "err.established", c.Ref, s.fmtDate(c.Established.Date))
		}
		if missing := s.planMissing(r.dir, r.lang, c, today); len(missing) > 0 {
			return missing
		}
		c.Established = &Milestone{Date: today, By: r.me.Name, At: r.now}
		c.event("established", r.me.Name, r.now, s.fmtDate(*c.Plan.FollowUp), c.Plan.ResponsibleName)
		return s.tellEstablished(ctx, r, c, fx)
	})
	if err != nil {
		return Result{}, err
	}
	text := t(r.lang, "ok.established", ref, s.fmtDate(*c.Plan.FollowUp), c.Plan.ResponsibleName) + "\n" +
		t(r.lang, "next.followup", ref, s.fmtDate(*c.Plan.FollowUp))
	return s.caseResult(r, c, chat.Reply{Text: text}), nil
}

// tellEstablished tells every party still in play that the plan is
// established: the reference, the follow-up date and who is responsible
// (logistics only; the plan's substance stays out of chat).
func (s *Service) tellEstablished(ctx context.Context, r *request, c *Case, fx *effects) error {
	c.Seq++
	for _, in := range c.Invitations {
		if !in.Active() || in.State == StateDelegated || in.Address == nil {
			continue
		}
		lang := s.inviteeLang(ctx, &in)
		msg := chat.Message{
			Title: t(lang, "est.title", c.Ref),
			Text:  t(lang, "est.text", c.Ref, s.fmtDate(*c.Plan.FollowUp), c.Plan.ResponsibleName),
		}
		if err := fx.send(r, fmt.Sprintf("established|%s|%s|%d", c.Ref, in.ID, c.Seq), *in.Address, msg); err != nil {
			return err
		}
	}
	return nil
}

func (s *Service) followUpHeld(ctx context.Context, r *request, in RecordHeld) (Result, error) {
	ref, rerr := checkRef(verbFollowUp, in.Ref)
	if rerr != nil {
		return Result{}, rerr
	}
	date, day, derr := s.heldDate(r, verbFollowUp, in.Date)
	if derr != nil {
		return Result{}, derr
	}
	var reg string
	c, err := s.change(ctx, r, ref, func(c *Case, fx *effects) error {
		if err := asConvener(c, r); err != nil {
			return err
		}
		if !c.Stage().PlanEstablished() {
			return inputErr(verbPlan, "err.notestablished", c.Ref)
		}
		if date.Before(c.Established.Date) {
			return inputErr(verbFollowUp, "err.followup.before", day, s.fmtDate(c.Established.Date)).on(FieldDate)
		}
		c.FollowUps = append(c.FollowUps, Milestone{Date: date, By: r.me.Name, At: r.now})
		// That follow-up is done: the plan asks for the next date.
		c.Plan.FollowUp = nil
		c.event("followup.held", r.me.Name, r.now, day)
		var err error
		reg, err = s.promptRegistration(ctx, r, c, fx, true)
		return err
	})
	if err != nil {
		return Result{}, err
	}
	text := t(r.lang, "ok.followup.held", ref, day) + "\n" + t(r.lang, "next.nextfollowup", ref)
	if reg != "" {
		text += "\n" + reg
	}
	return s.caseResult(r, c, chat.Reply{Text: text}), nil
}
