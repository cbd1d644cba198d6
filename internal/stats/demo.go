package stats

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"time"

	"github.com/samla-sip/samla/directory"
	"github.com/samla-sip/samla/internal/store"
)

// demoUnit is a unit a synthetic case can invite.
type demoUnit struct {
	id, org, orgKind string
	kommuner         []string
	answer           float64 // probability of an answer
}

// demoParties are plausible parties per age band.
var demoParties = map[string][]string{
	AgeChild:   {"bup", "skola", "socialtjanst-barn", "elevhalsa", "habilitering", "primarvard"},
	AgeAdult:   {"vuxenpsykiatri", "socialtjanst-vuxen", "primarvard", "beroendevard", "lss", "forsakringskassan"},
	AgeElderly: {"hemtjanst", "hemsjukvard", "aldreomsorg", "primarvard", "vuxenpsykiatri"},
}

// Demo makes n synthetic cases opened during the 12 months before now,
// inviting the units of dir; a few units (every ninth) rarely answer. It
// returns each case's events in order. The same rng gives the same cases.
func Demo(rng *rand.Rand, dir *directory.Directory, n int, now time.Time) [][]Event {
	byCare := map[string][]*demoUnit{}
	var kommuner []string
	for i, u := range dir.Units() {
		du := &demoUnit{id: u.ID, org: u.Org, kommuner: u.Kommuner, answer: 0.92}
		if o, ok := dir.Organisation(u.Org); ok {
			du.orgKind = o.Kind
		}
		if i%9 == 4 {
			du.answer = 0.3
		}
		for _, c := range u.Care {
			byCare[c] = append(byCare[c], du)
		}
		for _, k := range u.Kommuner {
			if !slices.Contains(kommuner, k) {
				kommuner = append(kommuner, k)
			}
		}
	}
	slices.Sort(kommuner)
	out := make([][]Event, 0, n)
	start := now.AddDate(-1, 0, 0)
	for range n {
		out = append(out, demoCase(rng, byCare, kommuner, start, now))
	}
	return out
}

func pick[T any](rng *rand.Rand, xs []T) T { return xs[rng.IntN(len(xs))] }

func demoCase(rng *rand.Rand, byCare map[string][]*demoUnit, kommuner []string, start, now time.Time) []Event {
	at := start.Add(time.Duration(rng.Int64N(int64(now.Sub(start))))).Truncate(time.Second) // stored to the second
	band := pick(rng, []string{AgeChild, AgeChild, AgeChild, AgeAdult, AgeAdult, AgeElderly, AgeElderly})
	kommun := pick(rng, kommuner)
	typ := TypeOrdinary
	var parties []string
	if rng.Float64() < 0.15 {
		typ, band = TypeDischarge, pick(rng, []string{AgeAdult, AgeElderly, AgeElderly})
		parties = []string{"slutenvard", "hemtjanst", "hemsjukvard"}
	} else {
		pool := slices.Clone(demoParties[band])
		rng.Shuffle(len(pool), func(i, j int) { pool[i], pool[j] = pool[j], pool[i] })
		parties = pool[:2+rng.IntN(3)]
	}
	open := Event{Kind: KindOpened, At: at, Kommun: kommun, AgeBand: band, Type: typ, Parties: parties}
	if reg, ok := directory.RegionOf(kommun); ok {
		open.Region = reg.Name
	}
	if u := unitFor(rng, byCare, parties[0], kommun); u != nil {
		open.Org, open.OrgKind = u.org, u.orgKind
	}
	evs := []Event{open}
	past := func(t time.Time) bool { return t.Before(now) }
	fast := typ == TypeDischarge
	if rng.Float64() > 0.88 {
		return evs // never got consent
	}
	consent := addDaysR(rng, at, 0, pickInt(fast, 1, 10))
	if !past(consent) {
		return evs
	}
	evs = append(evs, Event{Kind: KindConsent, At: consent})
	if rng.Float64() < 0.03 {
		w := addDaysR(rng, consent, 1, 20)
		if past(w) {
			evs = append(evs, Event{Kind: KindConsentWithdrawn, At: w}, Event{Kind: KindEnded, At: w, Reason: "consent-withdrawn"})
		}
		return evs
	}
	invite := addDaysR(rng, consent, 0, pickInt(fast, 2, 8))
	if !past(invite) {
		return evs
	}
	meeting := addDaysR(rng, invite, pickInt(fast, 2, 10), pickInt(fast, 8, 50))
	evs = append(evs, Event{Kind: KindBooked, At: invite})
	var answers []Event
	var huvudman []string
	for i, p := range parties {
		u := unitFor(rng, byCare, p, kommun)
		if u == nil {
			continue
		}
		inv := fmt.Sprint(i + 1)
		evs = append(evs, Event{Kind: KindInvited, At: invite, Inv: inv, Care: p, Unit: u.id, Org: u.org, OrgKind: u.orgKind})
		if rng.Float64() > u.answer {
			continue
		}
		ans := addDaysR(rng, invite, 0, 6)
		if !past(ans) {
			continue
		}
		kind := KindAnswered
		switch x := rng.Float64(); {
		case x < 0.08:
			kind = KindDeclined
		case x < 0.15:
			kind = KindSubstituted
		}
		if u.orgKind == "kommun" || u.orgKind == "region" {
			huvudman = append(huvudman, u.orgKind)
		}
		answers = append(answers, Event{Kind: kind, At: ans, Inv: inv})
	}
	evs = append(evs, answers...)
	if rng.Float64() > 0.8 || !past(meeting) {
		return evs
	}
	for _, e := range evs {
		if e.Kind == KindInvited && !slices.ContainsFunc(answers, func(a Event) bool { return a.Inv == e.Inv }) {
			evs = append(evs, Event{Kind: KindUnanswered, At: meeting, Inv: e.Inv})
		}
	}
	evs = append(evs, Event{Kind: KindHeld, At: meeting.Truncate(24 * time.Hour)})
	if rng.Float64() > 0.75 {
		return evs
	}
	established := addDaysR(rng, meeting, 0, 14)
	if !past(established) {
		return evs
	}
	items := AllItems
	if rng.Float64() < 0.2 {
		items &^= 1 << rng.IntN(4)
	}
	resp := "other"
	if len(huvudman) > 0 {
		resp = pick(rng, huvudman)
	}
	followUp := addDaysR(rng, established, 60, 180).Truncate(24 * time.Hour)
	evs = append(evs, Event{Kind: KindEstablished, At: established, Items: items, Goals: rng.Float64() < 0.6,
		HandedOver: rng.Float64() < 0.4, RespKind: resp, FollowUp: followUp})
	if held := addDaysR(rng, followUp, -20, 30); rng.Float64() < 0.45 && past(held) {
		evs = append(evs, Event{Kind: KindFollowUp, At: held.Truncate(24 * time.Hour)})
		if end := addDaysR(rng, held, 0, 10); rng.Float64() < 0.5 && past(end) {
			evs = append(evs, Event{Kind: KindEnded, At: end, Reason: pick(rng, []string{"needs-met", "needs-met", "moved", "other"})})
		}
	}
	return evs
}

func pickInt(fast bool, ifFast, otherwise int) int {
	if fast {
		return ifFast
	}
	return otherwise
}

func addDaysR(rng *rand.Rand, t time.Time, lo, hi int) time.Time {
	if hi < lo {
		hi = lo
	}
	return t.Add(time.Duration(lo)*24*time.Hour + time.Duration(rng.Int64N(int64(hi-lo+1)*24))*time.Hour)
}

// unitFor picks a unit of the care level serving the kommun, else any.
func unitFor(rng *rand.Rand, byCare map[string][]*demoUnit, care, kommun string) *demoUnit {
	units := byCare[care]
	var local []*demoUnit
	for _, u := range units {
		if slices.Contains(u.kommuner, kommun) {
			local = append(local, u)
		}
	}
	switch {
	case len(local) > 0:
		return pick(rng, local)
	case len(units) > 0:
		return pick(rng, units)
	}
	return nil
}

// Committer is the part of the store WriteDemo needs.
type Committer interface {
	Commit(ctx context.Context, tx store.Tx) error
}

// WriteDemo stores synthetic cases' events under references DEMO-n, a
// few hundred cases per transaction.
func WriteDemo(ctx context.Context, st Committer, cases [][]Event) error {
	const batch = 500
	for lo := 0; lo < len(cases); lo += batch {
		var tx store.Tx
		for i := lo; i < min(lo+batch, len(cases)); i++ {
			ref := fmt.Sprintf("DEMO-%06d", i)
			for j, e := range cases[i] {
				tx.Index = append(tx.Index, Ops(ref, int64(j+1), e.At, []Event{e})...)
			}
		}
		if err := st.Commit(ctx, tx); err != nil {
			return fmt.Errorf("stats demo: %w", err)
		}
	}
	return nil
}
