package main

import (
	"context"
	"encoding/json"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/samla-sip/samla/examples"
)

const serveToken = "serve-test-token-123"

// startServe runs "samla serve --listen 127.0.0.1:0" and returns its base
// URL, its stderr, a stop function returning the exit code, and the reload
// channel.
func startServe(t *testing.T, vars map[string]string) (string, *cliBuffer, func() int, chan<- struct{}) {
	t.Helper()
	env, _, stderr := cliTestEnv(vars)
	reload := make(chan struct{})
	env.reload = reload
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	code := -1
	go func() {
		defer close(done)
		code = run(ctx, env, []string{"serve", "--listen", "127.0.0.1:0"})
	}()
	stop := func() int {
		cancel()
		select {
		case <-done:
			return code
		case <-time.After(10 * time.Second):
			t.Fatal("samla serve did not stop")
			return -1
		}
	}
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if addr := listenAddr(stderr.String()); addr != "" {
			t.Cleanup(func() { cancel(); <-done })
			return "http://" + addr, stderr, stop, reload
		}
		select {
		case <-done:
			t.Fatalf("samla serve exited %d before listening:\n%s", code, stderr)
		case <-time.After(20 * time.Millisecond):
		}
	}
	cancel()
	t.Fatalf("samla serve did not listen:\n%s", stderr)
	return "", nil, nil, nil
}

// listenAddr finds the "listening" log line's address.
func listenAddr(log string) string {
	for _, line := range strings.Split(log, "\n") {
		var rec struct{ Msg, Addr string }
		if json.Unmarshal([]byte(line), &rec) == nil && rec.Msg == "listening" {
			return rec.Addr
		}
	}
	return ""
}

func httpGet(t *testing.T, url, token string) (int, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(b)
}

func TestServeEmbeddedSample(t *testing.T) {
	data := t.TempDir()
	base, stderr, stop, reload := startServe(t, map[string]string{
		"SAMLA_DATA": data, "SAMLA_API_TOKENS": serveToken, "SAMLA_LOG_LEVLE": "debug",
	})

	if code, body := httpGet(t, base+"/healthz", ""); code != 200 {
		t.Errorf("healthz = %d %s", code, body)
	}
	if code, body := httpGet(t, base+"/readyz", ""); code != 200 || !strings.Contains(body, `"store":"ok"`) || !strings.Contains(body, `"directory":"ok"`) {
		t.Errorf("readyz = %d %s", code, body)
	}
	route := base + "/api/v1/directory/route?care=bup&kommun=Lund&age=14"
	if code, _ := httpGet(t, route, ""); code != 401 {
		t.Errorf("API without token = %d, want 401", code)
	}
	code, body := httpGet(t, route, serveToken)
	var res struct {
		Candidates []struct {
			ContactID string `json:"contact_id"`
			UnitID    string `json:"unit_id"`
			Channel   string `json:"channel"`
			Why       string `json:"why"`
		} `json:"candidates"`
	}
	if err := json.Unmarshal([]byte(body), &res); err != nil || code != 200 || len(res.Candidates) == 0 {
		t.Fatalf("route = %d %s (%v)", code, body, err)
	}
	if c := res.Candidates[0]; c.ContactID == "" || c.UnitID == "" || c.Channel == "" || c.Why == "" {
		t.Errorf("incomplete candidate %+v", c)
	}
	if code, body := httpGet(t, base+"/api/v1/directory/search?q=bup", serveToken); code != 200 || !strings.Contains(body, `"contact_id"`) {
		t.Errorf("search = %d %s", code, body)
	}

	reload <- struct{}{}
	waitFor(t, func() bool {
		_, m := httpGet(t, base+"/metrics", "")
		return strings.Contains(m, "samla_directory_reload_requests_total 1")
	}, "reload request counted")
	_, metrics := httpGet(t, base+"/metrics", "")
	for _, want := range []string{"samla_directory_loaded 1", `samla_http_requests_total{code="401",method="GET",route="GET /api/v1/directory/route"} 1`,
		`samla_reminders_written_total{kind="followup-0d"} 0`, `samla_reminder_errors_total{kind="followup-7d",stage="plan"} 0`} {
		if !strings.Contains(metrics, want) {
			t.Errorf("metrics lack %q", want)
		}
	}

	if code := stop(); code != 0 {
		t.Errorf("exit %d:\n%s", code, stderr)
	}
	log := stderr.String()
	for _, want := range []string{`"msg":"directory loaded"`, `"source":"embedded sample"`, `"msg":"stopped"`,
		`"level":"WARN","msg":"configuration: unknown setting SAMLA_LOG_LEVLE in the environment; did you mean SAMLA_LOG_LEVEL?"`} {
		if !strings.Contains(log, want) {
			t.Errorf("log lacks %s:\n%s", want, log)
		}
	}
	if strings.Contains(log, serveToken) || strings.Contains(log, "kommun=Lund") {
		t.Errorf("log holds a token or a query:\n%s", log)
	}
	if _, err := os.Stat(filepath.Join(data, "samla.db")); err != nil {
		t.Errorf("bbolt file not in SAMLA_DATA: %v", err)
	}
}

func waitFor(t *testing.T, ok func() bool, what string) {
	t.Helper()
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if ok() {
			return
		}
	}
	t.Fatalf("timed out waiting: %s", what)
}

func TestServeFailsClearly(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "bad.yaml")
	if err := os.WriteFile(bad, []byte("units:\n  - id: x\n    care: [tandvard]\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		vars map[string]string
		args []string
		code int
		want string
	}{
		{"invalid config", map[string]string{"SAMLA_STORE": "mongo"}, nil, 1, `SAMLA_STORE: must be bbolt or redis, got "mongo"`},
		{"bad listen address", nil, []string{"--listen", "127.0.0.1:notaport"}, 1, "listen on 127.0.0.1:notaport"},
		{"invalid directory", map[string]string{"SAMLA_DIRECTORY": bad}, nil, 1, bad + ":"},
		{"unreachable redis", map[string]string{"SAMLA_STORE": "redis", "SAMLA_REDIS_URL": "redis://127.0.0.1:1/0"}, nil, 1, "store redis does not answer"},
		{"stray argument", nil, []string{"now"}, 2, `unexpected argument "now"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			vars := map[string]string{"SAMLA_DATA": t.TempDir()}
			for k, v := range tt.vars {
				vars[k] = v
			}
			env, _, stderr := cliTestEnv(vars)
			env.reload = make(chan struct{})
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			args := append([]string{"serve", "--listen", "127.0.0.1:0"}, tt.args...)
			if code := run(ctx, env, args); code != tt.code || !strings.Contains(stderr.String(), tt.want) {
				t.Errorf("exit %d, want %d; stderr lacks %q:\n%s", code, tt.code, tt.want, stderr)
			}
			if listenAddr(stderr.String()) != "" && tt.name != "bad listen address" {
				t.Error("listened despite the error")
			}
		})
	}
}

// metricValue reads one sample from /metrics (-1 if absent); name is the
// metric's name with its labels as exposed, e.g. x_total{cause="signal"}.
func metricValue(t *testing.T, base, name string) float64 {
	t.Helper()
	_, body := httpGet(t, base+"/metrics", "")
	for _, line := range strings.Split(body, "\n") {
		if v, ok := strings.CutPrefix(line, name+" "); ok {
			f, err := strconv.ParseFloat(v, 64)
			if err != nil {
				t.Fatal(err)
			}
			return f
		}
	}
	return -1
}

func TestServeReloadsDirectory(t *testing.T) {
	dir := t.TempDir()
	sample := examples.Directory()
	entries, err := fs.ReadDir(sample, ".")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, err := fs.ReadFile(sample, e.Name())
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, e.Name()), b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	base, stderr, stop, reload := startServe(t, map[string]string{
		"SAMLA_DATA": t.TempDir(), "SAMLA_API_TOKENS": serveToken, "SAMLA_DIRECTORY": dir,
	})
	search := base + "/api/v1/directory/search?q=testenheten"
	if _, body := httpGet(t, search, serveToken); strings.Contains(body, "testenheten-vagin") {
		t.Fatalf("unexpected hit before the change: %s", body)
	}

	// An invalid file is refused; the old directory stays in service.
	bad := filepath.Join(dir, "zz-extra.yaml")
	if err := os.WriteFile(bad, []byte("units:\n  - id: broken\n    care: [tandvard]\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	reload <- struct{}{}
	waitFor(t, func() bool { return metricValue(t, base, `samla_directory_reload_failures_total{cause="signal"}`) >= 1 }, "reload refused")
	if code, body := httpGet(t, base+"/api/v1/directory/route?care=bup&kommun=Lund", serveToken); code != 200 || !strings.Contains(body, `"contact_id"`) {
		t.Errorf("old directory not served after a refused reload: %d %s", code, body)
	}

	// A valid addition is put in service.
	extra := `units:
  - id: testenheten
    org: region-skane
    name: Testenheten Lund
    care: [bup]
    kommuner: [Lund]
    entry: testenheten-vagin
contacts:
  - id: testenheten-vagin
    unit: testenheten
    kind: function
    name: Testenheten SIP-mottagning
    roles: [vag-in]
    reach:
      - email: test@example.se
`
	if err := os.WriteFile(bad, []byte(extra), 0o600); err != nil {
		t.Fatal(err)
	}
	reload <- struct{}{}
	waitFor(t, func() bool {
		_, body := httpGet(t, search, serveToken)
		return strings.Contains(body, "testenheten-vagin")
	}, "new contact served")
	// The new directory is served the moment it is swapped in; the reload
	// hook counts it right after, so wait for the count too.
	waitFor(t, func() bool {
		return metricValue(t, base, `samla_directory_reloads_total{cause="signal"}`) >= 1
	}, "reload counted")
	if n := metricValue(t, base, "samla_directory_reload_requests_total"); n != 2 {
		t.Errorf("samla_directory_reload_requests_total = %v, want 2", n)
	}
	if code := stop(); code != 0 {
		t.Errorf("exit %d:\n%s", code, stderr)
	}
	if !strings.Contains(stderr.String(), `"component":"directory"`) || !strings.Contains(stderr.String(), "zz-extra.yaml") {
		t.Errorf("reload problems not logged:\n%s", stderr)
	}
}
