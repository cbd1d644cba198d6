package outbox_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/samla-sip/samla/internal/chat"
	"github.com/samla-sip/samla/internal/outbox"
	"github.com/samla-sip/samla/internal/store"
)

func TestDeliversToEachPlatform(t *testing.T) {
	r := newRig(t, tempBolt(t), outbox.Options{})
	r.enqueue(t, "a", addr(chat.Slack, "U1"), chat.Message{Text: "one"})
	r.enqueue(t, "b", addr(chat.Mattermost, "anna"), chat.Message{Text: "two"})
	r.enqueue(t, "c", addr(chat.Slack, "U1"), chat.Message{Text: "three"})
	r.pass(t, 3)

	if got, want := texts(r.slack.Sent()), []string{"U1>one", "U1>three"}; !slices.Equal(got, want) {
		t.Errorf("slack got %v, want %v (in order)", got, want)
	}
	if got, want := texts(r.mm.Sent()), []string{"anna>two"}; !slices.Equal(got, want) {
		t.Errorf("mattermost got %v, want %v", got, want)
	}
	if n := r.pending(t); n != 0 {
		t.Errorf("pending = %d after delivery", n)
	}
	if len(r.got) != 3 {
		t.Errorf("OnDelivered called %d times, want 3", len(r.got))
	}
	for _, s := range append(r.slack.Sent(), r.mm.Sent()...) {
		if s.Key == "" {
			t.Errorf("send to %s without idempotency key", s.To.User)
		}
	}
	r.pass(t, 0)
}

func TestRetriesWithBackoff(t *testing.T) {
	r := newRig(t, tempBolt(t), outbox.Options{}) // backoff: attempt × 10s
	r.slack.FailNext(2, nil)
	r.enqueue(t, "a", addr(chat.Slack, "U1"), chat.Message{Text: "hej"})

	steps := []struct {
		at      time.Duration
		claimed int
		sent    int
	}{
		{0, 1, 0},                // attempt 1 fails → due +10s
		{9 * time.Second, 0, 0},  // not yet
		{10 * time.Second, 1, 0}, // attempt 2 fails → due +20s
		{29 * time.Second, 0, 0},
		{30 * time.Second, 1, 1}, // attempt 3 succeeds
		{time.Hour, 0, 1},
	}
	for _, s := range steps {
		r.clock.Set(t0.Add(s.at))
		r.pass(t, s.claimed)
		if n := len(r.slack.Sent()); n != s.sent {
			t.Fatalf("at +%s sent %d, want %d", s.at, n, s.sent)
		}
	}
	if n := r.pending(t); n != 0 {
		t.Fatalf("pending = %d", n)
	}
}

func TestRateLimitHonoured(t *testing.T) {
	r := newRig(t, tempBolt(t), outbox.Options{})
	r.mm.RateLimitNext(1, 45*time.Second)
	r.enqueue(t, "a", addr(chat.Mattermost, "anna"), chat.Message{Text: "hej"})
	r.pass(t, 1)
	r.clock.Set(t0.Add(44 * time.Second))
	r.pass(t, 0)
	r.clock.Set(t0.Add(45 * time.Second))
	r.pass(t, 1)
	if n := len(r.mm.Sent()); n != 1 {
		t.Fatalf("sent %d after Retry-After, want 1", n)
	}
}

func TestDeadLetters(t *testing.T) {
	tests := []struct {
		name      string
		to        chat.Address
		payload   []byte // raw payload instead of an envelope
		setup     func(r *rig)
		passes    int
		wantClass string
	}{
		{"permanent failure", addr(chat.Slack, "gone"), nil, func(r *rig) { r.slack.PermanentNext(1) }, 1, "permanent"},
		{"unsupported", addr(chat.Slack, "U1"), nil, func(r *rig) { r.slack.FailNext(1, chat.ErrUnsupported) }, 1, "permanent"},
		{"unknown platform", addr("teams", "U1"), nil, func(*rig) {}, 1, "unknown_platform"},
		{"undecodable", chat.Address{}, []byte("{not json"), func(*rig) {}, 1, "decode"},
		{"too many attempts", addr(chat.Slack, "U1"), nil, func(r *rig) { r.slack.FailNext(10, nil) }, 3, "gave_up"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ctx := context.Background()
			r := newRig(t, tempBolt(t), outbox.Options{MaxAttempts: 3})
			tc.setup(r)
			if tc.payload != nil {
				if err := r.st.Schedule(ctx, jobWithPayload("a", tc.payload)); err != nil {
					t.Fatal(err)
				}
			} else {
				r.enqueue(t, "a", tc.to, chat.Message{Text: "hej"})
			}
			for range tc.passes {
				r.pass(t, 1)
				r.clock.Advance(time.Hour)
			}
			if n := r.pending(t); n != 0 {
				t.Fatalf("pending = %d, want 0 (dead-lettered)", n)
			}
			dead, err := outbox.DeadLetters(ctx, r.st)
			if err != nil {
				t.Fatal(err)
			}
			if len(dead) != 1 || dead[0].ID != "a" || dead[0].Class != tc.wantClass || dead[0].Attempts != tc.passes || len(dead[0].Payload) == 0 {
				t.Fatalf("dead letters = %+v, want a/%s after %d attempts with payload", dead, tc.wantClass, tc.passes)
			}
			if n := len(r.slack.Sent()) + len(r.mm.Sent()); n != 0 {
				t.Fatalf("%d messages sent", n)
			}
		})
	}
}

func TestKeyedMessageUpdatedInPlace(t *testing.T) {
	r := newRig(t, tempBolt(t), outbox.Options{})
	to := addr(chat.Slack, "U1")
	status := func(id, text string) {
		r.enqueue(t, id, to, chat.Message{Text: text, Key: "status|SIP-7K3QF2"})
		r.pass(t, 1)
	}
	status("status|1", "v1")
	status("status|2", "v2")
	status("status|3", "v3")
	sent, updates := r.slack.Sent(), r.slack.Updates()
	if len(sent) != 1 || len(updates) != 2 {
		t.Fatalf("sent %d updated %d, want 1 send then 2 updates", len(sent), len(updates))
	}
	if m, _ := r.slack.Last(sent[0].Ref); m.Text != "v3" {
		t.Fatalf("status shows %q, want v3", m.Text)
	}
	// Another recipient of the same key gets their own message.
	r.enqueue(t, "status|other", addr(chat.Slack, "U2"), chat.Message{Text: "v3", Key: "status|SIP-7K3QF2"})
	r.pass(t, 1)
	if n := len(r.slack.Sent()); n != 2 {
		t.Fatalf("second recipient: %d sends, want 2", n)
	}

	// The user deleted the message: the next version is sent anew and
	// later ones update the new message.
	r.slack.Delete(sent[0].Ref)
	status("status|4", "v4")
	status("status|5", "v5")
	sent = r.slack.Sent()
	if len(sent) != 3 || sent[2].Msg.Text != "v4" {
		t.Fatalf("after delete sends = %v, want v4 sent anew", texts(sent))
	}
	if m, _ := r.slack.Last(sent[2].Ref); m.Text != "v5" {
		t.Fatalf("new status shows %q, want v5", m.Text)
	}
}

func TestCoalescesBeforeDelivery(t *testing.T) {
	r := newRig(t, tempBolt(t), outbox.Options{})
	to := addr(chat.Mattermost, "anna")
	r.enqueue(t, "status|SIP-1", to, chat.Message{Text: "v1", Key: "status|SIP-1"})
	r.enqueue(t, "status|SIP-1", to, chat.Message{Text: "v2", Key: "status|SIP-1"})
	r.pass(t, 1)
	if got := texts(r.mm.Sent()); !slices.Equal(got, []string{"anna>v2"}) {
		t.Fatalf("sent %v, want only the latest version", got)
	}
}

func TestSameJobNeverSentTwice(t *testing.T) {
	r := newRig(t, tempBolt(t), outbox.Options{})
	to := addr(chat.Slack, "U1")
	r.enqueue(t, "invite|SIP-1|bup", to, chat.Message{Text: "Kallelse"})
	r.pass(t, 1)
	// The core writes the same job again (e.g. a retried command).
	r.enqueue(t, "invite|SIP-1|bup", to, chat.Message{Text: "Kallelse"})
	r.pass(t, 1)
	if n := len(r.slack.Sent()); n != 1 {
		t.Fatalf("sent %d times, want once", n)
	}
	// New content under the same id is new information and is sent.
	r.enqueue(t, "invite|SIP-1|bup", to, chat.Message{Text: "Ny tid"})
	r.pass(t, 1)
	if got := texts(r.slack.Sent()); !slices.Equal(got, []string{"U1>Kallelse", "U1>Ny tid"}) {
		t.Fatalf("sent %v", got)
	}
}

func TestLeaseLostWhileSending(t *testing.T) {
	// A job re-scheduled while its old version is being sent: the old
	// version's ack fails, the new version is delivered next.
	r := newRig(t, tempBolt(t), outbox.Options{})
	to := addr(chat.Slack, "U1")
	r.enqueue(t, "j", to, chat.Message{Text: "old"})
	jobs, err := r.st.Claim(context.Background(), outbox.Queue, t0, time.Minute, 10)
	if err != nil || len(jobs) != 1 {
		t.Fatal(jobs, err)
	}
	r.enqueue(t, "j", to, chat.Message{Text: "new"})
	if err := r.st.Ack(context.Background(), jobs[0]); err == nil {
		t.Fatal("ack of replaced job succeeded")
	}
	r.pass(t, 1)
	if got := texts(r.slack.Sent()); !slices.Equal(got, []string{"U1>new"}) {
		t.Fatalf("sent %v", got)
	}
}

func TestNotifyWakesRun(t *testing.T) {
	r := newRig(t, tempBolt(t), outbox.Options{Poll: time.Hour})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error)
	go func() { done <- r.w.Run(ctx) }()

	r.enqueue(t, "a", addr(chat.Slack, "U1"), chat.Message{Text: "hej"})
	r.w.Notify()
	select {
	case job := <-r.got:
		if job.ID != "a" {
			t.Fatalf("delivered %s", job.ID)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Notify did not wake the worker (poll is an hour)")
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("Run: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Run did not stop")
	}
}

func TestBackoffIsCappedWithJitter(t *testing.T) {
	tests := []struct {
		attempt  int
		rnd      float64
		min, max time.Duration
	}{
		{1, 0, time.Second, time.Second},
		{1, 0.999, time.Second, 2 * time.Second},
		{3, 0, 4 * time.Second, 4 * time.Second},
		{30, 0, 5 * time.Minute, 5 * time.Minute},
		{30, 0.999, 5 * time.Minute, 10 * time.Minute},
	}
	for _, tc := range tests {
		d := outbox.Backoff(2*time.Second, 10*time.Minute, func() float64 { return tc.rnd })(tc.attempt)
		if d < tc.min || d > tc.max {
			t.Errorf("attempt %d rnd %v: %s, want %s..%s", tc.attempt, tc.rnd, d, tc.min, tc.max)
		}
	}
}

func TestLogsHoldNoMessageContent(t *testing.T) {
	r := newRig(t, tempBolt(t), outbox.Options{MaxAttempts: 2})
	secret := "Behov: hemlig klinisk detalj"
	r.slack.FailNext(1, errors.New("boom "+secret))
	r.slack.RateLimitNext(1, time.Second)
	r.enqueue(t, "a", addr(chat.Slack, "U-private"), chat.Message{Title: secret, Text: secret})
	r.enqueue(t, "b", addr("teams", "U-private"), chat.Message{Text: secret})
	for range 4 {
		_, _ = r.w.DeliverDue(context.Background())
		r.clock.Advance(time.Hour)
	}
	logs := r.logs.String()
	if !strings.Contains(logs, "job=a") {
		t.Fatalf("expected logs about job a, got %q", logs)
	}
	for _, bad := range []string{"hemlig", "U-private", "boom"} {
		if strings.Contains(logs, bad) {
			t.Errorf("logs contain %q:\n%s", bad, logs)
		}
	}
}

func TestRequeueDeadLetter(t *testing.T) {
	ctx := context.Background()
	r := newRig(t, tempBolt(t), outbox.Options{})
	r.slack.PermanentNext(1)
	r.enqueue(t, "invite|SIP-1|bup", addr(chat.Slack, "U1"), chat.Message{Text: "Kallelse"})
	r.pass(t, 1)
	if dead, err := outbox.DeadLetters(ctx, r.st); err != nil || len(dead) != 1 {
		t.Fatalf("dead letters %v, %v", dead, err)
	}
	if err := outbox.Requeue(ctx, r.st, "invite|SIP-1|bup", r.clock.Now()); err != nil {
		t.Fatal(err)
	}
	if dead, err := outbox.DeadLetters(ctx, r.st); err != nil || len(dead) != 0 {
		t.Fatalf("after requeue dead letters %v, %v", dead, err)
	}
	if _, err := r.st.Get(ctx, outbox.BucketDead, "invite|SIP-1|bup"); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("dead-letter record after requeue: %v, want it deleted", err)
	}
	if err := outbox.Requeue(ctx, r.st, "invite|SIP-1|bup", r.clock.Now()); err == nil {
		t.Fatal("second requeue of the same dead letter succeeded")
	}
	r.pass(t, 1)
	if got := texts(r.slack.Sent()); !slices.Equal(got, []string{"U1>Kallelse"}) {
		t.Fatalf("sent %v", got)
	}
	if err := outbox.Requeue(ctx, r.st, "nope", r.clock.Now()); err == nil {
		t.Fatal("requeue of unknown id succeeded")
	}
}
