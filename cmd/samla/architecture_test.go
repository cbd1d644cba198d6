package main

import (
	"go/parser"
	"go/token"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// repoRoot is the module root, seen from cmd/samla.
const repoRoot = "../.."

// TestArchitectureSketchMatchesImports checks the README's architecture
// sketch against the import graph: every package (test helpers aside) is
// on exactly one line, and each line's arrows are exactly what that
// package's non-test files import of ours. cmd/samla wires everything.
func TestArchitectureSketchMatchesImports(t *testing.T) {
	module := modulePath(t)
	graph := importGraph(t, module)
	sketch := readSketch(t)

	for pkg, imports := range graph {
		drawn, ok := sketch[pkg]
		switch {
		case pkg == "cmd/samla":
		case !ok:
			t.Errorf("README architecture: %s is missing; add the line\n  %s ─> %s", pkg, pkg, arrowList(imports))
		case !slices.Equal(drawn, imports):
			t.Errorf("README architecture: %s imports %s, the sketch says %s", pkg, arrowList(imports), arrowList(drawn))
		}
	}
	for pkg := range sketch {
		if _, ok := graph[pkg]; !ok {
			t.Errorf("README architecture names %s, which is not a package (or only test helpers)", pkg)
		}
	}
}

func arrowList(imports []string) string {
	if len(imports) == 0 {
		return "nothing of ours"
	}
	return strings.Join(imports, ", ")
}

func modulePath(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(repoRoot, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^module\s+(\S+)`).FindSubmatch(b)
	if m == nil {
		t.Fatal("go.mod has no module line")
	}
	return string(m[1])
}

// testHelper reports packages that exist for tests only.
func testHelper(pkg string) bool {
	return strings.HasSuffix(pkg, "test") || strings.HasSuffix(pkg, "testutil")
}

// importGraph maps each package (folder relative to the root) with
// non-test Go files to the sorted packages of ours they import.
func importGraph(t *testing.T, module string) map[string][]string {
	t.Helper()
	graph := map[string]map[string]bool{}
	err := filepath.WalkDir(repoRoot, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && path != repoRoot {
			if strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata" || d.Name() == "node_modules" {
				return filepath.SkipDir
			}
			if _, err := os.Stat(filepath.Join(path, "go.mod")); err == nil {
				return filepath.SkipDir // another module
			}
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		rel, err := filepath.Rel(repoRoot, filepath.Dir(path))
		if err != nil {
			return err
		}
		pkg := filepath.ToSlash(rel)
		if testHelper(pkg) {
			return nil
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		if graph[pkg] == nil {
			graph[pkg] = map[string]bool{}
		}
		for _, imp := range f.Imports {
			p, err := strconv.Unquote(imp.Path.Value)
			if err != nil {
				return err
			}
			if ours, ok := strings.CutPrefix(p, module+"/"); ok {
				graph[pkg][ours] = true
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]string{}
	for pkg, imports := range graph {
		out[pkg] = slices.Sorted(maps.Keys(imports))
	}
	return out
}

// readSketch parses the README's sketch: "A, B ─> X, Y  (comment)" lines,
// with {a,b} expanded and "nothing of ours" for none.
func readSketch(t *testing.T) map[string][]string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(repoRoot, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(b), "<!-- architecture:begin -->")
	body, _, ok2 := strings.Cut(rest, "<!-- architecture:end -->")
	if !ok || !ok2 {
		t.Fatal("README.md lacks the architecture:begin/end markers")
	}
	sketch := map[string][]string{}
	for _, line := range strings.Split(body, "\n") {
		left, right, ok := strings.Cut(line, "─>")
		if !ok {
			continue
		}
		right, _, _ = strings.Cut(right, "  (")
		right = strings.TrimSpace(right)
		var imports []string
		if left := strings.TrimRight(left, "─ "); left == "cmd/samla" {
			sketch[left] = nil
			continue
		}
		if right != "nothing of ours" {
			imports = expand(right)
			slices.Sort(imports)
		}
		for _, pkg := range expand(strings.TrimRight(left, "─ ")) {
			if _, dup := sketch[pkg]; dup {
				t.Errorf("README architecture lists %s twice", pkg)
			}
			sketch[pkg] = imports
		}
	}
	return sketch
}

// expand splits "a, b/{c,d}" into a, b/c, b/d.
func expand(list string) []string {
	var items []string
	depth, start := 0, 0
	for i, r := range list {
		switch r {
		case '{':
			depth++
		case '}':
			depth--
		case ',':
			if depth == 0 {
				items = append(items, list[start:i])
				start = i + 1
			}
		}
	}
	items = append(items, list[start:])
	var out []string
	for _, item := range items {
		item = strings.TrimSpace(item)
		pre, alts, ok := strings.Cut(item, "{")
		if !ok {
			out = append(out, item)
			continue
		}
		alts, post, _ := strings.Cut(alts, "}")
		for _, a := range strings.Split(alts, ",") {
			out = append(out, pre+strings.TrimSpace(a)+post)
		}
	}
	return out
}
