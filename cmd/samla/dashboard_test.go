package main

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/samla-sip/samla/examples"
)

const (
	dashboardFile = "../../deploy/grafana/samla.json"
	alertsFile    = "../../deploy/helm/samla/files/alerts.yaml"
)

// dashboard is the part of a Grafana dashboard the test reads.
type dashboard struct {
	UID        string `json:"uid"`
	Title      string `json:"title"`
	Templating struct {
		List []struct {
			Name  string `json:"name"`
			Query any    `json:"query"`
		} `json:"list"`
	} `json:"templating"`
	Panels []struct {
		ID         int    `json:"id"`
		Type       string `json:"type"`
		Title      string `json:"title"`
		Datasource struct {
			UID string `json:"uid"`
		} `json:"datasource"`
		GridPos struct{ X, W int } `json:"gridPos"`
		Targets []struct {
			Expr string `json:"expr"`
		} `json:"targets"`
	} `json:"panels"`
}

// metricName matches the metric names a PromQL expression uses (Samla's
// own and the Go and process collectors').
var metricName = regexp.MustCompile(`\b(?:samla|go|process)_[a-z0-9_]+\b`)

// TestGrafanaDashboard checks deploy/grafana/samla.json: well formed, and
// every metric it (or the alert rules in the Helm chart) names is on a
// running server's /metrics. The server is
// driven until every family has a sample: a Slack flow whose fake Web API
// rate-limits once and refuses one address (deliveries, deferrals, a dead
// letter), and directory reloads, one of them refused.
func TestGrafanaDashboard(t *testing.T) {
	b, err := os.ReadFile(dashboardFile)
	if err != nil {
		t.Fatal(err)
	}
	var d dashboard
	if err := json.Unmarshal(b, &d); err != nil {
		t.Fatalf("%s: %v", dashboardFile, err)
	}
	if d.UID == "" || d.Title == "" {
		t.Error("dashboard without uid or title")
	}
	names := map[string]bool{}
	ids := map[int]bool{}
	for _, p := range d.Panels {
		if ids[p.ID] {
			t.Errorf("panel id %d used twice", p.ID)
		}
		ids[p.ID] = true
		if p.GridPos.X+p.GridPos.W > 24 {
			t.Errorf("panel %q is wider than the grid", p.Title)
		}
		if p.Type == "row" {
			continue
		}
		if p.Datasource.UID != "${datasource}" || len(p.Targets) == 0 {
			t.Errorf("panel %q: datasource %q, %d targets; want the ${datasource} variable and a query", p.Title, p.Datasource.UID, len(p.Targets))
		}
		for _, tg := range p.Targets {
			for _, n := range metricName.FindAllString(tg.Expr, -1) {
				names[n] = true
			}
		}
	}
	for _, v := range d.Templating.List {
		q, _ := json.Marshal(v.Query)
		for _, n := range metricName.FindAllString(string(q), -1) {
			names[n] = true
		}
	}
	alerts := readAlerts(t)
	for _, r := range alerts {
		for _, n := range metricName.FindAllString(r.Expr, -1) {
			names[n] = true
		}
	}
	for _, want := range []string{"samla_http_requests_total", "samla_outbox_pending", "samla_outbox_dead_letters_total", "samla_reminders_written_total", "samla_directory_entries"} {
		if !names[want] {
			t.Errorf("the dashboard does not show %s", want)
		}
	}

	base, reload, dir := serveForMetrics(t)
	reload <- struct{}{}
	waitFor(t, func() bool {
		_, body := httpGet(t, base+"/metrics", "")
		return hasSample(body, "samla_directory_reloads_total")
	}, "a directory reload")
	if err := os.WriteFile(filepath.Join(dir, "zz-broken.yaml"), []byte("units:\n  - id: broken\n    care: [tandvard]\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	reload <- struct{}{}

	var missing []string
	for deadline := time.Now().Add(15 * time.Second); ; time.Sleep(100 * time.Millisecond) {
		_, body := httpGet(t, base+"/metrics", "")
		missing = missing[:0]
		for n := range names {
			if !hasSample(body, n) {
				missing = append(missing, n)
			}
		}
		if len(missing) == 0 || time.Now().After(deadline) {
			break
		}
	}
	slices.Sort(missing)
	for _, n := range missing {
		t.Errorf("the dashboard or the alerts name %s, which is not on /metrics", n)
	}
}

type alertRule struct {
	Alert string `yaml:"alert"`
	Expr  string `yaml:"expr"`
}

// readAlerts reads the chart's Prometheus rule file.
func readAlerts(t *testing.T) []alertRule {
	t.Helper()
	b, err := os.ReadFile(alertsFile)
	if err != nil {
		t.Fatal(err)
	}
	var f struct {
		Groups []struct {
			Rules []alertRule `yaml:"rules"`
		} `yaml:"groups"`
	}
	if err := yaml.Unmarshal(b, &f); err != nil {
		t.Fatalf("%s: %v", alertsFile, err)
	}
	var rules []alertRule
	for _, g := range f.Groups {
		rules = append(rules, g.Rules...)
	}
	if len(rules) == 0 {
		t.Fatalf("%s holds no rules", alertsFile)
	}
	return rules
}

// hasSample reports whether the exposition text has a sample of name.
func hasSample(exposition, name string) bool {
	for _, line := range strings.Split(exposition, "\n") {
		if rest, ok := strings.CutPrefix(line, name); ok && (strings.HasPrefix(rest, "{") || strings.HasPrefix(rest, " ")) {
			return true
		}
	}
	return false
}

// serveForMetrics runs samla serve on a copy of the sample directory with
// Slack on a fake Web API, convenes a case and invites, and returns the
// server's URL, its reload channel and the directory folder.
func serveForMetrics(t *testing.T) (string, chan<- struct{}, string) {
	t.Helper()
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
	fake := httptest.NewServer(&troubledSlack{})
	t.Cleanup(fake.Close)
	base, stderr, _, reload := startServe(t, map[string]string{
		"SAMLA_DATA": t.TempDir(), "SAMLA_DIRECTORY": dir,
		"SAMLA_SLACK_SIGNING_SECRET": slackServeSecret, "SAMLA_SLACK_BOT_TOKENS": "T0SKANE01=xoxb-test",
		"SAMLA_SLACK_API_URL": fake.URL + "/",
	})
	_, text := slackCommand(t, base, slackServeSecret, "U0VCLUND", "ny kommun=Lund ålder=14 parter=bup,primarvard")
	ref := regexp.MustCompile(`SIP-[0-9A-Z]{6}`).FindString(text)
	if ref == "" {
		t.Fatalf("no case: %q\n%s", text, stderr)
	}
	slackCommand(t, base, slackServeSecret, "U0VCLUND", "samtycke "+ref+" skriftligt vardnadshavare")
	slackCommand(t, base, slackServeSecret, "U0VCLUND", "bjud "+ref)
	return base, reload, dir
}

// troubledSlack is a Slack Web API that rate-limits the first message and
// refuses every direct message except BUP Lund's.
type troubledSlack struct {
	mu      sync.Mutex
	limited bool
}

func (f *troubledSlack) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	_ = r.ParseForm()
	w.Header().Set("Content-Type", "application/json")
	switch strings.TrimPrefix(r.URL.Path, "/") {
	case "conversations.open":
		if r.Form.Get("users") == "U0BUPLUND" {
			fmt.Fprint(w, `{"ok":true,"channel":{"id":"D0BUP"}}`)
			return
		}
		fmt.Fprint(w, `{"ok":true,"channel":{"id":"D0GONE"}}`)
	case "chat.postMessage", "chat.update":
		f.mu.Lock()
		first := !f.limited
		f.limited = true
		f.mu.Unlock()
		switch {
		case first:
			w.Header().Set("Retry-After", "1")
			w.WriteHeader(http.StatusTooManyRequests)
			fmt.Fprint(w, `{"ok":false,"error":"ratelimited"}`)
		case r.Form.Get("channel") == "D0GONE":
			fmt.Fprint(w, `{"ok":false,"error":"channel_not_found"}`)
		default:
			fmt.Fprintf(w, `{"ok":true,"channel":%q,"ts":"1700000000.000100"}`, r.Form.Get("channel"))
		}
	default:
		fmt.Fprint(w, `{"ok":true}`)
	}
}
