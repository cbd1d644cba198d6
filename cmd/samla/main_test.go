package main

import (
	"bytes"
	"context"
	"strings"
	"sync"
	"testing"
)

// cliBuffer is an output buffer safe for a command's goroutines.
type cliBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *cliBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *cliBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// testEnv is a cliEnv over buffers and the given environment.
func cliTestEnv(vars map[string]string) (*cliEnv, *cliBuffer, *cliBuffer) {
	stdout, stderr := &cliBuffer{}, &cliBuffer{}
	return &cliEnv{
		stdin:  strings.NewReader(""),
		stdout: stdout,
		stderr: stderr,
		getenv: func(k string) string { return vars[k] },
		environ: func() []string {
			var kv []string
			for k, v := range vars {
				kv = append(kv, k+"="+v)
			}
			return kv
		},
	}, stdout, stderr
}

func TestRunUsage(t *testing.T) {
	env, stdout, _ := cliTestEnv(nil)
	if code := run(context.Background(), env, nil); code != 0 || !strings.Contains(stdout.String(), "Usage: samla COMMAND") {
		t.Errorf("no args → %d %q", code, stdout)
	}
	env, _, stderr := cliTestEnv(nil)
	if code := run(context.Background(), env, []string{"fly"}); code != 2 || !strings.Contains(stderr.String(), `okänt kommando "fly"`) {
		t.Errorf("unknown command → %d %q", code, stderr)
	}
}
