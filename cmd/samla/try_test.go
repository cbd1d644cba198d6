package main

import (
	"bytes"
	"context"
	"flag"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/samla-sip/samla/internal/testutil"
)

var updateTry = flag.Bool("update-try", false, "rewrite the samla try golden files")

func tryEnv(stdin string, env map[string]string) (*cliEnv, *bytes.Buffer, *bytes.Buffer) {
	var out, errOut bytes.Buffer
	return &cliEnv{
		stdin: strings.NewReader(stdin), stdout: &out, stderr: &errOut,
		getenv: func(k string) string { return env[k] },
	}, &out, &errOut
}

func fixedTry() tryOptions {
	now := time.Date(2026, 11, 23, 8, 0, 0, 0, time.UTC)
	return tryOptions{now: func() time.Time { return now }, rand: rand.NewChaCha8([32]byte{7})}
}

// TestTryExampleScript runs the README's example script through
// "samla try" on the embedded sample directory and a temporary bbolt store.
func TestTryExampleScript(t *testing.T) {
	script, err := os.ReadFile(filepath.Join("..", "..", "examples", "try.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(strings.TrimSpace(string(script)), "\n") + 1; n != 5 {
		t.Errorf("example script has %d lines, want 5", n)
	}
	for _, lang := range []string{"sv", "en"} {
		t.Run(lang, func(t *testing.T) {
			env, out, errOut := tryEnv(string(script), nil)
			if err := runTryWith(context.Background(), env, []string{"--lang", lang}, fixedTry()); err != nil {
				t.Fatalf("try: %v\n%s", err, errOut.String())
			}
			if errOut.Len() > 0 {
				t.Errorf("stderr: %s", errOut.String())
			}
			path := filepath.Join("testdata", "try", "example-"+lang+".golden")
			testutil.Golden(t, path, out.Bytes(), *updateTry)
		})
	}
}

func TestTryFlags(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		env     map[string]string
		stdin   string
		wantErr string
		wantOut string
	}{
		{"as flag", []string{"--as", "bup-lund-vagin"}, nil, "/sip mina\n", "", "bup-lund-vagin> /sip mina"},
		{"unknown contact", []string{"--as", "nobody"}, nil, "", "nobody", ""},
		{"bad directory", []string{"--directory", filepath.Join(t.TempDir(), "missing.yaml")}, nil, "", "directory", ""},
		{"directory from env", nil, map[string]string{"SAMLA_DIRECTORY": filepath.Join(t.TempDir(), "missing.yaml")}, "", "directory", ""},
		{"english by env", nil, map[string]string{"SAMLA_LANG": "en"}, ":as bup-lund-vagin\n/sip help\n", "", "SIP commands"},
		{"quit", nil, nil, ":quit\n:as bup-lund-vagin\n", "", ""},
		{"help", []string{"-h"}, nil, "", "", ""},
		{"stray argument", []string{"extra"}, nil, "", "exit status", ""},
		{"bad flag", []string{"--nope"}, nil, "", "exit status", ""},
		{"no actor with own directory", []string{"--directory", filepath.Join("..", "..", "examples", "directory")}, nil, "/sip mina\n", "", "Välj först vem du är"},
		{"sample convener by default", nil, nil, "/sip mina\n", "", "lund-skola-kurator-sara> /sip mina"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env, out, _ := tryEnv(tt.stdin, tt.env)
			err := runTryWith(context.Background(), env, tt.args, fixedTry())
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want it to mention %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(out.String(), tt.wantOut) {
				t.Errorf("output %q lacks %q", out.String(), tt.wantOut)
			}
			if tt.name == "quit" && strings.Contains(out.String(), "bup-lund-vagin") {
				t.Errorf("lines after :quit were read: %q", out.String())
			}
		})
	}
}

func TestTryKeepsData(t *testing.T) {
	data := t.TempDir()
	env, _, _ := tryEnv(":as lund-skola-kurator-sara\n/sip ny kommun=Lund ålder=14 parter=bup\n", nil)
	if err := runTryWith(context.Background(), env, []string{"--data", data}, fixedTry()); err != nil {
		t.Fatal(err)
	}
	env, out, _ := tryEnv(":as lund-skola-kurator-sara\n/sip mina\n", nil)
	if err := runTryWith(context.Background(), env, []string{"--data", data}, fixedTry()); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "Dina öppna ärenden (1)") {
		t.Errorf("case not kept in --data: %q", out.String())
	}
}

// TestTryMovesTheClock: "samla try" runs the reminders engine, and ":tid"
// moves its clock, so a nudge to an invitee who has not answered shows up
// after two working days.
func TestTryMovesTheClock(t *testing.T) {
	script := `/sip ny kommun=Lund ålder=14 parter=bup
/sip samtycke $REF skriftligt av=vårdnadshavare
/sip möte $REF 2026-12-10 13:00 video
/sip bjud $REF
:tid +1d
:tid +2d
:tid igår
`
	env, out, errOut := tryEnv(script, nil)
	if err := runTryWith(context.Background(), env, nil, fixedTry()); err != nil {
		t.Fatalf("try: %v\n%s", err, errOut.String())
	}
	got := out.String()
	day1 := strings.Index(got, "⏱ 2026-11-24 09:00 (Tue)")
	day3 := strings.Index(got, "⏱ 2026-11-26 09:00 (Thu)")
	nudge := strings.Index(got, "*Påminnelse: obesvarad SIP-kallelse*")
	if day1 < 0 || day3 < 0 || nudge < day3 {
		t.Errorf("want the nudge after the clock moved two working days (at %d, %d, %d):\n%s", day1, day3, nudge, got)
	}
	if !strings.Contains(got, `! "igår": skriv t.ex. :tid +7d`) {
		t.Errorf("a bad move is not refused:\n%s", got)
	}
}
