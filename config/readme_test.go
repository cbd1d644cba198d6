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

// TestReadmeOpensWithTwoCommands keeps the README's promise to a
// newcomer: exactly two commands, and both scripts exist and run.
func TestReadmeOpensWithTwoCommands(t *testing.T) {
	readme, err := os.ReadFile(readmePath)
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(readme), "```sh\n")
	block, _, ok2 := strings.Cut(rest, "```")
	if !ok || !ok2 || strings.Index(string(readme), "```") != strings.Index(string(readme), "```sh\n") {
		t.Fatal("README does not open with a ```sh block")
	}
	var cmds []string
	for _, line := range strings.Split(strings.TrimSpace(block), "\n") {
		cmd, _, _ := strings.Cut(line, "#")
		if cmd = strings.TrimSpace(cmd); cmd != "" {
			cmds = append(cmds, cmd)
		}
	}
	if want := []string{"./scripts/try", "./scripts/test"}; strings.Join(cmds, "|") != strings.Join(want, "|") {
		t.Fatalf("README opens with %q, want %q", cmds, want)
	}
	for _, c := range append(cmds, "./.ci/run") {
		fi, err := os.Stat("../" + c)
		if err != nil || fi.Mode()&0o111 == 0 {
			t.Errorf("%s is missing or not executable (%v)", c, err)
		}
	}
}
