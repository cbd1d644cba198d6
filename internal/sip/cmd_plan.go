package sip

import (
	"context"
	"slices"
	"strconv"
	"strings"

	"github.com/samla-sip/samla/directory"
	"github.com/samla-sip/samla/internal/chat"
	"github.com/samla-sip/samla/internal/textgate"
)

// EditPlan fills the plan checklist; every part is optional and they
// apply in this order.
type EditPlan struct {
	Ref string
	// Effort records what a party (care-level id) does, replacing what it
	// had; RemoveEffort removes a party's effort.
	Effort       *Effort
	RemoveEffort string
	// Measure adds a measure by others; RemoveMeasure (1-based) removes one.
	Measure       string
	RemoveMeasure int
	// Responsible and Next are a unit or contact id of the directory: who
	// holds the overall responsibility, who convenes the next meeting.
	Responsible string
	Next        string
}

// EditPlan changes the plan (/sip plan REF insats|åtgärd|ansvar=|nästa=).
func (s *Service) EditPlan(ctx context.Context, who chat.Actor, in EditPlan) (Result, error) {
	texts := []textField{{FieldRef, in.Ref}, {FieldMeasure, in.Measure}, {FieldResponsible, in.Responsible}, {FieldNext, in.Next}}
	if in.Effort != nil {
		texts = append(texts, textField{FieldEffort, in.Effort.Party + " " + in.Effort.Text})
	}
	return s.typed(ctx, who, texts, func(r *request) (Result, error) { return s.editPlan(ctx, r, in) })
}

// View is a case as the actor may see it (/sip status REF); its Reply is
// the status message.
func (s *Service) View(ctx context.Context, who chat.Actor, ref string) (Result, error) {
	return s.typed(ctx, who, []textField{{FieldRef, ref}}, func(r *request) (Result, error) { return s.view(ctx, r, ref) })
}

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
		return s.caseResult(r, c, chat.Reply{Text: s.renderPlan(r.lang, c)}).Reply, nil
	}
	for _, k := range []string{keyResponsible, keyNext} {
		if v, ok := cmd.Opts[k]; ok && strings.TrimSpace(v) == "" {
			return chat.Reply{}, inputErr(verbPlan, "err.orgref", v) // "ansvar=" names nobody
		}
	}
	in := EditPlan{Ref: ref, Responsible: cmd.Opts[keyResponsible], Next: cmd.Opts[keyNext]}
	if len(cmd.Args) > 1 {
		switch args := cmd.Args[2:]; cmd.Args[1] {
		case wordEffort:
			if args[1] == wordRemove {
				in.RemoveEffort = args[0]
			} else {
				in.Effort = &Effort{Party: args[0], Text: args[1]}
			}
		case wordMeasure:
			if n, err := strconv.Atoi(args[0]); err == nil && n < 0 {
				in.RemoveMeasure = -n
			} else {
				in.Measure = args[0]
			}
		}
	}
	res, err := s.editPlan(ctx, r, in)
	return res.Reply, err
}

func (s *Service) editPlan(ctx context.Context, r *request, in EditPlan) (Result, error) {
	ref, rerr := checkRef(verbPlan, in.Ref)
	if rerr != nil {
		return Result{}, rerr
	}
	if in.Effort != nil {
		in.Effort.Party = strings.ToLower(strings.TrimSpace(in.Effort.Party))
		var err *InputError
		if in.Effort.Text, err = checkPlanText(textgate.Effort, in.Effort.Text, "err.effort", FieldEffort); err != nil {
			return Result{}, err
		}
		if !slices.Contains(directory.CareLevels, in.Effort.Party) {
			return Result{}, inputErr(verbPlan, "err.party", clip(in.Effort.Party, 40)).on(FieldEffort)
		}
	}
	in.RemoveEffort = strings.ToLower(strings.TrimSpace(in.RemoveEffort))
	if in.RemoveEffort != "" && !slices.Contains(directory.CareLevels, in.RemoveEffort) {
		return Result{}, inputErr(verbPlan, "err.party", clip(in.RemoveEffort, 40)).on(FieldEffort)
	}
	var merr *InputError
	if in.Measure, merr = checkPlanText(textgate.Measure, in.Measure, "", FieldMeasure); merr != nil {
		return Result{}, merr
	}
	resp, respName, err := orgRef(r.dir, in.Responsible, FieldResponsible)
	if err != nil {
		return Result{}, err
	}
	next, nextName, err := orgRef(r.dir, in.Next, FieldNext)
	if err != nil {
		return Result{}, err
	}
	var text string
	c, err := s.change(ctx, r, ref, func(c *Case, fx *effects) error {
		if err := asConvener(c, r); err != nil {
			return err
		}
		if err := applyPlan(c, r, in); err != nil {
			return err
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
		return Result{}, err
	}
	return s.caseResult(r, c, chat.Reply{Text: text}), nil
}

// checkPlanText passes a plan text through the input gate (and, with
// emptyID, checks that it is there).
func checkPlanText(f textgate.Field, text, emptyID, field string) (string, *InputError) {
	text = strings.TrimSpace(text)
	if text == "" && emptyID != "" {
		return "", inputErr(verbPlan, emptyID).on(field)
	}
	return cleanText(f, field, verbPlan, text)
}

// applyPlan applies an effort and a measure, added or removed.
func applyPlan(c *Case, r *request, in EditPlan) error {
	if in.Effort != nil || in.RemoveEffort != "" {
		party := in.RemoveEffort
		if in.Effort != nil {
			party = in.Effort.Party
		}
		c.Plan.Efforts = slices.DeleteFunc(c.Plan.Efforts, func(e Effort) bool { return e.Party == party })
		if in.Effort == nil {
			c.event("plan.effort.removed", r.me.Name, r.now, party)
		} else {
			c.Plan.Efforts = append(c.Plan.Efforts, *in.Effort)
			if !slices.Contains(c.Parties, party) {
				c.Parties = append(c.Parties, party)
			}
			c.event("plan.effort", r.me.Name, r.now, party)
		}
	}
	if n := in.RemoveMeasure; n != 0 {
		if n < 0 || n > len(c.Plan.Measures) {
			return inputErr(verbPlan, "err.nomeasure", n).on(FieldMeasure)
		}
		c.Plan.Measures = slices.Delete(c.Plan.Measures, n-1, n)
		c.event("plan.measure.removed", r.me.Name, r.now, strconv.Itoa(n))
	}
	if in.Measure != "" {
		c.Plan.Measures = append(c.Plan.Measures, in.Measure)
		c.event("plan.measure", r.me.Name, r.now)
	}
	return nil
}

// orgRef resolves an option naming a unit or a contact in the directory.
func orgRef(dir *directory.Directory, v, field string) (id, name string, err error) {
	v = strings.TrimSpace(v)
	if v == "" {
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
	return "", "", inputErr(verbPlan, "err.orgref", clip(v, 60)).on(field)
}
