package directory

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// base is a valid directory; cases append to or change it.
const base = `organisations:
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
contacts:
  - id: c1
    unit: u1
    kind: function
    name: Elevhälsan
    roles: [vag-in]
    reach:
      - email: e@example.se
`

// extraContact is a contact appended after base (its lines start at 20).
func extraContact(fields string) string {
	return base + "  - id: c2\n    unit: u1\n    kind: person\n    name: Per\n" + fields
}

func loadString(t *testing.T, docs ...string) (*Directory, error) {
	t.Helper()
	dir := t.TempDir()
	var paths []string
	for i, doc := range docs {
		p := filepath.Join(dir, string(rune('a'+i))+".yaml")
		if err := os.WriteFile(p, []byte(doc), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	return Load(paths...)
}

func TestValidation(t *testing.T) {
	tests := []struct {
		name string
		docs []string
		want []string // "file:line: message prefix", file as a, b, …
	}{
		{"valid", []string{base}, nil},
		{"unknown care level", []string{strings.Replace(base, "care: [skola]", "care: [skola, tandvard]", 1)}, []string{"a:9: unknown care level \"tandvard\""}},
		{"no care level", []string{strings.Replace(base, "    care: [skola]\n", "", 1)}, []string{"a:6: unit \"u1\" has no care level"}},
		{"unknown role", []string{strings.Replace(base, "roles: [vag-in]", "roles: [vag-in, chef]", 1)}, []string{"a:17: unknown role \"chef\""}},
		{"unknown kommun", []string{strings.Replace(base, "kommuner: [Lund]", "kommuner: [Lund, Atlantis]", 1)}, []string{"a:10: unknown kommun \"Atlantis\""}},
		{"no kommuner", []string{strings.Replace(base, "    kommuner: [Lund]\n", "", 1)}, []string{"a:6: unit \"u1\" has no kommuner"}},
		{"star without area", []string{strings.Replace(strings.Replace(base, "kommuner: [Lund]", `kommuner: ["*"]`, 1), "name: Lunds kommun", "name: Kommunen", 1)},
			[]string{"a:10: kommuner: \"*\" but organisation \"lund\" has no area"}},
		{"unknown org kind", []string{strings.Replace(base, "kind: kommun", "kind: landsting", 1)}, []string{"a:4: unknown organisation kind \"landsting\""}},
		{"unknown org kommun", []string{strings.Replace(base, "kind: kommun\n", "kind: kommun\n    kommun: Atlantis\n", 1)}, []string{"a:5: unknown kommun \"Atlantis\""}},
		{"unknown region", []string{strings.Replace(base, "kind: kommun\n", "kind: region\n    region: Region Atlantis\n", 1)}, []string{"a:5: unknown region or län \"Region Atlantis\""}},
		{"two areas", []string{strings.Replace(base, "kind: kommun\n", "kind: kommun\n    kommun: Lund\n    lan: \"12\"\n", 1)}, []string{"a:2: organisation \"lund\": give only one of"}},
		{"dangling unit org", []string{strings.Replace(base, "org: lund", "org: malmo", 1)}, []string{"a:7: unit \"u1\": unknown organisation \"malmo\""}},
		{"dangling entry", []string{strings.Replace(base, "entry: c1", "entry: c9", 1)}, []string{"a:11: unit \"u1\": entry \"c9\" is not a contact"}},
		{"entry of another unit", []string{base + "  - id: c2\n    unit: u2\n    kind: function\n    name: X\n    reach:\n      - phone: \"046 12 34 56\"\n",
			"units:\n  - id: u2\n    org: lund\n    name: Andra\n    care: [lss]\n    kommuner: [Lund]\n    entry: c1\n"},
			[]string{"b:7: unit \"u2\": entry \"c1\" belongs to unit \"u1\""}},
		{"unit without entry", []string{strings.Replace(base, "    entry: c1\n", "", 1)}, []string{"a:6: unit \"u1\" has no entry"}},
		{"dangling contact unit", []string{extraContact("    reach:\n      - email: p@example.se\n")[:0] + strings.Replace(extraContact("    reach:\n      - email: p@example.se\n"), "    unit: u1\n    kind: person", "    unit: u7\n    kind: person", 1)},
			[]string{"a:21: contact \"c2\": unknown unit \"u7\""}},
		{"contact without reach", []string{extraContact("")}, []string{"a:20: contact \"c2\" has no way to reach it"}},
		{"bad email and phone", []string{extraContact("    reach:\n      - email: nobody\n      - phone: ring mig\n")},
			[]string{"a:25: email \"nobody\" is not an e-mail address", "a:26: phone \"ring mig\" is not a phone number"}},
		{"slack without user", []string{extraContact("    reach:\n      - slack: {workspace: T1}\n")}, []string{"a:25: slack reach needs user: or channel:"}},
		{"mattermost without server", []string{extraContact("    reach:\n      - mattermost: {user: per}\n")}, []string{"a:25: mattermost reach needs server:"}},
		{"unknown reach kind", []string{extraContact("    reach:\n      - fax: 123\n")}, []string{"a:25: reach: unknown field \"fax\"", "a:20: contact \"c2\" has no way"}},
		{"unknown contact kind", []string{strings.Replace(base, "kind: function", "kind: robot", 1)}, []string{"a:15: unknown contact kind \"robot\""}},
		{"missing name", []string{strings.Replace(base, "    name: Elevhälsan\n", "", 1)}, []string{"a:13: contact name is missing"}},
		{"duplicate contact id", []string{base, "contacts:\n  - id: c1\n    unit: u1\n    kind: person\n    name: Dubblett\n    reach:\n      - email: d@example.se\n"},
			[]string{"b:2: duplicate contact id \"c1\""}},
		{"duplicate unit id", []string{base + "", "units:\n  - id: u1\n    org: lund\n    name: Igen\n    care: [skola]\n    kommuner: [Lund]\n    entry: c1\n"},
			[]string{"b:2: duplicate unit id \"u1\""}},
		{"chat: bad team id, bad server, twice, unknown field", []string{strings.Replace(base, "    kind: kommun\n",
			"    kind: kommun\n    chat: {slack: [T0A, t0b, T0A], mattermost: [lund, 'a b'], teams: [x]}\n", 1)},
			[]string{"a:5: organisation \"lund\": chat slack \"t0b\" is not a Slack workspace (team) id such as T0123ABCD",
				"a:5: organisation \"lund\": chat slack \"T0A\" given twice",
				"a:5: organisation \"lund\": chat mattermost \"a b\" is not a server name (letters, digits, '.', '_', '-')",
				"a:5: organisation chat: unknown field \"teams\""}},
		{"duplicate org id", []string{base, "organisations:\n  - id: lund\n    name: Lunds kommun\n    kind: kommun\n"}, []string{"b:2: duplicate organisation id \"lund\""}},
		{"away until before from", []string{extraContact("    reach:\n      - email: p@example.se\n    away: {from: 2026-12-14, until: 2026-12-01}\n")},
			[]string{"a:26: away until 2026-12-01 is before from 2026-12-14"}},
		{"away bad date", []string{extraContact("    reach:\n      - email: p@example.se\n    away: {from: 14 dec}\n")}, []string{"a:26: away from \"14 dec\" is not a date"}},
		{"dangling delegate", []string{extraContact("    reach:\n      - email: p@example.se\n    away: {until: 2026-12-01, delegate: c9}\n")},
			[]string{"a:26: contact \"c2\": delegate \"c9\" is not a contact"}},
		{"own delegate", []string{extraContact("    reach:\n      - email: p@example.se\n    away: {until: 2026-12-01, delegate: c2}\n")},
			[]string{"a:26: contact \"c2\" is their own delegate"}},
		{"delegate cycle", []string{extraContact("    reach:\n      - email: p@example.se\n    away: {until: 2026-12-01, delegate: c3}\n"),
			"contacts:\n  - id: c3\n    unit: u1\n    kind: person\n    name: Tre\n    reach:\n      - email: t@example.se\n    away:\n      until: 2026-12-01\n      delegate: c2\n"},
			[]string{"a:26: delegate cycle"}},
		{"personnummer in a name", []string{strings.Replace(base, "name: Elevhälsan", "name: Elevhälsan 19121212-1212", 1)}, []string{"a:16: contact name contains a Swedish personnummer"}},
		{"samordningsnummer in about", []string{strings.Replace(base, "    entry: c1\n", "    entry: c1\n    about: ring om 701063-2391\n", 1)}, []string{"a:12: unit about contains a Swedish personnummer"}},
		{"ages", []string{strings.Replace(base, "    entry: c1\n", "    entry: c1\n    ages: 17-6\n", 1)}, []string{"a:12: ages \"17-6\": write a range"}},
		{"unknown field", []string{strings.Replace(base, "    entry: c1\n", "    entry: c1\n    colour: blue\n", 1)}, []string{"a:12: unit: unknown field \"colour\""}},
		{"yaml syntax", []string{base + "  - id: [\n"}, []string{"a:20: YAML:"}},
		{"not a list", []string{"units: 12\n"}, []string{"a:1: units must be a list"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := loadString(t, tt.docs...)
			if tt.want == nil {
				if err != nil {
					t.Fatalf("unexpected error: %v", err)
				}
				return
			}
			var ve *ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("err = %v, want a *ValidationError", err)
			}
			var got []string
			for _, p := range ve.Problems {
				got = append(got, filepath.Base(strings.TrimSuffix(p.File, ".yaml"))+":"+itoa(p.Line)+": "+p.Msg)
			}
			for _, w := range tt.want {
				found := false
				for _, g := range got {
					if strings.HasPrefix(g, w) {
						found = true
					}
				}
				if !found {
					t.Errorf("missing problem %q in\n%s", w, strings.Join(got, "\n"))
				}
			}
			if strings.Contains(err.Error(), "1212-1212") || strings.Contains(err.Error(), "063-2391") {
				t.Error("the error repeats a personnummer")
			}
		})
	}
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

// TestValidationReportsEveryProblem checks that problems are not cut short.
func TestValidationReportsEveryProblem(t *testing.T) {
	doc := strings.NewReplacer("care: [skola]", "care: [tandvard]", "kommuner: [Lund]", "kommuner: [Atlantis]",
		"roles: [vag-in]", "roles: [chef]", "email: e@example.se", "email: nej").Replace(base)
	_, err := loadString(t, doc)
	var ve *ValidationError
	if !errors.As(err, &ve) || len(ve.Problems) != 4 {
		t.Fatalf("want 4 problems, got %v", err)
	}
	if lines := strings.Count(ve.Error(), "\n") + 1; lines != 4 {
		t.Errorf("Error() has %d lines, want 4", lines)
	}
}

func TestLoadMergesFilesAndFolders(t *testing.T) {
	dir := t.TempDir()
	sub := filepath.Join(dir, "more")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	must := func(p, s string) {
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	must(filepath.Join(dir, "base.yaml"), base)
	must(filepath.Join(sub, "2.yml"), "contacts:\n  - id: c3\n    unit: u1\n    kind: person\n    name: Tre\n    reach:\n      - email: t@example.se\n")
	must(filepath.Join(sub, "1.yaml"), "contacts:\n  - id: c2\n    unit: u1\n    kind: person\n    name: Två\n    reach:\n      - email: t2@example.se\n")
	must(filepath.Join(sub, "notes.txt"), "not yaml")
	d, err := Load(filepath.Join(dir, "base.yaml"), sub)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	d.Contacts(func(c *Contact) bool { ids = append(ids, c.ID); return true })
	if strings.Join(ids, ",") != "c1,c2,c3" || d.Stats().Files != 3 {
		t.Errorf("contacts %v, stats %+v", ids, d.Stats())
	}
	if _, err := Load(filepath.Join(dir, "missing.yaml")); err == nil {
		t.Error("missing file loaded")
	}
	if _, err := Load(); err == nil {
		t.Error("Load() without files succeeded")
	}
	if got := SplitPaths(" a.yaml, ,b/ "); strings.Join(got, "|") != "a.yaml|b/" {
		t.Errorf("SplitPaths = %q", got)
	}
}

func TestOrganisationAreas(t *testing.T) {
	doc := `organisations:
  - {id: rs, name: Region Skåne, kind: region}
  - {id: rst, name: Stockholms läns region, kind: region, lan: "01"}
  - {id: eslov, name: Eslövs kommun, kind: kommun}
  - {id: fk, name: Försäkringskassan, kind: stat}
  - {id: kv, name: Kriminalvården, kind: stat, region: Region Skåne}
`
	d, err := loadString(t, doc)
	if err != nil {
		t.Fatal(err)
	}
	for id, n := range map[string]int{"rs": 33, "rst": 26, "eslov": 1, "fk": 290, "kv": 33} {
		o, _ := d.Organisation(id)
		if len(o.Kommuner) != n {
			t.Errorf("%s area = %d kommuner, want %d", id, len(o.Kommuner), n)
		}
	}
}
