// Package deploy_test checks every file in deploy/: the Helm chart (lint
// and the rules of its rendered manifests), the Dockerfile and, where
// docker runs, the image; the Redis manifest against a real redis-server;
// the systemd unit and its environment file. The Grafana dashboard and the
// chart's alert rules are checked against a running server's /metrics in
// cmd/samla (dashboard_test.go).
package deploy_test

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/samla-sip/samla/config"
	"github.com/samla-sip/samla/directory"
)

// helmVersion is the Helm scripts/test installs into the tools cache.
const helmVersion = "v3.22.0"

// helm finds the helm binary: SAMLA_HELM (set by scripts/test, which
// installs it), else the tools cache. Without one the test fails in CI and
// skips, saying how to get it, on a developer's machine.
func helm(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("SAMLA_HELM"); p != "" {
		return p
	}
	cache := os.Getenv("XDG_CACHE_HOME")
	if cache == "" {
		home, _ := os.UserHomeDir()
		cache = filepath.Join(home, ".cache")
	}
	p := filepath.Join(cache, "samla-tools", "helm-"+helmVersion, "helm")
	if _, err := os.Stat(p); err == nil {
		return p
	}
	if os.Getenv("CI") != "" {
		t.Fatalf("helm not found (SAMLA_HELM unset, none at %s): scripts/test installs it", p)
	}
	t.Skipf("helm not installed: run ./scripts/test once, or GOBIN=%s go install helm.sh/helm/v3/cmd/helm@%s", filepath.Dir(p), helmVersion)
	return ""
}

const chart = "helm/samla"

// render runs helm template with the value files and --set pairs.
func render(t *testing.T, files []string, set ...string) ([]manifest, error) {
	t.Helper()
	args := []string{"template", "samla", chart, "--namespace", "sip", "--kube-version", "1.30.0"}
	for _, f := range files {
		args = append(args, "-f", f)
	}
	for _, s := range set {
		args = append(args, "--set", s)
	}
	cmd := exec.Command(helm(t), args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return nil, errors.New(stderr.String())
	}
	var out []manifest
	dec := yaml.NewDecoder(&stdout)
	for {
		var (
			node yaml.Node
			m    manifest
		)
		err := dec.Decode(&node)
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err == nil {
			err = node.Decode(&m)
		}
		if err != nil {
			t.Fatalf("rendered YAML: %v", err)
		}
		m.node = &node
		if m.Kind != "" {
			out = append(out, m)
		}
	}
}

// manifest is the part of a Kubernetes object the rules look at.
type manifest struct {
	node     *yaml.Node // the whole object
	Kind     string     `yaml:"kind"`
	Metadata struct {
		Name        string            `yaml:"name"`
		Annotations map[string]string `yaml:"annotations"`
	} `yaml:"metadata"`
	Data map[string]string `yaml:"data"`
	Spec struct {
		// Deployment
		Replicas *int `yaml:"replicas"`
		Strategy struct {
			Type          string         `yaml:"type"`
			RollingUpdate map[string]any `yaml:"rollingUpdate"`
		} `yaml:"strategy"`
		Selector struct {
			MatchLabels map[string]string `yaml:"matchLabels"`
		} `yaml:"selector"`
		Template struct {
			Metadata struct {
				Labels map[string]string `yaml:"labels"`
			} `yaml:"metadata"`
			Spec podSpec `yaml:"spec"`
		} `yaml:"template"`
		// PodDisruptionBudget
		MaxUnavailable any `yaml:"maxUnavailable"`
		// Ingress
		TLS   []map[string]any `yaml:"tls"`
		Rules []struct {
			Host string `yaml:"host"`
			HTTP struct {
				Paths []struct {
					Path string `yaml:"path"`
				} `yaml:"paths"`
			} `yaml:"http"`
		} `yaml:"rules"`
		// PrometheusRule
		Groups []struct {
			Rules []struct {
				Alert string `yaml:"alert"`
				Expr  string `yaml:"expr"`
			} `yaml:"rules"`
		} `yaml:"groups"`
		// ServiceMonitor
		Endpoints []struct {
			Port string `yaml:"port"`
			Path string `yaml:"path"`
		} `yaml:"endpoints"`
	} `yaml:"spec"`
}

type podSpec struct {
	AutomountServiceAccountToken *bool `yaml:"automountServiceAccountToken"`
	SecurityContext              struct {
		RunAsNonRoot *bool `yaml:"runAsNonRoot"`
		RunAsUser    *int  `yaml:"runAsUser"`
	} `yaml:"securityContext"`
	Containers []struct {
		Image string   `yaml:"image"`
		Args  []string `yaml:"args"`
		Env   []struct {
			Name      string         `yaml:"name"`
			Value     *string        `yaml:"value"`
			ValueFrom map[string]any `yaml:"valueFrom"`
		} `yaml:"env"`
		EnvFrom []struct {
			SecretRef *struct {
				Name string `yaml:"name"`
			} `yaml:"secretRef"`
		} `yaml:"envFrom"`
		LivenessProbe  probe `yaml:"livenessProbe"`
		ReadinessProbe probe `yaml:"readinessProbe"`
		Resources      struct {
			Requests map[string]string `yaml:"requests"`
			Limits   map[string]string `yaml:"limits"`
		} `yaml:"resources"`
		SecurityContext struct {
			AllowPrivilegeEscalation *bool `yaml:"allowPrivilegeEscalation"`
			ReadOnlyRootFilesystem   *bool `yaml:"readOnlyRootFilesystem"`
			RunAsNonRoot             *bool `yaml:"runAsNonRoot"`
			Capabilities             struct {
				Drop []string `yaml:"drop"`
			} `yaml:"capabilities"`
		} `yaml:"securityContext"`
		VolumeMounts []volumeMount `yaml:"volumeMounts"`
	} `yaml:"containers"`
	Volumes                   []podVolume      `yaml:"volumes"`
	TopologySpreadConstraints []map[string]any `yaml:"topologySpreadConstraints"`
}

type volumeMount struct {
	Name      string `yaml:"name"`
	MountPath string `yaml:"mountPath"`
}

type podVolume struct {
	Name                  string            `yaml:"name"`
	EmptyDir              map[string]any    `yaml:"emptyDir"`
	ConfigMap             map[string]string `yaml:"configMap"`
	PersistentVolumeClaim map[string]any    `yaml:"persistentVolumeClaim"`
}

type probe struct {
	HTTPGet struct {
		Path string `yaml:"path"`
		Port any    `yaml:"port"`
	} `yaml:"httpGet"`
}

func find(ms []manifest, kind string) *manifest {
	for i := range ms {
		if ms[i].Kind == kind {
			return &ms[i]
		}
	}
	return nil
}

// TestChartValueSets renders the chart with its defaults and every value
// set in ci/ and checks the rules every install must keep.
func TestChartValueSets(t *testing.T) {
	sets, err := filepath.Glob(filepath.Join(chart, "ci", "*.yaml"))
	if err != nil || len(sets) < 3 {
		t.Fatalf("value sets in %s/ci: %v %v", chart, sets, err)
	}
	for _, set := range append([]string{""}, sets...) {
		name := filepath.Base(set)
		var files []string
		if set == "" {
			name = "defaults"
		} else {
			files = []string{set}
		}
		t.Run(name, func(t *testing.T) {
			ms, err := render(t, files)
			if err != nil {
				t.Fatalf("helm template: %v", err)
			}
			values := readValues(t, files)
			checkChart(t, ms, values)
		})
	}
}

// values is the part of the chart's values the checks compare with.
type values struct {
	ReplicaCount int `yaml:"replicaCount"`
	Store        struct {
		Type        string `yaml:"type"`
		Persistence struct {
			Enabled       *bool  `yaml:"enabled"`
			ExistingClaim string `yaml:"existingClaim"`
		} `yaml:"persistence"`
	} `yaml:"store"`
	ExistingSecret string `yaml:"existingSecret"`
	Directory      struct {
		Files             map[string]string `yaml:"files"`
		ExistingConfigMap string            `yaml:"existingConfigMap"`
		Volume            map[string]any    `yaml:"volume"`
		MountPath         string            `yaml:"mountPath"`
	} `yaml:"directory"`
	Ingress struct {
		Enabled bool `yaml:"enabled"`
	} `yaml:"ingress"`
	PodDisruptionBudget struct {
		Enabled bool `yaml:"enabled"`
	} `yaml:"podDisruptionBudget"`
	ServiceMonitor struct {
		Enabled bool `yaml:"enabled"`
	} `yaml:"serviceMonitor"`
	PrometheusRule struct {
		Enabled bool `yaml:"enabled"`
	} `yaml:"prometheusRule"`
}

// readValues merges the chart's values.yaml and the value files (maps
// merge key by key, as Helm does for the fields compared here).
func readValues(t *testing.T, files []string) values {
	t.Helper()
	var v values
	for _, f := range append([]string{filepath.Join(chart, "values.yaml")}, files...) {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := yaml.Unmarshal(b, &v); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
	}
	return v
}

func checkChart(t *testing.T, ms []manifest, v values) {
	dep := find(ms, "Deployment")
	if dep == nil {
		t.Fatal("no Deployment")
	}
	pod := dep.Spec.Template.Spec
	if len(pod.Containers) != 1 {
		t.Fatalf("%d containers, want 1", len(pod.Containers))
	}
	c := pod.Containers[0]
	env := map[string]string{}
	for _, e := range c.Env {
		if e.Value != nil {
			env[e.Name] = *e.Value
		}
		if !slices.Contains(config.Names(), e.Name) {
			t.Errorf("env %s is not a Samla setting", e.Name)
		}
		if isSecretName(e.Name) {
			t.Errorf("env %s is a secret but set in the manifest; it must come from the existing Secret", e.Name)
		}
	}

	// Replicas and the store.
	replicas := *dep.Spec.Replicas
	if replicas != v.ReplicaCount {
		t.Errorf("replicas = %d, want %d", replicas, v.ReplicaCount)
	}
	if replicas > 1 && env["SAMLA_STORE"] != "redis" {
		t.Errorf("%d replicas on SAMLA_STORE=%q: replicas ≥ 2 need redis", replicas, env["SAMLA_STORE"])
	}
	switch env["SAMLA_STORE"] {
	case "bbolt":
		if dep.Spec.Strategy.Type != "Recreate" {
			t.Errorf("bbolt with strategy %q: the old pod must release samla.db first (Recreate)", dep.Spec.Strategy.Type)
		}
		pvc := volume(pod, "data").PersistentVolumeClaim
		if pvc == nil {
			t.Error("bbolt without a persistent volume for /data")
		}
		claim := find(ms, "PersistentVolumeClaim")
		if v.Store.Persistence.ExistingClaim != "" {
			if claim != nil || pvc["claimName"] != v.Store.Persistence.ExistingClaim {
				t.Errorf("existingClaim %q: data volume %v, chart claim %v", v.Store.Persistence.ExistingClaim, pvc, claim != nil)
			}
		} else if claim == nil || claim.Metadata.Annotations["helm.sh/resource-policy"] != "keep" {
			t.Error("the chart's data claim must exist and be kept on uninstall")
		}
	case "redis":
		if dep.Spec.Strategy.Type != "RollingUpdate" || dep.Spec.Strategy.RollingUpdate["maxUnavailable"] != 0 {
			t.Errorf("redis: strategy %+v, want a rolling update with maxUnavailable 0", dep.Spec.Strategy)
		}
		if env["SAMLA_REDIS_PREFIX"] == "" {
			t.Error("redis without SAMLA_REDIS_PREFIX")
		}
		if replicas > 1 && len(pod.TopologySpreadConstraints) == 0 {
			t.Error("replicas not spread over nodes")
		}
	default:
		t.Errorf("SAMLA_STORE = %q", env["SAMLA_STORE"])
	}
	if env["SAMLA_LISTEN"] != "0.0.0.0:8080" || env["SAMLA_DATA"] != "/data" || mount(c.VolumeMounts, "/data") == "" {
		t.Errorf("listen %q, data %q: want 0.0.0.0:8080 and /data on a volume", env["SAMLA_LISTEN"], env["SAMLA_DATA"])
	}
	if len(c.Args) == 0 || c.Args[0] != "serve" {
		t.Errorf("args = %v, want serve", c.Args)
	}

	// Security.
	if pod.SecurityContext.RunAsNonRoot == nil || !*pod.SecurityContext.RunAsNonRoot ||
		pod.SecurityContext.RunAsUser == nil || *pod.SecurityContext.RunAsUser == 0 {
		t.Error("pod may run as root")
	}
	sc := c.SecurityContext
	if sc.ReadOnlyRootFilesystem == nil || !*sc.ReadOnlyRootFilesystem {
		t.Error("root filesystem is writable")
	}
	if sc.AllowPrivilegeEscalation == nil || *sc.AllowPrivilegeEscalation {
		t.Error("privilege escalation allowed")
	}
	if !slices.Contains(sc.Capabilities.Drop, "ALL") {
		t.Error("capabilities not dropped")
	}
	if pod.AutomountServiceAccountToken == nil || *pod.AutomountServiceAccountToken {
		t.Error("the pod gets a Kubernetes API token it does not need")
	}
	if mount(c.VolumeMounts, "/tmp") == "" {
		t.Error("no writable /tmp on a read-only root")
	}

	// Probes and resources.
	if c.ReadinessProbe.HTTPGet.Path != "/readyz" || c.LivenessProbe.HTTPGet.Path != "/healthz" {
		t.Errorf("probes: readiness %q, liveness %q", c.ReadinessProbe.HTTPGet.Path, c.LivenessProbe.HTTPGet.Path)
	}
	if c.Resources.Requests["memory"] == "" || c.Resources.Requests["cpu"] == "" || c.Resources.Limits["memory"] == "" {
		t.Errorf("resources = %+v, want cpu and memory requests and a memory limit", c.Resources)
	}

	// Secrets only from the existing Secret.
	var secretRefs []string
	for _, ef := range c.EnvFrom {
		if ef.SecretRef != nil {
			secretRefs = append(secretRefs, ef.SecretRef.Name)
		}
	}
	if v.ExistingSecret != "" && !slices.Equal(secretRefs, []string{v.ExistingSecret}) {
		t.Errorf("envFrom secrets = %v, want [%s]", secretRefs, v.ExistingSecret)
	}
	if find(ms, "Secret") != nil {
		t.Error("the chart makes a Secret: secrets must come from an existing one")
	}

	// The directory.
	checkDirectory(t, ms, pod, env, v)

	// Service, PodDisruptionBudget, Ingress, ServiceMonitor.
	pods := dep.Spec.Template.Metadata.Labels
	if svc := find(ms, "Service"); svc == nil || !selects(serviceSelector(t, svc), pods) {
		t.Error("no Service selecting the pods")
	}
	pdb := find(ms, "PodDisruptionBudget")
	if v.PodDisruptionBudget.Enabled != (pdb != nil) {
		t.Errorf("PodDisruptionBudget enabled=%v, rendered=%v", v.PodDisruptionBudget.Enabled, pdb != nil)
	}
	if pdb != nil && (!selects(pdb.Spec.Selector.MatchLabels, pods) || pdb.Spec.MaxUnavailable != 1) {
		t.Errorf("PodDisruptionBudget selects %v with maxUnavailable %v", pdb.Spec.Selector.MatchLabels, pdb.Spec.MaxUnavailable)
	}
	ing := find(ms, "Ingress")
	if v.Ingress.Enabled != (ing != nil) {
		t.Errorf("Ingress enabled=%v, rendered=%v", v.Ingress.Enabled, ing != nil)
	}
	if ing != nil {
		if len(ing.Spec.TLS) == 0 {
			t.Error("Ingress without TLS")
		}
		for _, r := range ing.Spec.Rules {
			for _, p := range r.HTTP.Paths {
				if p.Path == "/" || strings.HasPrefix(p.Path, "/metrics") || strings.HasPrefix(p.Path, "/readyz") {
					t.Errorf("Ingress publishes %s", p.Path)
				}
			}
		}
	}
	sm := find(ms, "ServiceMonitor")
	if v.ServiceMonitor.Enabled != (sm != nil) {
		t.Errorf("ServiceMonitor enabled=%v, rendered=%v", v.ServiceMonitor.Enabled, sm != nil)
	}
	if sm != nil && (len(sm.Spec.Endpoints) != 1 || sm.Spec.Endpoints[0].Path != "/metrics" || sm.Spec.Endpoints[0].Port != "http") {
		t.Errorf("ServiceMonitor endpoints = %+v", sm.Spec.Endpoints)
	}
	rule := find(ms, "PrometheusRule")
	if v.PrometheusRule.Enabled != (rule != nil) {
		t.Errorf("PrometheusRule enabled=%v, rendered=%v", v.PrometheusRule.Enabled, rule != nil)
	}
	if rule != nil {
		n := 0
		for _, g := range rule.Spec.Groups {
			for _, r := range g.Rules {
				if r.Alert == "" || !strings.Contains(r.Expr, "samla_") {
					t.Errorf("PrometheusRule rule %+v", r)
				}
				n++
			}
		}
		if n < 5 {
			t.Errorf("PrometheusRule has %d alerts", n)
		}
	}
}

func checkDirectory(t *testing.T, ms []manifest, pod podSpec, env map[string]string, v values) {
	t.Helper()
	cm := find(ms, "ConfigMap")
	dirVol := volume(pod, "directory")
	sources := len(v.Directory.Files) + len(v.Directory.ExistingConfigMap) + len(v.Directory.Volume)
	if sources == 0 {
		if env["SAMLA_DIRECTORY"] != "" || dirVol.Name != "" || cm != nil {
			t.Error("a directory is mounted though none is configured (want the embedded sample)")
		}
		return
	}
	if env["SAMLA_DIRECTORY"] != v.Directory.MountPath || mount(pod.Containers[0].VolumeMounts, v.Directory.MountPath) != "directory" {
		t.Errorf("SAMLA_DIRECTORY = %q, want the mounted %s", env["SAMLA_DIRECTORY"], v.Directory.MountPath)
	}
	switch {
	case len(v.Directory.Files) > 0:
		if cm == nil || dirVol.ConfigMap["name"] != cm.Metadata.Name {
			t.Fatal("directory.files: no ConfigMap mounted")
		}
		// The inline directory is one Samla loads.
		dir := t.TempDir()
		for name, content := range cm.Data {
			if content != v.Directory.Files[name] {
				t.Errorf("ConfigMap %s differs from directory.files", name)
			}
			if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o600); err != nil {
				t.Fatal(err)
			}
		}
		loadDirectory(t, dir)
	case v.Directory.ExistingConfigMap != "":
		if cm != nil || dirVol.ConfigMap["name"] != v.Directory.ExistingConfigMap {
			t.Errorf("existingConfigMap: volume %v", dirVol.ConfigMap)
		}
	default:
		if dirVol.PersistentVolumeClaim == nil {
			t.Errorf("directory.volume not mounted: %+v", dirVol)
		}
	}
}

// volume is the pod's volume called name (zero if none).
func volume(pod podSpec, name string) podVolume {
	for _, vol := range pod.Volumes {
		if vol.Name == name {
			return vol
		}
	}
	return podVolume{}
}

// mount is the name of the volume mounted at path, or "".
func mount(mounts []volumeMount, path string) string {
	for _, m := range mounts {
		if m.MountPath == path {
			return m.Name
		}
	}
	return ""
}

// selects reports whether a selector matches the pod labels.
func selects(selector, labels map[string]string) bool {
	if len(selector) == 0 {
		return false
	}
	for k, v := range selector {
		if labels[k] != v {
			return false
		}
	}
	return true
}

// serviceSelector is a Service's spec.selector (a plain map, where other
// kinds have matchLabels).
func serviceSelector(t *testing.T, svc *manifest) map[string]string {
	t.Helper()
	var raw struct {
		Spec struct {
			Selector map[string]string `yaml:"selector"`
		} `yaml:"spec"`
	}
	if err := svc.node.Decode(&raw); err != nil {
		t.Fatal(err)
	}
	return raw.Spec.Selector
}

// loadDirectory checks that the files in dir are a directory Samla loads.
func loadDirectory(t *testing.T, dir string) {
	t.Helper()
	if _, err := directory.Load(dir); err != nil {
		t.Errorf("the chart's inline directory does not load: %v", err)
	}
}

// isSecretName reports whether a SAMLA_* setting holds a secret, by the
// naming the option table follows.
func isSecretName(name string) bool {
	for _, suffix := range []string{"_TOKEN", "_TOKENS", "_SECRET", "_PASSWORD", "_KEY", "_REDIS_URL", "_SMTP_URL"} {
		if strings.HasSuffix(name, suffix) {
			return true
		}
	}
	return false
}

// TestChartRefuses renders value sets the chart must refuse, each with the
// reason it must give.
func TestChartRefuses(t *testing.T) {
	tests := []struct {
		name string
		set  []string
		want string
	}{
		{"bbolt with two replicas", []string{"replicaCount=2"}, "needs store.type=redis"},
		{"a misspelt value (values.schema.json)", []string{"replicas=2"}, "'replicas' not allowed"},
		{"zero replicas", []string{"replicaCount=0"}, "replicaCount"},
		{"unknown store", []string{"store.type=postgres"}, "store.type must be bbolt or redis"},
		{"redis without a Secret", []string{"store.type=redis"}, "needs existingSecret"},
		{"prefix breaking the hash tag", []string{"store.type=redis", "existingSecret=s", "store.redisPrefix=a{b}"}, "redisPrefix"},
		{"token in values", []string{"config.SAMLA_API_TOKENS=abc"}, "is a secret"},
		{"Redis URL in values", []string{"config.SAMLA_REDIS_URL=redis://:pw@r:6379"}, "is a secret"},
		{"setting the chart owns", []string{"config.SAMLA_STORE=redis"}, "is set by the chart"},
		{"not a Samla setting", []string{"config.HTTP_PROXY=x"}, "only SAMLA_"},
		{"two directory sources", []string{"directory.existingConfigMap=a", "directory.volume.emptyDir.medium=Memory"}, "only one of"},
		{"non-YAML directory file", []string{"directory.files.lund\\.txt=x"}, "only .yaml"},
		{"ingress publishing /metrics", []string{"ingress.enabled=true", "ingress.hosts[0].host=a", "ingress.hosts[0].paths[0]=/metrics"}, "would publish"},
		{"ingress publishing everything", []string{"ingress.enabled=true", "ingress.hosts[0].host=a", "ingress.hosts[0].paths[0]=/"}, "would publish"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := render(t, nil, tc.set...)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("helm template --set %v: err = %v, want %q", tc.set, err, tc.want)
			}
		})
	}
	// The refusal is for bbolt only: two replicas on Redis render.
	if _, err := render(t, nil, "replicaCount=2", "store.type=redis", "existingSecret=samla"); err != nil {
		t.Errorf("two replicas on redis: %v", err)
	}
}

// TestChartLint runs helm lint --strict (which also renders NOTES.txt)
// with the defaults and every value set.
func TestChartLint(t *testing.T) {
	sets, err := filepath.Glob(filepath.Join(chart, "ci", "*.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, set := range append([]string{""}, sets...) {
		args := []string{"lint", "--strict", "--kube-version", "1.30.0", chart}
		if set != "" {
			args = append(args, "-f", set)
		}
		if out, err := exec.Command(helm(t), args...).CombinedOutput(); err != nil {
			t.Errorf("helm %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
}

// TestChartPackage packages the chart as a release would (.helmignore
// applied) and checks what goes in: the templates, the schema and the
// alert rules, not the test value sets.
func TestChartPackage(t *testing.T) {
	dir := t.TempDir()
	if out, err := exec.Command(helm(t), "package", chart, "-d", dir).CombinedOutput(); err != nil {
		t.Fatalf("helm package: %v\n%s", err, out)
	}
	archives, _ := filepath.Glob(filepath.Join(dir, "samla-*.tgz"))
	if len(archives) != 1 {
		t.Fatalf("helm package made %v", archives)
	}
	f, err := os.Open(archives[0])
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	tr := tar.NewReader(zr)
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		names = append(names, h.Name)
	}
	for _, want := range []string{"samla/Chart.yaml", "samla/values.yaml", "samla/values.schema.json", "samla/files/alerts.yaml", "samla/templates/deployment.yaml"} {
		if !slices.Contains(names, want) {
			t.Errorf("the package lacks %s", want)
		}
	}
	for _, n := range names {
		if strings.HasPrefix(n, "samla/ci/") {
			t.Errorf("the package holds the test value set %s", n)
		}
	}
}
