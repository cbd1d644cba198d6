package sip

import (
	"context"
	"strconv"
	"strings"

	"github.com/samla-sip/samla/directory"
	"github.com/samla-sip/samla/internal/chat"
)

// cmdNew opens a case: /sip ny kommun=Lund ålder=14 parter=bup,skola.
func (s *Service) cmdNew(ctx context.Context, r *request, cmd Cmd) (chat.Reply, error) {
	k, ok := directory.LookupKommun(cmd.Opts[keyKommun])
	if !ok {
		return chat.Reply{}, inputErr(verbNew, "err.kommun", cmd.Opts[keyKommun])
	}
	age, _ := parseAge(cmd.Opts[keyAge])
	parties := strings.Split(cmd.Opts[keyParties], ",")
	c := &Case{
		Created:    r.now,
		Kommun:     k.Code,
		KommunName: k.Name,
		Age:        age,
		Parties:    parties,
		Needs:      strings.TrimSpace(cmd.Opts[keyNeeds]),
		Convener:   r.me.Person,
	}
	c.event("created", r.me.Name, r.now, k.Name, strconv.Itoa(age), strings.Join(parties, ","))
	if err := s.create(ctx, r, c, &effects{}); err != nil {
		return chat.Reply{}, err
	}
	s.deps.Log.InfoContext(ctx, "sip: case created", "ref", c.Ref, "actor", r.me.Key)
	return chat.Reply{Text: t(r.lang, "ok.new", c.Ref, k.Name, age, partyList(r.lang, parties)) + "\n" +
		t(r.lang, "next.consent", c.Ref, consentHint(r.lang, c))}, nil
}
