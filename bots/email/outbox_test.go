package email_test

import (
	"context"
	"log/slog"
	"path/filepath"
	"testing"
	"time"

	"github.com/samla-sip/samla/bots/email/emailtest"
	"github.com/samla-sip/samla/internal/chat"
	"github.com/samla-sip/samla/internal/outbox"
	"github.com/samla-sip/samla/internal/store"
	"github.com/samla-sip/samla/internal/store/bboltstore"
	"github.com/samla-sip/samla/internal/testutil"
)

func tempStore(t *testing.T) store.Store {
	t.Helper()
	st, err := bboltstore.Open(filepath.Join(t.TempDir(), "samla.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = st.Close() })
	return st
}

// TestOutboxRetriesThenDeliversOnce runs the real outbox worker against
// the real relay: a 451 is retried after the backoff and the message then
// arrives exactly once; a 550 is dead-lettered at once.
func TestOutboxRetriesThenDeliversOnce(t *testing.T) {
	ctx := context.Background()
	r := emailtest.Start(t)
	r.SetRcpt(func(to string, attempt int) error {
		switch {
		case to == "busy@af.example.se" && attempt == 1:
			return emailtest.TempFail
		case to == "gone@af.example.se":
			return emailtest.PermFail
		}
		return nil
	})
	st := tempStore(t)
	clock := testutil.NewClock(sent0)
	w := outbox.NewWorker(st, []chat.Sender{newMailer(t, r.Server(t), nil)}, outbox.Options{
		Now: clock.Now, Log: slog.New(slog.DiscardHandler),
		Backoff: func(int) time.Duration { return time.Minute },
	})
	for id, user := range map[string]string{"inv|busy": "busy@af.example.se", "inv|gone": "gone@af.example.se"} {
		job, err := outbox.NewJob(id, outbox.Envelope{To: chat.Address{Platform: chat.Email, User: user},
			Msg: chat.Message{Title: "Kallelse", Text: "SIP-ZDQYV3"}}, clock.Now())
		if err != nil {
			t.Fatal(err)
		}
		if err := st.Schedule(ctx, job); err != nil {
			t.Fatal(err)
		}
	}

	pass := func(want int) {
		t.Helper()
		n, err := w.DeliverDue(ctx)
		if err != nil || n != want {
			t.Fatalf("claimed %d (%v), want %d", n, err, want)
		}
	}
	pass(2)
	if n := len(r.Messages()); n != 0 {
		t.Fatalf("delivered %d after the first pass, want 0", n)
	}
	dead, err := outbox.DeadLetters(ctx, st)
	if err != nil || len(dead) != 1 || dead[0].ID != "inv|gone" || dead[0].Class != "permanent" || dead[0].Platform != chat.Email {
		t.Fatalf("dead letters %+v (%v), want inv|gone as permanent", dead, err)
	}

	pass(0) // the retry is not due yet
	clock.Advance(time.Minute)
	pass(1)
	clock.Advance(time.Hour)
	pass(0)
	got := r.Messages()
	if len(got) != 1 || got[0].To[0] != "busy@af.example.se" {
		t.Fatalf("relay has %d messages, want the retried one once", len(got))
	}
	if n, err := st.Pending(ctx, outbox.Queue); err != nil || n != 0 {
		t.Errorf("%d jobs pending (%v), want 0", n, err)
	}
}
