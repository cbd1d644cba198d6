package stats

import (
	"fmt"
	"slices"
	"testing"
	"time"
)

func day(m time.Month, d int) time.Time { return time.Date(2026, m, d, 9, 0, 0, 0, time.UTC) }

func opened(at time.Time, typ string, parties ...string) Event {
	return Event{Kind: KindOpened, At: at, Kommun: "1281", Region: "Region Skåne", AgeBand: AgeChild,
		Type: typ, Parties: parties, Org: "lund", OrgKind: "kommun"}
}

func invited(inv string, at time.Time, care, unit, org, kind string) Event {
	return Event{Kind: KindInvited, At: at, Inv: inv, Care: care, Unit: unit, Org: org, OrgKind: kind}
}

func ev(kind Kind, at time.Time) Event { return Event{Kind: kind, At: at} }

func answer(kind Kind, inv string, at time.Time) Event { return Event{Kind: kind, At: at, Inv: inv} }

func plan(at time.Time, items int, goals, handed bool, resp string, followUp time.Time) Event {
	return Event{Kind: KindEstablished, At: at, Items: items, Goals: goals, HandedOver: handed, RespKind: resp, FollowUp: followUp}
}

// times repeats a case n times, so its counts are not suppressed.
func times(n int, evs ...Event) [][]Event {
	out := make([][]Event, n)
	for i := range out {
		out[i] = slices.Clone(evs)
	}
	return out
}

func join(sets ...[][]Event) [][]Event { return slices.Concat(sets...) }

func rowOf(t *testing.T, rep Report, month, group string) Row {
	t.Helper()
	for _, r := range rep.Rows {
		if r.Month == month && r.Group == group {
			return r
		}
	}
	t.Fatalf("no row %s/%s in %+v", month, group, rep.Rows)
	return Row{}
}

func f(r Rate) string {
	if r == nil {
		return "-"
	}
	return fmt.Sprintf("%.2f", *r)
}

func d(x *float64) string {
	if x == nil {
		return "-"
	}
	return fmt.Sprintf("%.1f", *x)
}

var now = time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC)

func TestMeasures(t *testing.T) {
	full := AllItems
	tests := []struct {
		name  string
		cases [][]Event
		opt   Options
		month string
		group string
		got   func(Row) string
		want  string
	}{
		{"opened per month", join(times(5, opened(day(1, 5), TypeOrdinary, "bup")), times(7, opened(day(2, 5), TypeOrdinary, "bup"))),
			Options{}, "2026-02", Total, func(r Row) string { return r.Opened.String() }, "7"},
		{"a back-registered meeting counts in the meeting's month",
			times(6, opened(day(1, 5), TypeOrdinary, "bup"), ev(KindConsent, day(1, 6)), Event{Kind: KindHeld, At: day(1, 28)}),
			Options{}, "2026-01", Total, func(r Row) string { return r.Held.String() }, "6"},
		{"withdrawn consent: opened counted, no meeting, days to consent from the first consent",
			join(times(5, opened(day(3, 2), TypeOrdinary, "bup"), ev(KindConsent, day(3, 4)), ev(KindConsentWithdrawn, day(3, 10)),
				Event{Kind: KindEnded, At: day(3, 10), Reason: "consent-withdrawn"}),
				times(5, opened(day(3, 2), TypeOrdinary, "bup"), ev(KindConsent, day(3, 6)), invited("1", day(3, 9), "bup", "u", "o", "region"), ev(KindHeld, day(3, 20)))),
			Options{}, "2026-03", Total, func(r Row) string {
				return fmt.Sprintf("%s %s %s/%s", r.Opened, r.Held, d(r.DaysToConsent.Median), d(r.DaysTotal.Median))
			}, "10 5 4.0/18.0"},
		{"days per step: median and p90 (nearest rank)",
			func() [][]Event {
				var out [][]Event
				for i := 1; i <= 10; i++ {
					out = append(out, []Event{opened(day(4, 1), TypeOrdinary, "bup"), ev(KindConsent, day(4, 1+i)),
						invited("1", day(4, 2+i), "bup", "u", "o", "region"), ev(KindHeld, day(4, 12+i))})
				}
				return out
			}(), Options{}, "2026-04", Total, func(r Row) string {
				return fmt.Sprintf("%s %s %s %s %s %s %s", d(r.DaysToConsent.Median), d(r.DaysToConsent.P90),
					d(r.DaysToInvitation.Median), d(r.DaysToMeeting.P90), d(r.DaysTotal.Median), d(r.DaysTotal.P90), r.DaysTotal.N)
			}, "5.0 9.0 1.0 10.0 16.0 20.0 10"},
		{"fewer than five durations: no median",
			times(4, opened(day(4, 1), TypeOrdinary, "bup"), ev(KindHeld, day(4, 10))),
			Options{}, "2026-04", Total, func(r Row) string { return d(r.DaysTotal.Median) + " " + r.DaysTotal.N.String() }, "- <5"},
		{"follow-up rate: held before or after the date counts, future dates wait",
			join(
				times(5, opened(day(1, 5), TypeOrdinary, "bup"), plan(day(2, 1), full, true, false, "region", day(5, 4)), ev(KindFollowUp, day(4, 30))),
				times(5, opened(day(1, 5), TypeOrdinary, "bup"), plan(day(2, 1), full, true, false, "region", day(5, 4)), ev(KindFollowUp, day(5, 20))),
				times(10, opened(day(1, 5), TypeOrdinary, "bup"), plan(day(2, 1), full, true, false, "region", day(5, 4))),
				times(5, opened(day(1, 5), TypeOrdinary, "bup"), plan(day(2, 1), full, true, false, "region", day(12, 20))),
			), Options{Now: now}, "2026-05", Total, func(r Row) string {
				return fmt.Sprintf("%s/%s %s held %s", r.FollowedUp, r.FollowUpDue, f(r.FollowUpRate), r.FollowUps)
			}, "10/20 0.50 held 5"},
		{"a follow-up before the plan does not count",
			join(times(5, opened(day(1, 5), TypeOrdinary, "bup"), ev(KindFollowUp, day(1, 20)), plan(day(2, 1), full, true, false, "region", day(3, 4))),
				times(5, opened(day(1, 5), TypeOrdinary, "bup"), plan(day(2, 1), full, true, false, "region", day(3, 4)), ev(KindFollowUp, day(3, 4)))),
			Options{Now: now}, "2026-03", Total, func(r Row) string { return fmt.Sprintf("%s/%s %s", r.FollowedUp, r.FollowUpDue, f(r.FollowUpRate)) }, "5/10 0.50"},
		{"discharge kallelse within 3 workdays (weekend skipped, open ones wait)",
			join(
				times(5, opened(day(1, 9), TypeDischarge, "slutenvard"), invited("1", day(1, 14), "hemtjanst", "u", "o", "kommun")), // Fri → Wed: 3
				times(5, opened(day(1, 9), TypeDischarge, "slutenvard"), invited("1", day(1, 15), "hemtjanst", "u", "o", "kommun")), // Fri → Thu: 4
				times(5, opened(day(1, 9), TypeDischarge, "slutenvard")),                                                            // never
				times(5, opened(day(1, 9), TypeOrdinary, "bup"), invited("1", day(1, 30), "bup", "u", "o", "region")),               // not discharge
				times(5, opened(now.AddDate(0, 0, -1), TypeDischarge, "slutenvard")),                                                // still inside
			), Options{Now: now}, "2026-01", Total, func(r Row) string { return fmt.Sprintf("%s/%s %s", r.DischargeIn3, r.Discharge, f(r.DischargeShare)) }, "5/15 0.33"},
		{"plans: four items, goals, handed over, responsibility by kind",
			join(
				times(6, opened(day(1, 5), TypeOrdinary, "bup"), plan(day(6, 1), full, true, true, "region", day(9, 1))),
				times(5, opened(day(1, 5), TypeOrdinary, "bup"), plan(day(6, 2), ItemNeeds|ItemEfforts|ItemResponsible, false, false, "kommun", day(9, 1))),
				times(7, opened(day(1, 5), TypeOrdinary, "bup"), plan(day(6, 3), full, true, false, "kommun", day(9, 1))),
			), Options{Now: now}, "2026-06", Total, func(r Row) string {
				return fmt.Sprintf("%s all4 %s goals %s handed %s kommun %s region %s other %s", r.Established, r.PlansAllItems, r.PlansGoals, r.PlansHanded, r.RespKommun, r.RespRegion, r.RespOther)
			}, "18 all4 13 goals 13 handed 6 kommun 12 region 6 other 0"},
		{"filters and months: only Malmö cases, from March",
			join(times(5, opened(day(2, 5), TypeOrdinary, "bup")),
				times(6, func() Event { e := opened(day(3, 5), TypeOrdinary, "bup"); e.Kommun = "1280"; return e }()),
				times(8, opened(day(3, 5), TypeOrdinary, "bup"))),
			Options{From: "2026-03", Kommun: "1280"}, "2026-03", Total, func(r Row) string { return r.Opened.String() }, "6"},
		{"by care level: a case counts under each of its parties",
			join(times(5, opened(day(2, 5), TypeOrdinary, "bup", "skola")), times(6, opened(day(2, 5), TypeOrdinary, "skola"))),
			Options{By: ByCare}, "2026-02", "skola", func(r Row) string { return r.Opened.String() }, "11"},
		{"by age band",
			join(times(5, opened(day(2, 5), TypeOrdinary, "bup")), times(6, func() Event { e := opened(day(2, 5), TypeOrdinary, "aldreomsorg"); e.AgeBand = AgeElderly; return e }())),
			Options{By: ByAgeBand}, "2026-02", AgeElderly, func(r Row) string { return r.Opened.String() }, "6"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rep := Aggregate(tt.cases, tt.opt)
			if got := tt.got(rowOf(t, rep, tt.month, tt.group)); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestAnswers(t *testing.T) {
	base := opened(day(1, 5), TypeOrdinary, "bup", "skola")
	cases := join(
		// Thursday 8 Jan: answered Monday 12 Jan = 2 workdays.
		times(6, base, invited("1", day(1, 8), "bup", "bup-lund", "skane", "region"), answer(KindAnswered, "1", day(1, 12))),
		// answered Tuesday = 3 workdays: late.
		times(5, base, invited("1", day(1, 8), "bup", "bup-lund", "skane", "region"), answer(KindDeclined, "1", day(1, 13))),
		times(5, base, invited("1", day(1, 8), "bup", "bup-malmo", "skane", "region"), answer(KindSubstituted, "1", day(1, 9))),
		// never answered: marked when the meeting is held; a late answer after that still counts as an answer.
		times(7, base, invited("1", day(1, 8), "bup", "bup-malmo", "skane", "region"), answer(KindUnanswered, "1", day(1, 30)), ev(KindHeld, day(1, 30))),
		times(5, base, invited("1", day(1, 8), "bup", "bup-malmo", "skane", "region"), answer(KindUnanswered, "1", day(1, 30)), answer(KindAnswered, "1", day(2, 2))),
		times(5, base, invited("2", day(1, 8), "skola", "skola-lund", "lund", "kommun")),
	)
	rep := Aggregate(cases, Options{Now: now})
	want := map[string]string{
		"bup":   "sent 28 within2 11 acc 11 decl 5 subst 5 never 7 pending 0 rate 0.39 never 0.25",
		"skola": "sent 5 within2 0 acc 0 decl 0 subst 0 never 0 pending 5 rate 0.00 never 0.00",
	}
	for _, r := range rep.AnswersByCare {
		got := fmt.Sprintf("sent %s within2 %s acc %s decl %s subst %s never %s pending %s rate %s never %s",
			r.Sent, r.Within2, r.Accepted, r.Declined, r.Substituted, r.Never, r.Pending, f(r.Within2Rate), f(r.NeverRate))
		if got != want[r.Group] {
			t.Errorf("%s: got %q, want %q", r.Group, got, want[r.Group])
		}
	}
	units := map[string]string{}
	for _, r := range rep.AnswersByUnit {
		units[r.Group] = r.Sent.String() + "/" + r.Never.String()
	}
	if fmt.Sprint(units) != "map[bup-lund:11/0 bup-malmo:17/7 skola-lund:5/0]" {
		t.Errorf("by unit: %v", units)
	}
}

func TestCodes(t *testing.T) {
	cases := join(
		times(5, opened(day(1, 5), TypeOrdinary, "bup", "skola"),
			invited("1", day(1, 6), "bup", "bup-lund", "skane", "region"), answer(KindAnswered, "1", day(1, 7)),
			invited("2", day(1, 6), "socialtjanst-barn", "soc-lund", "lund", "kommun"), answer(KindSubstituted, "2", day(1, 7)),
			invited("3", day(1, 6), "skola", "skola-lund", "polhem", "privat"), answer(KindDeclined, "3", day(1, 7)),
			ev(KindHeld, day(1, 20)), plan(day(1, 20), AllItems, true, true, "region", day(3, 2)), ev(KindFollowUp, day(3, 2))),
		times(6, opened(day(1, 5), TypeDischarge, "slutenvard"),
			invited("1", day(1, 6), "hemsjukvard", "hsv-lund", "lund", "kommun"), answer(KindAnswered, "1", day(1, 7)),
			invited("2", day(1, 6), "slutenvard", "sus", "skane", "region"), answer(KindAnswered, "2", day(1, 7)),
			ev(KindHeld, day(1, 9))),
	)
	rep := Aggregate(cases, Options{Now: now})
	var got []string
	for _, c := range rep.Codes {
		got = append(got, fmt.Sprintf("%s %s %s %s", c.Month, c.Org, c.Code, c.N))
	}
	want := []string{
		"2026-01 lund XAH.20.65 6", "2026-01 lund XAH.20.75 5",
		"2026-01 skane AU124 5", "2026-01 skane AU125 6",
		"2026-03 skane AW010 5",
	}
	if !slices.Equal(got, want) {
		t.Errorf("codes:\n got %q\nwant %q", got, want)
	}
}
