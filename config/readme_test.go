package config

import (
	"bytes"
	"flag"
	"os"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the README configuration reference")

const (
	readmePath  = "../README.md"
	beginMarker = "<!-- config:begin -->\n"
	endMarker   = "<!-- config:end -->"
)

// TestReadmeListsEveryOption keeps the README reference generated from the
// option table.
func TestReadmeListsEveryOption(t *testing.T) {
	readme, err := os.ReadFile(readmePath)
	if err != nil {
		t.Fatal(err)
	}
	text := string(readme)
	begin := strings.Index(text, beginMarker)
	end := strings.Index(text, endMarker)
	if begin < 0 || end < begin {
		t.Fatalf("README.md lacks the %q … %q markers", beginMarker, endMarker)
	}
	var buf bytes.Buffer
	if err := Markdown(&buf); err != nil {
		t.Fatal(err)
	}
	want := buf.String()
	got := text[begin+len(beginMarker) : end]
	if *update {
		text = text[:begin+len(beginMarker)] + want + text[end:]
		if err := os.WriteFile(readmePath, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if got != want {
		t.Errorf("README configuration reference is out of date; run: go test ./config -update")
	}
	for _, n := range Names() {
		if !strings.Contains(got, "`"+n+"`") {
			t.Errorf("README does not document %s", n)
		}
	}
}
