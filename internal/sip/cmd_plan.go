package sip

import (
	"context"
	"slices"
	"strconv"

	"github.com/samla-sip/samla/directory"
	"github.com/samla-sip/samla/internal/chat"
)

// cmdPlan shows the plan checklist, or fills it:
//
//	/sip plan REF                           the checklist
//	/sip plan REF insats bup "…"            what a party does ("-" removes)
//	/sip plan REF åtgärd "…"                a measure by others ("-2" removes no. 2)
//	/sip plan REF ansvar=UNIT|CONTACT       overall responsibility
//	/sip plan REF nästa=CONTACT|UNIT        who convenes the next meeting
func (s *Service) cmdPlan(ctx context.Context, r *request, cmd Cmd) (chat.Reply, error) {
	ref := cmd.Args[0]
	if len(cmd.Args) == 1 && len(cmd.Opts) == 0 {
		c, err := s.visible(ctx, r, ref)
		if err != nil {
			return chat.Reply{}, err
		}
		return chat.Reply{Text: s.renderPlan(r.lang, c)}, nil
	}
	resp, respName, err := orgRef(r.dir, cmd.Opts, keyResponsible)
	if err != nil {
		return chat.Reply{}, err
	}
	next, nextName, err := orgRef(r.dir, cmd.Opts, keyNext)
	if err != nil {
		return chat.Reply{}, err
	}
	var text string
	err = s.mutate(ctx, r, ref, func(c *Case, fx *effects) error {
		if err := asConvener(c, r); err != nil {
			return err
		}
		if len(cmd.Args) > 1 {
			if err := editPlan(c, r, cmd.Args[1], cmd.Args[2:]); err != nil {
				return err
			}
		}
		if resp != "" {
			c.Plan.Responsible, c.Plan.ResponsibleName = resp, respName
			c.event("plan.responsible", r.me.Name, r.now, respName)
		}
		if next != "" {
			c.Plan.Next, c.Plan.NextName = next, nextName
			c.event("plan.next", r.me.Name, r.now, nextName)
		}
		text = s.renderPlan(r.lang, c)
		return nil
	})
	if err != nil {
		return chat.Reply{}, err
	}
	return chat.Reply{Text: text}, nil
}

// editPlan applies "effort PARTY TEXT" or "measure TEXT".
func editPlan(c *Case, r *request, word string, args []string) error {
	switch word {
	case wordEffort:
		party, text := args[0], args[1]
		if !slices.Contains(directory.CareLevels, party) {
			return inputErr(verbPlan, "err.party", party)
		}
		c.Plan.Efforts = slices.DeleteFunc(c.Plan.Efforts, func(e Effort) bool { return e.Party == party })
		if text == wordRemove {
			c.event("plan.effort.removed", r.me.Name, r.now, party)
			return nil
		}
		c.Plan.Efforts = append(c.Plan.Efforts, Effort{Party: party, Text: text})
		if !slices.Contains(c.Parties, party) {
			c.Parties = append(c.Parties, party)
		}
		c.event("plan.effort", r.me.Name, r.now, party)
	case wordMeasure:
		text := args[0]
		if n, err := strconv.Atoi(text); err == nil && n < 0 {
			if -n > len(c.Plan.Measures) {
				return inputErr(verbPlan, "err.nomeasure", -n)
			}
			c.Plan.Measures = slices.Delete(c.Plan.Measures, -n-1, -n)
			c.event("plan.measure.removed", r.me.Name, r.now, strconv.Itoa(-n))
			return nil
		}
		c.Plan.Measures = append(c.Plan.Measures, text)
		c.event("plan.measure", r.me.Name, r.now)
	}
	return nil
}

// orgRef resolves an option naming a unit or a contact in the directory.
func orgRef(dir *directory.Directory, opts map[string]string, key string) (id, name string, err error) {
	v, ok := opts[key]
	if !ok {
		return "", "", nil
	}
	if u, ok := dir.Unit(v); ok {
		return u.ID, u.Name, nil
	}
	if c, ok := dir.Contact(v); ok {
		name := c.Name
		if u, ok := dir.Unit(c.Unit); ok {
			name += " (" + u.Name + ")"
		}
		return c.ID, name, nil
	}
	return "", "", inputErr(verbPlan, "err.orgref", v)
}
