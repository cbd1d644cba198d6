package stats

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"
)

func TestSuppress(t *testing.T) {
	tests := []struct {
		total int
		parts []int
		want  string // total then parts
	}{
		{20, []int{10, 10}, "20 10 10"},
		{13, []int{3, 10}, "13 <5 x"},
		{13, []int{3, 0, 10}, "13 <5 x 10"}, // a zero is hidden rather than a large part
		{14, []int{3, 4, 7}, "14 <5 <5 7"},
		{4, []int{4}, "<5 <5"},
		{12, []int{2}, "x <5"}, // parts that do not add up: the only part's total hides too
		{0, []int{0, 0}, "0 0 0"},
		{5, nil, "5"},
	}
	for _, tt := range tests {
		total := Cell{N: tt.total}
		parts := make([]*Cell, len(tt.parts))
		for i, n := range tt.parts {
			parts[i] = &Cell{N: n}
		}
		suppress(&total, parts)
		got := []string{total.String()}
		for _, p := range parts {
			got = append(got, p.String())
		}
		if strings.Join(got, " ") != tt.want {
			t.Errorf("suppress(%d, %v) = %q, want %q", tt.total, tt.parts, strings.Join(got, " "), tt.want)
		}
	}
}

// randomCases makes n cases with few of each kind, so that many cells are
// small.
func randomCases(rng *rand.Rand, n int) [][]Event {
	kommuner := []string{"1280", "1281", "1282"}
	cares := []string{"bup", "skola", "socialtjanst-barn", "primarvard"}
	var out [][]Event
	for range n {
		at := time.Date(2026, time.Month(1+rng.IntN(3)), 1+rng.IntN(28), 9, 0, 0, 0, time.UTC)
		e := opened(at, []string{TypeOrdinary, TypeDischarge}[rng.IntN(2)], cares[rng.IntN(len(cares))])
		e.Kommun = kommuner[rng.IntN(len(kommuner))]
		e.AgeBand = []string{AgeChild, AgeAdult, AgeElderly}[rng.IntN(3)]
		evs := []Event{e, ev(KindConsent, at.AddDate(0, 0, 1))}
		for i := range rng.IntN(3) {
			inv := fmt.Sprint(i)
			evs = append(evs, invited(inv, at.AddDate(0, 0, 2), e.Parties[0], fmt.Sprintf("u%d", rng.IntN(4)), "o", "region"))
			evs = append(evs, answer([]Kind{KindAnswered, KindDeclined, KindSubstituted, KindUnanswered}[rng.IntN(4)], inv, at.AddDate(0, 0, 2+rng.IntN(5))))
		}
		if rng.IntN(2) == 0 {
			held := at.AddDate(0, 0, 5+rng.IntN(40))
			evs = append(evs, ev(KindHeld, held))
			if rng.IntN(2) == 0 {
				evs = append(evs, plan(held, AllItems&^rng.IntN(2), rng.IntN(2) == 0, rng.IntN(2) == 0, []string{"kommun", "region", ""}[rng.IntN(3)], held.AddDate(0, 0, 30+rng.IntN(60))))
				if rng.IntN(2) == 0 {
					evs = append(evs, ev(KindFollowUp, held.AddDate(0, 0, 20+rng.IntN(80))))
				}
			}
		}
		out = append(out, evs)
	}
	return out
}

// TestNoSmallCellVisible: on random data, no published count is 1–4, and
// in every month no total (of rows that add up to it) shows while exactly
// one of its parts is hidden.
func TestNoSmallCellVisible(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for round := range 30 {
		cases := randomCases(rng, 20+rng.IntN(300))
		for _, by := range []string{"", ByKommun, ByAgeBand, ByType, ByCare, ByUnit} {
			rep := Aggregate(cases, Options{By: by, Now: now})
			b, err := json.Marshal(rep)
			if err != nil {
				t.Fatal(err)
			}
			var generic any
			if err := json.Unmarshal(b, &generic); err != nil {
				t.Fatal(err)
			}
			checkNoSmall(t, fmt.Sprintf("round %d by %q", round, by), "", generic)
			if by == ByKommun || by == ByAgeBand || by == ByType { // groups that partition the total
				checkComplement(t, rep)
			}
			for _, r := range rep.AnswersByCare {
				parts := []Cell{r.Accepted, r.Declined, r.Substituted, r.Never, r.Pending}
				if hiddenCount(parts) == 1 && r.Sent.Shown() {
					t.Fatalf("answers %s: one hidden part with the total shown: %+v", r.Group, r)
				}
			}
		}
	}
}

func checkNoSmall(t *testing.T, where, path string, v any) {
	t.Helper()
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			checkNoSmall(t, where, path+"."+k, x)
		}
	case []any:
		for i, x := range v {
			checkNoSmall(t, where, fmt.Sprintf("%s[%d]", path, i), x)
		}
	case float64:
		isRate := strings.HasSuffix(path, "rate") || strings.HasSuffix(path, "share") || strings.HasSuffix(path, "median") || strings.HasSuffix(path, "p90")
		if !isRate && v >= 1 && v <= 4 {
			t.Fatalf("%s: %s = %v is visible", where, path, v)
		}
	}
}

func hiddenCount(cells []Cell) int {
	n := 0
	for _, c := range cells {
		if !c.Shown() {
			n++
		}
	}
	return n
}

func checkComplement(t *testing.T, rep Report) {
	t.Helper()
	byMonth := map[string][]Row{}
	for _, r := range rep.Rows {
		byMonth[r.Month] = append(byMonth[r.Month], r)
	}
	for m, rows := range byMonth {
		total := rows[0].counts()
		for i := range total {
			var parts []Cell
			sum := 0
			for _, g := range rows[1:] {
				parts = append(parts, *g.counts()[i])
				sum += g.counts()[i].N
			}
			if sum != total[i].N {
				t.Fatalf("%s column %d: groups add to %d, total %d", m, i, sum, total[i].N)
			}
			if total[i].Shown() && hiddenCount(parts) == 1 {
				t.Fatalf("%s column %d: the total reveals the one hidden group", m, i)
			}
		}
		for _, r := range rows {
			resp := []Cell{r.RespKommun, r.RespRegion, r.RespOther}
			if r.Established.Shown() && hiddenCount(resp) == 1 {
				t.Fatalf("%s %s: responsibility reveals a hidden kind", m, r.Group)
			}
			for _, p := range [][2]Cell{{r.FollowedUp, r.FollowUpDue}, {r.DischargeIn3, r.Discharge}, {r.PlansGoals, r.Established}} {
				if p[0].Shown() && p[1].Shown() && small(p[1].N-p[0].N) {
					t.Fatalf("%s %s: %d of %d shown", m, r.Group, p[0].N, p[1].N)
				}
			}
		}
	}
}
