package directory

import (
	"errors"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

// These tests pin down that a directory file has one meaning: the one
// yaml.v3 gives it, whichever parser reads it.

// problemsOf loads the documents and returns their problems as
// "file:line: message" with the file as a, b, … (nil when valid).
func problemsOf(t *testing.T, docs ...string) []string {
	t.Helper()
	_, err := loadString(t, docs...)
	if err == nil {
		return nil
	}
	var ve *ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("err = %v, want a *ValidationError", err)
	}
	var got []string
	for _, p := range ve.Problems {
		got = append(got, filepath.Base(strings.TrimSuffix(p.File, ".yaml"))+":"+itoa(p.Line)+": "+p.Msg)
	}
	return got
}

// U+0085, U+2028 and U+2029 are line breaks to yaml.v3, so unquoted in a
// name they break the file; the fast parser used to take them as part of
// the name.
func TestUnicodeLineBreaksInAPlainScalar(t *testing.T) {
	for _, r := range []string{"\u0085", "\u2028", "\u2029"} {
		doc := strings.Replace(base, "name: Elevhälsan", "name: Elev"+r+"hälsan", 1)
		if _, ok := parseFast(doc, nil); ok {
			t.Errorf("%U: the fast parser accepted it", []rune(r)[0])
		}
		got := problemsOf(t, doc)
		if len(got) != 1 || !strings.HasPrefix(got[0], "a:17: YAML:") {
			t.Errorf("%U: problems %q, want one YAML problem at a:17", []rune(r)[0], got)
		}
	}
}

// mergedUnits writes the second unit and contact with merge keys; it
// means the same as expandedUnits.
const mergedUnits = `organisations:
  - id: lund
    name: Lunds kommun
    kind: kommun
units:
  - &skola
    id: u1
    org: lund
    name: Skolan
    care: [skola]
    kommuner: [Lund]
    entry: c1
  - <<: *skola
    id: u2
    name: Andra skolan
    entry: c2
contacts:
  - &elevhalsan
    id: c1
    unit: u1
    kind: function
    name: Elevhälsan
    roles: [vag-in]
    reach:
      - email: e@example.se
  - <<: [{kind: person, name: Per}, *elevhalsan]
    id: c2
    unit: u2
`

const expandedUnits = `organisations:
  - id: lund
    name: Lunds kommun
    kind: kommun
units:
  - id: u1
    org: lund
    name: Skolan
    care: [skola]
    kommuner: [Lund]
    entry: c1
  - id: u2
    name: Andra skolan
    entry: c2
    org: lund
    care: [skola]
    kommuner: [Lund]
contacts:
  - id: c1
    unit: u1
    kind: function
    name: Elevhälsan
    roles: [vag-in]
    reach:
      - email: e@example.se
  - id: c2
    unit: u2
    kind: person
    name: Per
    roles: [vag-in]
    reach:
      - email: e@example.se
`

// Merge keys (<<) work as in yaml.v3: the mapping's own keys win, then
// the merged mappings in order.
func TestMergeKeys(t *testing.T) {
	merged, err := loadString(t, mergedUnits)
	if err != nil {
		t.Fatalf("merge keys: %v", err)
	}
	expanded, err := loadString(t, expandedUnits)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"u1", "u2"} {
		m, _ := merged.Unit(id)
		e, _ := expanded.Unit(id)
		if !reflect.DeepEqual(m, e) {
			t.Errorf("unit %s: merged %+v, expanded %+v", id, m, e)
		}
	}
	for _, id := range []string{"c1", "c2"} {
		m, _ := merged.Contact(id)
		e, _ := expanded.Contact(id)
		if !reflect.DeepEqual(m, e) {
			t.Errorf("contact %s: merged %+v, expanded %+v", id, m, e)
		}
	}
}

func TestMergeKeyProblems(t *testing.T) {
	tests := []struct {
		name, doc string
		want      []string
	}{
		{"merge of a scalar", "units:\n  - id: u\n    <<: x\n", []string{"a:3: YAML: map merge requires map or sequence of maps as the value"}},
		{"merge of a list of scalars", "units:\n  - id: u\n    <<: [x]\n", []string{"a:3: YAML: map merge requires map or sequence of maps as the value"}},
		{"two merge keys", "units:\n  - id: u\n    <<: {org: a}\n    <<: {name: b}\n", []string{"a:4: YAML: mapping key \"<<\" already defined at line 3"}},
		{"merged unknown field", "units:\n  - id: u\n    <<: {colour: red}\n", []string{"a:3: unit: unknown field \"colour\""}},
		{"quoted << is a plain key", "units:\n  - id: u\n    \"<<\": {org: a}\n", []string{"a:3: unit: unknown field \"<<\""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := problemsOf(t, tt.doc)
			for _, w := range tt.want {
				if !hasPrefixIn(got, w) {
					t.Errorf("missing problem %q in %q", w, got)
				}
			}
		})
	}
}

// A file is one YAML document: a second one is an error at its "---"
// line, never dropped.
func TestSecondDocumentIsAProblem(t *testing.T) {
	tests := []struct {
		name, doc, want string
	}{
		{"second document", base + "---\ncontacts:\n  - id: c2\n", "a:20: YAML: a second document"},
		{"empty second document", base + "---\n", "a:20: YAML: a second document"},
		{"after end marker", base + "...\n---\nunits: []\n", "a:21: YAML: a second document"},
		{"implicit after end marker", base + "...\nunits: []\n", "a:20: YAML:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := problemsOf(t, tt.doc); !hasPrefixIn(got, tt.want) {
				t.Errorf("problems %q, want %q", got, tt.want)
			}
		})
	}
	for _, ok := range []string{"---\n" + base, "---\n" + base + "...\n", "--- # directory\n" + base + "...\n# end\n"} {
		if got := problemsOf(t, ok); got != nil {
			t.Errorf("one document with markers: %q", got)
		}
	}
}

func hasPrefixIn(list []string, prefix string) bool {
	for _, s := range list {
		if strings.HasPrefix(s, prefix) {
			return true
		}
	}
	return false
}

// crlf turns LF line ends into CRLF.
func crlf(s string) string { return strings.ReplaceAll(s, "\n", "\r\n") }

// The fast parser reads CRLF files and files starting with a byte-order
// mark, with the same result as their LF twin; they used to fall back to
// yaml.v3 (four times slower, twice the memory).
func TestFastParserCRLFAndBOM(t *testing.T) {
	var gen strings.Builder
	if err := Generate(&gen, GenerateOptions{Contacts: 300, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	for i, src := range append(sampleFiles(t), gen.String(), base) {
		lf, ok := parseFast(src, nil)
		if !ok {
			t.Fatalf("file %d: the fast parser gave up on the LF file", i)
		}
		want, _ := walk(lf)
		for name, variant := range map[string]string{"CRLF": crlf(src), "BOM": "\ufeff" + src, "BOM+CRLF": "\ufeff" + crlf(src)} {
			if !checkSameParse(t, variant) {
				t.Errorf("file %d, %s: the fast parser gave up", i, name)
				continue
			}
			tr, _ := parseFast(variant, nil)
			if got, _ := walk(tr); !reflect.DeepEqual(got, want) {
				t.Errorf("file %d, %s: differs from the LF file", i, name)
			}
		}
	}
}

// A merge-key bomb (each level merging the previous one nine times) is
// refused quickly instead of expanded.
func TestMergeKeyBomb(t *testing.T) {
	var b strings.Builder
	b.WriteString("units:\n  - &l0 {id: u, name: n}\n")
	for i := 1; i <= 12; i++ {
		prev := "*l" + itoa(i-1)
		b.WriteString("  - &l" + itoa(i) + " {<<: [" + strings.Repeat(prev+", ", 8) + prev + "]}\n")
	}
	start := time.Now()
	got := problemsOf(t, b.String())
	if len(got) != 1 || !strings.Contains(got[0], ": YAML: too many aliases") {
		t.Errorf("problems %q, want too many aliases", got)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("took %v", d)
	}
}

// The fast parser leaves deep nesting to yaml.v3 (which has its own
// limit) instead of recursing without bound.
func TestFastParserDepth(t *testing.T) {
	if _, ok := parseFast(deepYAML(maxFastDepth+1), nil); ok {
		t.Error("the fast parser accepted nesting deeper than maxFastDepth")
	}
	if _, ok := parseFast(deepYAML(maxFastDepth), nil); !ok {
		t.Error("the fast parser gave up at maxFastDepth")
	}
}
