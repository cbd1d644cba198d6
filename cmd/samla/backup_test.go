package main

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/samla-sip/samla/internal/store/bboltstore"
)

// TestBackupRestoreWithRunningServer takes a backup while samla serve runs
// and has just created a case over Slack, wipes the store, restores the
// backup with the server stopped, and finds the case again on a new
// server: on bbolt (through the server's backup socket) and on Redis.
func TestBackupRestoreWithRunningServer(t *testing.T) {
	t.Run("bbolt", func(t *testing.T) {
		data := t.TempDir()
		backupRoundTrip(t, map[string]string{"SAMLA_DATA": data}, func(t *testing.T) {
			if err := os.Remove(filepath.Join(data, "samla.db")); err != nil {
				t.Fatal(err)
			}
		})
	})
	t.Run("redis", func(t *testing.T) {
		prefix := testRedisPrefix("backup")
		t.Cleanup(func() { deleteRedisPrefix(t, prefix) })
		backupRoundTrip(t, map[string]string{
			"SAMLA_STORE": "redis", "SAMLA_REDIS_URL": wireRedisURL(), "SAMLA_REDIS_PREFIX": prefix,
		}, func(t *testing.T) {
			if n := deleteRedisPrefix(t, prefix); n == 0 {
				t.Fatal("the server wrote no Redis keys")
			}
		})
	})
}

func backupRoundTrip(t *testing.T, vars map[string]string, wipe func(t *testing.T)) {
	fake := startFakeSlack(t)
	vars["SAMLA_SLACK_SIGNING_SECRET"] = slackServeSecret
	vars["SAMLA_SLACK_BOT_TOKENS"] = "T0SKANE01=xoxb-test"
	vars["SAMLA_SLACK_API_URL"] = fake + "/"
	file := filepath.Join(t.TempDir(), "samla.backup")

	base, stderr, stop, _ := startServe(t, vars)
	_, text := slackCommand(t, base, slackServeSecret, "U0VCLUND", "ny kommun=Lund ålder=14 parter=bup")
	ref := regexp.MustCompile(`SIP-[0-9A-Z]{6}`).FindString(text)
	if ref == "" {
		t.Fatalf("no case created: %q\n%s", text, stderr)
	}
	_, status := slackCommand(t, base, slackServeSecret, "U0VCLUND", "status "+ref)
	if !strings.Contains(status, ref) || !strings.Contains(status, "Lund") {
		t.Fatalf("status %s = %q", ref, status)
	}

	out := runCLI(t, vars, 0, "backup", file)
	if vars["SAMLA_STORE"] != "redis" && !strings.Contains(out, "from the running samla serve") {
		t.Errorf("backup did not go through the running server: %s", out)
	}
	if vars["SAMLA_STORE"] != "redis" {
		if err := bboltstore.Check(file); err != nil {
			t.Errorf("backup is not a store file: %v", err)
		}
		if out := runCLI(t, vars, 1, "restore", file); !strings.Contains(out, "stop it first") {
			t.Errorf("restore under a running server: %s", out)
		}
	}
	if code := stop(); code != 0 {
		t.Fatalf("serve exit %d:\n%s", code, stderr)
	}

	wipe(t)
	runCLI(t, vars, 0, "restore", file)
	if vars["SAMLA_STORE"] == "redis" {
		if out := runCLI(t, vars, 1, "restore", file); !strings.Contains(out, "--replace") {
			t.Errorf("second restore into a filled prefix: %s", out)
		}
		runCLI(t, vars, 0, "restore", "--replace", file)
	}

	base, stderr, stop, _ = startServe(t, vars)
	if _, again := slackCommand(t, base, slackServeSecret, "U0VCLUND", "status "+ref); again != status {
		t.Errorf("status after restore:\n%s\nbefore backup:\n%s", again, status)
	}
	if code := stop(); code != 0 {
		t.Fatalf("serve exit %d:\n%s", code, stderr)
	}
}

func TestBackupWithoutServer(t *testing.T) {
	data := t.TempDir()
	vars := map[string]string{"SAMLA_DATA": data}
	if out := runCLI(t, vars, 1, "backup", filepath.Join(t.TempDir(), "b")); !strings.Contains(out, "no store file") {
		t.Errorf("backup of a missing store: %s", out)
	}
	st, err := bboltstore.Open(filepath.Join(data, "samla.db"))
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "b")
	if out := runCLI(t, vars, 0, "backup", file); !strings.Contains(out, "no server running") {
		t.Errorf("offline backup: %s", out)
	}
	redis := map[string]string{"SAMLA_STORE": "redis", "SAMLA_REDIS_URL": wireRedisURL(), "SAMLA_REDIS_PREFIX": testRedisPrefix("backup")}
	if out := runCLI(t, redis, 1, "restore", file); !strings.Contains(out, "not a Redis export") {
		t.Errorf("bbolt file restored into Redis: %s", out)
	}
	if out := runCLI(t, vars, 2, "backup"); !strings.Contains(out, "Usage: samla backup") {
		t.Errorf("backup without OUT: %s", out)
	}
}

// runCLI runs samla with args and vars, wants exit code want, and returns
// stdout and stderr together.
func runCLI(t *testing.T, vars map[string]string, want int, args ...string) string {
	t.Helper()
	env, stdout, stderr := cliTestEnv(vars)
	code := run(context.Background(), env, args)
	out := stdout.String() + stderr.String()
	if code != want {
		t.Fatalf("samla %s: exit %d, want %d\n%s", strings.Join(args, " "), code, want, out)
	}
	return out
}

// startFakeSlack serves a fake Slack Web API for the test's duration.
func startFakeSlack(t *testing.T) string {
	s := httptest.NewServer(&fakeSlackAPI{})
	t.Cleanup(s.Close)
	return s.URL
}

// TestBackupViaSocketDetectsShortCopy: a copy the server could not finish
// (no status trailer) is an error, never a short backup; no socket means
// no server.
func TestBackupViaSocketDetectsShortCopy(t *testing.T) {
	ctx := context.Background()
	sock := filepath.Join(t.TempDir(), "samla.sock")
	if _, err := backupViaSocket(ctx, sock, io.Discard); !errors.Is(err, errNoServer) {
		t.Errorf("no socket: err = %v, want errNoServer", err)
	}
	ln, err := net.Listen("unix", sock)
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Trailer", backupStatusTrailer)
		_, _ = w.Write([]byte("the first half of a store file"))
	})}
	go func() { _ = srv.Serve(ln) }()
	defer srv.Close()
	if _, err := backupViaSocket(ctx, sock, io.Discard); err == nil || !strings.Contains(err.Error(), "copy failed") {
		t.Errorf("short copy: err = %v", err)
	}
	if !serverAnswers(ctx, sock) {
		t.Error("serverAnswers = false with a server on the socket")
	}
}
