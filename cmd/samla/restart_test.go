package main

import (
	"context"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/samla-sip/samla/config"
	"github.com/samla-sip/samla/internal/chat"
	"github.com/samla-sip/samla/internal/outbox"
	"github.com/samla-sip/samla/internal/store"
)

// TestServeTakesBackOwnClaimsAtRestart: messages a replica had claimed when
// it was killed (kill -9: no ack, no retry, leases of a minute) go out
// within 10 s of its restart, on bbolt and on Redis; on Redis another
// replica's claims still wait for their lease.
func TestServeTakesBackOwnClaimsAtRestart(t *testing.T) {
	t.Run("bbolt", func(t *testing.T) {
		serveRestart(t, map[string]string{"SAMLA_DATA": t.TempDir()}, false)
	})
	t.Run("redis", func(t *testing.T) {
		prefix := testRedisPrefix("restart")
		t.Cleanup(func() { deleteRedisPrefix(t, prefix) })
		serveRestart(t, map[string]string{
			"SAMLA_STORE": "redis", "SAMLA_REDIS_URL": wireRedisURL(), "SAMLA_REDIS_PREFIX": prefix,
		}, true)
	})
}

func serveRestart(t *testing.T, vars map[string]string, otherReplica bool) {
	vars["SAMLA_INSTANCE_ID"] = "replica-a"
	claimThenDie(t, vars, "replica-a", "msg-a", "U0AAAAAA")
	if otherReplica {
		claimThenDie(t, vars, "replica-b", "msg-b", "U0BBBBBB")
	}

	api := &fakeSlackAPI{}
	fake := httptest.NewServer(api)
	defer fake.Close()
	vars["SAMLA_SLACK_SIGNING_SECRET"] = slackServeSecret
	vars["SAMLA_SLACK_BOT_TOKENS"] = "T0SKANE01=xoxb-test"
	vars["SAMLA_SLACK_API_URL"] = fake.URL + "/"
	start := time.Now()
	_, stderr, stop, _ := startServe(t, vars)

	deadline := start.Add(10 * time.Second)
	for api.called("conversations.open U0AAAAAA") == 0 {
		if time.Now().After(deadline) {
			t.Fatalf("the message claimed before the kill was not sent within 10 s of the restart; calls %v\n%s", api.snapshot(), stderr)
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Logf("sent %s after the restart", time.Since(start).Round(time.Millisecond))
	if otherReplica {
		time.Sleep(2 * time.Second) // two outbox polls
		if api.called("conversations.open U0BBBBBB") != 0 {
			t.Error("another replica's claim was taken before its lease expired")
		}
	}
	if code := stop(); code != 0 {
		t.Errorf("exit %d:\n%s", code, stderr)
	}
}

// claimThenDie enqueues one Slack message and claims it as instance with
// a one-minute lease, as the outbox of a replica killed mid-delivery left
// it.
func claimThenDie(t *testing.T, vars map[string]string, instance, id, user string) {
	t.Helper()
	cfg, err := config.Load(func(k string) string { return vars[k] }, "")
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	st, err := openStoreAs(ctx, cfg, instance)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	env := outbox.Envelope{To: chat.Address{Platform: chat.Slack, Workspace: "T0SKANE01", User: user}, Msg: chat.Message{Text: "hej"}}
	job, err := outbox.NewJob(id, env, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Commit(ctx, store.Tx{Jobs: []store.Job{job}}); err != nil {
		t.Fatal(err)
	}
	if jobs, err := st.Claim(ctx, outbox.Queue, time.Now(), time.Minute, 10); err != nil || len(jobs) != 1 {
		t.Fatalf("claim as %s: %d jobs, %v", instance, len(jobs), err)
	}
}
