package room

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// checkPDF checks a PDF's structure: header, every object where the
// cross-reference table says, startxref at the table, the end marker,
// and every content stream's /Length exact.
func checkPDF(t *testing.T, pdf []byte) {
	t.Helper()
	if !bytes.HasPrefix(pdf, []byte("%PDF-1.4\n")) || !bytes.HasSuffix(pdf, []byte("%%EOF\n")) {
		t.Fatal("no PDF header or end marker")
	}
	m := regexp.MustCompile(`startxref\n(\d+)\n`).FindSubmatch(pdf)
	if m == nil {
		t.Fatal("no startxref")
	}
	xref, _ := strconv.Atoi(string(m[1]))
	if !bytes.HasPrefix(pdf[xref:], []byte("xref\n")) {
		t.Fatalf("startxref %d does not point at the table", xref)
	}
	entries := regexp.MustCompile(`(\d{10}) 00000 n `).FindAllSubmatch(pdf[xref:], -1)
	for i, e := range entries {
		off, _ := strconv.Atoi(string(e[1]))
		if want := fmt.Sprintf("%d 0 obj\n", i+1); !bytes.HasPrefix(pdf[off:], []byte(want)) {
			t.Fatalf("object %d is not at %d", i+1, off)
		}
	}
	for _, loc := range regexp.MustCompile(`<< /Length (\d+) >>\nstream\n`).FindAllSubmatchIndex(pdf, -1) {
		n, _ := strconv.Atoi(string(pdf[loc[2]:loc[3]]))
		if end := loc[1] + n; end > len(pdf) || !bytes.HasPrefix(pdf[end:], []byte("endstream")) {
			t.Fatalf("stream /Length %d does not end at endstream", n)
		}
	}
}

// FuzzRenderPDF: whatever the text (brackets, backslashes, characters
// outside WinAnsi, very long words, many lines), the PDF is well formed
// and its strings stay closed.
func FuzzRenderPDF(f *testing.F) {
	for _, s := range []string{"Mina mål och önskemål", "(a) \\ b)", "emoji 😀 and – • €", "endstream) Tj\nET", strings.Repeat("ord ", 2000), "\n\n\n", ""} {
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, text string, bold bool) {
		pdf := renderPDF([]pdfLine{{Bold: true, Text: "Plan"}, {Bold: bold, Text: text}})
		checkPDF(t, pdf)
		for _, l := range strings.Split(string(pdf), "\n") {
			if strings.HasSuffix(l, ") Tj") && !strings.HasPrefix(l, "(") {
				t.Fatalf("a text line escaped its string: %q", l)
			}
		}
	})
}

// TestPDFText: Swedish letters and the texts' punctuation come through in
// WinAnsiEncoding; pages break.
func TestPDFText(t *testing.T) {
	var lines []pdfLine
	for i := range 120 {
		lines = append(lines, pdfLine{Text: fmt.Sprintf("rad %d: åäö ÅÄÖ é – • (x)", i)})
	}
	pdf := renderPDF(lines)
	checkPDF(t, pdf)
	if !bytes.Contains(pdf, []byte("(rad 7: \xe5\xe4\xf6 \xc5\xc4\xd6 \xe9 \x96 \x95 \\(x\\)) Tj")) {
		t.Error("Swedish text not in WinAnsi")
	}
	if n := bytes.Count(pdf, []byte("/Type /Page ")); n < 2 {
		t.Errorf("%d pages for 120 lines", n)
	}
}
