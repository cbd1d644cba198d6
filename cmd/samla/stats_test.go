package main

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
)

// TestStatsCommand: stats demo fills a scratch store; stats reads it as a
// table, CSV and JSON with no case reference; bad flags exit 2.
func TestStatsCommand(t *testing.T) {
	dir := t.TempDir()
	out := runOK(t, nil, "stats", "demo", "--cases", "400", "--data", dir)
	if !strings.Contains(out, "400 synthetic SIPs") {
		t.Fatalf("demo: %q", out)
	}
	vars := map[string]string{"SAMLA_DATA": dir}
	if out := runOK(t, vars, "stats", "--by", "care"); !strings.Contains(out, "Svar per vårdnivå") || !strings.Contains(out, "total") {
		t.Errorf("table:\n%s", out)
	}
	if out := runOK(t, vars, "stats", "--format", "csv", "--by", "unit"); !strings.HasPrefix(out, "table,month,group,opened") {
		t.Errorf("csv:\n%.300s", out)
	}
	out = runOK(t, vars, "stats", "--format", "json", "--by", "ageband", "--ageband", "0-18")
	var rep struct{ Rows []struct{ Group string } }
	if err := json.Unmarshal([]byte(out), &rep); err != nil || len(rep.Rows) == 0 {
		t.Fatalf("json: %v\n%.300s", err, out)
	}
	for _, r := range rep.Rows {
		if r.Group != "total" && r.Group != "0-18" {
			t.Errorf("filtered to 0-18, got group %q", r.Group)
		}
	}
	if strings.Contains(out, "DEMO-") {
		t.Error("a case reference in the export")
	}
	for _, args := range [][]string{{"stats", "--by", "person"}, {"stats", "--from", "2026-13"}, {"stats", "--format", "xml"}, {"stats", "demo", "--data", dir}} {
		env, _, stderr := cliTestEnv(vars)
		if code := run(context.Background(), env, args); code == 0 {
			t.Errorf("%v: exit 0, stderr %s", args, stderr)
		}
	}
}
