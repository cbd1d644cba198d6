package email

import (
	"html"
	"regexp"
	"strings"
)

// The chat markdown subset: *bold* and _italic_.
var (
	boldRe   = regexp.MustCompile(`\*([^*\n]+)\*`)
	italicRe = regexp.MustCompile(`(^|[\s(])_([^_\n]+)_`)
)

// plain strips the markdown subset for the text part and headers.
func plain(s string) string {
	s = boldRe.ReplaceAllString(s, "$1")
	return italicRe.ReplaceAllString(s, "$1$2")
}

// htmlText escapes s and renders the markdown subset and line breaks.
func htmlText(s string) string {
	s = html.EscapeString(s)
	s = boldRe.ReplaceAllString(s, "<strong>$1</strong>")
	s = italicRe.ReplaceAllString(s, "$1<em>$2</em>")
	return strings.ReplaceAll(s, "\n", "<br>\n")
}

// subjectOf is a message's subject: its title, else its first line, on
// one line and without markup.
func subjectOf(title, text string) string {
	s := title
	if s == "" {
		s, _, _ = strings.Cut(text, "\n")
	}
	s = oneLine(plain(s))
	if r := []rune(s); len(r) > 120 {
		s = string(r[:119]) + "…"
	}
	return s
}
