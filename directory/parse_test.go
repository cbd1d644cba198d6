package directory

import (
	"io/fs"
	"reflect"
	"strings"
	"testing"

	"github.com/samla-sip/samla/examples"
)

// parseBoth walks the trees of both parsers; fastOK is false when the
// fast parser gave up.
func parseBoth(src string) (fast, ref rawDoc, fastProblems, refProblems []Problem, fastOK bool) {
	if t, ok := parseFast(src, nil); ok {
		fast, fastProblems = walk(t)
		fastOK = true
	}
	t, problems := parseYAML([]byte(src))
	if t == nil {
		return fast, ref, fastProblems, problems, fastOK
	}
	ref, refProblems = walk(t)
	return fast, ref, fastProblems, refProblems, fastOK
}

func checkSameParse(t *testing.T, src string) bool {
	t.Helper()
	fast, ref, fp, rp, ok := parseBoth(src)
	if !ok {
		return false
	}
	if !reflect.DeepEqual(fast, ref) {
		t.Errorf("fast and yaml.v3 parsers differ on\n%s\nfast: %+v\nyaml: %+v", src, fast, ref)
	}
	if !reflect.DeepEqual(fp, rp) {
		t.Errorf("problems differ on\n%s\nfast: %v\nyaml: %v", src, fp, rp)
	}
	return true
}

var parserCases = []struct {
	name     string
	src      string
	wantFast bool // the fast parser must handle it
}{
	{"empty", "", true},
	{"comment only", "# nothing\n", true},
	{"issue shape", `organisations:
  - id: region-skane
    name: Region Skåne
    kind: region            # kommun | region | stat | privat
units:
  - id: bup-lund
    org: region-skane
    name: BUP Lund
    care: [bup]             # care-level ids from domain.md
    kommuner: [Lund, "1285"] # kommun names or SCB codes; "*" = whole org area
    ages: 0-17              # optional, inclusive
    entry: bup-lund-vagin   # contact id of the unit's entry point (väg in)
    about: "Öppenvård för barn och unga, SIP via mottagningens samordnare."
contacts:
  - id: bup-lund-vagin
    unit: bup-lund
    kind: function          # person | function
    name: BUP Lund SIP-mottagning
    roles: [vag-in, sip-samordnare]
    hsa_id: SE2321000032-abc123   # optional
    reach:
      - slack: {workspace: T0001, user: U0001}
      - mattermost: {server: skane, user: bup.lund}
      - email: sip.bup.lund@example.se
      - phone: "+46 46 123 45 67"
    away: {from: 2026-12-01, until: 2026-12-14, delegate: other-contact-id}  # optional
`, true},
	{"block lists and maps", `units:
- id: u
  care:
  - bup
  - skola
  kommuner:
    - Lund
    - '1285'
contacts:
  - id: c
    reach:
      - slack:
          workspace: T1
          user: U1
      - email: a@b.se
    away:
      from: 2026-01-01
      until: 2026-01-02
`, true},
	{"nulls and empties", "units:\n  - id: u\n    about:\n    ages: ~\n    care: []\n    kommuner: null\n    name: ''\n    org: \"\"\n", true},
	{"single quotes", "organisations:\n  - id: 'o''s'\n    name: 'A, B'\n    kind: \"x, y\"\n", true},
	{"flow with quoted commas", "units:\n  - kommuner: [\"a, b\", 'c', d]\n", true},
	{"unknown key", "units:\n  - id: u\n    colour: red\n", true},
	{"top-level list", "- a\n- b\n", true},
	{"scalar for list", "units:\n  - care: bup\n", true},
	{"dash value", "units:\n  - ages: -5\n", true},
	{"organisation chat", "organisations:\n  - id: o\n    chat: {slack: [T1, T2], mattermost: [skane-kommun]}\n  - id: p\n    chat: {slack: [], mattermost: [a.b]}\n  - id: q\n    chat:\n      slack: [T3]\n", true},
	{"chat list with quotes", "organisations:\n  - chat: {slack: ['T1', \"T2\"]}\n", false},
	{"chat list not closed", "organisations:\n  - chat: {slack: [T1, mattermost: x}\n", false},
	{"chat list then text", "organisations:\n  - chat: {slack: [T1] x}\n", false},
	{"chat nested map", "organisations:\n  - chat: {slack: [{a: b}]}\n", false},
	{"block scalar", "units:\n  - about: |\n      two\n      lines\n", false},
	{"anchor", "units:\n  - &u\n    id: x\n", false},
	{"tab", "units:\n\t- id: x\n", false},
	{"duplicate key", "units:\n  - id: a\n    id: b\n", false},
	{"multi-line plain", "units:\n  - about: one\n      two\n", false},
	{"bad indent", "units:\n  - id: a\n   name: b\n", false},
	{"escape", "units:\n  - name: \"a\\tb\"\n", false},
	{"unclosed flow", "units:\n  - care: [bup,\n      skola]\n", false},
	{"colon in value", "units:\n  - about: see: here\n", false},
	{"url", "units:\n  - about: https://example.se/x\n", true},
	{"crlf", "units:\r\n  - id: u\r\n    care: [bup]\r\n\r\n    name: 'a'\r\n", true},
	{"byte-order mark", "\ufeffunits:\n  - id: u\n", true},
	{"document start", "---\nunits:\n  - id: u\n", true},
	{"document start and comment", "# x\n--- # y\nunits: []\n", true},
	{"empty document", "---\n", true},
	{"lone cr", "units:\r  - id: u\n", false},
	{"cr at the end", "units: []\r", false},
	{"null key", "null: x\n", false},
	{"null key in flow", "units:\n  - {NULL: x}\n", false},
	{"next line in a name", "units:\n  - name: a\u0085b\n", false},
	{"line separator in a name", "units:\n  - name: a\u2028b\n", false},
	{"quoted paragraph separator", "units:\n  - name: \"a\u2029b\"\n", false},
	{"byte-order mark inside", "units:\n  - name: a\ufeffb\n", false},
	{"merge key", "units:\n  - &u {id: a}\n  - <<: *u\n    name: b\n", false},
	{"merge list", "units:\n  - &u {id: a, org: o}\n  - <<: [{id: b}, *u]\n    name: c\n", false},
	{"second document", "units: []\n---\nunits: []\n", false},
	{"indented second start", "units: []\n ---\n", false},
	{"document end", "units: []\n...\n", false},
	{"nested deeper than the fast parser goes", deepYAML(40), false},
	{"nested as deep as the fast parser goes", deepYAML(30), true},
}

// deepYAML nests depth mappings.
func deepYAML(depth int) string {
	var b strings.Builder
	for i := range depth {
		b.WriteString(strings.Repeat(" ", i) + "k:\n")
	}
	return b.String()
}

func TestParsersAgree(t *testing.T) {
	for _, tt := range parserCases {
		t.Run(tt.name, func(t *testing.T) {
			handled := checkSameParse(t, tt.src)
			if tt.wantFast && !handled {
				t.Errorf("fast parser gave up on\n%s", tt.src)
			}
		})
	}
}

func TestFastParserHandlesSample(t *testing.T) {
	for _, src := range sampleFiles(t) {
		if !checkSameParse(t, src) {
			t.Errorf("fast parser gave up on a sample file:\n%.200s", src)
		}
	}
}

func TestFastParserHandlesGenerated(t *testing.T) {
	var b strings.Builder
	if err := Generate(&b, GenerateOptions{Contacts: 500, Seed: 7}); err != nil {
		t.Fatal(err)
	}
	if !checkSameParse(t, b.String()) {
		t.Fatal("fast parser gave up on generated data")
	}
}

func sampleFiles(t testing.TB) []string {
	t.Helper()
	var out []string
	err := fs.WalkDir(examples.Directory(), ".", func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		b, err := fs.ReadFile(examples.Directory(), p)
		out = append(out, string(b))
		return err
	})
	if err != nil || len(out) == 0 {
		t.Fatalf("sample files: %v", err)
	}
	return out
}

func FuzzParsers(f *testing.F) {
	for _, tt := range parserCases {
		f.Add(tt.src)
		f.Add(crlf(tt.src))
	}
	for _, s := range sampleFiles(f) {
		f.Add(s)
	}
	// FuzzParsers is the proof that the fast parser is a subset of yaml.v3:
	// on every input it accepts, both give the same tree and problems.
	f.Fuzz(func(t *testing.T, src string) {
		checkSameParse(t, src)
		// The whole loader must answer with a directory or problems,
		// never panic, and never repeat a personnummer.
		doc, problems := parseFile([]byte(src), nil)
		d, err := build([]source{{file: "f.yaml", doc: doc, problems: problems}})
		if (d == nil) == (err == nil) {
			t.Fatalf("build gave %v and %v", d, err)
		}
		if err != nil && ContainsPersonnummer(err.Error()) {
			t.Fatalf("problems repeat a personnummer: %v", err)
		}
	})
}
