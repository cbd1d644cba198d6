package main

import (
	"context"
	"strings"
	"testing"

	"github.com/samla-sip/samla/bots/email/emailtest"
)

func TestMailTest(t *testing.T) {
	relay := emailtest.StartOpen(t)
	relay.SetRcpt(func(to string, _ int) error {
		if to == "gone@kommun.example.se" {
			return emailtest.PermFail
		}
		return nil
	})
	vars := map[string]string{
		"SAMLA_SMTP_URL":  "smtp://" + relay.Addr() + "?tls=none",
		"SAMLA_MAIL_FROM": "Samla <samla@kommun.example.se>",
	}

	env, stdout, stderr := cliTestEnv(vars)
	if code := run(context.Background(), env, []string{"mail", "test", "drift@kommun.example.se"}); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if out := stdout.String(); !strings.Contains(out, "relay: "+relay.Addr()+" (none)\n") || !strings.Contains(out, "accepted: 2.0.0 OK: queued\n") {
		t.Errorf("output:\n%s", out)
	}
	got := relay.Messages()
	if len(got) != 1 || got[0].To[0] != "drift@kommun.example.se" || !strings.Contains(string(got[0].Data), "Subject: Samla: testmeddelande") {
		t.Fatalf("relay got %+v", got)
	}

	env, _, stderr = cliTestEnv(vars)
	if code := run(context.Background(), env, []string{"mail", "test", "gone@kommun.example.se"}); code != 1 ||
		!strings.Contains(stderr.String(), "relay answered 550") {
		t.Errorf("refused recipient: exit %d, stderr %s", code, stderr)
	}

	env, _, stderr = cliTestEnv(nil)
	if code := run(context.Background(), env, []string{"mail", "test", "x@y.se"}); code != 1 || !strings.Contains(stderr.String(), "SAMLA_SMTP_URL") {
		t.Errorf("without a relay: exit %d, stderr %s", code, stderr)
	}
	env, _, _ = cliTestEnv(vars)
	if code := run(context.Background(), env, []string{"mail"}); code != 2 {
		t.Errorf("usage: exit %d, want 2", code)
	}
}
