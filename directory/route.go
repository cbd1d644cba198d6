package directory

import (
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/samla-sip/samla/internal/i18n"
)

// Route returns the ordered candidates for a query:
//
//  1. units giving the care level in the kommun (and taking the age), in
//     file order; within a unit the holders of the requested role (or,
//     without a role, the SIP coordinators and then the entry points);
//     when nobody holds the role, the unit's entry point;
//  2. when no unit names the kommun: units whose area ("*") covers it;
//  3. else the SIP coordinators of the kommun's or region's organisation;
//  4. else no candidates and a Note saying what to try.
//
// An absent contact is replaced by their delegate (following chains, never
// ending at someone absent) and the reason says so; an absent contact
// without a delegate is skipped and the next candidate's reason says why.
// A zero q.Date means today.
func (d *Directory) Route(q Query) RouteResult {
	if q.Date.IsZero() {
		q.Date = time.Now()
	}
	r := router{d: d, q: q, day: dayOf(q.Date), seen: map[*Contact]bool{}}
	care := strings.ToLower(strings.TrimSpace(q.Care))
	if _, ok := careLabels[care]; !ok {
		return RouteResult{Note: says("route.unknowncare", q.Care, strings.Join(CareLevels, ", "))}
	}
	k, ok := LookupKommun(q.Kommun)
	if !ok {
		return RouteResult{Note: says("route.unknownkommun", q.Kommun)}
	}
	r.care, r.kommun = care, k
	var direct, wide []*Unit
	for _, u := range d.routes[routeKey{care, k.Code}] {
		if q.Age >= 0 && (q.Age < u.AgeMin || q.Age > u.AgeMax) {
			continue
		}
		if u.AreaWide {
			wide = append(wide, u)
		} else {
			direct = append(direct, u)
		}
	}
	for _, u := range direct {
		r.fromUnit(u, text{})
	}
	if len(r.out) == 0 && len(wide) > 0 {
		for _, u := range wide {
			org := d.orgs[u.Org]
			r.fromUnit(u, saysIn("why.areawide", func(l i18n.Lang) []any {
				return []any{k.Name, CareLabel(care, l), u.Name, possessive(l, org.Name)}
			}))
		}
	}
	if len(r.out) == 0 {
		r.coordinators()
	}
	res := RouteResult{Candidates: r.out}
	switch {
	case len(r.out) == 0:
		res.Note = r.noMatch()
	case len(r.skipped) > 0: // absent contacts after the last candidate
		res.Note = join(r.skipped...)
	}
	return res
}

// MaxCandidates bounds a route result: more names do not help anyone
// choose whom to contact.
const MaxCandidates = 10

type router struct {
	d       *Directory
	q       Query
	day     time.Time
	care    string
	kommun  Kommun
	out     []Candidate
	seen    map[*Contact]bool
	skipped []text // absent contacts not yet explained
}

// fromUnit adds the unit's role holders or its entry point.
func (r *router) fromUnit(u *Unit, context text) {
	entry, redirected, hasEntry := r.entry(u)
	roles := []string{"sip-samordnare", "vag-in"}
	switch {
	case r.q.Role != "":
		roles = []string{r.q.Role}
	case redirected != nil:
		// The unit's manager redirected its väg in from chat: the
		// redirected entry stands in for the vag-in holders.
		roles = roles[:1]
	}
	holders, added := 0, false
	for _, role := range roles {
		for _, c := range r.d.roleHolders(u, role) {
			if len(r.out) >= MaxCandidates {
				return
			}
			holders++
			why := saysIn("why.role", func(l i18n.Lang) []any { return []any{RoleLabel(role, l), u.Name} })
			if r.offer(c, u, join(context, why)) {
				added = true
			}
		}
	}
	if added && (redirected == nil || r.q.Role != "") || !hasEntry {
		return
	}
	var why text
	switch {
	case r.q.Role != "" && holders == 0:
		why = saysIn("why.norole", func(l i18n.Lang) []any { return []any{u.Name, RoleLabel(r.q.Role, l)} })
	case holders > 0 && !added:
		why = says("why.roleaway", u.Name)
	default:
		why = says("why.entry", u.Name)
	}
	if redirected != nil {
		until := redirected.Until
		why = join(why, saysIn("why.entry.chat", func(l i18n.Lang) []any {
			return []any{until.Day(), messages.T(l, monthIDs[until.Month()-1])}
		}))
	}
	r.offer(entry, u, join(context, why))
}

// coordinators adds the SIP coordinators (at most three per
// organisation) of the organisations that are huvudman for the care level
// (Huvudman) and whose area holds the kommun, those that give the care
// level somewhere first.
func (r *router) coordinators() {
	kinds := Huvudman(r.care)
	var orgs []*Organisation
	for _, o := range r.d.orgsByKommun[r.kommun.Code] {
		if slices.Contains(kinds, o.Kind) {
			orgs = append(orgs, o)
		}
	}
	slices.SortStableFunc(orgs, func(a, b *Organisation) int {
		return boolRank(r.d.orgCare[b][r.care]) - boolRank(r.d.orgCare[a][r.care])
	})
	for _, org := range orgs {
		why := saysIn("why.coordinator", func(l i18n.Lang) []any {
			return []any{r.kommun.Name, CareLabel(r.care, l), possessive(l, org.Name)}
		})
		n := 0
		for _, c := range r.d.coordinators[org] {
			if n == 3 {
				break
			}
			if r.offer(c, r.d.units[c.Unit], why) {
				n++
			}
		}
	}
}

func boolRank(b bool) int {
	if b {
		return 1
	}
	return 0
}

// offer adds c, or the delegate standing in for c, as a candidate. It
// reports false when nobody available could be added.
func (r *router) offer(c *Contact, u *Unit, why text) bool {
	if len(r.out) >= MaxCandidates {
		return true
	}
	target := c
	var chain []text
	visited := map[*Contact]bool{c: true}
	for {
		a, away := absenceOf(target, r.day, r.q.Overlay)
		if !away {
			break
		}
		next, ok := r.d.Contact(a.Delegate)
		if !ok || visited[next] {
			r.skipped = append(r.skipped, then(awayText(target, a), says("delegate.none")))
			return false
		}
		visited[next] = true
		chain = append(chain, then(awayText(target, a), says("delegate", next.Name)))
		target = next
	}
	if r.seen[target] {
		return true
	}
	r.seen[target] = true
	if len(chain) > 0 {
		c := join(chain...)
		why = text{Sv: why.Sv + ": " + c.Sv, En: why.En + ": " + c.En}
	}
	parts := append(slices.Clone(r.skipped), why)
	r.skipped = nil
	tu := u
	if target != c {
		tu = r.d.units[target.Unit]
	}
	r.out = append(r.out, Candidate{Contact: target, Unit: tu, Channel: BestChannel(target), Reason: join(parts...)})
	return true
}

// AwayOn reports whether the contact is absent on the day of t by the
// directory file alone; AbsenceOn adds what was reported in chat.
func (c *Contact) AwayOn(t time.Time) bool { return c.Away.covers(dayOf(t)) }

// noMatch says what to try when nothing matched.
func (r *router) noMatch() text {
	parts := slices.Clone(r.skipped)
	parts = append(parts, saysIn("nomatch", func(l i18n.Lang) []any { return []any{r.kommun.Name, CareLabel(r.care, l)} }))
	if others := r.neighbours(); len(others) > 0 {
		parts = append(parts, says("nomatch.try", strings.Join(others, ", ")))
	}
	parts = append(parts, says("nomatch.search", r.care))
	var sv, en []string
	for _, p := range parts {
		sv, en = append(sv, p.Sv), append(en, p.En)
	}
	return text{Sv: strings.Join(sv, " "), En: strings.Join(en, " ")}
}

// neighbours lists up to three units giving the care level, those in the
// same region first.
func (r *router) neighbours() []string {
	var near, far []string
	for _, u := range r.d.careUnits[r.care] {
		if len(near) == 3 {
			break
		}
		inRegion := false
		for _, code := range u.Kommuner {
			if strings.HasPrefix(code, r.kommun.LanCode) { // SCB codes start with the län code
				inRegion = true
				break
			}
		}
		label := u.Name + " (" + u.ID + ")"
		if inRegion {
			near = append(near, label)
		} else if len(far) < 3 {
			far = append(far, label)
		}
	}
	all := append(near, far...)
	return all[:min(3, len(all))]
}

// BestChannel picks how to reach a contact: chat first (Slack or
// Mattermost, whichever is listed first; a direct user before a team
// channel), then e-mail, then phone.
func BestChannel(c *Contact) Reach {
	best, rank := Reach{}, 99
	for _, r := range c.Reach {
		if k := channelRank(r); k < rank {
			best, rank = r, k
		}
	}
	return best
}

func channelRank(r Reach) int {
	switch r.Kind {
	case "slack", "mattermost":
		if r.User != "" {
			return 0
		}
		return 1
	case "email":
		return 2
	case "phone":
		return 3
	}
	return 9
}

// genitive adds the Swedish genitive s unless the name ends in s, x or z;
// an abbreviation in capitals or a number takes ":s" ("Vård AB:s").
func genitive(name string) string {
	last := name[strings.LastIndexAny(name, " -")+1:]
	if last != "" && strings.IndexFunc(last, unicode.IsLower) < 0 &&
		strings.IndexFunc(last, func(r rune) bool { return unicode.IsUpper(r) || unicode.IsDigit(r) }) >= 0 {
		return name + ":s"
	}
	if strings.HasSuffix(name, "s") || strings.HasSuffix(name, "x") || strings.HasSuffix(name, "z") {
		return name
	}
	return name + "s"
}
