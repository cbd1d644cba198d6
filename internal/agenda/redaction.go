package agenda

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"unicode/utf8"
)

// markOpen and markClose bracket each replacement while Redact works (two
// private-use characters, removed from the input first), so the result
// can say exactly where the replacements are.
const (
	markOpen  = "\uE000"
	markClose = "\uE001"
)

// Redaction is the text that would leave the machine, where its
// replacements are, and what was replaced. It never holds a replaced
// value.
type Redaction struct {
	Text   string `json:"text"`
	Marks  []Span `json:"marks"`  // byte ranges of Text that replaced something, in order
	Report Report `json:"report"` // counts per category
}

// Span is a byte range [Start, End) of a text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// finish removes the marks from s and records where they were.
func finish(s string, r Report) Redaction {
	var b strings.Builder
	b.Grow(len(s))
	var marks []Span
	open := -1
	for i := 0; i < len(s); {
		switch {
		case strings.HasPrefix(s[i:], markOpen):
			if open < 0 {
				open = b.Len()
			}
			i += len(markOpen)
		case strings.HasPrefix(s[i:], markClose):
			if open >= 0 && b.Len() > open {
				marks = append(marks, Span{open, b.Len()})
			}
			open = -1
			i += len(markClose)
		default:
			b.WriteByte(s[i])
			i++
		}
	}
	return Redaction{Text: b.String(), Marks: marks, Report: r}
}

// Hash identifies the text for an approval: the hex SHA-256 of Text. The
// case timeline records it, never the text.
func (r Redaction) Hash() string { return HashText(r.Text) }

// HashText is the hex SHA-256 of s.
func HashText(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

// Marked returns Text with each replacement wrapped in open and close, for
// showing the convener what was replaced ("*", "*" in chat Markdown).
func (r Redaction) Marked(open, close string) string {
	var b strings.Builder
	last := 0
	for _, m := range r.Marks {
		b.WriteString(r.Text[last:m.Start])
		b.WriteString(open + r.Text[m.Start:m.End] + close)
		last = m.End
	}
	b.WriteString(r.Text[last:])
	return b.String()
}

// truncate cuts Text after n runes, dropping the marks past the cut (a
// mark cut in two is kept up to the cut).
func (r Redaction) truncate(n int) Redaction {
	if utf8.RuneCountInString(r.Text) <= n {
		return r
	}
	end := 0
	for range n {
		_, size := utf8.DecodeRuneInString(r.Text[end:])
		end += size
	}
	r.Text = r.Text[:end]
	var marks []Span
	for _, m := range r.Marks {
		if m.Start >= end {
			break
		}
		marks = append(marks, Span{m.Start, min(m.End, end)})
	}
	r.Marks = marks
	return r
}
