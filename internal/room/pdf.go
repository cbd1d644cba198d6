package room

import (
	"bytes"
	"fmt"
	"strings"
)

// The written plan as a PDF, made here rather than by a browser: the
// server runs FROM scratch with no Chromium, and the plan is text only.
// A PDF of text in the standard Helvetica font with WinAnsiEncoding needs
// no font file and no dependency, and covers Swedish (å ä ö é) and the
// punctuation the texts use; anything else prints as "?". Viewers and
// screen readers extract the text as written.

// pdfLine is one paragraph of the document.
type pdfLine struct {
	Bold bool
	Text string
}

const (
	pdfPageW, pdfPageH = 595, 842 // A4 in points
	pdfMargin          = 56
	pdfSize            = 11
	pdfLeading         = 15
	pdfWrap            = 88 // characters per line at 11 pt Helvetica
)

// renderPDF lays lines out on A4 pages.
func renderPDF(lines []pdfLine) []byte {
	var pages [][]pdfLine
	var cur []pdfLine
	perPage := (pdfPageH - 2*pdfMargin) / pdfLeading
	for _, l := range lines {
		for _, part := range wrap(l.Text, pdfWrap) {
			if len(cur) == perPage {
				pages = append(pages, cur)
				cur = nil
			}
			cur = append(cur, pdfLine{Bold: l.Bold, Text: part})
		}
	}
	pages = append(pages, cur)

	var b bytes.Buffer
	var offsets []int
	obj := func(body string) {
		offsets = append(offsets, b.Len())
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", len(offsets), body)
	}
	b.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	kids := make([]string, len(pages))
	for i := range pages {
		kids[i] = fmt.Sprintf("%d 0 R", 5+2*i)
	}
	obj("<< /Type /Catalog /Pages 2 0 R >>")
	obj(fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(pages)))
	obj("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
	obj("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>")
	for i, page := range pages {
		var c bytes.Buffer
		fmt.Fprintf(&c, "BT\n%d TL\n%d %d Td\n", pdfLeading, pdfMargin, pdfPageH-pdfMargin)
		for _, l := range page {
			font := "/F1"
			if l.Bold {
				font = "/F2"
			}
			fmt.Fprintf(&c, "%s %d Tf\n(%s) Tj\nT*\n", font, pdfSize, pdfString(l.Text))
		}
		c.WriteString("ET\n")
		obj(fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents %d 0 R >>",
			pdfPageW, pdfPageH, 6+2*i))
		obj(fmt.Sprintf("<< /Length %d >>\nstream\n%sendstream", c.Len(), c.String()))
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(offsets)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(offsets)+1, xref)
	return b.Bytes()
}

// wrap breaks s into lines of at most n characters at spaces.
func wrap(s string, n int) []string {
	var out []string
	for _, para := range strings.Split(s, "\n") {
		words := strings.Fields(para)
		line := ""
		for _, w := range words {
			switch {
			case line == "":
				line = w
			case len([]rune(line))+1+len([]rune(w)) <= n:
				line += " " + w
			default:
				out = append(out, line)
				line = w
			}
		}
		out = append(out, line)
	}
	return out
}

// winAnsi maps the characters outside Latin-1 that the texts use.
var winAnsi = map[rune]byte{'€': 0x80, '…': 0x85, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97}

// pdfString encodes s for a PDF literal string in WinAnsiEncoding.
func pdfString(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '(' || r == ')' || r == '\\':
			b.WriteByte('\\')
			b.WriteByte(byte(r))
		case r >= 0x20 && r < 0x7f, r >= 0xa0 && r <= 0xff:
			b.WriteByte(byte(r))
		default:
			if c, ok := winAnsi[r]; ok {
				b.WriteByte(c)
			} else {
				b.WriteByte('?')
			}
		}
	}
	return b.String()
}
