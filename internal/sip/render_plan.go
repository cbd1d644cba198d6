package sip

import (
	"fmt"
	"strings"
)

// planItems counts the checklist items that must be ticked: efforts for
// every party, overall responsibility, follow-up date, next convener.
const planItems = 4

// planDone counts the ticked items.
func planDone(c *Case) int {
	n := 0
	if effortsDone(c) {
		n++
	}
	if c.Plan.Responsible != "" {
		n++
	}
	if c.Plan.FollowUp != nil {
		n++
	}
	if c.Plan.Next != "" {
		n++
	}
	return n
}

func effortsDone(c *Case) bool {
	for _, p := range c.Parties {
		if effortOf(c, p) == "" {
			return false
		}
	}
	return len(c.Parties) > 0
}

func effortOf(c *Case, party string) string {
	for _, e := range c.Plan.Efforts {
		if e.Party == party {
			return e.Text
		}
	}
	return ""
}

func tick(ok bool) string {
	if ok {
		return "✓"
	}
	return "✗"
}

// renderPlan is the checklist the law asks for, with how to fill each
// item. It goes into chat, so it says which items are done, never their
// text: that is in the case room.
func (s *Service) renderPlan(lang string, c *Case) string {
	var b strings.Builder
	fmt.Fprintf(&b, "*%s*\n", t(lang, "plan.title", c.Ref, planDone(c), planItems))
	fmt.Fprintf(&b, "%s %s\n", tick(effortsDone(c)), t(lang, "plan.efforts"))
	for _, p := range c.Parties {
		e := t(lang, "plan.inroom")
		if effortOf(c, p) == "" {
			e = t(lang, "plan.missing")
		}
		fmt.Fprintf(&b, "   %s %s: %s\n", tick(effortOf(c, p) != ""), partyName(lang, p), e)
	}
	measures := t(lang, "plan.nomeasures")
	if len(c.Plan.Measures) > 0 {
		measures = t(lang, "plan.measuresinroom", len(c.Plan.Measures))
	}
	fmt.Fprintf(&b, "• %s: %s\n", t(lang, "plan.measures"), measures)
	resp := t(lang, "plan.missing")
	if c.Plan.Responsible != "" {
		resp = c.Plan.ResponsibleName
	}
	fmt.Fprintf(&b, "%s %s: %s\n", tick(c.Plan.Responsible != ""), t(lang, "plan.responsible"), resp)
	follow := t(lang, "plan.missing")
	if c.Plan.FollowUp != nil {
		follow = s.fmtDate(*c.Plan.FollowUp)
	}
	fmt.Fprintf(&b, "%s %s: %s\n", tick(c.Plan.FollowUp != nil), t(lang, "plan.followup"), follow)
	next := t(lang, "plan.missing")
	if c.Plan.Next != "" {
		next = c.Plan.NextName
	}
	fmt.Fprintf(&b, "%s %s: %s\n", tick(c.Plan.Next != ""), t(lang, "plan.next"), next)
	if planDone(c) < planItems {
		b.WriteString(t(lang, "plan.howto", c.Ref))
	}
	return strings.TrimRight(b.String(), "\n")
}
