package main

import (
	"runtime"
	"strings"
	"testing"
)

func TestVersion(t *testing.T) {
	out := runCLI(t, nil, 0, "version")
	for _, want := range []string{"samla " + version + "\n", "commit ", runtime.Version()} {
		if !strings.Contains(out, want) {
			t.Errorf("samla version = %q, want %q in it", out, want)
		}
	}
	runCLI(t, nil, 2, "version", "extra")
}

func TestHealthcheck(t *testing.T) {
	base, _, stop, _ := startServe(t, map[string]string{"SAMLA_DATA": t.TempDir()})
	addr := strings.TrimPrefix(base, "http://")
	if out := runCLI(t, map[string]string{"SAMLA_LISTEN": addr}, 0, "healthcheck"); !strings.Contains(out, "ok") {
		t.Errorf("healthcheck = %q", out)
	}
	if code, body := httpGet(t, base+"/metrics", ""); code != 200 || !strings.Contains(body, `samla_build_info{commit=`) {
		t.Errorf("/metrics has no samla_build_info (%d)", code)
	}
	stop()
	runCLI(t, map[string]string{"SAMLA_LISTEN": addr}, 1, "healthcheck")
}

func TestHealthURL(t *testing.T) {
	for listen, want := range map[string]string{
		"0.0.0.0:8080":   "http://127.0.0.1:8080/healthz",
		":8080":          "http://127.0.0.1:8080/healthz",
		"[::]:8080":      "http://127.0.0.1:8080/healthz",
		"10.0.0.5:9000":  "http://10.0.0.5:9000/healthz",
		"[fd00::1]:8080": "http://[fd00::1]:8080/healthz",
	} {
		if got := healthURL(listen); got != want {
			t.Errorf("healthURL(%q) = %q, want %q", listen, got, want)
		}
	}
}
