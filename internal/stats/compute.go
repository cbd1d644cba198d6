package stats

import (
	"cmp"
	"slices"
	"time"

	"github.com/samla-sip/samla/internal/calendar"
)

type calc struct {
	opt    Options
	loc    *time.Location
	rows   map[[2]string]*Row
	care   map[string]*AnswerRow
	unit   map[string]*AnswerRow
	dist   []Cell
	code   map[[3]string]int
	months map[int]string
}

func (k *calc) month(t time.Time) string {
	y, m, _ := t.In(k.loc).Date()
	key := y*12 + int(m)
	if s, ok := k.months[key]; ok {
		return s
	}
	s := t.In(k.loc).Format(layoutMonth)
	k.months[key] = s
	return s
}

func (k *calc) inRange(month string) bool {
	return (k.opt.From == "" || month >= k.opt.From) && (k.opt.To == "" || month <= k.opt.To)
}

func (k *calc) day(t time.Time) time.Time {
	y, m, d := t.In(k.loc).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, k.loc)
}

// withinWorkdays reports whether to's day is at most n working days
// after from's day.
func (k *calc) withinWorkdays(from, to time.Time, n int) bool {
	count := 0
	for d, end := k.day(from).AddDate(0, 0, 1), k.day(to); !d.After(end); d = d.AddDate(0, 0, 1) {
		if k.isWorkday(d) {
			if count++; count > n {
				return false
			}
		}
	}
	return true
}

func (k *calc) isWorkday(d time.Time) bool { return calendar.IsWorkday(d, k.loc) }

// rowsFor returns the rows a case counts in for an event in month t: the
// month's Total row and, with By, the case's groups.
func (k *calc) rowsFor(c *sipCase, t time.Time, do func(*Row)) {
	m := k.month(t)
	if !k.inRange(m) {
		return
	}
	do(k.row(m, Total))
	if k.opt.By == "" {
		return
	}
	for _, g := range c.groups(k.opt.By) {
		do(k.row(m, g))
	}
}

func (k *calc) row(month, group string) *Row {
	key := [2]string{month, group}
	r := k.rows[key]
	if r == nil {
		r = &Row{Month: month, Group: group}
		k.rows[key] = r
	}
	return r
}

func (k *calc) matches(c *sipCase) bool {
	o := k.opt
	return (o.Kommun == "" || c.kommun == o.Kommun) && (o.Region == "" || c.region == o.Region) &&
		(o.AgeBand == "" || c.age == o.AgeBand) && (o.Type == "" || c.typ == o.Type) &&
		(o.Care == "" || slices.Contains(c.parties, o.Care))
}

func days(from, to time.Time) float64 { return to.Sub(from).Hours() / 24 }

// Folded is cases' events folded once, for many reports.
type Folded struct{ cases []*sipCase }

// Fold folds the cases' events (as Load returns them).
func Fold(cases [][]Event) *Folded {
	f := &Folded{cases: make([]*sipCase, 0, len(cases))}
	for _, evs := range cases {
		if c, ok := fold(evs); ok {
			f.cases = append(f.cases, c)
		}
	}
	return f
}

// Len is the number of cases.
func (f *Folded) Len() int { return len(f.cases) }

// Aggregate computes the report of the cases' events (as Load returns them).
func Aggregate(cases [][]Event, opt Options) Report { return Fold(cases).Aggregate(opt) }

// Aggregate computes the report for opt.
func (f *Folded) Aggregate(opt Options) Report {
	k := &calc{opt: opt, loc: cmp.Or(opt.Loc, time.UTC), rows: map[[2]string]*Row{},
		care: map[string]*AnswerRow{}, unit: map[string]*AnswerRow{},
		dist: make([]Cell, len(Buckets)), code: map[[3]string]int{}, months: map[int]string{}}
	for _, c := range f.cases {
		if k.matches(c) {
			k.add(c)
		}
	}
	return k.report()
}

func (k *calc) add(c *sipCase) {
	k.rowsFor(c, c.opened, func(r *Row) { r.Opened.N++ })
	if c.typ == TypeDischarge {
		k.discharge(c)
	}
	for _, in := range c.invs {
		k.answer(in)
	}
	if !c.held.IsZero() {
		k.meeting(c)
	}
	if e := c.established; e != nil {
		k.plan(c, e)
	}
	for _, f := range c.followUps {
		k.rowsFor(c, f, func(r *Row) { r.FollowUps.N++ })
		if k.inRange(k.month(f)) {
			for _, org := range c.acceptedOrgs {
				if org.kind == "region" {
					k.code[[3]string{k.month(f), org.id, CodeAW010}]++
				}
			}
		}
	}
}

// discharge: a discharge SIP's kallelse must go out within 3 workdays of
// the notification (of opening when none is recorded); one still inside
// them without a kallelse is not yet counted.
func (k *calc) discharge(c *sipCase) {
	within := !c.firstInvite.IsZero() && k.withinWorkdays(c.notified, c.firstInvite, 3)
	if !within && c.firstInvite.IsZero() && k.withinWorkdays(c.notified, k.opt.Now, 3) {
		return
	}
	k.rowsFor(c, c.opened, func(r *Row) {
		r.Discharge.N++
		if within {
			r.DischargeIn3.N++
		}
	})
}

func (k *calc) answer(in *invitation) {
	if !k.inRange(k.month(in.sent)) {
		return
	}
	for _, r := range []*AnswerRow{answerRow(k.care, in.care), answerRow(k.unit, in.unit)} {
		r.Sent.N++
		if !in.answered.IsZero() && k.withinWorkdays(in.sent, in.answered, 2) {
			r.Within2.N++
		}
		switch in.outcome {
		case KindAnswered:
			r.Accepted.N++
		case KindDeclined:
			r.Declined.N++
		case KindSubstituted:
			r.Substituted.N++
		case KindUnanswered:
			r.Never.N++
		default:
			r.Pending.N++
		}
	}
}

func answerRow(m map[string]*AnswerRow, group string) *AnswerRow {
	r := m[group]
	if r == nil {
		r = &AnswerRow{Group: group}
		m[group] = r
	}
	return r
}

func (k *calc) meeting(c *sipCase) {
	k.rowsFor(c, c.held, func(r *Row) {
		r.Held.N++
		if !c.consent.IsZero() {
			r.days[0] = append(r.days[0], days(c.opened, c.consent))
			if !c.firstInvite.IsZero() {
				r.days[1] = append(r.days[1], days(c.consent, c.firstInvite))
			}
		}
		if !c.firstInvite.IsZero() {
			r.days[2] = append(r.days[2], days(c.firstInvite, c.held))
		}
		r.days[3] = append(r.days[3], days(c.opened, c.held))
	})
	m := k.month(c.held)
	if !k.inRange(m) {
		return
	}
	d := days(k.day(c.opened), c.held)
	for i, b := range Buckets {
		if d <= b.Max {
			k.dist[i].N++
			break
		}
	}
	for _, org := range c.acceptedOrgs {
		k.code[[3]string{m, org.id, firstCode(c.typ, org.kind)}]++
	}
}

// firstCode is the code of a first SIP meeting for a huvudman, by its
// kind: KVÅ for a region, KSI for a kommun. (KSI has no follow-up code.)
func firstCode(typ, kind string) string {
	switch {
	case kind == "kommun" && typ == TypeDischarge:
		return CodeXAH65
	case kind == "kommun":
		return CodeXAH75
	case typ == TypeDischarge:
		return CodeAU125
	default:
		return CodeAU124
	}
}

func (k *calc) plan(c *sipCase, e *Event) {
	k.rowsFor(c, e.At, func(r *Row) {
		r.Established.N++
		if e.Items&AllItems == AllItems {
			r.PlansAllItems.N++
		}
		if e.Goals {
			r.PlansGoals.N++
		}
		if e.HandedOver || c.handed {
			r.PlansHanded.N++
		}
		switch e.RespKind {
		case "kommun":
			r.RespKommun.N++
		case "region":
			r.RespRegion.N++
		default:
			r.RespOther.N++
		}
	})
	if e.FollowUp.IsZero() || e.FollowUp.After(k.opt.Now) {
		return
	}
	done := c.followedUp()
	k.rowsFor(c, e.FollowUp, func(r *Row) {
		r.FollowUpDue.N++
		if done {
			r.FollowedUp.N++
		}
	})
}

func (k *calc) report() Report {
	rep := Report{From: k.opt.From, To: k.opt.To, By: k.opt.By, TimeToMeeting: k.dist}
	byMonth := map[string][]*Row{}
	for _, r := range k.rows {
		byMonth[r.Month] = append(byMonth[r.Month], r)
	}
	for _, rows := range byMonth {
		slices.SortFunc(rows, func(a, b *Row) int {
			return cmp.Or(cmp.Compare(rank(a.Group), rank(b.Group)), cmp.Compare(a.Group, b.Group))
		})
		finishRows(rows)
		for _, r := range rows {
			rep.Rows = append(rep.Rows, *r)
		}
	}
	slices.SortStableFunc(rep.Rows, func(a, b Row) int { return cmp.Compare(a.Month, b.Month) })
	rep.AnswersByCare = finishAnswers(k.care)
	rep.AnswersByUnit = finishAnswers(k.unit)
	total := Cell{}
	parts := make([]*Cell, len(rep.TimeToMeeting))
	for i := range rep.TimeToMeeting {
		total.N += rep.TimeToMeeting[i].N
		parts[i] = &rep.TimeToMeeting[i]
	}
	suppress(&total, parts)
	for key, n := range k.code {
		c := Cell{N: n}
		suppress(&c, nil)
		rep.Codes = append(rep.Codes, CodeRow{Month: key[0], Org: key[1], Code: key[2], N: c})
	}
	slices.SortFunc(rep.Codes, func(a, b CodeRow) int {
		return cmp.Or(cmp.Compare(a.Month, b.Month), cmp.Compare(a.Org, b.Org), cmp.Compare(a.Code, b.Code))
	})
	return rep
}

// finishRows suppresses one month's rows (the Total row first) column by
// column and within each row, until nothing more is hidden, then computes
// their rates and distributions.
func finishRows(rows []*Row) {
	total, groups := rows[0], rows[1:]
	for changed := true; changed; {
		changed = false
		tc := total.counts()
		for i := range tc {
			parts := make([]*Cell, len(groups))
			for j, g := range groups {
				parts[j] = g.counts()[i]
			}
			changed = suppress(tc[i], parts) || changed
		}
		for _, r := range rows {
			changed = r.suppressWithin() || changed
		}
	}
	for _, r := range rows {
		r.FollowUpRate = rate(r.FollowedUp, r.FollowUpDue)
		r.DischargeShare = rate(r.DischargeIn3, r.Discharge)
		r.DaysToConsent, r.DaysToInvitation = dist(r.days[0]), dist(r.days[1])
		r.DaysToMeeting, r.DaysTotal = dist(r.days[2]), dist(r.days[3])
	}
}

// suppressWithin hides what a row's own totals would reveal: the
// responsibility kinds add up to the plans, and a subset must not differ
// from its whole by 1–4.
func (r *Row) suppressWithin() bool {
	changed := suppress(&r.Established, []*Cell{&r.RespKommun, &r.RespRegion, &r.RespOther})
	for _, p := range [][2]*Cell{{&r.FollowedUp, &r.FollowUpDue}, {&r.DischargeIn3, &r.Discharge},
		{&r.PlansAllItems, &r.Established}, {&r.PlansGoals, &r.Established}, {&r.PlansHanded, &r.Established}} {
		changed = suppressSubset(p[0], p[1]) || changed
	}
	return changed
}

// finishAnswers suppresses each row's outcome counts against its total
// and the groups' counts against the column's sum.
func finishAnswers(m map[string]*AnswerRow) []AnswerRow {
	rows := make([]*AnswerRow, 0, len(m))
	for _, r := range m {
		rows = append(rows, r)
	}
	slices.SortFunc(rows, func(a, b *AnswerRow) int { return cmp.Compare(a.Group, b.Group) })
	for _, r := range rows {
		suppress(&r.Sent, []*Cell{&r.Accepted, &r.Declined, &r.Substituted, &r.Never, &r.Pending})
		suppressSubset(&r.Within2, &r.Sent)
	}
	out := make([]AnswerRow, len(rows))
	for i, r := range rows {
		r.Within2Rate = rate(r.Within2, r.Sent)
		r.NeverRate = rate(r.Never, r.Sent)
		out[i] = *r
	}
	return out
}

// rank puts a month's Total row first.
func rank(group string) int {
	if group == Total {
		return 0
	}
	return 1
}
