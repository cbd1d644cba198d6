package directory

import (
	"slices"
	"sort"
	"strings"
)

// searchIndex is an inverted index of folded tokens. Contact tokens (name,
// roles) point at contacts; unit tokens (unit and organisation name, care
// levels) and kommun names point at units, whose contacts all match. A
// token of the query matches a token of the text by prefix; every query
// token must match something.
type searchIndex struct {
	cTokens   []string  // sorted distinct contact-name and role tokens
	cPostings [][]int32 // contact indices (file order) per cTokens entry
	uTokens   []string  // sorted distinct unit and kommun tokens
	uPostings [][]int32 // unit indices per uTokens entry

	names     []string  // folded name of each contact, tokens joined by " "
	unitOf    []int32   // unit index of each contact
	units     [][]int32 // contacts of each unit
	unitText  []string  // folded unit name, organisation name and care levels
	kommunTxt []string  // folded kommun names of each unit
	roleText  map[string]string
}

// Field weights: a name beats a role beats a unit beats a kommun; an
// exact token beats any prefix.
const (
	weightName   = 4
	weightRole   = 3
	weightUnit   = 2
	weightKommun = 1
	exactBonus   = 10
)

func buildSearch(d *Directory) *searchIndex {
	s := &searchIndex{
		names:    make([]string, len(d.contactList)),
		unitOf:   make([]int32, len(d.contactList)),
		units:    make([][]int32, len(d.unitList)),
		unitText: make([]string, len(d.unitList)), kommunTxt: make([]string, len(d.unitList)),
		roleText: map[string]string{},
	}
	for _, r := range Roles {
		s.roleText[r] = joinTokens(tokens(r + " " + RoleLabel(r, "sv") + " " + RoleLabel(r, "en")))
	}
	unitIdx := make(map[*Unit]int32, len(d.unitList))
	uPost := map[string][]int32{}
	for i, u := range d.unitList {
		unitIdx[u] = int32(i)
		text := u.Name + " " + d.orgs[u.Org].Name
		for _, c := range u.Care {
			text += " " + c + " " + CareLabel(c, "sv") + " " + CareLabel(c, "en")
		}
		s.unitText[i] = joinTokens(tokens(text))
		var kt []string
		for _, code := range u.Kommuner {
			if k, ok := LookupKommun(code); ok {
				kt = append(kt, tokens(k.Name)...)
			}
		}
		s.kommunTxt[i] = joinTokens(kt)
		for _, t := range uniq(append(strings.Fields(s.unitText[i]), strings.Fields(s.kommunTxt[i])...)) {
			uPost[t] = append(uPost[t], int32(i))
		}
	}
	cPost := make(map[string][]int32, len(d.contactList)/8)
	for i, c := range d.contactList {
		ui := unitIdx[d.units[c.Unit]]
		s.unitOf[i] = ui
		s.units[ui] = append(s.units[ui], int32(i))
		name := joinTokens(tokens(c.Name))
		s.names[i] = name
		for t := range strings.FieldsSeq(name) {
			cPost[t] = appendOnce(cPost[t], int32(i))
		}
		for _, r := range c.Roles {
			for t := range strings.FieldsSeq(s.roleText[r]) {
				cPost[t] = appendOnce(cPost[t], int32(i))
			}
		}
	}
	s.cTokens, s.cPostings = sortedPostings(cPost)
	s.uTokens, s.uPostings = sortedPostings(uPost)
	return s
}

func joinTokens(t []string) string { return strings.Join(uniq(t), " ") }

func uniq(t []string) []string {
	out := t[:0:0]
	for _, x := range t {
		if !slices.Contains(out, x) {
			out = append(out, x)
		}
	}
	return out
}

func appendOnce(list []int32, i int32) []int32 {
	if n := len(list); n > 0 && list[n-1] == i {
		return list
	}
	return append(list, i)
}

func sortedPostings(m map[string][]int32) ([]string, [][]int32) {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	post := make([][]int32, len(keys))
	for i, k := range keys {
		post[i] = slices.Clip(m[k])
	}
	return keys, post
}

// prefixRange returns the range of sorted tokens starting with p.
func prefixRange(sorted []string, p string) (lo, hi int) {
	lo = sort.SearchStrings(sorted, p)
	hi = lo
	for hi < len(sorted) && strings.HasPrefix(sorted[hi], p) {
		hi++
	}
	return lo, hi
}

// Search ranks contacts by free text over names, units, roles, care levels
// and kommuner; tolerant of case, å/ä/ö and prefixes. Each query token
// scores its best match (exact beats prefix; name, role, unit, kommun in
// that order); ties keep file order. At most limit hits (limit <= 0: 20).
func (d *Directory) Search(q string, limit int) []Hit {
	if limit <= 0 {
		limit = 20
	}
	s := d.search
	qt := uniq(tokens(q))
	if len(qt) == 0 || s == nil {
		return nil
	}
	// The query token with the fewest matching contacts drives; the
	// others only verify.
	best, bestCost := 0, -1
	for i, t := range qt {
		cost := 0
		lo, hi := prefixRange(s.cTokens, t)
		for _, p := range s.cPostings[lo:hi] {
			cost += len(p)
		}
		ulo, uhi := prefixRange(s.uTokens, t)
		for _, p := range s.uPostings[ulo:uhi] {
			for _, u := range p {
				cost += len(s.units[u])
			}
		}
		if cost == 0 {
			return nil
		}
		if bestCost < 0 || cost < bestCost {
			best, bestCost = i, cost
		}
	}
	cands := s.candidates(qt[best], bestCost)
	top := make([]scored, 0, limit+1)
	for _, ci := range cands {
		score := 0
		for _, t := range qt {
			m := s.match(ci, t, d.contactList[ci])
			if m == 0 {
				score = 0
				break
			}
			score += m
		}
		if score == 0 {
			continue
		}
		if len(top) == limit && !better(scored{ci, score}, top[limit-1]) {
			continue
		}
		at, _ := slices.BinarySearchFunc(top, scored{ci, score}, func(a, b scored) int {
			if better(a, b) {
				return -1
			}
			return 1
		})
		top = slices.Insert(top, at, scored{ci, score})
		if len(top) > limit {
			top = top[:limit]
		}
	}
	hits := make([]Hit, len(top))
	for i, h := range top {
		c := d.contactList[h.contact]
		hits[i] = Hit{Contact: c, Unit: d.units[c.Unit], Score: float64(h.score)}
	}
	return hits
}

type scored struct {
	contact int32
	score   int
}

func better(a, b scored) bool {
	return a.score > b.score || a.score == b.score && a.contact < b.contact
}

// candidates lists, in file order, the contacts matching token t.
func (s *searchIndex) candidates(t string, size int) []int32 {
	out := make([]int32, 0, size)
	lo, hi := prefixRange(s.cTokens, t)
	for _, p := range s.cPostings[lo:hi] {
		out = append(out, p...)
	}
	ulo, uhi := prefixRange(s.uTokens, t)
	for _, p := range s.uPostings[ulo:uhi] {
		for _, u := range p {
			out = append(out, s.units[u]...)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// match scores how contact ci matches query token t (0: not at all): the
// best of its name, roles, unit and kommuner.
func (s *searchIndex) match(ci int32, t string, c *Contact) int {
	best := matchText(s.names[ci], t, weightName)
	if best >= weightName+exactBonus {
		return best
	}
	for _, r := range c.Roles {
		best = max(best, matchText(s.roleText[r], t, weightRole))
	}
	u := s.unitOf[ci]
	best = max(best, matchText(s.unitText[u], t, weightUnit))
	if best < exactBonus {
		best = max(best, matchText(s.kommunTxt[u], t, weightKommun))
	}
	return best
}

// matchText scores the best match of t against the space-separated
// tokens of text: weight+exactBonus for an equal token, weight for a
// prefix, else 0.
func matchText(text, t string, weight int) int {
	best := 0
	for len(text) > 0 {
		tok := text
		if i := strings.IndexByte(text, ' '); i >= 0 {
			tok, text = text[:i], text[i+1:]
		} else {
			text = ""
		}
		if strings.HasPrefix(tok, t) {
			if len(tok) == len(t) {
				return weight + exactBonus
			}
			best = weight
		}
	}
	return best
}
