package agenda

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"io"
	"sort"
	"strconv"
	"sync"
)

// wordsSV is the Swedish word list, generated from the Hunspell dictionary
// dictionary-sv (LGPL-3.0, © Göran Andersson) by ./wordgen; see
// docs/agenda.md. Every inflected form, in lower case, front-coded.
//
//go:generate sh -c "npm pack dictionary-sv@4.0.0 && tar xzf dictionary-sv-4.0.0.tgz && go run ./wordgen -aff package/index.aff -dic package/index.dic -out words_sv.txt.gz && rm -r package dictionary-sv-4.0.0.tgz"
//go:embed words_sv.txt.gz
var wordsSV []byte

// The classes of a word form in wordsSV.
const (
	classOrdinary = 1 << iota // an ordinary Swedish word ("skolan", "lisa")
	classProper               // a form of a proper noun ("Lisa", "Lunds", "Polhemskolan")
	classBegin                // may begin a compound ("skol", "frånvaro")
	classEnd                  // may end a compound ("skolan", "frånvaron")
)

// wordList is a sorted set of word forms with their classes, searched by
// binary search: about 830,000 forms in 14 MB, built once on first use.
type wordList struct {
	text    string   // every form, concatenated in order
	offs    []uint32 // start of form i in text; offs[len] = len(text)
	classes []uint8
}

// swedish returns the embedded word list, decoding it on first use. The
// list is read-only once built. Should it not decode (a test checks that
// it does), the list is empty: no word is ordinary, so every capitalised
// word is redacted — too much, never too little.
var swedish = sync.OnceValue(func() *wordList {
	wl, err := decodeWordList(wordsSV)
	if err != nil {
		return &wordList{offs: []uint32{0}}
	}
	return wl
})

func decodeWordList(gz []byte) (*wordList, error) {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, err
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		return nil, err
	}
	n := bytes.Count(raw, []byte{'\n'})
	wl := &wordList{offs: make([]uint32, 0, n+1), classes: make([]uint8, 0, n)}
	var text bytes.Buffer
	text.Grow(len(raw) * 3)
	sc := bufio.NewScanner(bytes.NewReader(raw))
	var prev []byte
	for sc.Scan() {
		line := sc.Bytes()
		if len(line) < 3 {
			return nil, fmt.Errorf("line %d too short", len(wl.classes)+1)
		}
		shared := int(line[0] - '0')
		class, err := strconv.ParseUint(string(line[1:2]), 16, 8)
		if err != nil || shared < 0 || shared > len(prev) {
			return nil, fmt.Errorf("line %d malformed", len(wl.classes)+1)
		}
		prev = append(prev[:shared], line[2:]...)
		wl.offs = append(wl.offs, uint32(text.Len()))
		text.Write(prev)
		wl.classes = append(wl.classes, uint8(class))
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	wl.offs = append(wl.offs, uint32(text.Len()))
	wl.text = text.String()
	return wl, nil
}

// class returns the classes of the folded form w, 0 when unknown.
func (wl *wordList) class(w string) uint8 {
	n := len(wl.classes)
	i := sort.Search(n, func(i int) bool { return wl.text[wl.offs[i]:wl.offs[i+1]] >= w })
	if i < n && wl.text[wl.offs[i]:wl.offs[i+1]] == w {
		return wl.classes[i]
	}
	return 0
}

// ordinary reports whether the folded w is an ordinary Swedish word or a
// compound of them ("skolfrånvaron", "kontaktpersonen"). Compounds whose
// last part is a common surname ending ("Lindberg", "Holmström") are not
// taken as ordinary: they are far more often names.
func (wl *wordList) ordinary(w string) bool {
	if wl.class(w)&classOrdinary != 0 {
		return true
	}
	return wl.compound(w, 0)
}

// compound reports whether w splits into parts that may begin and end a
// compound, each at least three bytes long, with an optional linking s.
func (wl *wordList) compound(w string, depth int) bool {
	if depth > 3 || len(w) < 6 {
		return false
	}
	for i := 3; i <= len(w)-3; i++ {
		head, tail := w[:i], w[i:]
		if wl.class(head)&classBegin == 0 {
			continue
		}
		for _, t := range []string{tail, trimLink(tail)} {
			if t == "" || len(t) < 3 {
				continue
			}
			if wl.class(t)&classEnd != 0 && !surnameEnding(t) {
				return true
			}
			if wl.compound(t, depth+1) {
				return true
			}
		}
	}
	return false
}

func trimLink(s string) string {
	if len(s) > 1 && s[0] == 's' {
		return s[1:]
	}
	return ""
}

// surnameEndings are compound tails that make a Swedish surname far more
// often than an ordinary word: Lindberg, Bergström, Holmgren, Lundqvist.
var surnameEndings = map[string]bool{
	"berg": true, "ström": true, "gren": true, "holm": true, "qvist": true, "kvist": true,
	"quist": true, "son": true, "sson": true, "lund": true, "dahl": true, "dal": true,
	"blad": true, "borg": true, "stam": true, "ling": true, "mark": true, "fors": true,
	"stedt": true, "sten": true, "vall": true, "hag": true, "hammar": true, "lid": true,
	"näs": true, "bäck": true, "strand": true, "hed": true, "löf": true, "man": true,
	"gård": true, "ek": true, "by": true, "torp": true, "ås": true, "lin": true,
	"rot": true, "ros": true, "fält": true, "sjö": true, "vik": true, "mo": true,
}

func surnameEnding(s string) bool { return surnameEndings[s] }
