package agenda

import (
	"strconv"
	"strings"
)

// Marks for a word that is (part of) a name.
const (
	notName = iota
	isName
	isGenitive // the name plus a genitive s: "Kalles"
)

// redactNames replaces the names of directory people (x may be nil) and
// the individual's introduced name with [NAMN-n], the same n for the same
// name within s. Adjacent name words become one placeholder.
func redactNames(s string, x *NameIndex, n *int) string {
	ws := words(s)
	if len(ws) == 0 {
		return s
	}
	marks := make([]int, len(ws))
	if x != nil {
		markDirectoryNames(s, ws, x, marks)
	}
	markIndividualNames(ws, individualNames(s), marks)

	spans := nameSpans(s, ws, marks)
	nm := newNamer(spans)
	var b strings.Builder
	last := 0
	for _, sp := range spans {
		b.WriteString(s[last:sp.start])
		b.WriteString(placeholderNamePrefix + strconv.Itoa(nm.number(sp.keys)) + "]")
		if sp.genitive {
			b.WriteString("s")
		}
		last = sp.end
		*n++
	}
	if len(spans) == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// nameSpan is one name to replace: byte offsets, the folded words without
// a genitive s, and whether the name ends in a genitive s.
type nameSpan struct {
	start, end int
	keys       []string
	genitive   bool
}

// nameSpans joins adjacent marked words into spans.
func nameSpans(s string, ws []word, marks []int) []nameSpan {
	var spans []nameSpan
	for i := 0; i < len(ws); i++ {
		if marks[i] == notName {
			continue
		}
		j := i
		for j+1 < len(ws) && marks[j+1] != notName && onlySpaceBetween(s, ws[j].end, ws[j+1].start) {
			j++
		}
		sp := nameSpan{start: ws[i].start, end: ws[j].end, genitive: marks[j] == isGenitive}
		for k := i; k <= j; k++ {
			key := ws[k].folded
			if marks[k] == isGenitive {
				key = strings.TrimSuffix(key, "s")
			}
			sp.keys = append(sp.keys, key)
		}
		spans = append(spans, sp)
		i = j
	}
	return spans
}

// namer hands out the placeholder numbers of one text, in order of first
// appearance. A lone word of a full name used in the text counts as that
// full name, so "Anna … Anna Lindqvist … Lindqvist" is [NAMN-1] three
// times.
type namer struct {
	alias   map[string]string // word → the first full name holding it
	numbers map[string]int
	last    int
}

func newNamer(spans []nameSpan) *namer {
	nm := &namer{alias: make(map[string]string), numbers: make(map[string]int)}
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

func (nm *namer) number(keys []string) int {
	id := strings.Join(keys, " ")
	if full, ok := nm.alias[id]; ok && len(keys) == 1 {
		id = full
	}
	num, ok := nm.numbers[id]
	if !ok {
		nm.last++
		num = nm.last
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

// markIndividualNames marks every capitalised occurrence of the
// individual's introduced name words, also in the genitive.
func markIndividualNames(ws []word, names map[string]bool, marks []int) {
	if len(names) == 0 {
		return
	}
	for i, w := range ws {
		if w.placeholder || !w.capital || marks[i] != notName {
			continue
		}
		switch {
		case names[w.text]:
			marks[i] = isName
		case strings.HasSuffix(w.text, "s") && names[strings.TrimSuffix(w.text, "s")]:
			marks[i] = isGenitive
		}
	}
}
