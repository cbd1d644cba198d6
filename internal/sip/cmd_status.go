package sip

import (
	"context"

	"github.com/samla-sip/samla/internal/chat"
)

// cmdStatus shows the case to anyone involved; the needs text and exact
// age only to the convener and invitees who accepted.
func (s *Service) cmdStatus(ctx context.Context, r *request, cmd Cmd) (chat.Reply, error) {
	res, err := s.view(ctx, r, cmd.Args[0])
	return res.Reply, err
}

func (s *Service) view(ctx context.Context, r *request, ref string) (Result, error) {
	ref, rerr := checkRef(verbStatus, ref)
	if rerr != nil {
		return Result{}, rerr
	}
	c, err := s.visible(ctx, r, ref)
	if err != nil {
		return Result{}, err
	}
	msg := s.renderStatus(r.lang, c, s.viewFor(c, r.me.Key))
	return s.caseResult(r, c, chat.Reply{Message: &msg}), nil
}
