package sip

import (
	"context"
	"slices"
	"strconv"

	"github.com/samla-sip/samla/internal/chat"
)

// Vote toggles an invitee's "this proposed time suits me".
type Vote struct {
	Ref        string
	Invitation string // the invitee's invitation id
	Slot       int    // 1-based
}

// Vote toggles the actor's vote on a proposed time (the invitation's vote buttons).
func (s *Service) Vote(ctx context.Context, who chat.Actor, in Vote) (Result, error) {
	return s.typed(ctx, who, []textField{{FieldRef, in.Ref}},
		func(r *request) (Result, error) { return s.vote(ctx, r, in) })
}

// actVote is the vote button: value "REF|invID|n".
func (s *Service) actVote(ctx context.Context, r *request, act chat.Action) (chat.Reply, error) {
	p, ok := splitValue(act.Value, 3)
	if !ok {
		return chat.Reply{}, errNotFound
	}
	n, err := strconv.Atoi(p[2])
	if err != nil {
		return chat.Reply{}, errNotFound
	}
	res, err := s.vote(ctx, r, Vote{Ref: p[0], Invitation: p[1], Slot: n})
	return res.Reply, err
}

func (s *Service) vote(ctx context.Context, r *request, in Vote) (Result, error) {
	ref, rerr := checkRef("", in.Ref)
	if rerr != nil {
		return Result{}, rerr
	}
	var reply string
	c, err := s.change(ctx, r, ref, func(c *Case, fx *effects) error {
		if _, err := s.answerable(ctx, c, r, in.Invitation); err != nil {
			return err
		}
		n := in.Slot
		if c.Proposal == nil || n < 1 || n > len(c.Proposal.Slots) {
			return inputErr("", "err.novote").on(FieldSlot)
		}
		sl := &c.Proposal.Slots[n-1]
		if i := slices.Index(sl.Votes, in.Invitation); i >= 0 {
			sl.Votes = slices.Delete(sl.Votes, i, i+1)
			reply = t(r.lang, "ok.unvoted", n, s.fmtTime(sl.At))
		} else {
			sl.Votes = append(sl.Votes, in.Invitation)
			reply = t(r.lang, "ok.voted", n, s.fmtTime(sl.At))
		}
		c.event("vote", r.me.Name, r.now, strconv.Itoa(n))
		return nil
	})
	if err != nil {
		return Result{}, err
	}
	return s.caseResult(r, c, chat.Reply{Text: reply}), nil
}

// actPick is the convener's "pick this slot" button on the status message.
func (s *Service) actPick(ctx context.Context, r *request, act chat.Action) (chat.Reply, error) {
	p, ok := splitValue(act.Value, 2)
	if !ok {
		return chat.Reply{}, errNotFound
	}
	n, err := strconv.Atoi(p[1])
	if err != nil {
		return chat.Reply{}, errNotFound
	}
	res, err := s.pickSlot(ctx, r, PickSlot{Ref: p[0], Slot: n})
	return res.Reply, err
}
