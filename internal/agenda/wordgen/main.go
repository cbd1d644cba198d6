// Command wordgen builds internal/agenda/words_sv.txt.gz, the Swedish word
// list the redactor uses to tell ordinary words from names, from a
// Hunspell dictionary (.aff and .dic). It expands every entry with its
// prefix and suffix rules and writes one sorted line per word form (in
// lower case), front-coded: a character '0'+n saying how many leading
// bytes it shares with the previous line's word, a hex digit of classes
// (1 ordinary word, 2 proper noun, 4 may begin a compound, 8 may end one)
// and the rest of the word.
//
//	cd internal/agenda
//	npm pack dictionary-sv@4.0.0 && tar xzf dictionary-sv-4.0.0.tgz
//	go run ./wordgen -aff package/index.aff -dic package/index.dic -out words_sv.txt.gz
//
// (go generate ./internal/agenda does the same.) The output is
// reproducible byte for byte.
//
// docs/agenda.md names the source and its licence (LGPL-3.0).
package main

import (
	"bufio"
	"compress/gzip"
	"errors"
	"flag"
	"fmt"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The classes of a word form, as in internal/agenda/wordlist.go.
const (
	classOrdinary = 1 << iota
	classProper
	classBegin
	classEnd
)

// The Hunspell flags of dictionary-sv that matter here.
const (
	flagBegin       = 'X' // COMPOUNDBEGIN
	flagMiddle      = 'U' // COMPOUNDMIDDLE
	flagEnd         = 'Y' // COMPOUNDEND
	flagOnlyInCompd = 'Z' // ONLYINCOMPOUND
	flagNeedAffix   = '¤' // NEEDAFFIX
	flagForbidden   = '%' // FORBIDDENWORD
)

// maxShared caps the shared-prefix count so it stays one printable byte.
const maxShared = 60

type rule struct {
	strip, add string
	cont       string // continuation flags of the affixed form
	cond       *regexp.Regexp
}

type affix struct {
	prefix, cross bool
	rules         []rule
}

func main() {
	aff := flag.String("aff", "", "Hunspell `FILE`.aff")
	dic := flag.String("dic", "", "Hunspell `FILE`.dic")
	out := flag.String("out", "words_sv.txt.gz", "output `FILE`")
	flag.Parse()
	if err := run(*aff, *dic, *out); err != nil {
		fmt.Fprintln(os.Stderr, "wordgen:", err)
		os.Exit(1)
	}
}

func run(affPath, dicPath, outPath string) error {
	if affPath == "" || dicPath == "" {
		return errors.New("need -aff and -dic")
	}
	affixes, err := readAff(affPath)
	if err != nil {
		return err
	}
	classes, err := expandDic(dicPath, affixes)
	if err != nil {
		return err
	}
	return write(outPath, classes)
}

func readAff(path string) (map[rune]*affix, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	affixes := make(map[rune]*affix)
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fs := strings.Fields(sc.Text())
		if len(fs) < 4 || (fs[0] != "SFX" && fs[0] != "PFX") {
			continue
		}
		fl, _ := utf8.DecodeRuneInString(fs[1])
		a := affixes[fl]
		if a == nil { // header: SFX A Y 1
			affixes[fl] = &affix{prefix: fs[0] == "PFX", cross: fs[2] == "Y"}
			continue
		}
		if len(fs) < 5 {
			continue
		}
		r := rule{strip: fs[2], add: fs[3]}
		if r.strip == "0" {
			r.strip = ""
		}
		if i := strings.IndexByte(r.add, '/'); i >= 0 {
			r.add, r.cont = r.add[:i], r.add[i+1:]
		}
		if r.add == "0" {
			r.add = ""
		}
		cond := fs[4]
		if a.prefix {
			cond = "^" + cond
		} else {
			cond += "$"
		}
		if fs[4] == "." {
			cond = ""
		}
		if cond != "" {
			if r.cond, err = regexp.Compile(cond); err != nil {
				return nil, fmt.Errorf("%s: condition %q: %w", path, fs[4], err)
			}
		}
		a.rules = append(a.rules, r)
	}
	return affixes, sc.Err()
}

// expandDic returns every word form (folded) with its classes.
func expandDic(path string, affixes map[rune]*affix) (map[string]int, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	classes := make(map[string]int)
	sc := bufio.NewScanner(f)
	first := true
	for sc.Scan() {
		line := sc.Text()
		if first { // the entry count
			first = false
			if _, err := strconv.Atoi(strings.TrimSpace(line)); err == nil {
				continue
			}
		}
		word, flags, _ := strings.Cut(strings.Fields(line + " ")[0], "/")
		if word == "" || !isWord(word) || strings.ContainsRune(flags, flagForbidden) {
			continue
		}
		r, _ := utf8.DecodeRuneInString(word)
		base := classOrdinary
		if unicode.IsUpper(r) {
			base = classProper
		}
		add := func(form, fl string) {
			c := 0
			if !strings.ContainsRune(fl, flagOnlyInCompd) && !strings.ContainsRune(fl, flagNeedAffix) {
				c |= base
			}
			if strings.ContainsRune(fl, flagBegin) || strings.ContainsRune(fl, flagMiddle) {
				c |= classBegin
			}
			if strings.ContainsRune(fl, flagEnd) {
				c |= classEnd
			}
			if c != 0 && isWord(form) {
				classes[strings.ToLower(form)] |= c
			}
		}
		add(word, flags)
		for _, sf := range expand(word, flags, affixes) {
			add(sf.form, sf.flags)
		}
	}
	return classes, sc.Err()
}

type form struct{ form, flags string }

// expand applies the suffixes, then the prefixes (cross products), of
// flags to word. An affixed form keeps the entry's compound flags (minus
// NEEDAFFIX and ONLYINCOMPOUND) and gains the rule's continuation flags.
func expand(word, flags string, affixes map[rune]*affix) []form {
	keep := strings.Map(func(r rune) rune {
		if r == flagBegin || r == flagMiddle || r == flagEnd {
			return r
		}
		return -1
	}, flags)
	var out []form
	for _, fl := range flags {
		a := affixes[fl]
		if a == nil || a.prefix {
			continue
		}
		for _, r := range a.rules {
			if w, ok := applySuffix(word, r); ok {
				cf := keep + r.cont
				if strings.ContainsRune(r.cont, flagOnlyInCompd) {
					cf = r.cont // a compound-only stem such as "skol"
				}
				out = append(out, form{w, cf})
				if a.cross {
					out = append(out, prefixed(w, flags, cf, affixes, true)...)
				}
			}
		}
	}
	return append(out, prefixed(word, flags, keep, affixes, false)...)
}

func prefixed(word, flags, cf string, affixes map[rune]*affix, crossOnly bool) []form {
	var out []form
	for _, fl := range flags {
		a := affixes[fl]
		if a == nil || !a.prefix || (crossOnly && !a.cross) {
			continue
		}
		for _, r := range a.rules {
			if r.cond != nil && !r.cond.MatchString(word) || !strings.HasPrefix(word, r.strip) {
				continue
			}
			out = append(out, form{r.add + word[len(r.strip):], cf + r.cont})
		}
	}
	return out
}

func applySuffix(word string, r rule) (string, bool) {
	if r.cond != nil && !r.cond.MatchString(word) || !strings.HasSuffix(word, r.strip) {
		return "", false
	}
	return word[:len(word)-len(r.strip)] + r.add, true
}

// isWord keeps forms of letters with inner hyphens or apostrophes, like
// the redactor's tokenizer.
func isWord(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		if unicode.IsLetter(r) {
			continue
		}
		if (r == '-' || r == '\'') && i > 0 && i < len(s)-1 {
			continue
		}
		return false
	}
	return true
}

func write(path string, classes map[string]int) error {
	keys := make([]string, 0, len(classes))
	for k := range classes {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	zw, err := gzip.NewWriterLevel(f, gzip.BestCompression)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(zw)
	prev := ""
	for _, k := range keys {
		n := 0
		for n < len(prev) && n < len(k) && n < maxShared && prev[n] == k[n] {
			n++
		}
		fmt.Fprintf(w, "%c%x%s\n", '0'+n, classes[k], k[n:])
		prev = k
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "wordgen: %d word forms\n", len(keys))
	return nil
}
