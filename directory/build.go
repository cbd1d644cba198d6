package directory

import (
	"fmt"
	"hash/maphash"
	"sort"
	"strconv"
	"strings"
	"time"
)

// builder resolves and validates raw documents into a Directory,
// collecting every problem.
type builder struct {
	d         *Directory
	problems  []Problem
	fileIdx   map[string]int
	strs      map[string]string // interned short values
	arena     arena
	where     map[*Contact]loc
	uwhere    map[*Unit]loc
	entries   map[*Unit]sval
	care      map[string]bool
	rawAway   map[*Contact]*rawAway
	reachSlab []Reach
	roleSlab  []string
	lastUnit  *Unit // unit of the previous contact
	listUnit  *Unit // unit whose contacts are being gathered in list
	list      []*Contact

	seed          maphash.Seed // of the directory's hash indexes
	chats, emails int          // reach items, to size the indexes
	idLine        []int32      // line of each contact's id, by position
	srcEnd        []int        // contacts up to each source's end
	dup           map[*Contact]bool
}

type loc struct {
	file string
	line int
}

var orgKinds = []string{"kommun", "region", "stat", "privat"}

func build(srcs []source) (*Directory, error) {
	b := &builder{
		d: &Directory{
			orgs: map[string]*Organisation{}, units: map[string]*Unit{},
			unitContacts: map[*Unit][]*Contact{}, holders: map[*Unit][][]*Contact{},
			routes: map[routeKey][]*Unit{}, orgsByKommun: map[string][]*Organisation{},
			coordinators: map[*Organisation][]*Contact{}, orgCare: map[*Organisation]map[string]bool{},
			careUnits: map[string][]*Unit{},
			files:     len(srcs),
		},
		fileIdx: map[string]int{}, strs: map[string]string{},
		where: map[*Contact]loc{}, uwhere: map[*Unit]loc{}, entries: map[*Unit]sval{},
		care: setOf(CareLevels), rawAway: map[*Contact]*rawAway{},
	}
	total, reaches := 0, 0
	for i, s := range srcs {
		b.fileIdx[s.file] = i
		b.problems = append(b.problems, s.problems...)
		total += len(s.doc.Contacts)
		for j := range s.doc.Contacts {
			for _, r := range s.doc.Contacts[j].Reach {
				reaches++
				switch r.Kind {
				case "slack", "mattermost":
					b.chats++
				case "email":
					b.emails++
				}
			}
		}
	}
	b.seed = maphash.MakeSeed()
	b.d.contactList = make([]*Contact, 0, total)
	b.idLine = make([]int32, 0, total)
	b.reachSlab = make([]Reach, 0, reaches)
	for _, s := range srcs {
		for i := range s.doc.Orgs {
			b.org(s.file, &s.doc.Orgs[i])
		}
	}
	for _, s := range srcs {
		for i := range s.doc.Units {
			b.unit(s.file, &s.doc.Units[i])
		}
	}
	slab := make([]Contact, 0, total)
	for _, s := range srcs {
		for i := range s.doc.Contacts {
			slab = append(slab, Contact{})
			b.contact(s.file, &s.doc.Contacts[i], &slab[len(slab)-1])
		}
		b.srcEnd = append(b.srcEnd, len(b.d.contactList))
	}
	b.flushUnitList()
	b.checkDuplicates(srcs)
	b.checkEntries()
	b.checkDelegates()
	if len(b.problems) > 0 {
		sort.SliceStable(b.problems, func(i, j int) bool {
			pi, pj := b.problems[i], b.problems[j]
			if fi, fj := b.fileIdx[pi.File], b.fileIdx[pj.File]; fi != fj {
				return fi < fj
			}
			return pi.Line < pj.Line
		})
		for i := range b.problems {
			b.problems[i].Msg = RedactPersonnummer(b.problems[i].Msg)
		}
		return nil, &ValidationError{Problems: b.problems}
	}
	b.index()
	return b.d, nil
}

func setOf(list []string) map[string]bool {
	m := make(map[string]bool, len(list))
	for _, s := range list {
		m[s] = true
	}
	return m
}

func (b *builder) add(file string, line int, format string, args ...any) {
	b.problems = append(b.problems, Problem{File: file, Line: line, Msg: fmt.Sprintf(format, args...)})
}

// keep returns a value as a retained string (checked for a personnummer
// by parseFile already).
func (b *builder) keep(v sval) string { return b.arena.clone(v.V) }

// intern returns one shared copy of a short repeated value.
func (b *builder) intern(s string) string {
	if v, ok := b.strs[s]; ok {
		return v
	}
	v := strings.Clone(s)
	b.strs[v] = v
	return v
}

func (b *builder) required(file string, line int, v sval, what string) bool {
	if strings.TrimSpace(v.V) == "" {
		b.add(file, max(v.Line, line), "%s is missing", what)
		return false
	}
	return true
}

func (b *builder) org(file string, r *rawOrg) {
	o := &Organisation{
		ID:   b.keep(r.ID),
		Name: b.keep(r.Name),
		Kind: b.intern(r.Kind.V),
	}
	b.required(file, r.Line, r.Name, "organisation name")
	if b.required(file, r.Line, r.Kind, "organisation kind") && !contains(orgKinds, o.Kind) {
		b.add(file, r.Kind.Line, "unknown organisation kind %q (use kommun, region, stat or privat)", o.Kind)
	}
	o.Kommuner = b.orgArea(file, r, o)
	if r.Chat != nil {
		o.Chat = Chat{
			Slack:      b.chatSpaces(file, o.ID, "slack", r.Chat.Slack, validSlackTeam),
			Mattermost: b.chatSpaces(file, o.ID, "mattermost", r.Chat.Mattermost, validServerName),
		}
	}
	if b.required(file, r.Line, r.ID, "organisation id") {
		if _, dup := b.d.orgs[o.ID]; dup {
			b.add(file, r.ID.Line, "duplicate organisation id %q", o.ID)
			return
		}
		b.d.orgs[o.ID] = o
		b.d.orgList = append(b.d.orgList, o)
	}
}

// chatSpaces checks an organisation's list of Slack workspaces or
// Mattermost servers: each valid, none twice.
func (b *builder) chatSpaces(file, org, kind string, vals []sval, valid func(string) bool) []string {
	var out []string
	for _, v := range vals {
		switch {
		case !valid(v.V) && kind == "slack":
			b.add(file, v.Line, "organisation %q: chat slack %q is not a Slack workspace (team) id such as T0123ABCD", org, v.V)
		case !valid(v.V):
			b.add(file, v.Line, "organisation %q: chat mattermost %q is not a server name (letters, digits, '.', '_', '-')", org, v.V)
		case contains(out, v.V):
			b.add(file, v.Line, "organisation %q: chat %s %q given twice", org, kind, v.V)
		default:
			out = append(out, b.intern(v.V))
		}
	}
	return out
}

// validSlackTeam accepts a Slack team id: T (or E for an Enterprise Grid
// organisation) and capital letters and digits.
func validSlackTeam(s string) bool {
	if len(s) < 3 || len(s) > 32 || (s[0] != 'T' && s[0] != 'E') {
		return false
	}
	for _, c := range []byte(s) {
		if (c < 'A' || c > 'Z') && (c < '0' || c > '9') {
			return false
		}
	}
	return true
}

// validServerName accepts the name a Mattermost server has in Samla's
// configuration.
func validServerName(s string) bool {
	if s == "" || len(s) > 64 {
		return false
	}
	for _, c := range []byte(s) {
		if !isKeyChar(c) && c != '.' {
			return false
		}
	}
	return true
}

// orgArea resolves the organisation's area: kommun:, region: or lan:,
// else derived from the name, else all of Sweden for stat and privat.
func (b *builder) orgArea(file string, r *rawOrg, o *Organisation) []string {
	given := 0
	for _, v := range []sval{r.Kommun, r.Region, r.Lan} {
		if v.V != "" {
			given++
		}
	}
	if given > 1 {
		b.add(file, r.Line, "organisation %q: give only one of kommun:, region: or lan:", o.ID)
		return nil
	}
	switch {
	case r.Kommun.V != "":
		k, ok := LookupKommun(r.Kommun.V)
		if !ok {
			b.add(file, r.Kommun.Line, "unknown kommun %q", r.Kommun.V)
			return nil
		}
		return []string{k.Code}
	case r.Region.V != "" || r.Lan.V != "":
		v := r.Region
		if v.V == "" {
			v = r.Lan
		}
		reg, ok := LookupRegion(v.V)
		if !ok {
			b.add(file, v.Line, "unknown region or län %q", v.V)
			return nil
		}
		return KommunerInLan(reg.LanCode)
	case o.Kind == "kommun":
		if k, ok := LookupKommun(o.Name); ok {
			return []string{k.Code}
		}
	case o.Kind == "region":
		if reg, ok := LookupRegion(o.Name); ok {
			return KommunerInLan(reg.LanCode)
		}
	case o.Kind == "stat" || o.Kind == "privat":
		return allKommunCodes()
	}
	return nil
}

func allKommunCodes() []string {
	t := table()
	out := make([]string, len(t.kommuner))
	for i, k := range t.kommuner {
		out[i] = k.Code
	}
	return out
}

func (b *builder) unit(file string, r *rawUnit) {
	u := &Unit{
		ID:     b.keep(r.ID),
		Org:    b.keep(r.Org),
		Name:   b.keep(r.Name),
		About:  b.keep(r.About),
		AgeMax: 200,
	}
	b.required(file, r.Line, r.Name, "unit name")
	org, orgOK := b.d.orgs[u.Org]
	if b.required(file, r.Line, r.Org, "unit org") && !orgOK {
		b.add(file, r.Org.Line, "unit %q: unknown organisation %q", u.ID, u.Org)
	}
	if len(r.Care) == 0 {
		b.add(file, r.Line, "unit %q has no care level (care: [...])", u.ID)
	}
	for _, c := range r.Care {
		if !b.care[c.V] {
			b.add(file, c.Line, "unknown care level %q", c.V)
			continue
		}
		u.Care = append(u.Care, b.intern(c.V))
	}
	if len(r.Kommuner) == 0 {
		b.add(file, r.Line, "unit %q has no kommuner (names, SCB codes or \"*\" for the organisation's area)", u.ID)
	}
	seen := map[string]bool{}
	for _, k := range r.Kommuner {
		var codes []string
		if strings.TrimSpace(k.V) == "*" {
			u.AreaWide = true
			switch {
			case !orgOK:
			case len(org.Kommuner) == 0:
				b.add(file, k.Line, "kommuner: \"*\" but organisation %q has no area (set kommun:, region: or lan: on it)", org.ID)
			default:
				codes = org.Kommuner
			}
		} else if km, ok := LookupKommun(k.V); ok {
			codes = []string{km.Code}
		} else {
			b.add(file, k.Line, "unknown kommun %q", k.V)
		}
		for _, c := range codes {
			if !seen[c] {
				seen[c] = true
				u.Kommuner = append(u.Kommuner, b.intern(c))
			}
		}
	}
	if r.Ages.V != "" {
		lo, hi, ok := parseAges(r.Ages.V)
		if !ok {
			b.add(file, r.Ages.Line, "ages %q: write a range like 0-17 or 65-", r.Ages.V)
		}
		u.AgeMin, u.AgeMax = lo, hi
	}
	if strings.TrimSpace(r.Entry.V) == "" {
		b.add(file, r.Line, "unit %q has no entry (väg in): set entry: to a contact id of the unit", u.ID)
	}
	if !b.required(file, r.Line, r.ID, "unit id") {
		return
	}
	if _, dup := b.d.units[u.ID]; dup {
		b.add(file, r.ID.Line, "duplicate unit id %q", u.ID)
		return
	}
	u.Entry = b.arena.clone(r.Entry.V)
	b.d.units[u.ID] = u
	b.d.unitList = append(b.d.unitList, u)
	b.uwhere[u] = loc{file, r.Line}
	b.entries[u] = r.Entry
}

// parseAges reads "A-B" (inclusive) or "A-" (A and older).
func parseAges(s string) (lo, hi int, ok bool) {
	a, z, found := strings.Cut(strings.ReplaceAll(s, " ", ""), "-")
	if !found {
		return 0, 200, false
	}
	lo, err := strconv.Atoi(a)
	if err != nil || lo < 0 {
		return 0, 200, false
	}
	hi = 200
	if z != "" {
		if hi, err = strconv.Atoi(z); err != nil || hi < lo || hi > 200 {
			return 0, 200, false
		}
	}
	return lo, hi, true
}

func (b *builder) contact(file string, r *rawContact, c *Contact) {
	c.ID = b.keep(r.ID)
	c.Name = b.keep(r.Name)
	c.HSAID = b.keep(r.HSAID)
	c.Kind = canonical(r.Kind.V, contactKinds)
	if c.Kind == "" {
		c.Kind = b.intern(r.Kind.V)
	}
	b.required(file, r.Line, r.Name, "contact name")
	if b.required(file, r.Line, r.Kind, "contact kind") && c.Kind != "person" && c.Kind != "function" {
		b.add(file, r.Kind.Line, "unknown contact kind %q (use person or function)", c.Kind)
	}
	u, unitOK := b.lastUnit, b.lastUnit != nil && b.lastUnit.ID == r.Unit.V
	if !unitOK {
		u, unitOK = b.d.units[r.Unit.V]
		b.lastUnit = u
	}
	if b.required(file, r.Line, r.Unit, "contact unit") && !unitOK {
		b.add(file, r.Unit.Line, "contact %q: unknown unit %q", c.ID, r.Unit.V)
	}
	if unitOK {
		c.Unit = u.ID
	}
	if len(r.Roles) > 0 {
		c.Roles = carve(&b.roleSlab, len(r.Roles))
	}
	for _, role := range r.Roles {
		id := canonical(role.V, Roles)
		if id == "" {
			b.add(file, role.Line, "unknown role %q", role.V)
			continue
		}
		c.Roles = append(c.Roles, id)
	}
	if len(r.Reach) == 0 {
		b.add(file, r.Line, "contact %q has no way to reach it (reach: slack, mattermost, email or phone)", c.ID)
	}
	start := len(b.reachSlab)
	for i := range r.Reach {
		if rc, ok := b.reach(file, &r.Reach[i]); ok {
			b.reachSlab = append(b.reachSlab, rc)
		}
	}
	c.Reach = b.reachSlab[start:len(b.reachSlab):len(b.reachSlab)]
	if r.Away != nil {
		c.Away = b.away(file, r.Away)
		b.rawAway[c] = r.Away
		b.where[c] = loc{file, r.Line}
	}
	if !b.required(file, r.Line, r.ID, "contact id") {
		return
	}
	b.d.contactList = append(b.d.contactList, c) // a repeated id is reported by checkDuplicates
	b.idLine = append(b.idLine, int32(r.ID.Line))
	if unitOK {
		if b.listUnit != u {
			b.flushUnitList()
			b.listUnit, b.list = u, b.d.unitContacts[u]
		}
		b.list = append(b.list, c)
	}
}

// flushUnitList stores the contacts gathered for the current unit
// (contacts mostly come unit by unit, so this saves a map access each).
func (b *builder) flushUnitList() {
	if b.listUnit != nil {
		b.d.unitContacts[b.listUnit] = b.list
	}
	b.listUnit, b.list = nil, nil
}

var (
	contactKinds = []string{"person", "function"}
	reachKinds   = []string{"slack", "mattermost", "email", "phone"}
)

// canonical returns the entry of list equal to s, or "".
func canonical(s string, list []string) string {
	for _, x := range list {
		if x == s {
			return x
		}
	}
	return ""
}

func (b *builder) reach(file string, r *rawReach) (Reach, bool) {
	out := Reach{Kind: canonical(r.Kind, reachKinds)} // not the parser's string: that would keep the file alive
	ok := true
	switch r.Kind {
	case "slack", "mattermost":
		space, what := r.Workspace, "workspace"
		if r.Kind == "mattermost" {
			space, what = r.Server, "server"
		}
		if space.V == "" {
			b.add(file, r.Line, "%s reach needs %s:", r.Kind, what)
			ok = false
		}
		if r.User.V == "" && r.Channel.V == "" {
			b.add(file, r.Line, "%s reach needs user: or channel:", r.Kind)
			ok = false
		}
		out.Workspace = b.intern(r.Workspace.V)
		out.Server = b.intern(r.Server.V)
		out.User = b.keep(r.User)
		out.Channel = b.keep(r.Channel)
	case "email":
		out.Address = b.keep(r.Addr)
		if at := strings.IndexByte(out.Address, '@'); at <= 0 || at == len(out.Address)-1 || strings.ContainsAny(out.Address, " \t") {
			b.add(file, r.Addr.Line, "email %q is not an e-mail address", out.Address)
			ok = false
		}
	case "phone":
		out.Address = b.keep(r.Addr)
		digits := 0
		for _, ch := range out.Address {
			switch {
			case ch >= '0' && ch <= '9':
				digits++
			case strings.ContainsRune(" +-()", ch):
			default:
				digits = -100
			}
		}
		if digits < 5 {
			b.add(file, r.Addr.Line, "phone %q is not a phone number", out.Address)
			ok = false
		}
	}
	return out, ok
}

func (b *builder) away(file string, r *rawAway) *Away {
	a := &Away{}
	var okFrom, okUntil bool
	if r.From.V != "" {
		a.From, okFrom = b.date(file, r.From, "away from")
	}
	if r.Until.V != "" {
		a.Until, okUntil = b.date(file, r.Until, "away until")
	}
	if r.From.V == "" && r.Until.V == "" {
		b.add(file, r.Line, "away needs from: and/or until: (YYYY-MM-DD)")
	}
	if okFrom && okUntil && a.Until.Before(a.From) {
		b.add(file, r.Until.Line, "away until %s is before from %s", r.Until.V, r.From.V)
	}
	a.Delegate = b.keep(r.Delegate)
	return a
}

func (b *builder) date(file string, v sval, what string) (time.Time, bool) {
	t, err := time.Parse(time.DateOnly, strings.TrimSpace(v.V))
	if err != nil {
		b.add(file, v.Line, "%s %q is not a date (YYYY-MM-DD)", what, v.V)
		return time.Time{}, false
	}
	return t, true
}

// checkDuplicates indexes the contacts by id and reports each contact
// whose id an earlier one has; lookups find the first.
func (b *builder) checkDuplicates(srcs []source) {
	for _, pos := range b.d.indexContacts(b.seed) {
		c := b.d.contactList[pos]
		src := sort.SearchInts(b.srcEnd, int(pos)+1)
		b.add(srcs[src].file, int(b.idLine[pos]), "duplicate contact id %q", c.ID)
		if b.dup == nil {
			b.dup = map[*Contact]bool{}
		}
		b.dup[c] = true
	}
	b.idLine = nil
}

// checkEntries needs all contacts: each unit's entry must be one of its
// contacts.
func (b *builder) checkEntries() {
	for _, u := range b.d.unitList {
		e := b.entries[u]
		if e.V == "" {
			continue
		}
		c, ok := b.d.Contact(e.V)
		switch {
		case !ok:
			b.add(b.uwhere[u].file, e.Line, "unit %q: entry %q is not a contact", u.ID, e.V)
		case c.Unit != u.ID:
			b.add(b.uwhere[u].file, e.Line, "unit %q: entry %q belongs to unit %q", u.ID, e.V, c.Unit)
		}
	}
}

// checkDelegates reports unknown delegates, self-delegation and cycles.
func (b *builder) checkDelegates() {
	const (
		unseen = iota
		onPath
		done
	)
	state := map[*Contact]int{}
	for _, c := range b.d.contactList {
		if c.Away == nil || c.Away.Delegate == "" || b.dup[c] {
			continue
		}
		ra := b.rawAway[c]
		file := b.where[c].file
		switch d, ok := b.d.Contact(c.Away.Delegate); {
		case !ok:
			b.add(file, ra.Delegate.Line, "contact %q: delegate %q is not a contact", c.ID, c.Away.Delegate)
		case d == c:
			b.add(file, ra.Delegate.Line, "contact %q is their own delegate", c.ID)
		}
	}
	for _, start := range b.d.contactList {
		if b.delegateOf(start) == nil || b.dup[start] {
			continue
		}
		var path []*Contact
		c := start
		for c != nil && state[c] == unseen {
			state[c] = onPath
			path = append(path, c)
			c = b.delegateOf(c)
		}
		if c != nil && state[c] == onPath {
			i := 0
			for path[i] != c {
				i++
			}
			cycle := path[i:]
			if len(cycle) > 1 {
				names := make([]string, 0, len(cycle)+1)
				for _, x := range cycle {
					names = append(names, x.ID)
				}
				names = append(names, c.ID)
				b.add(b.where[c].file, b.rawAway[c].Delegate.Line, "delegate cycle: %s", strings.Join(names, " → "))
			}
		}
		for _, x := range path {
			state[x] = done
		}
	}
}

func (b *builder) delegateOf(c *Contact) *Contact {
	if c.Away == nil || c.Away.Delegate == "" {
		return nil
	}
	d, _ := b.d.Contact(c.Away.Delegate)
	return d
}
