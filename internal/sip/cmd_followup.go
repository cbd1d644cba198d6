package sip

import (
	"context"

	"github.com/samla-sip/samla/internal/chat"
)

// cmdFollowUp sets the follow-up date: /sip uppföljning REF 2027-03-01.
func (s *Service) cmdFollowUp(ctx context.Context, r *request, cmd Cmd) (chat.Reply, error) {
	date, _ := parseDate(cmd.Args[1])
	today, _ := parseDate(r.now.In(s.loc).Format("2006-01-02"))
	if !date.After(today) {
		return chat.Reply{}, inputErr(verbFollowUp, "err.pastdate", cmd.Args[1])
	}
	err := s.mutate(ctx, r, cmd.Args[0], func(c *Case, fx *effects) error {
		if err := asConvener(c, r); err != nil {
			return err
		}
		c.Plan.FollowUp = &date
		c.event("followup", r.me.Name, r.now, cmd.Args[1])
		return nil
	})
	if err != nil {
		return chat.Reply{}, err
	}
	return chat.Reply{Text: t(r.lang, "ok.followup", cmd.Args[0], cmd.Args[1])}, nil
}
