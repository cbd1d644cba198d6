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

// EditPlan fills the plan; every part is optional and they apply in this
// order.
type EditPlan struct {
	Ref string
	// Goal adds one of the individual's goals in their own words;
	// RemoveGoal (1-based) removes one.
	Goal       string
	RemoveGoal int
	// Need adds a need identified (item 1); RemoveNeed (1-based) removes one.
	Need       string
	RemoveNeed int
	// Effort records what a huvudman party of the case does (item 2),
	// replacing what it had; RemoveEffort removes a party's effort.
	Effort       *Effort
	RemoveEffort string
	// OtherMeasure records a measure by another party (school, an agency,
	// a private provider; item 3), replacing what it had;
	// RemoveOtherMeasure removes it. Measure adds a measure typed without
	// a party and RemoveMeasure (1-based) removes one. NoMeasures says
	// there are none (which answers the item).
	OtherMeasure       *Effort
	RemoveOtherMeasure string
	Measure            string
	RemoveMeasure      int
	NoMeasures         bool
	// Responsible and Next are a unit or contact id of the directory, or a
	// party of the case: who holds the overall responsibility (item 4) and
	// who convenes the next meeting. Each must be a huvudman party.
	Responsible string
	Next        string
	// ReceivedDate (like 2026-12-14, not after today) records that the
	// individual received the established plan, ReceivedForm how
	// (ReceivedDigital, ReceivedPaper or "").
	ReceivedDate string
	ReceivedForm string
}

// EditPlan changes the plan (/sip plan REF mål|behov|insats|åtgärd|ansvar=|nästa=).
func (s *Service) EditPlan(ctx context.Context, who chat.Actor, in EditPlan) (Result, error) {
	texts := []textField{{FieldRef, in.Ref}, {FieldGoal, in.Goal}, {FieldNeeds, in.Need}, {FieldMeasure, in.Measure},
		{FieldResponsible, in.Responsible}, {FieldNext, in.Next}, {FieldReceived, in.ReceivedDate + " " + in.ReceivedForm}}
	if in.Effort != nil {
		texts = append(texts, textField{FieldEffort, in.Effort.Party + " " + in.Effort.Text})
	}
	if in.OtherMeasure != nil {
		texts = append(texts, textField{FieldMeasure, in.OtherMeasure.Party + " " + in.OtherMeasure.Text})
	}
	return s.typed(ctx, who, texts, func(r *request) (Result, error) { return s.editPlan(ctx, r, in) })
}

// View is a case as the actor may see it (/sip status REF); its Reply is
// the status message.
func (s *Service) View(ctx context.Context, who chat.Actor, ref string) (Result, error) {
	return s.typed(ctx, who, []textField{{FieldRef, ref}}, func(r *request) (Result, error) { return s.view(ctx, r, ref) })
}

// cmdPlan shows the plan, establishes it or fills it:
//
//	/sip plan REF                           the plan
//	/sip plan REF klar                      establish it
//	/sip plan REF mål "…"                   the individual's goal ("-1" removes no. 1)
//	/sip plan REF behov "…"                 a need identified ("-1" removes no. 1)
//	/sip plan REF insats bup "…"            what a huvudman party does ("-" removes)
//	/sip plan REF åtgärd skola "…"          a measure by another party ("-" removes)
//	/sip plan REF åtgärd "…" | -2 | ingen   a measure without a party, or none
//	/sip plan REF mottagen DATE [digitalt|papper]  the individual received it
//	/sip plan REF ansvar=UNIT|CONTACT|PART  overall responsibility
//	/sip plan REF nästa=UNIT|CONTACT|PART   who convenes the next meeting
func (s *Service) cmdPlan(ctx context.Context, r *request, cmd Cmd) (chat.Reply, error) {
	ref := cmd.Args[0]
	if len(cmd.Args) == 1 && len(cmd.Opts) == 0 {
		c, err := s.visible(ctx, r, ref)
		if err != nil {
			return chat.Reply{}, err
		}
		return s.caseResult(r, c, chat.Reply{Text: s.renderPlan(r.dir, r.lang, c, s.viewFor(c, r.me.Key))}).Reply, nil
	}
	if len(cmd.Args) > 1 && cmd.Args[1] == wordEstablish {
		if len(cmd.Opts) > 0 {
			return chat.Reply{}, inputErr(verbPlan, "err.extra", "klar")
		}
		res, err := s.establishPlan(ctx, r, EstablishPlan{Ref: ref})
		return res.Reply, err
	}
	for _, k := range []string{keyResponsible, keyNext} {
		if v, ok := cmd.Opts[k]; ok && strings.TrimSpace(v) == "" {
			return chat.Reply{}, inputErr(verbPlan, "err.orgref", v) // "ansvar=" names nobody
		}
	}
	in := EditPlan{Ref: ref, Responsible: cmd.Opts[keyResponsible], Next: cmd.Opts[keyNext]}
	if len(cmd.Args) > 1 {
		args := cmd.Args[2:]
		removeN := func() int {
			if n, err := strconv.Atoi(args[len(args)-1]); err == nil && n < 0 {
				return -n
			}
			return 0
		}
		switch cmd.Args[1] {
		case wordReceived:
			in.ReceivedDate = args[0]
			if len(args) > 1 {
				in.ReceivedForm = args[1]
			}
		case wordGoal:
			if in.RemoveGoal = removeN(); in.RemoveGoal == 0 {
				in.Goal = args[0]
			}
		case wordNeed:
			if in.RemoveNeed = removeN(); in.RemoveNeed == 0 {
				in.Need = args[0]
			}
		case wordEffort:
			if args[1] == wordRemove {
				in.RemoveEffort = args[0]
			} else {
				in.Effort = &Effort{Party: args[0], Text: args[1]}
			}
		case wordMeasure:
			switch {
			case len(args) == 2 && args[1] == wordRemove:
				in.RemoveOtherMeasure = args[0]
			case len(args) == 2:
				in.OtherMeasure = &Effort{Party: args[0], Text: args[1]}
			case args[0] == wordNone:
				in.NoMeasures = true
			default:
				if in.RemoveMeasure = removeN(); in.RemoveMeasure == 0 {
					in.Measure = args[0]
				}
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
	var err *InputError
	if in.Goal, err = checkPlanText(textgate.Needs, in.Goal, "", FieldGoal); err != nil {
		return Result{}, err
	}
	if in.Need, err = checkPlanText(textgate.Needs, in.Need, "", FieldNeeds); err != nil {
		return Result{}, err
	}
	for _, e := range []struct {
		effort *Effort
		field  string
	}{{in.Effort, FieldEffort}, {in.OtherMeasure, FieldMeasure}} {
		if e.effort == nil {
			continue
		}
		e.effort.Party = strings.ToLower(strings.TrimSpace(e.effort.Party))
		f := textgate.Effort
		if e.field == FieldMeasure {
			f = textgate.Measure
		}
		if e.effort.Text, err = checkPlanText(f, e.effort.Text, "err."+e.field, e.field); err != nil {
			return Result{}, err
		}
		if !slices.Contains(directory.CareLevels, e.effort.Party) {
			return Result{}, inputErr(verbPlan, "err.party", clip(e.effort.Party, 40)).on(e.field)
		}
	}
	for _, p := range []*string{&in.RemoveEffort, &in.RemoveOtherMeasure} {
		*p = strings.ToLower(strings.TrimSpace(*p))
		if *p != "" && !slices.Contains(directory.CareLevels, *p) {
			return Result{}, inputErr(verbPlan, "err.party", clip(*p, 40)).on(FieldEffort)
		}
	}
	if in.Measure, err = checkPlanText(textgate.Measure, in.Measure, "", FieldMeasure); err != nil {
		return Result{}, err
	}
	receipt, rerr2 := s.checkReceipt(r, in)
	if rerr2 != nil {
		return Result{}, rerr2
	}
	var text string
	c, cerr := s.change(ctx, r, ref, func(c *Case, fx *effects) error {
		if err := asConvener(c, r); err != nil {
			return err
		}
		if err := applyPlan(r, c, in); err != nil {
			return err
		}
		if receipt != nil {
			if c.Established == nil {
				return inputErr(verbPlan, "err.notestablished", c.Ref).on(FieldReceived)
			}
			c.Plan.Received = receipt
			c.event("plan.received", r.me.Name, r.now, s.fmtDate(receipt.Date), receipt.Form)
		}
		if v := strings.TrimSpace(in.Responsible); v != "" {
			id, name, err := huvudmanUnit(r.dir, c, v, FieldResponsible)
			if err != nil {
				return err
			}
			c.Plan.Responsible, c.Plan.ResponsibleName = id, name
			c.event("plan.responsible", r.me.Name, r.now, name)
		}
		if v := strings.TrimSpace(in.Next); v != "" {
			id, name, err := huvudmanUnit(r.dir, c, v, FieldNext)
			if err != nil {
				return err
			}
			c.Plan.Next, c.Plan.NextName = id, name
			c.event("plan.next", r.me.Name, r.now, name)
		}
		text = s.renderPlan(r.dir, r.lang, c, s.viewFor(c, r.me.Key))
		return nil
	})
	if cerr != nil {
		return Result{}, cerr
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

// applyPlan applies the goals, needs, efforts and measures, added or
// removed. Neither adds a party: an effort is only for a huvudman party
// of the case.
func applyPlan(r *request, c *Case, in EditPlan) error {
	var err error
	if c.Plan.Goals, err = applyItem(r, c, c.Plan.Goals, in.Goal, in.RemoveGoal, FieldGoal, "plan.goal"); err != nil {
		return err
	}
	if c.Plan.NeedItems, err = applyItem(r, c, c.Plan.NeedItems, in.Need, in.RemoveNeed, FieldNeeds, "plan.need"); err != nil {
		return err
	}
	if in.Effort != nil {
		p := in.Effort.Party
		if !slices.Contains(c.Parties, p) {
			return inputErr(verbPlan, "err.effort.notparty", partyName(r.lang, p), c.Ref, p).on(FieldEffort)
		}
		if !huvudmanParty(r.dir, c, p) {
			return inputErr(verbPlan, "err.effort.nothuvudman", partyName(r.lang, p), c.Ref, p).on(FieldEffort)
		}
	}
	c.Plan.Efforts = setByParty(r, c, c.Plan.Efforts, in.Effort, in.RemoveEffort, "plan.effort")
	if m := in.OtherMeasure; m != nil && slices.Contains(c.Parties, m.Party) && huvudmanParty(r.dir, c, m.Party) {
		return inputErr(verbPlan, "err.measure.huvudman", partyName(r.lang, m.Party), c.Ref, m.Party).on(FieldMeasure)
	}
	c.Plan.OtherMeasures = setByParty(r, c, c.Plan.OtherMeasures, in.OtherMeasure, in.RemoveOtherMeasure, "plan.othermeasure")
	if c.Plan.Measures, err = applyItem(r, c, c.Plan.Measures, in.Measure, in.RemoveMeasure, FieldMeasure, "plan.measure"); err != nil {
		return err
	}
	if in.NoMeasures {
		c.Plan.NoMeasures = true
		c.event("plan.nomeasures", r.me.Name, r.now)
	} else if in.OtherMeasure != nil || in.Measure != "" {
		c.Plan.NoMeasures = false
	}
	return nil
}

// applyItem adds add to list or removes item number remove (1-based),
// recording event kind (".removed" for a removal).
func applyItem(r *request, c *Case, list []string, add string, remove int, field, kind string) ([]string, error) {
	if remove != 0 {
		if remove < 0 || remove > len(list) {
			return nil, inputErr(verbPlan, "err.noitem", remove).on(field)
		}
		list = slices.Delete(list, remove-1, remove)
		c.event(kind+".removed", r.me.Name, r.now, strconv.Itoa(remove))
	}
	if add != "" {
		list = append(list, add)
		c.event(kind, r.me.Name, r.now)
	}
	return list, nil
}

// setByParty replaces (set) or removes (remove) the entry of a party,
// recording event kind with the party.
func setByParty(r *request, c *Case, list []Effort, set *Effort, remove, kind string) []Effort {
	party := remove
	if set != nil {
		party = set.Party
	}
	if party == "" {
		return list
	}
	list = slices.DeleteFunc(list, func(e Effort) bool { return e.Party == party })
	if set == nil {
		c.event(kind+".removed", r.me.Name, r.now, party)
		return list
	}
	c.event(kind, r.me.Name, r.now, party)
	return append(list, *set)
}

// checkReceipt reads when and how the individual received the plan.
func (s *Service) checkReceipt(r *request, in EditPlan) (*Receipt, *InputError) {
	if strings.TrimSpace(in.ReceivedDate) == "" {
		if strings.TrimSpace(in.ReceivedForm) != "" {
			return nil, inputErr(verbPlan, "err.date", "").on(FieldReceived)
		}
		return nil, nil
	}
	date, _, err := s.heldDate(r, verbPlan, in.ReceivedDate)
	if err != nil {
		return nil, err.on(FieldReceived)
	}
	form := strings.ToLower(strings.TrimSpace(in.ReceivedForm))
	if v, ok := receiptWords[form]; ok {
		form = v
	}
	if form != "" && form != ReceivedDigital && form != ReceivedPaper {
		return nil, inputErr(verbPlan, "err.receiptform", clip(in.ReceivedForm, 20)).on(FieldReceived)
	}
	return &Receipt{Date: date, Form: form}, nil
}
