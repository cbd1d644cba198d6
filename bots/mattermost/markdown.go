package mattermost

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/samla-sip/samla/internal/textgate"
)

// markdown renders a chat message text for Mattermost. The core writes the
// chat Markdown subset — *bold*, _italic_, "• " bullets, line breaks —
// around text that people typed (places, reasons, needs, agendas), so
// everything else Markdown would act on is escaped: links and images
// ([…](…), ![…](…), <…>), code, tables, headings, quotes, rules and list
// markers at a line start, strikethrough, and mentions (@channel, @all,
// @here, @user), which Mattermost would otherwise notify. A single *bold*
// becomes **bold**. Bidi controls and invisible characters are dropped
// (textgate.Strip: text stored before the input gate, or that never passed
// it, is shown clean too), and invalid UTF-8 becomes U+FFFD (Mattermost's
// own parser panics on some of it).
func markdown(s string) string {
	s = textgate.Strip(s)
	var b strings.Builder
	b.Grow(len(s) + len(s)/8)
	for i, line := range strings.Split(s, "\n") {
		if i > 0 {
			b.WriteByte('\n')
		}
		writeLine(&b, line, true)
	}
	return b.String()
}

// inline renders a one-line text (a title) to sit between "**" markers:
// escaped like markdown, with every '*' escaped too and line breaks as
// spaces.
func inline(s string) string {
	var b strings.Builder
	writeLine(&b, strings.ReplaceAll(textgate.Strip(s), "\n", " "), false)
	return b.String()
}

// blockStarts are the characters that begin a block construct when they
// are the first on a line: heading, quote, list item, setext underline or
// rule. (A table row's '|' is escaped everywhere, see inlineSpecial.)
const blockStarts = "#>-+="

// inlineSpecial are the characters escaped anywhere: backslash (so typed
// text cannot undo an escape), link and image brackets, autolink, code,
// table cell, strikethrough.
const inlineSpecial = "\\[]<`|~"

// writeLine writes one line escaped; bold says whether a single '*' is
// the subset's bold (true) or a literal star (false).
func writeLine(b *strings.Builder, line string, bold bool) {
	start := len(line) - len(strings.TrimLeft(line, " \t"))
	b.WriteString(line[:start])
	if start < len(line) && strings.IndexByte(blockStarts, line[start]) >= 0 {
		b.WriteByte('\\')
	}
	prev := rune(' ')
	for i := start; i < len(line); {
		c := line[i]
		switch {
		case c == '*' && bold:
			j := i
			for j < len(line) && line[j] == '*' {
				j++
			}
			if j-i == 1 {
				b.WriteString("**")
			} else {
				b.WriteString(line[i:j])
			}
			i, prev = j, '*'
			continue
		case c == '*':
			b.WriteString(`\*`)
		case strings.IndexByte(inlineSpecial, c) >= 0:
			b.WriteByte('\\')
			b.WriteByte(c)
		case c == '@' && !unicode.IsLetter(prev) && !unicode.IsNumber(prev):
			// A word starting with @ is a mention; a zero-width space after
			// the @ keeps the text and breaks the word (an e-mail address,
			// with a letter before its @, is left alone).
			b.WriteString("@\u200b")
		default:
			r, size := utf8.DecodeRuneInString(line[i:])
			b.WriteString(line[i : i+size])
			i, prev = i+size, r
			continue
		}
		i, prev = i+1, rune(c)
	}
}
