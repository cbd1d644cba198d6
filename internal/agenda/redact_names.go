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

	var b strings.Builder
	nm := namer{numbers: make(map[string]int)}
	last := 0
	for i := 0; i < len(ws); i++ {
		if marks[i] == notName {
			continue
		}
		j := i
		for j+1 < len(ws) && marks[j+1] != notName && onlySpaceBetween(s, ws[j].end, ws[j+1].start) {
			j++
		}
		keys := make([]string, 0, j-i+1)
		for k := i; k <= j; k++ {
			key := ws[k].folded
			if marks[k] == isGenitive {
				key = strings.TrimSuffix(key, "s")
			}
			keys = append(keys, key)
		}
		num := nm.number(keys)
		b.WriteString(s[last:ws[i].start])
		b.WriteString(placeholderNamePrefix + strconv.Itoa(num) + "]")
		if marks[j] == isGenitive {
			b.WriteString("s")
		}
		last = ws[j].end
		*n++
		i = j
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// namer hands out the placeholder numbers of one text.
type namer struct {
	numbers map[string]int
	last    int
}

// number returns the number of the name made of keys: the one already
// given to that name, or a new one. The words of a full name get its
// number too, so "Anna Lindqvist … Anna" is [NAMN-1] … [NAMN-1].
func (nm *namer) number(keys []string) int {
	full := strings.Join(keys, " ")
	num, ok := nm.numbers[full]
	if !ok {
		nm.last++
		num = nm.last
		nm.numbers[full] = num
	}
	if len(keys) > 1 {
		for _, k := range keys {
			if _, taken := nm.numbers[k]; !taken {
				nm.numbers[k] = num
			}
		}
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
		i += len(run) - 1
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
