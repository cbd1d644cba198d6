package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/samla-sip/samla/config"
)

const configCanary = "CANARY-5e1f"

func TestConfigShow(t *testing.T) {
	file := filepath.Join(t.TempDir(), "samla.env")
	if err := os.WriteFile(file, []byte("SAMLA_LANG=en\nSAMLA_SLACK_SIGNING_SECRET="+configCanary+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	env, stdout, stderr := cliTestEnv(map[string]string{
		"SAMLA_SLACK_BOT_TOKENS": "T0001=xoxb-" + configCanary,
		"SAMLA_API_TOKENS":       configCanary + "-token",
		"SAMLA_LISTN":            ":80",
	})
	if code := run(context.Background(), env, []string{"config", "show", "--config", file}); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	out := stdout.String()
	for _, want := range []string{"SAMLA_LANG=en\n", "SAMLA_SLACK_SIGNING_SECRET=****** (set)\n", "SAMLA_SLACK_BOT_TOKENS=T0001=******\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out+stderr.String(), configCanary) {
		t.Errorf("a secret was printed:\n%s\n%s", out, stderr)
	}
	if !strings.Contains(stderr.String(), "warning: unknown setting SAMLA_LISTN in the environment; did you mean SAMLA_LISTEN?") {
		t.Errorf("no typo warning: %s", stderr)
	}
}

func TestConfigShowInvalid(t *testing.T) {
	env, stdout, stderr := cliTestEnv(map[string]string{"SAMLA_STORE": "mongo", "SAMLA_LANG": "de"})
	if code := run(context.Background(), env, []string{"config", "show"}); code != 1 {
		t.Fatalf("exit %d, want 1", code)
	}
	for _, want := range []string{`SAMLA_STORE: must be bbolt or redis, got "mongo"`, `SAMLA_LANG: must be sv or en, got "de"`} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	if stdout.String() != "" {
		t.Errorf("printed a configuration despite errors: %s", stdout)
	}
}

func TestConfigDocs(t *testing.T) {
	env, stdout, _ := cliTestEnv(nil)
	if code := run(context.Background(), env, []string{"config", "docs"}); code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, n := range config.Names() {
		if !strings.Contains(stdout.String(), "`"+n+"`") {
			t.Errorf("docs lack %s", n)
		}
	}
}

func TestConfigUsage(t *testing.T) {
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"config"}, 2, "Usage: samla config show"},
		{[]string{"config", "edit"}, 2, `okänt underkommando "edit"`},
		{[]string{"config", "show", "--nope"}, 2, "flag provided but not defined: -nope"},
		{[]string{"config", "show", "-h"}, 0, "-config FILE"},
		{[]string{"config", "show", "--config", "/nonexistent/samla.env"}, 1, "config file:"},
	}
	for _, tt := range tests {
		env, _, stderr := cliTestEnv(nil)
		if code := run(context.Background(), env, tt.args); code != tt.code || !strings.Contains(stderr.String(), tt.want) {
			t.Errorf("%q → exit %d, stderr %q; want %d and %q", tt.args, code, stderr, tt.code, tt.want)
		}
	}
}
