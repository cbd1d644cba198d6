package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/samla-sip/samla/internal/testutil"
)

var updateDirectory = flag.Bool("update-directory", false, "rewrite the samla directory golden files")

func dirEnv(env map[string]string) (*cliEnv, *bytes.Buffer, *bytes.Buffer) {
	var out, errOut bytes.Buffer
	return &cliEnv{
		stdin: strings.NewReader(""), stdout: &out, stderr: &errOut,
		getenv: func(k string) string { return env[k] },
	}, &out, &errOut
}

func runDir(t *testing.T, env map[string]string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	e, out, errOut := dirEnv(env)
	code = run(context.Background(), e, append([]string{"directory"}, args...))
	return code, out.String(), errOut.String()
}

// TestDirectoryRouteGolden covers the human route output on the sample
// directory, one case per routing rule, in Swedish and English.
func TestDirectoryRouteGolden(t *testing.T) {
	cases := []struct {
		name string
		args []string
	}{
		{"bup-lund-14", []string{"--care", "bup", "--kommun", "Lund", "--age", "14"}},
		{"aldreomsorg-malmo-delegate", []string{"--care", "aldreomsorg", "--kommun", "Malmö stad", "--age", "82"}},
		{"primarvard-lund-no-role-holder", []string{"--care", "primarvard", "--kommun", "lund", "--role", "lakare"}},
		{"habilitering-eslov-area-wide", []string{"--care", "habilitering", "--kommun", "Eslövs kommun"}},
		{"lss-malmo-coordinators", []string{"--care", "lss", "--kommun", "1280"}},
		{"lss-kiruna-no-match", []string{"--care", "lss", "--kommun", "Kiruna"}},
		{"vuxen-eslov-absent-no-delegate", []string{"--care", "socialtjanst-vuxen", "--kommun", "eslov", "--date", "2026-12-22"}},
		{"unknown-care", []string{"--care", "tandvard", "--kommun", "Lund"}},
	}
	for _, tc := range cases {
		for _, lang := range []string{"sv", "en"} {
			t.Run(tc.name+"-"+lang, func(t *testing.T) {
				args := append([]string{"route", "--date", "2026-12-03", "--lang", lang}, tc.args...)
				code, out, errOut := runDir(t, nil, args...)
				if code != 0 || errOut != "" {
					t.Fatalf("exit %d, stderr %q", code, errOut)
				}
				golden := filepath.Join("testdata", "directory", "route-"+tc.name+"-"+lang+".golden")
				testutil.Golden(t, golden, []byte(out), *updateDirectory)
			})
		}
	}
}

func TestDirectoryRouteJSON(t *testing.T) {
	code, out, errOut := runDir(t, nil, "route", "--care", "aldreomsorg", "--kommun", "Malmö", "--date", "2026-12-03", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var v struct {
		Candidates []map[string]any `json:"candidates"`
		Note       *string          `json:"note"`
	}
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if len(v.Candidates) == 0 || v.Note == nil {
		t.Fatalf("want candidates and a note key: %s", out)
	}
	first := v.Candidates[0]
	for k, want := range map[string]string{
		"contact_id": "malmo-bistand-omar", "unit_id": "malmo-aldreomsorg", "channel": "mattermost:skane-kommun/omar.haddad",
	} {
		if first[k] != want {
			t.Errorf("%s = %v, want %s", k, first[k], want)
		}
	}
	if why, _ := first["why"].(string); !strings.Contains(why, "Anna Lindqvist är borta till 18 dec → ersättare Omar Haddad") {
		t.Errorf("why = %q", why)
	}
}

func TestDirectorySearchJSON(t *testing.T) {
	code, out, errOut := runDir(t, nil, "search", "kurator", "lund", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var v struct {
		Results []struct {
			ContactID string  `json:"contact_id"`
			UnitID    string  `json:"unit_id"`
			Score     float64 `json:"score"`
		} `json:"results"`
	}
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if len(v.Results) == 0 || v.Results[0].ContactID != "lund-skola-kurator-sara" || v.Results[0].UnitID != "lund-skola-polhem" || v.Results[0].Score <= 0 {
		t.Errorf("results = %+v", v.Results)
	}
	code, out, _ = runDir(t, nil, "search", "ingen-sadan-person")
	if code != 0 || !strings.Contains(out, "Ingen träff") {
		t.Errorf("no-match search: exit %d, %q", code, out)
	}
}

func TestDirectoryCheck(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.yaml")
	bad := filepath.Join(dir, "bad.yaml")
	writeFile(t, good, `organisations:
  - {id: lund, name: Lunds kommun, kind: kommun}
units:
  - id: u
    org: lund
    name: Skolan
    care: [skola]
    kommuner: [Lund]
    entry: c
contacts:
  - id: c
    unit: u
    kind: function
    name: Elevhälsan
    reach:
      - email: e@example.se
`)
	writeFile(t, bad, `units:
  - id: v
    org: nowhere
    name: Fel
    care: [tandvard]
    kommuner: [Atlantis]
contacts:
  - id: d
    unit: v
    kind: person
    name: "Test 19121212-1212"
`)
	tests := []struct {
		name     string
		args     []string
		env      map[string]string
		code     int
		stdout   string
		stderrIn []string
	}{
		{"sample", []string{"check"}, nil, 0, "ok: 11 organisations, 33 units, 47 contacts in 6 files\n", nil},
		{"file", []string{"check", good}, nil, 0, "ok: 1 organisations, 1 units, 1 contacts in 1 files\n", nil},
		{"env", []string{"check"}, map[string]string{"SAMLA_DIRECTORY": good}, 0, "ok: 1 organisations, 1 units, 1 contacts in 1 files\n", nil},
		{"invalid", []string{"check", good, bad}, nil, 1, "", []string{
			bad + ":3: unit \"v\": unknown organisation \"nowhere\"",
			bad + ":5: unknown care level \"tandvard\"",
			bad + ":6: unknown kommun \"Atlantis\"",
			bad + ":2: unit \"v\" has no entry",
			bad + ":8: contact \"d\" has no way to reach it",
			bad + ":11: contact name contains a Swedish personnummer",
		}},
		{"missing file", []string{"check", filepath.Join(dir, "nope.yaml")}, nil, 1, "", []string{"nope.yaml"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runDir(t, tt.env, tt.args...)
			if code != tt.code || out != tt.stdout {
				t.Errorf("exit %d, stdout %q; want %d, %q (stderr %s)", code, out, tt.code, tt.stdout, errOut)
			}
			for _, s := range tt.stderrIn {
				if !strings.Contains(errOut, s) {
					t.Errorf("stderr lacks %q:\n%s", s, errOut)
				}
			}
			if strings.Contains(errOut, "19121212") {
				t.Error("stderr repeats the personnummer")
			}
		})
	}
}

func TestDirectoryGenerate(t *testing.T) {
	dir := t.TempDir()
	code, out, errOut := runDir(t, nil, "generate", "--contacts", "5000", "--out", dir)
	if code != 0 || !strings.Contains(out, "5000 contacts in 22 files") {
		t.Fatalf("exit %d, %q, %s", code, out, errOut)
	}
	code, out, errOut = runDir(t, nil, "check", dir)
	if code != 0 || !strings.HasPrefix(out, "ok: ") || !strings.Contains(out, "5000 contacts in 22 files") {
		t.Errorf("check generated: exit %d, %q, %s", code, out, errOut)
	}
}

func TestDirectoryUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{}, {"frobnicate"}, {"route", "--care", "bup"}, {"route", "--care", "bup", "--kommun", "Lund", "--date", "3 dec"},
		{"search"}, {"generate"}, {"route", "--nope"},
	} {
		if code, _, _ := runDir(t, nil, args...); code != 2 {
			t.Errorf("samla directory %v: exit %d, want 2", args, code)
		}
	}
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}
