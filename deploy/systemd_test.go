package deploy_test

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/samla-sip/samla/config"
)

// unit is a systemd unit file: section → key → values, in order.
type unit map[string]map[string][]string

func readUnit(t *testing.T, path string) unit {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	u := unit{}
	section := ""
	s := bufio.NewScanner(f)
	for s.Scan() {
		line := strings.TrimSpace(s.Text())
		switch {
		case line == "" || strings.HasPrefix(line, "#") || strings.HasPrefix(line, ";"):
		case strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]"):
			section = strings.Trim(line, "[]")
			u[section] = map[string][]string{}
		default:
			k, v, ok := strings.Cut(line, "=")
			if !ok || section == "" {
				t.Fatalf("%s: not a key=value line in a section: %q", path, line)
			}
			u[section][k] = append(u[section][k], v)
		}
	}
	return u
}

func (u unit) get(section, key string) string {
	vs := u[section][key]
	if len(vs) == 0 {
		return "<unset>"
	}
	return vs[len(vs)-1]
}

// TestSystemdUnit checks deploy/systemd/samla.service: hardened, running
// `samla serve` with the example environment file, its state in the
// StateDirectory; and systemd-analyze verify finds nothing to say where
// it is installed.
func TestSystemdUnit(t *testing.T) {
	const path = "systemd/samla.service"
	u := readUnit(t, path)
	for key, want := range map[string]string{
		"DynamicUser":             "yes",
		"StateDirectory":          "samla",
		"StateDirectoryMode":      "0700",
		"UMask":                   "0077",
		"ProtectSystem":           "strict",
		"ProtectHome":             "yes",
		"PrivateTmp":              "yes",
		"PrivateDevices":          "yes",
		"NoNewPrivileges":         "yes",
		"CapabilityBoundingSet":   "",
		"AmbientCapabilities":     "",
		"RestrictSUIDSGID":        "yes",
		"MemoryDenyWriteExecute":  "yes",
		"SystemCallArchitectures": "native",
		"EnvironmentFile":         "/etc/samla/samla.env",
		"ExecReload":              "/bin/kill -HUP $MAINPID",
		"KillSignal":              "SIGTERM",
		"Restart":                 "on-failure",
	} {
		if got := u.get("Service", key); got != want {
			t.Errorf("[Service] %s = %q, want %q", key, got, want)
		}
	}
	if exec := strings.Fields(u.get("Service", "ExecStart")); len(exec) != 2 || filepath.Base(exec[0]) != "samla" || exec[1] != "serve" {
		t.Errorf("ExecStart = %v, want samla serve", exec)
	}
	// The backup socket is a Unix socket: AF_UNIX must stay allowed.
	if families := strings.Fields(u.get("Service", "RestrictAddressFamilies")); !slices.Contains(families, "AF_UNIX") || !slices.Contains(families, "AF_INET") {
		t.Errorf("RestrictAddressFamilies = %v, want AF_INET and AF_UNIX among them", families)
	}
	if u.get("Install", "WantedBy") != "multi-user.target" {
		t.Error("not enabled for multi-user.target")
	}

	systemdAnalyze(t, path)
}

// systemdAnalyze runs systemd-analyze verify, when installed, on a copy
// of the unit whose ExecStart names an existing binary.
func systemdAnalyze(t *testing.T, path string) {
	t.Helper()
	tool, err := exec.LookPath("systemd-analyze")
	if err != nil {
		t.Log("systemd-analyze not installed: the unit's directives were checked by name only")
		return
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	unitCopy := filepath.Join(t.TempDir(), "samla.service")
	text := strings.Replace(string(b), "ExecStart=/usr/local/bin/samla", "ExecStart="+self, 1)
	if err := os.WriteFile(unitCopy, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(tool, "verify", unitCopy).CombinedOutput()
	// It reports unknown keys and bad values as messages naming the file,
	// with exit status 0; messages about the host's other units are not ours.
	var ours []string
	for _, line := range strings.Split(string(out), "\n") {
		if strings.Contains(line, unitCopy) {
			ours = append(ours, line)
		}
	}
	if err != nil || len(ours) > 0 {
		t.Errorf("systemd-analyze verify: %v\n%s", err, strings.Join(ours, "\n"))
	}
}

// TestSystemdEnvironmentFile checks deploy/systemd/samla.env: Samla loads
// it without a problem or an unknown name, it keeps the data in the
// unit's StateDirectory, it uses no syntax systemd's EnvironmentFile
// lacks, and every setting it mentions (commented ones too) exists.
func TestSystemdEnvironmentFile(t *testing.T) {
	const path = "systemd/samla.env"
	cfg, err := config.Load(func(string) string { return "" }, path)
	if err != nil {
		t.Fatalf("samla does not load %s: %v", path, err)
	}
	if w := config.Unknown(nil, path); len(w) > 0 {
		t.Errorf("unknown settings: %v", w)
	}
	u := readUnit(t, "systemd/samla.service")
	if want := "/var/lib/" + u.get("Service", "StateDirectory"); cfg.Data != want || cfg.Store != "bbolt" {
		t.Errorf("SAMLA_STORE=%s SAMLA_DATA=%s, want bbolt in %s (the unit's StateDirectory)", cfg.Store, cfg.Data, want)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for i, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "export ") {
			t.Errorf("%s:%d: systemd's EnvironmentFile does not take export", path, i+1)
		}
	}
	for _, name := range regexp.MustCompile(`SAMLA_[A-Z_]+`).FindAllString(string(b), -1) {
		if !slices.Contains(config.Names(), name) {
			t.Errorf("%s names %s, which is not a Samla setting", path, name)
		}
	}
}
