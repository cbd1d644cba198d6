package agenda

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/samla-sip/samla/directory"
)

// ContactLister is the part of *directory.Directory the name index needs.
type ContactLister interface {
	Contacts(fn func(*directory.Contact) bool)
}

// NameIndex matches the names of the people in a directory snapshot. It
// keeps only the distinct name words (not one entry per person), so a
// directory of a million contacts costs a few hundred thousand map keys.
// Safe for concurrent use once built.
type NameIndex struct {
	first map[string]struct{} // folded first words of person names
	rest  map[string]struct{} // folded later words (middle and last names)
	alone map[string]struct{} // folded words never matched on their own (kommun names)
	units map[string]struct{} // folded distinctive words of unit, organisation and mailbox names
}

// UnitLister is the part of *directory.Directory that lists units and
// organisations; NewNameIndex uses it when the source has it.
type UnitLister interface {
	Units() []*directory.Unit
	Organisations() []*directory.Organisation
}

// NewNameIndex indexes the names of the person contacts of src. A word
// that is also a kommun name ("Lund", "Mora") or an everyday word ("Inga",
// "Hans") is only matched next to another name word, so "BUP Lund" stays
// readable while "Eva Lund" does not.
func NewNameIndex(src ContactLister) *NameIndex {
	x := &NameIndex{
		first: make(map[string]struct{}),
		rest:  make(map[string]struct{}),
		alone: make(map[string]struct{}),
		units: make(map[string]struct{}),
	}
	var buf []byte // folded word; map lookups with string(buf) do not allocate
	src.Contacts(func(c *directory.Contact) bool {
		if c.Kind != "" && c.Kind != "person" {
			x.addUnit(c.Name)
			return true
		}
		set := x.first
		for w := range strings.FieldsSeq(c.Name) {
			buf = appendFold(buf[:0], strings.Trim(w, ",.()"))
			if utf8.RuneCount(buf) >= 2 {
				if _, ok := set[string(buf)]; !ok {
					set[string(buf)] = struct{}{}
				}
			}
			set = x.rest
		}
		return true
	})
	for _, k := range directory.Kommuner() {
		for _, w := range strings.Fields(k.Name) {
			x.alone[fold(w)] = struct{}{}
		}
	}
	for _, w := range commonWordNames {
		x.alone[w] = struct{}{}
	}
	if ul, ok := src.(UnitLister); ok {
		for _, u := range ul.Units() {
			x.addUnit(u.Name)
		}
		for _, o := range ul.Organisations() {
			x.addUnit(o.Name)
		}
	}
	return x
}

// addUnit indexes the distinctive words of a unit's name: capitalised
// words that are not care-level or organisation words and not kommun
// names, and not an ordinary word opening the name ("Barn och familj").
// "Polhemskolan Lund" gives "polhemskolan" (and "polhemskolans");
// "Förskolan Lunden" gives "lunden".
func (x *NameIndex) addUnit(name string) {
	wl := swedish()
	for i, w := range words(name) {
		if !w.capital || keepWords[w.folded] || kommunWords()[w.folded] || len(w.folded) < 3 || acronym(w.text) {
			continue
		}
		if i == 0 && wl.ordinary(w.folded) {
			continue
		}
		x.units[w.folded] = struct{}{}
		if !strings.HasSuffix(w.folded, "s") {
			x.units[w.folded+"s"] = struct{}{}
		}
	}
}

func (x *NameIndex) isUnit(w string) bool { _, ok := x.units[w]; return ok }

// commonWordNames are names that are also everyday Swedish words, often
// capitalised at the start of a sentence ("Inga insatser", "Hans mamma",
// "Per vecka"). Like kommun names they only count next to another name.
var commonWordNames = []string{
	"alla", "inga", "hans", "per", "bo", "bror", "dag", "liv", "stig", "sten",
	"sol", "tor", "mod", "vid", "ros", "man", "hen", "bland", "ek", "berg",
}

// has reports whether the folded word w is a name word.
func (x *NameIndex) has(w string) bool {
	_, a := x.first[w]
	_, b := x.rest[w]
	return a || b
}

func (x *NameIndex) isFirst(w string) bool { _, ok := x.first[w]; return ok }
func (x *NameIndex) isRest(w string) bool  { _, ok := x.rest[w]; return ok }

func (x *NameIndex) notAlone(w string) bool { _, ok := x.alone[w]; return ok }

func fold(s string) string { return strings.ToLower(s) }

// appendFold appends s in lower case to b, rune by rune like fold.
func appendFold(b []byte, s string) []byte {
	for _, r := range s {
		b = utf8.AppendRune(b, unicode.ToLower(r))
	}
	return b
}

// nameCache keeps the index of the directory snapshot in service and
// rebuilds it, once, when the snapshot changes.
type nameCache struct {
	mu  sync.Mutex
	src ContactLister
	idx *NameIndex
}

// get returns the index for src (nil for a nil src). src must be a
// comparable value such as *directory.Directory.
func (c *nameCache) get(src ContactLister) *NameIndex {
	if src == nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.idx == nil || c.src != src {
		c.idx = NewNameIndex(src)
		c.src = src
	}
	return c.idx
}

// word is one word of a text: byte offsets, the folded form, whether it is
// capitalised, and whether it directly follows "[" (a placeholder).
type word struct {
	start, end   int
	text, folded string
	capital      bool
	placeholder  bool
}

// words splits s into words: letters, with inner hyphens and apostrophes
// ("Anna-Karin", "O'Neil").
func words(s string) []word {
	var ws []word
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsLetter(r) {
			i += n
			continue
		}
		start := i
		for i < len(s) {
			r, n := utf8.DecodeRuneInString(s[i:])
			if unicode.IsLetter(r) {
				i += n
				continue
			}
			if (r == '-' || r == '\'') && i+n < len(s) {
				next, _ := utf8.DecodeRuneInString(s[i+n:])
				if unicode.IsLetter(next) {
					i += n
					continue
				}
			}
			break
		}
		t := s[start:i]
		first, _ := utf8.DecodeRuneInString(t)
		ws = append(ws, word{
			start: start, end: i, text: t, folded: fold(t),
			capital:     unicode.IsUpper(first),
			placeholder: start > 0 && s[start-1] == '[',
		})
	}
	return ws
}

// onlySpaceBetween reports whether s[a:b] is non-empty horizontal space,
// so two words form one name.
func onlySpaceBetween(s string, a, b int) bool {
	if b <= a {
		return false
	}
	return strings.Trim(s[a:b], " \t") == ""
}
