package deploy_test

import (
	"bufio"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/samla-sip/samla/internal/store/bboltstore"
	"github.com/samla-sip/samla/internal/store/storetest"
)

// TestImage runs the image scripts/image built: scripts/test builds it and
// sets SAMLA_TEST_IMAGE only when `docker info` succeeds (and says so when
// it does not). The container runs with a read-only root on the host's
// network, twice on the test Redis (two replicas): each must get ready,
// answer signed Slack commands and see the other's cases; it runs as a
// non-root user, passes its own HEALTHCHECK and takes a backup from inside.
func TestImage(t *testing.T) {
	image := os.Getenv("SAMLA_TEST_IMAGE")
	if image == "" {
		t.Skip("SAMLA_TEST_IMAGE unset: scripts/test builds the image and sets it when a container runtime answers")
	}
	if user := docker(t, "image", "inspect", "-f", "{{.Config.User}}", image); user != "65532:65532" {
		t.Errorf("image user = %q, want 65532:65532", user)
	}
	version := docker(t, "run", "--rm", image, "version")
	if strings.HasPrefix(version, "samla dev\n") || strings.Contains(version, "commit unknown") {
		t.Errorf("version not stamped by scripts/image:\n%s", version)
	}

	_, prefix := storetest.Redis(t) // deletes the prefix's keys afterwards
	const secret = "image-test-signing-secret"
	a, idA := startReplica(t, image, prefix, secret)
	b, _ := startReplica(t, image, prefix, secret)

	if code, text := slackCommand(t, a, secret, "hjälp"); code != http.StatusOK || !strings.Contains(text, "/sip") {
		t.Errorf("signed Slack hjälp = %d %q", code, text)
	}
	// Two replicas on one Redis: a case convened on one is seen by the other.
	_, text := slackCommand(t, a, secret, "ny kommun=Lund ålder=14 parter=bup")
	ref := regexp.MustCompile(`SIP-[0-9A-Z]{6}`).FindString(text)
	if ref == "" {
		t.Fatalf("ny on replica A: %q", text)
	}
	if _, status := slackCommand(t, b, secret, "status "+ref); !strings.Contains(status, ref) || !strings.Contains(status, "Lund") {
		t.Errorf("status %s on replica B = %q", ref, status)
	}

	pid := docker(t, "inspect", "-f", "{{.State.Pid}}", idA)
	if uid := processUID(t, pid); uid == "0" || uid == "" {
		t.Errorf("the server runs as uid %q", uid)
	}
	waitUntil(t, "the HEALTHCHECK reports healthy", func() bool {
		return docker(t, "inspect", "-f", "{{.State.Health.Status}}", idA) == "healthy"
	})
	if backup := docker(t, "exec", idA, "/samla", "backup", "-"); !strings.HasPrefix(backup, `{"format":"samla-redis-export"`) {
		t.Errorf("backup from inside the container: %.200s", backup)
	}
}

// startReplica runs the image with a read-only root on the host's network
// and the test Redis under prefix, with Slack signed by secret, waits
// until /readyz answers and returns its URL and container id.
func startReplica(t *testing.T, image, prefix, secret string) (string, string) {
	t.Helper()
	addr := freeAddr(t)
	id := docker(t, "run", "-d", "--network", "host", "--read-only", "--health-interval", "1s",
		"-e", "SAMLA_LISTEN="+addr, "-e", "SAMLA_STORE=redis",
		"-e", "SAMLA_REDIS_URL="+storetest.RedisURL(), "-e", "SAMLA_REDIS_PREFIX="+prefix,
		"-e", "SAMLA_SLACK_SIGNING_SECRET="+secret, "-e", "SAMLA_SLACK_BOT_TOKENS=T0SKANE01=xoxb-test",
		"-e", "SAMLA_SLACK_API_URL=http://127.0.0.1:9/api/",
		image)
	t.Cleanup(func() {
		if t.Failed() {
			logs, _ := exec.Command("docker", "logs", id).CombinedOutput()
			t.Logf("container %.12s log:\n%s", id, logs)
		}
		_ = exec.Command("docker", "rm", "-f", "-v", id).Run()
	})
	base := "http://" + addr
	waitUntil(t, "/readyz answers 200", func() bool {
		code, body := get(base + "/readyz")
		return code == http.StatusOK && strings.Contains(body, `"store":"ok"`)
	})
	return base, id
}

// TestImageBbolt runs the image with its defaults (bbolt in the /data
// volume, read-only root, no network) and takes an online backup through
// the server's socket, as `kubectl exec … samla backup -` does.
func TestImageBbolt(t *testing.T) {
	image := os.Getenv("SAMLA_TEST_IMAGE")
	if image == "" {
		t.Skip("SAMLA_TEST_IMAGE unset: scripts/test builds the image and sets it when a container runtime answers")
	}
	id := docker(t, "run", "-d", "--network", "none", "--read-only", image)
	t.Cleanup(func() {
		if t.Failed() {
			logs, _ := exec.Command("docker", "logs", id).CombinedOutput()
			t.Logf("container log:\n%s", logs)
		}
		_ = exec.Command("docker", "rm", "-f", "-v", id).Run()
	})
	waitUntil(t, "samla healthcheck passes inside the container", func() bool {
		return exec.Command("docker", "exec", id, "/samla", "healthcheck").Run() == nil
	})
	backup := filepath.Join(t.TempDir(), "samla.db")
	f, err := os.Create(backup)
	if err != nil {
		t.Fatal(err)
	}
	var stderr strings.Builder
	cmd := exec.Command("docker", "exec", id, "/samla", "backup", "-")
	cmd.Stdout, cmd.Stderr = f, &stderr
	err = cmd.Run()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil || !strings.Contains(stderr.String(), "from the running samla serve") {
		t.Fatalf("backup inside the container: %v\n%s", err, stderr.String())
	}
	if err := bboltstore.Check(backup); err != nil {
		t.Errorf("the backup is not a store file: %v", err)
	}
}

// docker runs the docker command and returns its trimmed stdout.
func docker(t *testing.T, args ...string) string {
	t.Helper()
	cmd := exec.Command("docker", args...)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("docker %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
	}
	return strings.TrimSpace(string(out))
}

func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

func get(u string) (int, string) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, err.Error()
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func waitUntil(t *testing.T, what string, ok func() bool) {
	t.Helper()
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(200 * time.Millisecond) {
		if ok() {
			return
		}
	}
	t.Fatalf("timed out waiting until %s", what)
}

// slackCommand posts "/sip TEXT" signed with secret, as Slack does, and
// returns the status and the reply's text.
func slackCommand(t *testing.T, base, secret, text string) (int, string) {
	t.Helper()
	body := url.Values{
		"command": {"/sip"}, "text": {text}, "team_id": {"T0SKANE01"}, "user_id": {"U0TEST"},
		"channel_id": {"C0TEST"}, "trigger_id": {"trig"}, "response_url": {base + "/unused"},
	}.Encode()
	req, err := http.NewRequest(http.MethodPost, base+"/slack/commands", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	ts := strconv.FormatInt(time.Now().Unix(), 10)
	mac := hmac.New(sha256.New, []byte(secret))
	fmt.Fprintf(mac, "v0:%s:%s", ts, body)
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("X-Slack-Request-Timestamp", ts)
	req.Header.Set("X-Slack-Signature", "v0="+hex.EncodeToString(mac.Sum(nil)))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	var reply struct{ Text string }
	_ = json.Unmarshal(b, &reply)
	return resp.StatusCode, reply.Text
}

// processUID is the real uid of a host process, from /proc.
func processUID(t *testing.T, pid string) string {
	t.Helper()
	f, err := os.Open("/proc/" + pid + "/status")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	s := bufio.NewScanner(f)
	for s.Scan() {
		if fields := strings.Fields(s.Text()); len(fields) > 1 && fields[0] == "Uid:" {
			return fields[1]
		}
	}
	return ""
}
