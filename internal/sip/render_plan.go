package sip

import (
	"fmt"
	"strings"
	"time"

	"github.com/samla-sip/samla/directory"
)

// planItems counts what the plan needs before it can be established: the
// law's four items (needs, the huvudmän's efforts, measures by others or
// none, the overall responsible) and a follow-up date.
const planItems = 5

// planDone counts the items done.
func planDone(dir *directory.Directory, c *Case) int {
	n := 0
	for _, ok := range []bool{len(c.Plan.NeedItems) > 0, effortsDone(dir, c), measuresDone(c),
		c.Plan.Responsible != "", c.Plan.FollowUp != nil} {
		if ok {
			n++
		}
	}
	return n
}

// effortsDone: every huvudman party has its effort (and there is one).
func effortsDone(dir *directory.Directory, c *Case) bool {
	hp := huvudmanParties(dir, c)
	for _, p := range hp {
		if effortOf(c, p) == "" {
			return false
		}
	}
	return len(hp) > 0
}

// measuresDone: measures by others are given, or that there are none.
func measuresDone(c *Case) bool {
	return c.Plan.NoMeasures || len(c.Plan.OtherMeasures) > 0 || len(c.Plan.Measures) > 0
}

func effortOf(c *Case, party string) string {
	for _, e := range c.Plan.Efforts {
		if e.Party == party {
			return e.Text
		}
	}
	return ""
}

// planMissing lists, one mistake per field, what keeps the plan from
// being established; the first names them all.
func (s *Service) planMissing(dir *directory.Directory, lang string, c *Case, today time.Time) inputErrors {
	var ids []string
	var errs inputErrors
	miss := func(field, id string, args ...any) {
		ids = append(ids, t(lang, id, args...))
		errs = append(errs, inputErr(verbPlan, id, args...).on(field))
	}
	if c.Consent == nil {
		miss(FieldConsent, "miss.consent", c.Ref)
	}
	if c.Held == nil {
		miss(FieldMeeting, "miss.held", c.Ref)
	}
	if len(c.Plan.NeedItems) == 0 {
		miss(FieldNeeds, "miss.needs", c.Ref)
	}
	if hp := huvudmanParties(dir, c); len(hp) == 0 {
		miss(FieldEffort, "miss.huvudman")
	} else {
		var without []string
		for _, p := range hp {
			if effortOf(c, p) == "" {
				without = append(without, partyName(lang, p))
			}
		}
		if len(without) > 0 {
			miss(FieldEffort, "miss.efforts", joinAnd(lang, without), c.Ref)
		}
	}
	if !measuresDone(c) {
		miss(FieldMeasure, "miss.measures", c.Ref)
	}
	if c.Plan.Responsible == "" {
		miss(FieldResponsible, "miss.responsible", c.Ref)
	}
	if f := c.Plan.FollowUp; f == nil || !f.After(today) {
		miss(FieldDate, "miss.followup", c.Ref)
	}
	if len(errs) == 0 {
		return nil
	}
	head := inputErr(verbPlan, "err.establish", strings.Join(ids, "\n• "))
	return append(inputErrors{head}, errs...)
}

// joinAnd joins names with commas and a final "och"/"and".
func joinAnd(lang string, names []string) string {
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " " + t(lang, "and") + " " + names[len(names)-1]
}

func tick(ok bool) string {
	if ok {
		return "✓"
	}
	return "✗"
}

// renderPlan shows the plan: the individual's goals first, then the law's
// four items each in its own section, the follow-up and the next
// convener, and (for the convener) how to fill in what is missing. It
// goes into chat, so it says which items are done, never their text:
// that is in the case room.
func (s *Service) renderPlan(dir *directory.Directory, lang string, c *Case, v view) string {
	var b strings.Builder
	inRoom := func(n int) string {
		if n == 0 {
			return t(lang, "plan.missing")
		}
		return t(lang, "plan.measuresinroom", n)
	}
	title := t(lang, "plan.title", c.Ref, planDone(dir, c), planItems)
	if c.Established != nil && c.Closed == nil {
		title += " · " + t(lang, "plan.established", s.fmtDate(c.Established.Date))
	}
	fmt.Fprintf(&b, "*%s*\n", title)
	fmt.Fprintf(&b, "*%s*\n", t(lang, "plan.goals"))
	goals := t(lang, "plan.nogoals")
	if len(c.Plan.Goals) > 0 {
		goals = inRoom(len(c.Plan.Goals))
	}
	fmt.Fprintf(&b, "   %s\n", goals)
	fmt.Fprintf(&b, "%s *1. %s:* %s\n", tick(len(c.Plan.NeedItems) > 0), t(lang, "plan.needs"), inRoom(len(c.Plan.NeedItems)))
	fmt.Fprintf(&b, "%s *2. %s*\n", tick(effortsDone(dir, c)), t(lang, "plan.efforts"))
	hp := huvudmanParties(dir, c)
	if len(hp) == 0 {
		fmt.Fprintf(&b, "   %s\n", t(lang, "plan.nohuvudman"))
	}
	for _, p := range hp {
		e := effortOf(c, p)
		shown := t(lang, "plan.missing")
		if e != "" {
			shown = t(lang, "plan.inroom")
		}
		fmt.Fprintf(&b, "   %s %s: %s\n", tick(e != ""), partyName(lang, p), shown)
	}
	fmt.Fprintf(&b, "%s *3. %s*\n", tick(measuresDone(c)), t(lang, "plan.measures"))
	for _, m := range c.Plan.OtherMeasures {
		fmt.Fprintf(&b, "   • %s: %s\n", partyName(lang, m.Party), t(lang, "plan.inroom"))
	}
	switch n := len(c.Plan.Measures); {
	case n > 0:
		fmt.Fprintf(&b, "   • %s: %s\n", t(lang, "plan.unattributed"), inRoom(n))
	case c.Plan.NoMeasures && len(c.Plan.OtherMeasures) == 0:
		fmt.Fprintf(&b, "   %s\n", t(lang, "plan.nomeasures"))
	case !measuresDone(c):
		fmt.Fprintf(&b, "   %s\n", t(lang, "plan.missing"))
	}
	resp := t(lang, "plan.missing")
	if c.Plan.Responsible != "" {
		resp = c.Plan.ResponsibleName
	}
	fmt.Fprintf(&b, "%s *4. %s:* %s\n", tick(c.Plan.Responsible != ""), t(lang, "plan.responsible"), resp)
	follow := t(lang, "plan.missing")
	if c.Plan.FollowUp != nil {
		follow = s.fmtDate(*c.Plan.FollowUp)
	}
	fmt.Fprintf(&b, "%s %s: %s\n", tick(c.Plan.FollowUp != nil), t(lang, "plan.followup"), follow)
	for _, f := range c.FollowUps {
		fmt.Fprintf(&b, "   %s\n", t(lang, "plan.followup.held", s.fmtDate(f.Date)))
	}
	next := t(lang, "plan.notset")
	if c.Plan.Next != "" {
		next = c.Plan.NextName
	}
	fmt.Fprintf(&b, "• %s: %s\n", t(lang, "plan.next"), next)
	fmt.Fprintf(&b, "• %s: %s\n", t(lang, "plan.participation"), participationText(lang, c))
	if c.Established != nil {
		fmt.Fprintf(&b, "• %s: %s\n", t(lang, "plan.receipt"), s.receiptText(lang, c))
	}
	if v.convener && c.Closed == nil {
		switch {
		case planDone(dir, c) < planItems:
			b.WriteString(t(lang, "plan.howto", c.Ref))
		case c.Established == nil:
			b.WriteString(t(lang, "next.establish", c.Ref))
		}
	}
	return strings.TrimRight(b.String(), "\n")
}
