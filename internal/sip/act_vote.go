package sip

import (
	"context"
	"slices"
	"strconv"

	"github.com/samla-sip/samla/internal/chat"
)

// actVote toggles an invitee's "this slot suits me" on a proposed slot.
func (s *Service) actVote(ctx context.Context, r *request, act chat.Action) (chat.Reply, error) {
	p, ok := splitValue(act.Value, 3)
	if !ok {
		return chat.Reply{}, errNotFound
	}
	ref, invID := p[0], p[1]
	n, err := strconv.Atoi(p[2])
	if err != nil {
		return chat.Reply{}, errNotFound
	}
	var reply string
	err = s.mutate(ctx, r, ref, func(c *Case, fx *effects) error {
		if _, err := answerable(c, r, invID); err != nil {
			return err
		}
		if c.Proposal == nil || n < 1 || n > len(c.Proposal.Slots) {
			return inputErr("", "err.novote")
		}
		sl := &c.Proposal.Slots[n-1]
		if i := slices.Index(sl.Votes, invID); i >= 0 {
			sl.Votes = slices.Delete(sl.Votes, i, i+1)
			reply = t(r.lang, "ok.unvoted", n, s.fmtTime(sl.At))
		} else {
			sl.Votes = append(sl.Votes, invID)
			reply = t(r.lang, "ok.voted", n, s.fmtTime(sl.At))
		}
		c.event("vote", r.me.Name, r.now, strconv.Itoa(n))
		return nil
	})
	if err != nil {
		return chat.Reply{}, err
	}
	return chat.Reply{Text: reply}, nil
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
	return s.pickSlot(ctx, r, p[0], n)
}
