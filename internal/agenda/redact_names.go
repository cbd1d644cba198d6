package agenda

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// entity is the kind of identifying word a redacted word is.
type entity uint8

const (
	entNone  entity = iota
	entName         // a person: [NAMN-n]
	entPlace        // a kommun or a place: [PLATS-n]
	entUnit         // a school, unit or organisation: [ENHET-n]
)

// prefix is the placeholder's opening, "[NAMN-".
func (e entity) prefix() string {
	switch e {
	case entPlace:
		return "[PLATS-"
	case entUnit:
		return "[ENHET-"
	}
	return "[NAMN-"
}

// Marks for a word that is (part of) a name.
const (
	notName = iota
	isName
	isGenitive // the name plus a genitive s: "Kalles"
)

// nameFinder decides, word by word, what of one text is identifying.
type nameFinder struct {
	s     string
	ws    []word
	x     *NameIndex // may be nil
	wl    *wordList
	marks []int    // notName, isName, isGenitive
	kinds []entity // the entity of each marked word
	prot  []bool   // words inside an earlier replacement
}

// redactNames replaces the names of people, places and units in s with
// [NAMN-n], [PLATS-n] and [ENHET-n], the same n for the same name within
// s. Adjacent marked words become one placeholder. x (may be nil) adds the
// directory's people and units.
func redactNames(s string, x *NameIndex, r *Report) string {
	ws := words(s)
	if len(ws) == 0 {
		return s
	}
	f := &nameFinder{s: s, ws: ws, x: x, wl: swedish(),
		marks: make([]int, len(ws)), kinds: make([]entity, len(ws)), prot: protectedWords(s, ws)}
	if x != nil {
		markDirectoryNames(s, ws, x, f.marks)
		for i, m := range f.marks {
			if m != notName {
				f.kinds[i] = entName
			}
		}
	}
	f.markIntroduced()
	f.markTriggered()
	f.markByWord()
	f.markPairs()
	f.markRepeats()
	return f.replace(r)
}

// protectedWords marks the words of placeholders and of generalised
// clinical terms (between markOpen and markClose).
func protectedWords(s string, ws []word) []bool {
	prot := make([]bool, len(ws))
	for i, w := range ws {
		if w.placeholder || strings.HasSuffix(s[:w.start], "[E-") {
			prot[i] = true
			continue
		}
		open := strings.LastIndex(s[:w.start], markOpen)
		prot[i] = open >= 0 && strings.LastIndex(s[:w.start], markClose) < open
	}
	return prot
}

func (f *nameFinder) set(i int, k entity) {
	if f.prot[i] || f.marks[i] != notName {
		return
	}
	f.marks[i] = isName
	f.kinds[i] = k
	w := f.ws[i]
	if strings.HasSuffix(w.folded, "s") && len(w.folded) > 3 && k == entName {
		stem := strings.TrimSuffix(w.folded, "s")
		if f.wl.class(stem)&classProper != 0 && f.wl.class(w.folded)&classProper != 0 && f.wl.class(stem+"s")&classOrdinary == 0 {
			f.marks[i] = isGenitive
		}
	}
}

// markIntroduced marks the individual's name where the text introduces
// it ("heter Kalle", "min son Kalle") and every later capitalised use.
func (f *nameFinder) markIntroduced() {
	names := individualNames(f.s)
	if len(names) == 0 {
		return
	}
	for i, w := range f.ws {
		if f.prot[i] || !w.capital || f.marks[i] != notName {
			continue
		}
		switch {
		case names[w.text]:
			f.set(i, entName)
		case strings.HasSuffix(w.text, "s") && names[strings.TrimSuffix(w.text, "s")]:
			f.marks[i], f.kinds[i] = isGenitive, entName
		}
	}
}

// markTriggered marks the word after a relation or role ("pappa Anders",
// "kuratorn Sara"): capitalised always, in lower case when it is a name.
func (f *nameFinder) markTriggered() {
	for i := 1; i < len(f.ws); i++ {
		prev, w := f.ws[i-1], f.ws[i]
		if !triggerWords[prev.folded] || f.prot[i-1] || !onlySpaceOrComma(f.s, prev.end, w.start) {
			continue
		}
		if w.capital && (!acronym(w.text) || f.shouted(i) || !f.wl.ordinary(w.folded)) && !keepWords[w.folded] {
			f.set(i, entName)
			continue
		}
		if !w.capital && (f.lowerName(w.folded) || !f.wl.ordinary(w.folded) && len(w.folded) > 2 && !keepWords[w.folded]) {
			f.set(i, entName)
		}
	}
}

// lowerName reports whether a lower-case word is a name: a proper noun
// that is not an ordinary word ("anders"), or a common first name.
func (f *nameFinder) lowerName(folded string) bool {
	if keepWords[folded] || len(folded) < 2 {
		return false
	}
	if givenNames[folded] {
		return true
	}
	c := f.wl.class(folded)
	return c&classProper != 0 && !f.wl.ordinary(folded)
}

// markByWord classifies each remaining word on its own.
func (f *nameFinder) markByWord() {
	for i := range f.ws {
		if f.prot[i] || f.marks[i] != notName {
			continue
		}
		if k := f.classify(i); k != entNone {
			f.set(i, k)
		}
	}
}

func (f *nameFinder) classify(i int) entity {
	w := f.ws[i]
	fw := w.folded
	if keepWords[fw] || len(fw) < 2 {
		return entNone
	}
	if acronym(w.text) && !f.shouted(i) {
		// Acronyms stay (BUP, LSS, KBT), except a first name in capitals
		// (KALLE) and what the word list knows only as a proper noun:
		// clubs and companies (LUGI, AIK, IKEA).
		switch {
		case givenNames[fw] || f.x != nil && f.x.isFirst(fw):
			return entName
		case len(fw) >= 3 && f.wl.class(fw)&classProper != 0 && !f.wl.ordinary(fw):
			return entUnit
		}
		return entNone
	}
	if !w.capital {
		switch {
		case kommunWords()[fw] && !f.wl.ordinary(fw):
			return entPlace
		case f.x != nil && f.x.isUnit(fw) && !f.wl.ordinary(fw):
			return entUnit
		case hasUnitSuffix(fw) && !f.wl.ordinary(fw) && f.wl.class(fw)&classProper != 0:
			return entUnit
		case f.wl.class(fw)&classProper != 0 && !f.wl.ordinary(fw):
			return entName
		}
		return entNone
	}
	if kommunWords()[fw] && !givenNames[fw] && !(f.x != nil && f.x.isFirst(fw)) {
		return entPlace
	}
	if f.x != nil && f.x.isUnit(fw) {
		return entUnit
	}
	ordinary := f.wl.ordinary(fw)
	// A school or unit: a capitalised word ending like one, or followed by
	// the kind of unit. Mid-sentence the capital is enough ("på
	// Katedralskolan"); at the start of a sentence the word must not be in
	// the word list itself ("Musikskolan" is ordinary, "Fäladsgården" not).
	start := f.sentenceStart(i) || f.shouted(i)
	plain := f.wl.class(fw)&classOrdinary != 0
	unitLike := hasUnitSuffix(fw) ||
		i+1 < len(f.ws) && (unitKindsAfter[f.ws[i+1].folded] || hasUnitSuffix(f.ws[i+1].folded) && !f.ws[i+1].capital) &&
			onlySpaceBetween(f.s, w.end, f.ws[i+1].start)
	if unitLike && (!start || !plain) {
		return entUnit
	}
	if i > 0 && unitKinds[f.ws[i-1].folded] && onlySpaceBetween(f.s, f.ws[i-1].end, w.start) && (!start || !plain) {
		return entUnit // Boendet Björkhagen, Förskolan Lunden
	}
	if start {
		if !ordinary || givenNames[fw] {
			return entName
		}
		return entNone
	}
	if i > 0 && f.marks[i-1] != notName && f.kinds[i-1] == entName && onlySpaceBetween(f.s, f.ws[i-1].end, w.start) {
		return entName // a surname: "Johanna Lind", "Nguyen Van Minh"
	}
	if ordinary && f.wl.class(fw)&classProper == 0 && !givenNames[fw] {
		// An ordinary word capitalised in mid-sentence is the name of a
		// place of work or care ("på Returbutiken", "med Barn och
		// familj"), unless it is a list item: "Stöd i skolan, Hjälp med
		// sömnen", "Kontaktfamilj och Stödsamtal".
		if f.listItem(i) {
			return entNone
		}
		if surnameEnding(fw) {
			return entName // "ringde Strand"
		}
		return entUnit
	}
	if i > 0 && placeBefore[f.ws[i-1].folded] && onlySpaceBetween(f.s, f.ws[i-1].end, w.start) && !givenNames[fw] &&
		!(f.x != nil && f.x.has(fw)) {
		return entPlace
	}
	return entName
}

// listItem reports whether word i follows a comma, a slash, a
// parenthesis or "och"/"eller"/"samt" directly.
func (f *nameFinder) listItem(i int) bool {
	if i == 0 {
		return false
	}
	gap := strings.TrimSpace(f.s[f.ws[i-1].end:f.ws[i].start])
	if gap == "," || gap == "/" || gap == "(" || gap == ";" {
		return true
	}
	return gap == "" && listJoiners[f.ws[i-1].folded]
}

// markPairs extends names to their neighbours: a capitalised word right
// after a name is its surname ("Johan Ek"), and a capitalised word right
// before a surname that is not an ordinary word is a first name when it
// is one in the dictionary ("Hans Karlsson" at the start of a sentence,
// but not "Ring Karlsson").
func (f *nameFinder) markPairs() {
	for changed := true; changed; {
		changed = false
		for i := range f.ws {
			w := f.ws[i]
			if f.marks[i] != notName || f.prot[i] || !w.capital || keepWords[w.folded] || triggerWords[w.folded] {
				continue
			}
			if acronym(w.text) && (!f.shouted(i) && len(w.folded) <= 3 || f.wl.ordinary(w.folded)) {
				continue // in capitals only a word that is not ordinary: "KALLE SVENSSON HAR"
			}
			if i > 0 && f.marks[i-1] == isName && f.kinds[i-1] == entName && onlySpaceBetween(f.s, f.ws[i-1].end, f.ws[i].start) {
				f.set(i, entName)
				changed = true
				continue
			}
			if i+1 < len(f.ws) && f.marks[i+1] != notName && f.kinds[i+1] == entName && onlySpaceBetween(f.s, f.ws[i].end, f.ws[i+1].start) &&
				!f.wl.ordinary(f.ws[i+1].folded) && f.wl.class(w.folded)&classProper != 0 {
				f.set(i, entName)
				changed = true
			}
		}
	}
}

// markRepeats marks every other use of a word marked as a name: at the
// start of a sentence, and in lower case when it is not an ordinary word.
func (f *nameFinder) markRepeats() {
	seen := make(map[string]entity)
	for i, w := range f.ws {
		if f.marks[i] == notName {
			continue
		}
		key := w.folded
		if f.marks[i] == isGenitive {
			key = strings.TrimSuffix(key, "s")
		}
		if _, ok := seen[key]; !ok {
			seen[key] = f.kinds[i]
		}
	}
	if len(seen) == 0 {
		return
	}
	for i, w := range f.ws {
		if f.marks[i] != notName || f.prot[i] || keepWords[w.folded] {
			continue
		}
		lowerOK := w.capital || !f.wl.ordinary(w.folded) || givenNames[w.folded]
		if k, ok := seen[w.folded]; ok && lowerOK {
			f.marks[i], f.kinds[i] = isName, k
			continue
		}
		if stem, ok := strings.CutSuffix(w.folded, "s"); ok && w.capital {
			if k, ok := seen[stem]; ok {
				f.marks[i], f.kinds[i] = isGenitive, k
			}
		}
	}
}

// sentenceStart reports whether word i opens a sentence, a line or a list
// item, where every word is capitalised.
func (f *nameFinder) sentenceStart(i int) bool {
	j := f.ws[i].start
	for j > 0 {
		r, n := utf8.DecodeLastRuneInString(f.s[:j])
		switch {
		case r == '\n' || r == '.' || r == '!' || r == '?' || r == ':' || r == ';' || r == '•' || r == '–' || r == '—':
			return true
		case strings.ContainsRune("\"'”“«", r):
			return true // quoted speech: säger "Jag vill"
		case unicode.IsSpace(r) || strings.ContainsRune("»()-*", r):
			j -= n
		default:
			return false
		}
	}
	return true
}

// replace writes the placeholders, numbering each kind separately.
func (f *nameFinder) replace(r *Report) string {
	spans := nameSpans(f.s, f.ws, f.marks, f.kinds)
	if len(spans) == 0 {
		return f.s
	}
	nm := newNamer(spans)
	var b strings.Builder
	last := 0
	for _, sp := range spans {
		b.WriteString(f.s[last:sp.start])
		b.WriteString(markOpen + sp.kind.prefix() + strconv.Itoa(nm.number(sp.kind, sp.keys)) + "]")
		if sp.genitive {
			b.WriteString("s")
		}
		b.WriteString(markClose)
		last = sp.end
		switch sp.kind {
		case entPlace:
			r.Place++
		case entUnit:
			r.Unit++
		default:
			r.Name++
		}
	}
	b.WriteString(f.s[last:])
	return b.String()
}

// shouted reports whether word i is one of three or more adjacent words
// written in capitals ("KALLE SVENSSON HAR ÅNGEST"): they are read like
// the words of a sentence start, not as acronyms.
func (f *nameFinder) shouted(i int) bool {
	caps := func(j int) bool { return f.ws[j].text == strings.ToUpper(f.ws[j].text) }
	if !caps(i) {
		return false
	}
	lo, hi := i, i
	for lo > 0 && caps(lo-1) && onlySpaceOrComma(f.s, f.ws[lo-1].end, f.ws[lo].start) {
		lo--
	}
	for hi+1 < len(f.ws) && caps(hi+1) && onlySpaceOrComma(f.s, f.ws[hi].end, f.ws[hi+1].start) {
		hi++
	}
	return hi-lo >= 2
}

// acronym reports a word whose first part is in capitals: "BUP", "LSS",
// "HVB-hemmet", "SiS".
func acronym(s string) bool {
	head, _, _ := strings.Cut(s, "-")
	upper, letters := 0, 0
	for _, r := range head {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
	}
	return upper >= 2 && (upper == letters || letters <= 3)
}

// onlySpaceOrComma reports whether s[a:b] holds only spaces, a comma, a
// colon or an opening parenthesis: "pappan, Anders", "kurator: Sara",
// "pappa (Emir)".
func onlySpaceOrComma(s string, a, b int) bool {
	if b <= a {
		return false
	}
	return strings.Trim(s[a:b], " \t,:(") == ""
}

// nameSpan is one name to replace: byte offsets, the folded words without
// a genitive s, its kind, and whether the name ends in a genitive s.
type nameSpan struct {
	start, end int
	keys       []string
	kind       entity
	genitive   bool
}

// nameSpans joins adjacent marked words into spans. A span holding a unit
// word is a unit, else one holding a person's word is a name, else a place.
func nameSpans(s string, ws []word, marks []int, kinds []entity) []nameSpan {
	var spans []nameSpan
	for i := 0; i < len(ws); i++ {
		if marks[i] == notName {
			continue
		}
		j := i
		for j+1 < len(ws) && marks[j] != isGenitive && marks[j+1] != notName && onlySpaceBetween(s, ws[j].end, ws[j+1].start) {
			j++
		}
		sp := nameSpan{start: ws[i].start, end: ws[j].end, genitive: marks[j] == isGenitive, kind: entPlace}
		for k := i; k <= j; k++ {
			key := ws[k].folded
			if marks[k] == isGenitive {
				key = strings.TrimSuffix(key, "s")
			}
			sp.keys = append(sp.keys, key)
			switch {
			case kinds[k] == entUnit:
				sp.kind = entUnit
			case kinds[k] == entName && sp.kind != entUnit:
				sp.kind = entName
			}
		}
		spans = append(spans, sp)
		i = j
	}
	return spans
}

// namer hands out the placeholder numbers of one text, per kind, in order
// of first appearance. A lone word of a full name used in the text counts
// as that full name, so "Anna … Anna Lindqvist … Lindqvist" is [NAMN-1]
// three times.
type namer struct {
	alias   map[string]string // word → the first full name holding it
	numbers map[string]int
	last    map[entity]int
}

func newNamer(spans []nameSpan) *namer {
	nm := &namer{alias: make(map[string]string), numbers: make(map[string]int), last: make(map[entity]int)}
	for _, sp := range spans {
		if len(sp.keys) < 2 {
			continue
		}
		full := strings.Join(sp.keys, " ")
		for _, k := range sp.keys {
			if _, ok := nm.alias[k]; !ok {
				nm.alias[k] = full
			}
		}
	}
	return nm
}

func (nm *namer) number(kind entity, keys []string) int {
	id := strings.Join(keys, " ")
	if full, ok := nm.alias[id]; ok && len(keys) == 1 {
		id = full
	}
	id = kind.prefix() + id
	num, ok := nm.numbers[id]
	if !ok {
		nm.last[kind]++
		num = nm.last[kind]
		nm.numbers[id] = num
	}
	return num
}

// markDirectoryNames marks runs of directory name words. A run of two or
// more words is a name when one is capitalised or when it reads first
// name + later name ("anna lindqvist"); a single word only when it is
// capitalised and not also a kommun name.
func markDirectoryNames(s string, ws []word, x *NameIndex, marks []int) {
	match := func(w word) int {
		switch {
		case w.placeholder:
			return notName
		case x.has(w.folded):
			return isName
		case w.capital && len(w.folded) > 2 && strings.HasSuffix(w.folded, "s") && x.has(strings.TrimSuffix(w.folded, "s")):
			return isGenitive
		}
		return notName
	}
	inFullName := make(map[string]bool)
	for i := 0; i < len(ws); i++ {
		m := match(ws[i])
		if m == notName {
			continue
		}
		run := []int{m}
		for i+len(run) < len(ws) && onlySpaceBetween(s, ws[i+len(run)-1].end, ws[i+len(run)].start) {
			next := match(ws[i+len(run)])
			if next == notName {
				break
			}
			run = append(run, next)
		}
		if !directoryRunIsName(ws[i:i+len(run)], x) {
			continue
		}
		copy(marks[i:], run)
		if len(run) > 1 {
			for _, w := range ws[i : i+len(run)] {
				inFullName[w.folded] = true
			}
		}
		i += len(run) - 1
	}
	// A word kept alone above ("Per", "Lund") is a name once the text has
	// used it in a full name ("Per Holm … Per").
	for i, w := range ws {
		if marks[i] == notName && w.capital && !w.placeholder && inFullName[w.folded] {
			marks[i] = isName
		}
	}
}

func directoryRunIsName(run []word, x *NameIndex) bool {
	if len(run) == 1 {
		return run[0].capital && !x.notAlone(run[0].folded)
	}
	for _, w := range run {
		if w.capital {
			return true
		}
	}
	return x.isFirst(run[0].folded) && x.isRest(run[1].folded)
}
