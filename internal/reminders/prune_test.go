package reminders

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/samla-sip/samla/internal/chat"
	"github.com/samla-sip/samla/internal/chat/chattest"
	"github.com/samla-sip/samla/internal/outbox"
	"github.com/samla-sip/samla/internal/sip"
)

// TestRecordTTLs checks which records expire: fired and done after
// recordTTL, the outbox's sent marker after its default, prefs never.
func TestRecordTTLs(t *testing.T) {
	ctx := context.Background()
	r := newRig(t, "2026-11-23 10:00")
	r.change(nil, baseCase(t, r.w))
	r.at("2026-11-25 10:00")
	r.fire()
	worker := outbox.NewWorker(r.st, []chat.Sender{chattest.New(chat.Mattermost)}, outbox.Options{
		Now: r.clock.Now, Log: discardLog(), OnDelivered: r.eng.OnDelivered(ctx),
	})
	if _, err := worker.DeliverDue(ctx); err != nil {
		t.Fatal(err)
	}
	berit := chat.Actor{Platform: chat.Mattermost, Workspace: "skane", UserID: "berit", ContactID: "bup-berit"}
	r.eng.Act(ctx, berit, chat.Action{Name: ActionSnooze, Value: "1d|" + JobID(KindNudge, ref, "bup-berit")})

	tests := []struct {
		bucket string
		want   time.Duration
	}{
		{bucketFired, recordTTL},
		{bucketDone, recordTTL},
		{outbox.BucketSent, outbox.DefaultSentTTL},
		{bucketPrefs, 0},
	}
	for _, tt := range tests {
		recs := r.st.bucket(tt.bucket)
		if len(recs) == 0 {
			t.Errorf("%s: no records written", tt.bucket)
		}
		for key, ttl := range recs {
			if ttl != tt.want {
				t.Errorf("%s/%s ttl = %s, want %s", tt.bucket, key, ttl, tt.want)
			}
		}
	}
}

func TestSweepDeletesPrefsOfClosedCases(t *testing.T) {
	ctx := context.Background()
	r := newRig(t, "2026-11-23 10:00")
	closing := baseCase(t, r.w)
	r.change(nil, closing)
	open, gone := cloneCase(closing), cloneCase(closing)
	open.Ref, gone.Ref = "SIP-OPEN00", "SIP-GONE00"
	r.change(nil, open)
	r.change(nil, gone)
	r.at("2026-11-25 10:00")
	berit := chat.Actor{Platform: chat.Mattermost, Workspace: "skane", UserID: "berit", ContactID: "bup-berit"}
	for _, c := range []string{ref, open.Ref, gone.Ref} {
		r.eng.Act(ctx, berit, chat.Action{Name: ActionStop, Value: JobID(KindNudge, c, "bup-berit")})
	}
	r.eng.Act(ctx, berit, chat.Action{Name: ActionSnooze, Value: "1d|" + JobID(KindEscalate, ref, "bup-berit")})
	if n := len(r.st.bucket(bucketPrefs)); n != 3 {
		t.Fatalf("%d prefs after the presses, want 3", n)
	}

	closed := cloneCase(closing)
	closed.Closed = &sip.Closure{}
	r.change(closing, closed)
	r.cases.mu.Lock()
	delete(r.cases.cases, gone.Ref)
	r.cases.mu.Unlock()
	if err := r.eng.Sweep(ctx, r.clock.Now()); err != nil {
		t.Fatal(err)
	}

	prefs := r.st.bucket(bucketPrefs)
	if _, ok := prefs[prefsKey(open.Ref, "bup-berit")]; !ok || len(prefs) != 1 {
		t.Fatalf("prefs after sweep %v, want only the open case's", prefs)
	}
	if p, _, err := loadPrefs(ctx, r.st, open.Ref, "bup-berit"); err != nil || !p.Stopped {
		t.Fatalf("open case's stop lost: %+v %v", p, err)
	}
	for index, want := range map[string][]string{
		indexPrefCases:         {open.Ref},
		indexPrefsOf(ref):      nil,
		indexPrefsOf(gone.Ref): nil,
		indexPrefsOf(open.Ref): {"bup-berit"},
	} {
		got, err := r.st.Members(ctx, index)
		if err != nil || !slices.Equal(got, want) {
			t.Errorf("index %s = %v (%v), want %v", index, got, err, want)
		}
	}
}

// TestSweepKeepsPrefsWhileFollowUpPending: an established plan keeps its
// follow-up reminders, so a stop pressed on them must outlive the sweep
// until the follow-up is past.
func TestSweepKeepsPrefsWhileFollowUpPending(t *testing.T) {
	ctx := context.Background()
	r := newRig(t, "2026-12-02 10:00")
	open := baseCase(t, r.w)
	fu := time.Date(2027, 3, 1, 0, 0, 0, 0, time.UTC)
	open.Plan = sip.Plan{Responsible: "ansv-anna", FollowUp: &fu}
	r.change(nil, open)
	established := cloneCase(open)
	established.Held = &sip.Milestone{}
	established.Established = &sip.Milestone{}
	r.change(open, established)
	anna := chat.Actor{Platform: chat.Slack, Workspace: "T1", UserID: "U-ANNA", ContactID: "ansv-anna"}
	r.eng.Act(ctx, anna, chat.Action{Name: ActionStop, Value: JobID(KindFollowUpWeek, ref, "ansv-anna")})

	for _, at := range []string{"2026-12-03 07:30", "2027-03-05 07:30"} { // before, and within a week after the follow-up
		if err := r.eng.Sweep(ctx, lt(t, r.w, at)); err != nil {
			t.Fatal(err)
		}
		if p, _, err := loadPrefs(ctx, r.st, ref, "ansv-anna"); err != nil || !p.Stopped {
			t.Fatalf("sweep at %s lost the stop of a pending follow-up: %+v %v", at, p, err)
		}
	}
	if err := r.eng.Sweep(ctx, lt(t, r.w, "2027-03-10 07:30")); err != nil {
		t.Fatal(err)
	}
	if n := len(r.st.bucket(bucketPrefs)); n != 0 {
		t.Errorf("%d prefs left a week after the follow-up, want 0", n)
	}
}
