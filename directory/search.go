package directory

import (
	"cmp"
	"math"
	"math/bits"
	"slices"
	"sort"
	"strings"
	"sync"
)

// searchIndex is an inverted index of folded tokens: name tokens point at
// contacts, role tokens at roles (and roles at contacts), unit tokens
// (unit and organisation name, care levels) and kommun names at units,
// whose contacts all match. Every list is sorted by contact index (file
// order), so results can be produced best tier first and cut early.
type searchIndex struct {
	nTokens   []string  // sorted distinct name tokens
	nPostings [][]int32 // contact indices per name token
	rTokens   []string  // sorted distinct role tokens
	rRoles    [][]string
	byRole    map[string][]int32
	uTokens   []string // sorted distinct unit tokens
	uPostings [][]int32
	kTokens   []string // sorted distinct kommun tokens
	kPostings [][]int32

	names     []string  // folded name of each contact, tokens joined by " "
	unitOf    []int32   // unit index of each contact
	roleBits  []uint32  // roles of each contact: bit k for Roles[k]
	units     [][]int32 // contacts of each unit
	unitText  []string  // folded unit name, organisation name and care levels
	kommunTxt []string  // folded kommun names of each unit
	roleText  map[string]string
	seen      bitsetPool
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
		roleBits: make([]uint32, len(d.contactList)),
		units:    make([][]int32, len(d.unitList)),
		unitText: make([]string, len(d.unitList)), kommunTxt: make([]string, len(d.unitList)),
		roleText: map[string]string{}, byRole: map[string][]int32{},
	}
	rTok := map[string][]string{}
	for _, r := range Roles {
		s.roleText[r] = joinTokens(tokens(r + " " + RoleLabel(r, "sv") + " " + RoleLabel(r, "en")))
		for t := range strings.FieldsSeq(s.roleText[r]) {
			rTok[t] = append(rTok[t], r)
		}
	}
	s.rTokens = sortedKeys(rTok)
	for _, t := range s.rTokens {
		s.rRoles = append(s.rRoles, rTok[t])
	}
	unitIdx := make(map[*Unit]int32, len(d.unitList))
	uPost, kPost := map[string][]int32{}, map[string][]int32{}
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
		for t := range strings.FieldsSeq(s.unitText[i]) {
			uPost[t] = append(uPost[t], int32(i))
		}
		for t := range strings.FieldsSeq(s.kommunTxt[i]) {
			kPost[t] = append(kPost[t], int32(i))
		}
	}
	nPost := make(map[string][]int32, 1024)
	for i, c := range d.contactList {
		ui := unitIdx[d.units[c.Unit]]
		s.unitOf[i] = ui
		s.units[ui] = append(s.units[ui], int32(i))
		name := joinTokens(tokens(c.Name))
		s.names[i] = name
		for t := range strings.FieldsSeq(name) {
			nPost[t] = append(nPost[t], int32(i))
		}
		for _, r := range c.Roles {
			s.byRole[r] = appendOnce(s.byRole[r], int32(i))
			if k := slices.Index(Roles, r); k >= 0 && k < 32 {
				s.roleBits[i] |= 1 << k
			}
		}
	}
	s.nTokens, s.nPostings = sortedPostings(nPost)
	s.uTokens, s.uPostings = sortedPostings(uPost)
	s.kTokens, s.kPostings = sortedPostings(kPost)
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

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func sortedPostings(m map[string][]int32) ([]string, [][]int32) {
	keys := sortedKeys(m)
	post := make([][]int32, len(keys))
	for i, k := range keys {
		post[i] = slices.Clip(m[k])
	}
	return keys, post
}

// prefixRange returns the range of sorted tokens starting with p and
// whether sorted[lo] equals p.
func prefixRange(sorted []string, p string) (lo, hi int, exact bool) {
	lo = sort.SearchStrings(sorted, p)
	hi = lo
	for hi < len(sorted) && strings.HasPrefix(sorted[hi], p) {
		hi++
	}
	return lo, hi, lo < hi && sorted[lo] == p
}

// tier is a set of contacts that a query token matches with the same
// score: the union of sorted contact lists, and of the contacts of the
// units in unit postings (only the driving token's tiers are expanded to
// those units' lists, so a token matching many units costs no garbage).
type tier struct {
	score     int
	lists     [][]int32 // contact indices
	unitPosts [][]int32 // unit indices, whose contacts all match
	size      int       // contacts, counted once per list
}

// tiers returns the matches of token t, best score first.
func (s *searchIndex) tiers(t string) []tier {
	out := make([]tier, 0, 8)
	add := func(score int, tr tier) {
		if tr.size > 0 {
			tr.score = score
			out = append(out, tr)
		}
	}
	nlo, nhi, nex := prefixRange(s.nTokens, t)
	rlo, rhi, rex := prefixRange(s.rTokens, t)
	ulo, uhi, uex := prefixRange(s.uTokens, t)
	klo, khi, kex := prefixRange(s.kTokens, t)
	skip := func(ex bool) int {
		if ex {
			return 1
		}
		return 0
	}
	if nex {
		add(weightName+exactBonus, contactTier(s.nPostings[nlo:nlo+1]))
	}
	if rex {
		add(weightRole+exactBonus, s.roleLists(s.rRoles[rlo:rlo+1]))
	}
	if uex {
		add(weightUnit+exactBonus, s.unitLists(s.uPostings[ulo:ulo+1]))
	}
	if kex {
		add(weightKommun+exactBonus, s.unitLists(s.kPostings[klo:klo+1]))
	}
	add(weightName, contactTier(s.nPostings[nlo+skip(nex):nhi]))
	add(weightRole, s.roleLists(s.rRoles[rlo+skip(rex):rhi]))
	add(weightUnit, s.unitLists(s.uPostings[ulo+skip(uex):uhi]))
	add(weightKommun, s.unitLists(s.kPostings[klo+skip(kex):khi]))
	return out
}

// unitScores scores token t against every unit's own text and kommuner
// (the unit part of match).
func (s *searchIndex) unitScores(t string) (scores []uint8) {
	scores = make([]uint8, len(s.units))
	set := func(post [][]int32, lo, hi int, exact bool, weight int) {
		for i := lo; i < hi; i++ {
			w := weight
			if exact && i == lo {
				w += exactBonus
			}
			for _, u := range post[i] {
				scores[u] = max(scores[u], uint8(w))
			}
		}
	}
	ulo, uhi, uex := prefixRange(s.uTokens, t)
	klo, khi, kex := prefixRange(s.kTokens, t)
	set(s.uPostings, ulo, uhi, uex, weightUnit)
	set(s.kPostings, klo, khi, kex, weightKommun)
	return scores
}

// unitFilter returns, for a token whose name and role matches are few,
// which units can hold a match at all (their own text or kommuner match,
// or one of their contacts does); nil when the token matches too many
// contacts directly to be worth it.
func (s *searchIndex) unitFilter(t string, uscore []uint8) []bool {
	const few = 4096
	nlo, nhi, _ := prefixRange(s.nTokens, t)
	rlo, rhi, _ := prefixRange(s.rTokens, t)
	roles := s.roleLists(s.rRoles[rlo:rhi])
	direct := slices.Concat(s.nPostings[nlo:nhi], roles.lists)
	n := 0
	for _, l := range direct {
		if n += len(l); n > few {
			return nil
		}
	}
	ok := make([]bool, len(s.units))
	for u, sc := range uscore {
		ok[u] = sc > 0
	}
	for _, l := range direct {
		for _, ci := range l {
			ok[s.unitOf[ci]] = true
		}
	}
	return ok
}

func contactTier(lists [][]int32) tier {
	n := 0
	for _, l := range lists {
		n += len(l)
	}
	return tier{lists: lists, size: n}
}

func (s *searchIndex) roleLists(roles [][]string) tier {
	var out [][]int32
	var seen []string
	for _, rs := range roles {
		for _, r := range rs {
			if !slices.Contains(seen, r) && len(s.byRole[r]) > 0 {
				seen = append(seen, r)
				out = append(out, s.byRole[r])
			}
		}
	}
	return contactTier(out)
}

func (s *searchIndex) unitLists(posts [][]int32) tier {
	n := 0
	for _, us := range posts {
		for _, u := range us {
			n += len(s.units[u])
		}
	}
	return tier{unitPosts: posts, size: n}
}

// contactLists returns the tier's contact lists, with those of its units
// that fit.
func (s *searchIndex) contactLists(tr tier, fits func(unit int32) bool) [][]int32 {
	lists := make([][]int32, len(tr.lists), len(tr.lists)+len(tr.unitPosts))
	copy(lists, tr.lists)
	for _, us := range tr.unitPosts {
		for _, u := range us {
			if len(s.units[u]) > 0 && fits(u) {
				lists = append(lists, s.units[u])
			}
		}
	}
	return lists
}

func tiersSize(ts []tier) int {
	n := 0
	for _, t := range ts {
		n += t.size
	}
	return n
}

// Search ranks contacts by free text over names, units, roles, care levels
// and kommuner; tolerant of case, å/ä/ö and prefixes. Each query token
// scores its best match (exact beats prefix; name, role, unit, kommun in
// that order), every token must match; ties keep file order. At most
// limit hits (limit <= 0: 20).
//
// The token with the fewest matching contacts drives: its tiers are read
// best first in file order, the other tokens only verify, and reading
// stops as soon as no remaining contact can enter the top list.
func (d *Directory) Search(q string, limit int) []Hit {
	if limit <= 0 {
		limit = 20
	}
	s := d.search
	qt := uniq(tokens(q))
	if len(qt) == 0 || s == nil {
		return nil
	}
	driver, driverToken, bestCost, others := []tier(nil), 0, -1, 0
	uscores := make([][]uint8, len(qt))
	rscores := make([][]int, len(qt))  // score of each role (index in Roles)
	rmasks := make([]uint32, len(qt))  // roles scoring above 0
	inNames := make([]bool, len(qt))   // whether some name has a word the token starts
	filters := make([][]bool, len(qt)) // units that can match the token; nil = any
	sizes := make([]int, len(qt))      // contacts each token matches
	for i, t := range qt {
		nlo, nhi, _ := prefixRange(s.nTokens, t)
		inNames[i] = nlo < nhi
		rscores[i] = make([]int, len(Roles))
		for k, r := range Roles {
			if m := matchText(s.roleText[r], t, weightRole); m > 0 && k < 32 {
				rscores[i][k], rmasks[i] = m, rmasks[i]|1<<k
			}
		}
		ts := s.tiers(t)
		if len(ts) == 0 {
			return nil
		}
		others += ts[0].score
		sizes[i] = tiersSize(ts)
		// Reading usually stops within the best tier, so it weighs most.
		if cost := 4*tiersSize(ts[:1]) + tiersSize(ts)/8; bestCost < 0 || cost < bestCost {
			driver, driverToken, bestCost = ts, i, cost
		}
		uscores[i] = s.unitScores(t)
		filters[i] = s.unitFilter(t, uscores[i])
	}
	others -= driver[0].score // best possible score of the other tokens
	// Candidates are verified against the rarest token first, where most
	// fail, and against the driving token, which they match, last.
	sizes[driverToken] = math.MaxInt
	order := make([]int, len(qt))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(sizes[a], sizes[b]) })
	unitFits := func(u int32) bool {
		for _, f := range filters {
			if f != nil && !f[u] {
				return false
			}
		}
		return true
	}
	top := make([]scored, 0, limit+1)
	seen := s.seen.get(len(s.names))
	defer s.seen.put(seen)
tiers:
	for _, tr := range driver {
		bound := tr.score + others
		it := newMerge(s.contactLists(tr, unitFits))
		for ci, ok := it.next(); ok; ci, ok = it.next() {
			if len(top) == limit {
				kth := top[limit-1]
				if bound < kth.score {
					break tiers
				}
				if bound == kth.score && ci > kth.contact {
					break
				}
			}
			if !unitFits(s.unitOf[ci]) {
				continue
			}
			if seen.testAndSet(ci) {
				continue
			}
			score := 0
			for _, i := range order {
				m := s.match(ci, qt[i], inNames[i], rscores[i], rmasks[i], uscores[i])
				if m == 0 {
					score = 0
					break
				}
				score += m
			}
			if score > 0 {
				top = insertTop(top, scored{ci, score}, limit)
			}
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

// insertTop keeps top sorted best first and at most limit long.
func insertTop(top []scored, x scored, limit int) []scored {
	if len(top) == limit && !better(x, top[limit-1]) {
		return top
	}
	at := sort.Search(len(top), func(i int) bool { return better(x, top[i]) })
	top = slices.Insert(top, at, x)
	if len(top) > limit {
		top = top[:limit]
	}
	return top
}

// merge yields the union of sorted lists in ascending order (duplicates
// across lists are yielded once per list; Search skips them). It consumes
// the slice of lists it is given.
type merge struct {
	lists [][]int32
	heap  []int // list indices, heap-ordered by current head
}

func newMerge(lists [][]int32) *merge {
	m := &merge{lists: lists}
	for i := range m.lists {
		if len(m.lists[i]) > 0 {
			m.heap = append(m.heap, i)
		}
	}
	for i := len(m.heap)/2 - 1; i >= 0; i-- {
		m.down(i)
	}
	return m
}

func (m *merge) head(i int) int32 { return m.lists[m.heap[i]][0] }

func (m *merge) next() (int32, bool) {
	if len(m.heap) == 0 {
		return 0, false
	}
	li := m.heap[0]
	v := m.lists[li][0]
	m.lists[li] = m.lists[li][1:]
	if len(m.lists[li]) == 0 {
		last := len(m.heap) - 1
		m.heap[0] = m.heap[last]
		m.heap = m.heap[:last]
	}
	if len(m.heap) > 0 {
		m.down(0)
	}
	return v, true
}

func (m *merge) down(i int) {
	for {
		l, r, small := 2*i+1, 2*i+2, i
		if l < len(m.heap) && m.head(l) < m.head(small) {
			small = l
		}
		if r < len(m.heap) && m.head(r) < m.head(small) {
			small = r
		}
		if small == i {
			return
		}
		m.heap[i], m.heap[small] = m.heap[small], m.heap[i]
		i = small
	}
}

// match scores how contact ci matches query token t (0: not at all): the
// best of its name (read only when inNames: some name has a word
// starting with t), its roles (rscore, for the roles in rmask) and its
// unit (uscore).
func (s *searchIndex) match(ci int32, t string, inNames bool, rscore []int, rmask uint32, uscore []uint8) int {
	best := 0
	if inNames {
		if best = matchText(s.names[ci], t, weightName); best >= weightName+exactBonus {
			return best
		}
	}
	for m := s.roleBits[ci] & rmask; m != 0; m &= m - 1 {
		best = max(best, rscore[bits.TrailingZeros32(m)])
	}
	return max(best, int(uscore[s.unitOf[ci]]))
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

// bitset marks contacts already scored in one search; set remembers
// what to clear so that a pooled bitset is cheap to reuse.
type bitset struct {
	words []uint64
	set   []int32
}

func (b *bitset) testAndSet(i int32) bool {
	w, m := i>>6, uint64(1)<<(uint(i)&63)
	if b.words[w]&m != 0 {
		return true
	}
	b.words[w] |= m
	b.set = append(b.set, w)
	return false
}

type bitsetPool struct{ p sync.Pool }

func (bp *bitsetPool) get(n int) *bitset {
	if b, ok := bp.p.Get().(*bitset); ok && len(b.words) == (n+63)/64 {
		return b
	}
	return &bitset{words: make([]uint64, (n+63)/64)}
}

func (bp *bitsetPool) put(b *bitset) {
	if len(b.set) > len(b.words)/4 {
		clear(b.words)
	} else {
		for _, w := range b.set {
			b.words[w] = 0
		}
	}
	b.set = b.set[:0]
	bp.p.Put(b)
}
