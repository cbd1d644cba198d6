package sip

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/samla-sip/samla/internal/chat"
)

// Mine lists the actor's open cases, the ones needing their action first
// (/sip mina).
func (s *Service) Mine(ctx context.Context, who chat.Actor) (Result, error) {
	return s.typed(ctx, who, nil, func(r *request) (Result, error) { return s.mine(ctx, r) })
}

// cmdMine lists the actor's open cases, the ones needing action first.
func (s *Service) cmdMine(ctx context.Context, r *request) (chat.Reply, error) {
	res, err := s.mine(ctx, r)
	return res.Reply, err
}

func (s *Service) mine(ctx context.Context, r *request) (Result, error) {
	refs, err := s.deps.Store.Members(ctx, MemberIndex(r.me.Key))
	if err != nil {
		return Result{}, fmt.Errorf("list cases: %w", err)
	}
	type item struct {
		c    *Case
		prio int
	}
	var items []item
	for _, ref := range refs {
		c, _, err := s.load(ctx, ref)
		if err != nil {
			return Result{}, err
		}
		if c.Closed != nil || !c.isMember(r.me.Key) {
			continue
		}
		p := priority(r.dir, c)
		if c.Convener.Key != r.me.Key {
			p = prioNone // an invitee's cases: the convener acts on them
		}
		items = append(items, item{c, p})
	}
	if len(items) == 0 {
		return Result{Reply: chat.Reply{Text: t(r.lang, "mine.none")}}, nil
	}
	slices.SortFunc(items, func(a, b item) int {
		return cmp.Or(cmp.Compare(a.prio, b.prio), a.c.Created.Compare(b.c.Created), strings.Compare(a.c.Ref, b.c.Ref))
	})
	lines := []string{t(r.lang, "mine.title", len(items))}
	var views []CaseView
	for _, it := range items {
		views = append(views, s.caseView(r.lang, it.c, r.me.Key))
		role := t(r.lang, "mine.convener")
		step := ""
		if it.c.Convener.Key != r.me.Key {
			role = t(r.lang, "mine.invited")
		} else {
			id, args := s.nextStep(r.dir, r.lang, it.c)
			step = " — " + t(r.lang, id, args...)
		}
		lines = append(lines, fmt.Sprintf("• %s · %s · %s · %s · %s%s", it.c.Ref, it.c.KommunName,
			ageBand(it.c.Age), t(r.lang, "stage."+string(it.c.Stage())), role, step))
	}
	return Result{Cases: views, Reply: chat.Reply{Text: strings.Join(lines, "\n")}}, nil
}
