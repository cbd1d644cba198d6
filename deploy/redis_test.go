package deploy_test

import (
	"context"
	"errors"
	"io"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/redis/go-redis/v9"
	"gopkg.in/yaml.v3"
)

// TestKubernetesRedis checks deploy/kubernetes/redis.yaml: the settings
// the runbook requires are there, the password comes from a Secret, the
// data is on a claim, the pod is locked down; and a local redis-server
// started with the same arguments accepts them and runs with them.
func TestKubernetesRedis(t *testing.T) {
	f, err := os.Open("kubernetes/redis.yaml")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var (
		sts     manifest
		svc     *manifest
		claims  []string
		dec     = yaml.NewDecoder(f)
		objects = 0
	)
	for {
		var node yaml.Node
		err := dec.Decode(&node)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		var m manifest
		if err := node.Decode(&m); err != nil {
			t.Fatal(err)
		}
		m.node = &node
		objects++
		switch m.Kind {
		case "StatefulSet":
			sts = m
			var vct struct {
				Spec struct {
					VolumeClaimTemplates []struct {
						Metadata struct{ Name string } `yaml:"metadata"`
					} `yaml:"volumeClaimTemplates"`
				} `yaml:"spec"`
			}
			if err := node.Decode(&vct); err != nil {
				t.Fatal(err)
			}
			for _, c := range vct.Spec.VolumeClaimTemplates {
				claims = append(claims, c.Metadata.Name)
			}
		case "Service":
			svc = &m
		}
	}
	if objects != 2 || sts.Kind == "" || svc == nil {
		t.Fatalf("want a Service and a StatefulSet, got %d objects", objects)
	}
	pod := sts.Spec.Template.Spec
	c := pod.Containers[0]
	if !selects(serviceSelector(t, svc), sts.Spec.Template.Metadata.Labels) {
		t.Error("the Service does not select the Redis pod")
	}
	var raw struct {
		Spec struct {
			Template struct {
				Spec struct {
					Containers []struct {
						Args []string `yaml:"args"`
						Env  []struct {
							Name      string `yaml:"name"`
							ValueFrom struct {
								SecretKeyRef struct{ Name, Key string } `yaml:"secretKeyRef"`
							} `yaml:"valueFrom"`
						} `yaml:"env"`
					} `yaml:"containers"`
				} `yaml:"spec"`
			} `yaml:"template"`
		} `yaml:"spec"`
	}
	if err := sts.node.Decode(&raw); err != nil {
		t.Fatal(err)
	}
	args := raw.Spec.Template.Spec.Containers[0].Args
	opts := map[string]string{}
	for i := 0; i+1 < len(args); i += 2 {
		opts[strings.TrimPrefix(args[i], "--")] = args[i+1]
	}
	for k, want := range map[string]string{
		"appendonly": "yes", "appendfsync": "everysec", "maxmemory-policy": "noeviction",
		"requirepass": "$(REDIS_PASSWORD)", "dir": "/data",
	} {
		if opts[k] != want {
			t.Errorf("redis-server --%s %q, want %q", k, opts[k], want)
		}
	}
	env := raw.Spec.Template.Spec.Containers[0].Env
	if len(env) != 1 || env[0].Name != "REDIS_PASSWORD" || env[0].ValueFrom.SecretKeyRef.Name == "" {
		t.Errorf("the password is not taken from a Secret: %+v", env)
	}
	if mount(c.VolumeMounts, "/data") != "data" || len(claims) != 1 || claims[0] != "data" {
		t.Errorf("/data is not on the claim template (mounts %+v, claims %v)", c.VolumeMounts, claims)
	}
	if pod.SecurityContext.RunAsNonRoot == nil || !*pod.SecurityContext.RunAsNonRoot ||
		c.SecurityContext.ReadOnlyRootFilesystem == nil || !*c.SecurityContext.ReadOnlyRootFilesystem ||
		c.SecurityContext.AllowPrivilegeEscalation == nil || *c.SecurityContext.AllowPrivilegeEscalation {
		t.Error("the Redis pod is not locked down (non-root, read-only root, no escalation)")
	}
	if c.Resources.Limits["memory"] == "" {
		t.Error("no memory limit (maxmemory must stay below it)")
	}

	runRedisWith(t, opts)
}

// runRedisWith starts redis-server with the manifest's options (the
// password and folder made local) and checks it runs with them.
func runRedisWith(t *testing.T, opts map[string]string) {
	t.Helper()
	server, err := exec.LookPath("redis-server")
	if err != nil {
		t.Fatal("redis-server is not installed; the tests need it (apt-get install redis-server)")
	}
	addr := freeAddr(t)
	port := addr[strings.LastIndex(addr, ":")+1:]
	const password = "manifest-test-password"
	args := []string{"--bind", "127.0.0.1", "--port", port, "--save", ""}
	for k, v := range opts {
		switch k {
		case "requirepass":
			v = password
		case "dir":
			v = t.TempDir()
		}
		args = append(args, "--"+k, v)
	}
	cmd := exec.Command(server, args...)
	var log strings.Builder
	cmd.Stdout, cmd.Stderr = &log, &log
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	rdb := redis.NewClient(&redis.Options{Addr: addr, Password: password})
	defer rdb.Close()
	ctx := context.Background()
	waitUntil(t, "redis-server with the manifest's options answers", func() bool { return rdb.Ping(ctx).Err() == nil })
	for k, want := range map[string]string{"appendonly": "yes", "appendfsync": "everysec", "maxmemory-policy": "noeviction"} {
		got, err := rdb.ConfigGet(ctx, k).Result()
		if err != nil || got[k] != want {
			t.Errorf("CONFIG GET %s = %v, %v; want %s", k, got, err, want)
		}
	}
	anonymous := redis.NewClient(&redis.Options{Addr: addr})
	defer anonymous.Close()
	if err := anonymous.Ping(ctx).Err(); err == nil {
		t.Error("Redis answers without the password")
	}
}
