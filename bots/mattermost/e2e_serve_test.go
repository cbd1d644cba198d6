//go:build e2e

package mattermost

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/mattermost/mattermost/server/public/model"

	"github.com/samla-sip/samla/internal/testutil"
)

// TestE2EServe drives the same flow as TestE2EConvening, but against the
// real "samla serve" binary (SAMLA_E2E_SAMLA_BIN) configured only through
// SAMLA_* environment variables, as an operator would run it.
func TestE2EServe(t *testing.T) {
	bin := os.Getenv("SAMLA_E2E_SAMLA_BIN")
	if bin == "" {
		t.Fatal("SAMLA_E2E_SAMLA_BIN is not set: run scripts/e2e-mattermost")
	}
	ctx, cancel := context.WithTimeout(t.Context(), 3*time.Minute)
	defer cancel()
	prefix := "s" + strings.ToLower(model.NewId()[:6])
	env := setupMattermost(t, ctx, prefix)
	kurator, bup := prefix+"kurator", prefix+"bup"

	// samla serve takes over the address the /sip command points at.
	addr := env.listener.Addr().String()
	if err := env.listener.Close(); err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	dirFile := filepath.Join(tmp, "directory.yaml")
	if err := os.WriteFile(dirFile, []byte(fmt.Sprintf(e2eDirectory, kurator, bup)), 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "serve")
	cmd.Env = append(withoutSamla(os.Environ()),
		"SAMLA_LISTEN="+addr,
		"SAMLA_PUBLIC_URL="+env.samlaURL,
		"SAMLA_STORE=bbolt",
		"SAMLA_DATA="+filepath.Join(tmp, "data"),
		"SAMLA_DIRECTORY="+dirFile,
		"SAMLA_LOG_LEVEL=warn",
		"SAMLA_MATTERMOST_SERVERS=e2e="+env.url,
		"SAMLA_MATTERMOST_BOT_TOKENS=e2e="+env.botToken,
		"SAMLA_MATTERMOST_COMMAND_TOKENS=e2e="+env.cmdToken,
		"SAMLA_MATTERMOST_ACTION_KEY=e2e-action-key-0123456789abcdef",
	)
	var out testutil.SyncBuffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatalf("start samla serve: %v", err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	t.Cleanup(func() {
		_ = cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-exited:
		case <-time.After(10 * time.Second):
			_ = cmd.Process.Kill()
			<-exited
		}
		if t.Failed() {
			t.Logf("samla serve output:\n%s", out.String())
		}
	})
	waitFor(t, ctx, 30*time.Second, "samla serve to answer /healthz", func() (bool, string) {
		select {
		case err := <-exited:
			t.Fatalf("samla serve exited: %v\n%s", err, out.String())
		default:
		}
		resp, err := http.Get(env.samlaURL + "/healthz")
		if err != nil {
			return false, err.Error()
		}
		resp.Body.Close()
		return resp.StatusCode == http.StatusOK, resp.Status
	})
	driveConvening(t, ctx, env, kurator, bup)
}

// withoutSamla drops SAMLA_* variables so only the test's settings apply.
func withoutSamla(environ []string) []string {
	var out []string
	for _, kv := range environ {
		if !strings.HasPrefix(kv, "SAMLA_") {
			out = append(out, kv)
		}
	}
	return out
}
