package sip

import (
	"context"
	"strings"

	"github.com/samla-sip/samla/internal/chat"
)

// SetFollowUp sets the date of the plan's follow-up.
type SetFollowUp struct {
	Ref  string
	Date string // 2027-03-01, after today
}

// SetFollowUp sets the follow-up date (/sip uppföljning REF 2027-03-01).
func (s *Service) SetFollowUp(ctx context.Context, who chat.Actor, in SetFollowUp) (Result, error) {
	return s.typed(ctx, who, []textField{{FieldRef, in.Ref}, {FieldDate, in.Date}},
		func(r *request) (Result, error) { return s.setFollowUp(ctx, r, in) })
}

// cmdFollowUp sets the follow-up date (/sip uppföljning REF 2027-03-01)
// or records one held (/sip uppföljning REF hållen [DATE]).
func (s *Service) cmdFollowUp(ctx context.Context, r *request, cmd Cmd) (chat.Reply, error) {
	if cmd.Args[1] == wordHeld {
		res, err := s.followUpHeld(ctx, r, RecordHeld{Ref: cmd.Args[0], Date: strings.Join(cmd.Args[2:], "")})
		return res.Reply, err
	}
	res, err := s.setFollowUp(ctx, r, SetFollowUp{Ref: cmd.Args[0], Date: cmd.Args[1]})
	return res.Reply, err
}

func (s *Service) setFollowUp(ctx context.Context, r *request, in SetFollowUp) (Result, error) {
	ref, rerr := checkRef(verbFollowUp, in.Ref)
	if rerr != nil {
		return Result{}, rerr
	}
	day := strings.TrimSpace(in.Date)
	date, ok := parseDate(day)
	if !ok {
		return Result{}, inputErr(verbFollowUp, "err.date", clip(day, 20)).on(FieldDate)
	}
	today, _ := parseDate(r.now.In(s.loc).Format("2006-01-02"))
	if !date.After(today) {
		return Result{}, inputErr(verbFollowUp, "err.pastdate", day).on(FieldDate)
	}
	c, err := s.change(ctx, r, ref, func(c *Case, fx *effects) error {
		if err := asConvener(c, r); err != nil {
			return err
		}
		c.Plan.FollowUp = &date
		c.event("followup", r.me.Name, r.now, day)
		return nil
	})
	if err != nil {
		return Result{}, err
	}
	return s.caseResult(r, c, chat.Reply{Text: t(r.lang, "ok.followup", ref, day)}), nil
}
