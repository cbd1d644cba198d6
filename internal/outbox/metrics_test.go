package outbox_test

import (
	"context"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/samla-sip/samla/internal/chat"
	"github.com/samla-sip/samla/internal/outbox"
	"github.com/samla-sip/samla/internal/store/bboltstore"
	"github.com/samla-sip/samla/internal/testutil"
)

// recordingMetrics is an outbox.Metrics that lists every call.
type recordingMetrics struct {
	mu    sync.Mutex
	calls []string
}

func (m *recordingMetrics) add(s string) { m.mu.Lock(); m.calls = append(m.calls, s); m.mu.Unlock() }

func (m *recordingMetrics) Delivered(platform, class string) {
	m.add("delivered " + platform + " " + class)
}
func (m *recordingMetrics) Deferred(platform, class string) {
	m.add("deferred " + platform + " " + class)
}
func (m *recordingMetrics) DeadLettered(platform, class string) {
	m.add("dead " + platform + " " + class)
}

func (m *recordingMetrics) list() []string {
	m.mu.Lock()
	defer m.mu.Unlock()
	return slices.Sorted(slices.Values(m.calls))
}

func TestMetricsByPlatformAndClass(t *testing.T) {
	m := &recordingMetrics{}
	r := newRig(t, tempBolt(t), outbox.Options{Metrics: m})
	r.slack.FailNext(1, nil)
	r.mm.PermanentNext(1)
	r.enqueue(t, "a", addr(chat.Slack, "U1"), chat.Message{Text: "one"})
	r.enqueue(t, "b", addr(chat.Mattermost, "anna"), chat.Message{Text: "two"})
	r.enqueue(t, "c", addr("teams", "x"), chat.Message{Text: "three"})
	r.pass(t, 3)
	r.clock.Set(t0.Add(time.Minute))
	r.pass(t, 1)

	want := []string{
		"dead mattermost permanent",
		"dead teams unknown_platform",
		"deferred slack transient",
		"delivered slack sent",
	}
	if got := m.list(); !slices.Equal(got, want) {
		t.Errorf("metrics calls = %v, want %v", got, want)
	}
}

// The backlog's age counts from when a message was enqueued, across
// retries, and is 0 once nothing waits.
func TestWaitingReportsOldestAge(t *testing.T) {
	var clock *testutil.Clock // the rig's, shared with the store
	st, err := bboltstore.Open(filepath.Join(t.TempDir(), "samla.db"), bboltstore.WithClock(func() time.Time { return clock.Now() }))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = st.Close() })
	r := newRig(t, st, outbox.Options{})
	clock = r.clock
	ctx := context.Background()

	check := func(wantPending int, wantAge time.Duration) {
		t.Helper()
		b, err := outbox.Waiting(ctx, st, clock.Now())
		if err != nil {
			t.Fatal(err)
		}
		if b.Pending != wantPending || b.Oldest != wantAge {
			t.Fatalf("at +%s backlog = %+v, want %d pending, oldest %s", clock.Now().Sub(t0), b, wantPending, wantAge)
		}
	}
	check(0, 0)
	r.slack.FailNext(1, nil)
	r.enqueue(t, "a", addr(chat.Slack, "U1"), chat.Message{Text: "one"})
	clock.Advance(5 * time.Second)
	r.enqueue(t, "b", addr(chat.Mattermost, "anna"), chat.Message{Text: "two"})
	check(2, 5*time.Second)
	r.pass(t, 2) // a fails (due again in 10s), b is delivered
	clock.Advance(30 * time.Second)
	check(1, 35*time.Second)
	r.pass(t, 1)
	check(0, 0)
}
