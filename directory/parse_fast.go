package directory

import (
	"strings"
	"unicode/utf8"
)

// parseFast parses the block-style YAML subset the directory format is
// written in (mappings, lists, "- key: value" items, flow lists and maps
// of scalars, a flow map's flow lists of plain scalars, plain and simply
// quoted scalars, comments, LF or CRLF line ends, a leading byte-order
// mark and "---") some fifteen times faster than yaml.v3
// (BenchmarkParse), keeping line numbers. It is a strict subset of
// yaml.v3: on anything else — anchors and merge keys, block scalars,
// escapes, multi-line values, tabs, a lone CR, the Unicode line breaks
// U+0085, U+2028 and U+2029, duplicate or null keys, odd indentation, a
// second document, syntax errors — it gives up (false) and the caller
// uses yaml.v3. FuzzParsers checks that on every input it accepts, both
// give the same tree.
//
// The tree's node slab is reused when t is given (nil: a new tree).
func parseFast(src string, t *tree) (*tree, bool) {
	src = strings.TrimPrefix(src, byteOrderMark)
	if !printable(src) {
		return nil, false
	}
	if t == nil {
		t = &tree{}
	}
	if need := 3*strings.Count(src, "\n") + 8; cap(t.nodes) < need {
		t.nodes = make([]node, 0, need)
	}
	t.nodes = t.nodes[:0]
	p := &fastParser{src: src, t: t}
	l, ok := p.peek()
	if p.failed {
		return nil, false
	}
	if !ok {
		p.t.add(nullNode, 1, "")
		return p.t, true
	}
	p.block(l.indent)
	if _, more := p.peek(); more || p.failed {
		return nil, false
	}
	return p.t, true
}

type fastLine struct {
	indent int
	text   string // without indentation, comment and trailing blanks
	no     int
}

type fastParser struct {
	src    string
	pos    int
	lineNo int
	cur    fastLine
	have   bool
	failed bool
	t      *tree
	items  []string // reused by flowItems
	begun  bool     // a significant line or "---" was read
	depth  int      // collections open
}

// maxFastDepth bounds nesting, far below yaml.v3's limit and the depth
// at which parseYAML stops converting; directory files need six levels.
const maxFastDepth = 32

// enter opens a collection; false (and the parse failed) when too deep.
func (p *fastParser) enter() bool {
	if p.depth++; p.depth > maxFastDepth {
		p.fail()
		return false
	}
	return true
}

func (p *fastParser) leave() { p.depth-- }

const byteOrderMark = "\ufeff"

func (p *fastParser) fail() { p.failed = true }

// peek returns the next significant line without consuming it.
func (p *fastParser) peek() (fastLine, bool) {
	if p.failed {
		return fastLine{}, false
	}
	if p.have {
		return p.cur, true
	}
	for p.pos < len(p.src) {
		end := strings.IndexByte(p.src[p.pos:], '\n')
		var raw string
		if end < 0 {
			raw, p.pos = p.src[p.pos:], len(p.src)
		} else {
			raw, p.pos = p.src[p.pos:p.pos+end], p.pos+end+1
		}
		raw = strings.TrimSuffix(raw, "\r") // printable allows CR only before LF
		p.lineNo++
		indent := 0
		for indent < len(raw) && raw[indent] == ' ' {
			indent++
		}
		text := raw[indent:]
		if text == "" || text[0] == '#' {
			continue
		}
		if strings.IndexByte(text, '#') >= 0 {
			var ok bool
			if text, ok = stripComment(text); !ok {
				p.fail()
				return fastLine{}, false
			}
		}
		text = strings.TrimRight(text, " ")
		if text == "---" && indent == 0 && !p.begun {
			p.begun = true // the explicit start of the one document
			continue
		}
		if text == "---" || text == "..." || text[0] == '%' {
			p.fail()
			return fastLine{}, false
		}
		p.begun = true
		p.cur, p.have = fastLine{indent: indent, text: text, no: p.lineNo}, true
		return p.cur, true
	}
	return fastLine{}, false
}

func (p *fastParser) consume() { p.have = false }

func isSeqItem(s string) bool { return s == "-" || strings.HasPrefix(s, "- ") }

func (p *fastParser) block(indent int) int32 {
	l, _ := p.peek()
	if isSeqItem(l.text) {
		return p.seq(indent)
	}
	return p.mapping(indent)
}

func (p *fastParser) mapping(indent int) int32 {
	defer p.leave()
	if !p.enter() {
		return -1
	}
	first, _ := p.peek()
	n := p.t.add(mapNode, first.no, "")
	a := p.t.appendTo(n)
	var keys [24]string
	nkeys := 0
	for {
		l, ok := p.peek()
		if !ok || l.indent < indent {
			break
		}
		key, rest, isKey := splitKey(l.text)
		if l.indent > indent || !isKey || isNull(key) {
			p.fail()
			break
		}
		for _, k := range keys[:nkeys] {
			if k == key {
				p.fail()
				return n
			}
		}
		if nkeys == len(keys) {
			p.fail()
			return n
		}
		keys[nkeys] = key
		nkeys++
		p.consume()
		a.add(p.t.add(scalarNode, l.no, key))
		if rest != "" {
			a.add(p.inline(rest, l.no))
			continue
		}
		switch nl, ok := p.peek(); {
		case ok && nl.indent > indent:
			a.add(p.block(nl.indent))
		case ok && nl.indent == indent && isSeqItem(nl.text):
			a.add(p.seq(indent))
		default:
			a.add(p.t.add(nullNode, l.no, ""))
		}
		if p.failed {
			break
		}
	}
	return n
}

func (p *fastParser) seq(indent int) int32 {
	defer p.leave()
	if !p.enter() {
		return -1
	}
	first, _ := p.peek()
	n := p.t.add(seqNode, first.no, "")
	a := p.t.appendTo(n)
	for {
		l, ok := p.peek()
		if !ok || l.indent < indent || (l.indent == indent && !isSeqItem(l.text)) {
			break
		}
		if l.indent > indent {
			p.fail()
			break
		}
		p.consume()
		rest := strings.TrimLeft(l.text[1:], " ")
		col := indent + len(l.text) - len(rest)
		switch {
		case rest == "":
			if nl, ok := p.peek(); ok && nl.indent > indent {
				a.add(p.block(nl.indent))
			} else {
				a.add(p.t.add(nullNode, l.no, ""))
			}
		case isSeqItem(rest):
			p.fail()
		case looksLikeKey(rest):
			p.cur, p.have = fastLine{indent: col, text: rest, no: l.no}, true
			a.add(p.mapping(col))
		default:
			a.add(p.inline(rest, l.no))
		}
		if p.failed {
			break
		}
	}
	return n
}

// splitKey splits "key: rest" or "key:"; keys are plain words of at
// most maxKey bytes (yaml.v3 refuses implicit keys over 1024 characters).
func splitKey(s string) (key, rest string, ok bool) {
	i := 0
	for i < len(s) && isKeyChar(s[i]) {
		i++
	}
	if i == 0 || i > maxKey || i == len(s) || s[i] != ':' || (i+1 < len(s) && s[i+1] != ' ') {
		return "", "", false
	}
	return s[:i], strings.TrimLeft(s[i+1:], " "), true
}

const maxKey = 128

func looksLikeKey(s string) bool { _, _, ok := splitKey(s); return ok }

func isKeyChar(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == '-'
}

// inline parses a value written on the key's line.
func (p *fastParser) inline(s string, line int) int32 {
	switch s[0] {
	case '[':
		items, ok := p.flowItems(s, '[', ']')
		n := p.t.add(seqNode, line, "")
		if !ok {
			return n
		}
		a := p.t.appendTo(n)
		for _, it := range items {
			a.add(p.scalar(it, line, true))
		}
		return n
	case '{':
		items, ok := p.flowItems(s, '{', '}')
		n := p.t.add(mapNode, line, "")
		if !ok {
			return n
		}
		a := p.t.appendTo(n)
		// items lives in p.items' array; a nested list gets its own.
		slab := p.items
		p.items = nil
		defer func() { p.items = slab }()
		var keys [8]string
		for i, it := range items {
			key, rest, isKey := splitKey(it)
			// "{k:}" is the key "k:" to yaml.v3; leave "k:" items to it.
			if !isKey || rest == "" || isNull(key) || i == len(keys) {
				p.fail()
				return n
			}
			for _, k := range keys[:i] {
				if k == key {
					p.fail()
					return n
				}
			}
			keys[i] = key
			a.add(p.t.add(scalarNode, line, key))
			if rest[0] == '[' {
				a.add(p.inline(rest, line)) // a list of plain scalars: {slack: [T1, T2]}
				continue
			}
			a.add(p.scalar(rest, line, true))
		}
		return n
	}
	return p.scalar(s, line, false)
}

// flowItems splits "[a, b]" or "{k: v, …}" into trimmed items; quotes
// may hold commas.
func (p *fastParser) flowItems(s string, open, close byte) ([]string, bool) {
	if len(s) < 2 || s[len(s)-1] != close {
		p.fail()
		return nil, false
	}
	inner := strings.TrimSpace(s[1 : len(s)-1])
	if inner == "" {
		return nil, true
	}
	items := p.items[:0]
	defer func() { p.items = items[:0] }()
	start, quote := 0, byte(0)
	nested := false // inside a [list] that is a value of a {map}
	for i := 0; i < len(inner); i++ {
		c := inner[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case nested:
			// Plain scalars only; anything else is left to yaml.v3.
			switch c {
			case ']':
				nested = false
			case '[', '{', '}', '"', '\'':
				p.fail()
				return nil, false
			}
		case open == '{' && c == '[' && i >= 2 && inner[i-2] == ':' && inner[i-1] == ' ':
			nested = true
		case (c == '"' || c == '\'') && (i == 0 || strings.IndexByte(" ,", inner[i-1]) >= 0):
			quote = c
		case c == ',':
			items = append(items, strings.TrimSpace(inner[start:i]))
			start = i + 1
		case c == open || c == close || c == '[' || c == ']' || c == '{' || c == '}':
			p.fail()
			return nil, false
		}
	}
	if quote != 0 || nested {
		p.fail()
		return nil, false
	}
	items = append(items, strings.TrimSpace(inner[start:]))
	for _, it := range items {
		if it == "" {
			p.fail()
			return nil, false
		}
	}
	return items, true
}

// scalar parses a plain, "double" or 'single' quoted scalar.
func (p *fastParser) scalar(s string, line int, flow bool) int32 {
	switch s[0] {
	case '"':
		inner := s[1:max(1, len(s)-1)]
		if len(s) < 2 || s[len(s)-1] != '"' || strings.ContainsAny(inner, "\"\\") {
			p.fail()
			return -1
		}
		return p.t.add(scalarNode, line, inner)
	case '\'':
		inner := s[1:max(1, len(s)-1)]
		if len(s) < 2 || s[len(s)-1] != '\'' {
			p.fail()
			return -1
		}
		if strings.Contains(inner, "'") {
			un := strings.ReplaceAll(inner, "''", "'")
			if strings.Count(inner, "'") != 2*strings.Count(un, "'") {
				p.fail()
				return -1
			}
			inner = un
		}
		return p.t.add(scalarNode, line, inner)
	}
	if strings.IndexByte("&*!|>%@`?#,[]{}\"'-:", s[0]) >= 0 && !plainDash(s) ||
		strings.Contains(s, ": ") || strings.HasSuffix(s, ":") ||
		(flow && strings.ContainsAny(s, ":,?[]{}#")) {
		p.fail()
		return -1
	}
	if isNull(s) {
		return p.t.add(nullNode, line, "")
	}
	return p.t.add(scalarNode, line, s)
}

// isNull reports whether a plain scalar is YAML's null. As a key it is not
// a field name, so the fast parser leaves such a file to yaml.v3.
func isNull(s string) bool {
	switch s {
	case "~", "null", "Null", "NULL":
		return true
	}
	return false
}

// plainDash allows a plain scalar starting with "-" followed by a
// non-space, such as "-5".
func plainDash(s string) bool { return len(s) > 1 && s[0] == '-' && s[1] != ' ' && s[1] != '-' }

// printable reports whether src holds only characters the fast parser
// reads the way yaml.v3 does: no tab, no C0 or C1 control, no CR except
// before LF, none of the Unicode line breaks U+0085, U+2028 and U+2029
// (yaml.v3 breaks lines there), no byte-order mark after the start, no
// non-character U+FFFE/U+FFFF and no invalid UTF-8.
func printable(src string) bool {
	for i := 0; i < len(src); {
		c := src[i]
		if c < 0x80 {
			if (c < 0x20 && c != '\n' && (c != '\r' || i+1 == len(src) || src[i+1] != '\n')) || c == 0x7f {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(src[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			return false
		case r < 0xA0, r == 0x2028, r == 0x2029, r == 0xFEFF, r == 0xFFFE, r == 0xFFFF:
			return false
		}
		i += size
	}
	return true
}

// stripComment cuts a " #" comment that is not inside a quoted scalar. A
// quote opens a quoted scalar only where a value starts: at the start of
// the line, after a "- " item indicator, after ": ", and in a flow
// collection after "[", "{" or ","; elsewhere it is part of a plain
// scalar, as in yaml.v3.
func stripComment(text string) (string, bool) {
	quote := byte(0)
	flow := 0
	valueStart := true // only blanks since a place where a value starts
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case quote == '"' && c == '\\':
			return "", false
		case quote == '\'' && c == '\'' && i+1 < len(text) && text[i+1] == '\'':
			i++
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == ' ':
		case c == '#' && i > 0 && text[i-1] == ' ':
			return text[:i], true
		case valueStart && (c == '"' || c == '\''):
			quote, valueStart = c, false
		case valueStart && (c == '[' || c == '{'):
			flow++
		case valueStart && flow == 0 && c == '-' && (i+1 == len(text) || text[i+1] == ' '):
		case c == ':' && (i+1 == len(text) || text[i+1] == ' '):
			valueStart = true
		case flow > 0 && c == ',':
			valueStart = true
		case flow > 0 && (c == ']' || c == '}'):
			flow--
			valueStart = false
		default:
			valueStart = false
		}
	}
	return text, true
}
