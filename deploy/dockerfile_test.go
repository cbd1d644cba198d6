package deploy_test

import (
	"os"
	"slices"
	"strings"
	"testing"
)

// TestDockerfile checks deploy/Dockerfile's rules where no container
// runtime runs it (TestImage runs the built image where one does): FROM
// scratch, a numeric non-root user, samla serve as entrypoint with its
// health check, the data on a volume, and nothing copied that
// scripts/image does not put into the build context.
func TestDockerfile(t *testing.T) {
	b, err := os.ReadFile("Dockerfile")
	if err != nil {
		t.Fatal(err)
	}
	instr := map[string][]string{}
	var logical string
	for _, line := range strings.Split(string(b), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if cont, ok := strings.CutSuffix(line, "\\"); ok {
			logical += cont + " "
			continue
		}
		logical += line
		op, args, _ := strings.Cut(logical, " ")
		instr[strings.ToUpper(op)] = append(instr[strings.ToUpper(op)], strings.TrimSpace(args))
		logical = ""
	}
	want := map[string]string{
		"FROM":        "scratch",
		"USER":        "65532:65532",
		"ENTRYPOINT":  `["/samla"]`,
		"CMD":         `["serve"]`,
		"VOLUME":      "/data",
		"EXPOSE":      "8080",
		"HEALTHCHECK": `--interval=30s --timeout=5s --start-period=10s CMD ["/samla", "healthcheck"]`,
	}
	for op, args := range want {
		if got := instr[op]; len(got) != 1 || got[0] != args {
			t.Errorf("%s %v, want %s", op, got, args)
		}
	}
	env := strings.Fields(strings.Join(instr["ENV"], " "))
	for _, kv := range []string{"SAMLA_LISTEN=0.0.0.0:8080", "SAMLA_DATA=/data"} {
		if !slices.Contains(env, kv) {
			t.Errorf("ENV %v lacks %s", env, kv)
		}
	}

	script, err := os.ReadFile("../scripts/image")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range instr["COPY"] {
		fields := strings.Fields(c)
		src := fields[len(fields)-2]
		if !strings.Contains(string(script), `"$context/`+src+`"`) {
			t.Errorf("COPY %s: scripts/image does not put %s into the build context", c, src)
		}
	}
	if !slices.ContainsFunc(instr["COPY"], func(c string) bool { return strings.HasSuffix(c, "/etc/ssl/certs/ca-certificates.crt") }) {
		t.Error("no CA certificates in the image")
	}
	if !slices.ContainsFunc(instr["COPY"], func(c string) bool { return strings.HasPrefix(c, "--chown=65532:65532 data /data") }) {
		t.Error("/data is not owned by the image's user")
	}
	for _, flag := range []string{"CGO_ENABLED=0", "-X main.version=", "-X main.commit="} {
		if !strings.Contains(string(script), flag) {
			t.Errorf("scripts/image does not build with %s", flag)
		}
	}
}
