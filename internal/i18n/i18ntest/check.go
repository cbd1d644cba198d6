// Package i18ntest checks a package's i18n.Catalogue the one way every
// package does: complete, consistent, and exactly what the code uses.
package i18ntest

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/samla-sip/samla/internal/i18n"
)

// Uses says where a package's code names its messages.
type Uses struct {
	// Dir is the package folder whose non-test .go files are scanned;
	// "" is the current folder (the package under test).
	Dir string
	// Funcs are the names of the functions or methods that take a message
	// id: the first string literal among a call's arguments is the id
	// (e.g. "t" for t(lang, "ok.lang"), "T" for cat.T(lang, "ok.lang");
	// empty literals and language codes before the id are skipped).
	// A literal ending in "." joined to a value ("care."+id) names a
	// family of ids completed at run time.
	Funcs []string
	// Dynamic are the ids the code names other than as a literal argument
	// (built from a family prefix, or kept in a table); each must exist and
	// counts as used.
	Dynamic []string
	// Families are id prefixes the code completes from data at run time
	// ("care."+careLevel): every id under one counts as used once the code
	// builds the prefix. Prefer Dynamic, which names each id.
	Families []string
}

// TB is the part of testing.TB that Check uses.
type TB interface {
	Helper()
	Errorf(format string, args ...any)
	Fatalf(format string, args ...any)
}

var verbRE = regexp.MustCompile(`%(\[\d+\])?[-+# 0]*\d*(\.\d+)?[a-zA-Z%]`)

// Check fails t when a message lacks a language, when its Swedish and
// English take different fmt verbs, when the code names an id the
// catalogue lacks, or when an id is never used (named directly, or in
// Dynamic under a family the code builds).
func Check(t TB, cat i18n.Catalogue, uses Uses) {
	t.Helper()
	for _, id := range sortedIDs(cat) {
		m := cat[id]
		if strings.TrimSpace(m.Sv) == "" || strings.TrimSpace(m.En) == "" {
			t.Errorf("message %q: missing a language (sv %q, en %q)", id, m.Sv, m.En)
		}
		if sv, en := verbs(m.Sv), verbs(m.En); sv != en {
			t.Errorf("message %q: sv takes %q, en takes %q", id, sv, en)
		}
	}
	named, families := scan(t, uses)
	if len(named)+len(families) == 0 {
		t.Fatalf("found no use of %v in %s: the scan is broken", uses.Funcs, dirOf(uses))
	}
	used := map[string]bool{}
	for id, where := range named {
		if !cat.Has(id) {
			t.Errorf("%s: message %q is not in the catalogue", where, id)
		}
		used[id] = true
	}
	for _, id := range uses.Dynamic {
		if !cat.Has(id) {
			t.Errorf("dynamic message %q is not in the catalogue", id)
		}
		used[id] = true
	}
	for _, id := range sortedIDs(cat) {
		if used[id] {
			continue
		}
		if hasFamily(declared(uses.Families, families), id) {
			continue
		}
		if hasFamily(families, id) {
			t.Errorf("message %q is never named; if the code builds it at run time, list it in Uses.Dynamic", id)
			continue
		}
		t.Errorf("message %q is never used", id)
	}
}

// declared are the Families the code really builds.
func declared(prefixes []string, built map[string]bool) map[string]bool {
	out := map[string]bool{}
	for _, p := range prefixes {
		if built[p] {
			out[p] = true
		}
	}
	return out
}

func verbs(s string) string {
	var out []string
	for _, v := range verbRE.FindAllString(s, -1) {
		if v != "%%" {
			out = append(out, v)
		}
	}
	return strings.Join(out, " ")
}

func hasFamily(families map[string]bool, id string) bool {
	for p := range families {
		if strings.HasPrefix(id, p) {
			return true
		}
	}
	return false
}

func sortedIDs(cat i18n.Catalogue) []string {
	ids := make([]string, 0, len(cat))
	for id := range cat {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids
}

func dirOf(u Uses) string {
	if u.Dir == "" {
		return "."
	}
	return u.Dir
}

// scan returns the ids named in calls of uses.Funcs (id → first place)
// and the family prefixes built at run time.
func scan(t TB, uses Uses) (named map[string]string, families map[string]bool) {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dirOf(uses), "*.go"))
	if err != nil {
		t.Fatalf("%v", err)
	}
	named, families = map[string]string{}, map[string]bool{}
	fset := token.NewFileSet()
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, f, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatalf("%v", err)
		}
		ast.Inspect(file, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || !slices.Contains(uses.Funcs, funcName(call.Fun)) {
				return true
			}
			for _, arg := range call.Args {
				if lit, ok := arg.(*ast.BasicLit); ok && lit.Kind == token.STRING {
					id, _ := strconv.Unquote(lit.Value)
					if _, isLang := i18n.Parse(id); id == "" || isLang {
						continue // an empty or language argument before the id
					}
					if _, seen := named[id]; !seen {
						named[id] = fset.Position(lit.Pos()).String()
					}
					break
				}
				if prefix, ok := familyPrefix(arg); ok {
					families[prefix] = true
					break
				}
			}
			return true
		})
	}
	return named, families
}

// familyPrefix recognises "prefix."+value.
func familyPrefix(e ast.Expr) (string, bool) {
	bin, ok := e.(*ast.BinaryExpr)
	if !ok || bin.Op != token.ADD {
		return "", false
	}
	for {
		inner, ok := bin.X.(*ast.BinaryExpr)
		if !ok || inner.Op != token.ADD {
			break
		}
		bin = inner
	}
	lit, ok := bin.X.(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return "", false
	}
	p, err := strconv.Unquote(lit.Value)
	if err != nil || p == "" {
		return "", false
	}
	return p, true
}

func funcName(e ast.Expr) string {
	switch f := e.(type) {
	case *ast.Ident:
		return f.Name
	case *ast.SelectorExpr:
		return f.Sel.Name
	}
	return ""
}
