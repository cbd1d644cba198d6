package reminders

import (
	"context"
	"testing"
	"time"

	"github.com/samla-sip/samla/internal/chat"
	"github.com/samla-sip/samla/internal/chat/chattest"
	"github.com/samla-sip/samla/internal/outbox"
)

func TestDoneOnlyWhenAccepted(t *testing.T) {
	r := newRig(t, "2026-11-23 10:00")
	r.change(nil, baseCase(t, r.w))
	r.at("2026-11-25 10:00")
	r.fire()
	id := JobID(KindNudge, ref, "bup-berit")
	ctx := context.Background()
	if _, found, _ := r.eng.DoneOf(ctx, id); found {
		t.Fatal("done before delivery")
	}
	platform := chattest.New(chat.Mattermost)
	platform.FailNext(1, nil)
	worker := outbox.NewWorker(r.st, []chat.Sender{platform}, outbox.Options{
		Now: r.clock.Now, Log: discardLog(), OnDelivered: r.eng.OnDelivered(ctx),
		Backoff: func(int) time.Duration { return time.Second },
	})
	if _, err := worker.DeliverDue(ctx); err != nil {
		t.Fatal(err)
	}
	if _, found, _ := r.eng.DoneOf(ctx, id); found {
		t.Fatal("done although the platform refused the message")
	}
	r.at("2026-11-25 10:01")
	if _, err := worker.DeliverDue(ctx); err != nil {
		t.Fatal(err)
	}
	done, found, err := r.eng.DoneOf(ctx, id)
	if err != nil || !found {
		t.Fatalf("not done after delivery: %v", err)
	}
	if want := lt(t, r.w, "2026-11-25 10:00"); !done.Firing.Equal(want) || !done.Delivered.Equal(r.clock.Now()) {
		t.Errorf("done %+v, want firing %s delivered %s", done, want, r.clock.Now())
	}
}

func TestReminderOfOutbox(t *testing.T) {
	tests := []struct {
		oid, id string
		ok      bool
	}{
		{"reminder|nudge|SIP-1|c1|1764061200000000000", "nudge|SIP-1|c1", true},
		{"reminder|escalate|SIP-1|c1|1764061200000000000|entry", "escalate|SIP-1|c1", true},
		{"reminder|nudge|SIP-1|123|1764061200000000000", "nudge|SIP-1|123", true},
		{"digest|karin|2026-11-24", "", false},
		{"reminder|nudge|SIP-1", "", false},
	}
	for _, tt := range tests {
		id, _, ok := reminderOfOutbox(tt.oid)
		if id != tt.id || ok != tt.ok {
			t.Errorf("reminderOfOutbox(%q) = %q %v, want %q %v", tt.oid, id, ok, tt.id, tt.ok)
		}
	}
}
