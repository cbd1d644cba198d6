package reminders

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/samla-sip/samla/internal/sip"
	"github.com/samla-sip/samla/internal/store"
	"github.com/samla-sip/samla/internal/testutil"
)

// waitWaiters waits until n goroutines wait on the fake clock.
func waitWaiters(t *testing.T, c *testutil.Clock, n int) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for c.Waiters() < n {
		if time.Now().After(deadline) {
			t.Fatalf("%d waiters, want %d", c.Waiters(), n)
		}
		time.Sleep(time.Millisecond)
	}
}

func TestPeriodicOneReplicaPerFiring(t *testing.T) {
	r := newRig(t, "2026-11-24 07:00") // Tuesday
	c := baseCase(t, r.w)
	c.Meeting = &sip.Meeting{At: lt(t, r.w, "2026-11-20 13:00")} // held, no follow-up date
	r.cases.set(c)
	noConsent := cloneCase(c)
	noConsent.Ref, noConsent.Meeting, noConsent.Consent = "SIP-NOCONS", nil, nil
	r.cases.set(noConsent)

	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	for range 3 { // three replicas
		eng := r.engine(r.st)
		wg.Go(func() { _ = eng.RunPeriodic(ctx) })
	}
	waitWaiters(t, r.clock, 6) // digest + sweep on each replica
	r.at("2026-11-24 07:30")   // sweep
	waitWaiters(t, r.clock, 6)
	r.at("2026-11-24 08:00") // digest
	waitWaiters(t, r.clock, 6)
	cancel()
	wg.Wait()

	jobs := r.st.queued(QueueName)
	for _, id := range []string{JobID(KindNoFollowUp, ref, "conv-karin"), JobID(KindAfterMeeting, ref, "conv-karin")} {
		j, ok := jobs[id]
		if !ok || j.Due.In(r.w.Loc).Format("2006-01-02 15:04") != "2026-11-24 08:00" {
			t.Errorf("sweep: %s = %+v, want due at 08:00", id, j)
		}
	}
	if len(jobs) != 2 { // the pre-meeting reminders expired; the nudge is not due yet
		t.Errorf("sweep queued %d jobs: %v", len(jobs), jobs)
	}
	digests := r.outbox()
	if len(digests) != 1 {
		t.Fatalf("digests %v, want one for the one convener", r.outboxIDs())
	}
	env := digests["digest|conv-karin|2026-11-24"]
	want := []string{
		"• *SIP-7K3QF2*: 1 obesvarade kallelser; möte hållet men inget uppföljningsdatum; övergripande ansvar saknas i planen",
		"• *SIP-NOCONS*: samtycke saknas",
	}
	if env.Msg.Text != strings.Join(want, "\n") || env.To.User != "karin" {
		t.Errorf("digest to %v:\n%s", env.To, env.Msg.Text)
	}
	for _, name := range []string{"cron|sweep|2026-11-24T06:30:00Z", "cron|digest|2026-11-24T07:00:00Z"} {
		if !r.st.once[name] {
			t.Errorf("no once-key %s; have %v", name, r.st.once)
		}
	}
}

func TestDigestSkipsNonWorkingDaysAndStopped(t *testing.T) {
	r := newRig(t, "2026-11-28 08:00") // Saturday
	r.cases.set(baseCase(t, r.w))
	if err := r.eng.Digest(context.Background(), r.clock.Now()); err != nil {
		t.Fatal(err)
	}
	if ids := r.outboxIDs(); len(ids) != 0 {
		t.Errorf("digest on a Saturday: %q", ids)
	}
	r.at("2026-11-30 08:00")
	if err := updatePrefs(context.Background(), r.st, ref, "conv-karin", func(p *Prefs) store.Tx { p.Stopped = true; return store.Tx{} }); err != nil {
		t.Fatal(err)
	}
	if err := r.eng.Digest(context.Background(), r.clock.Now()); err != nil {
		t.Fatal(err)
	}
	if ids := r.outboxIDs(); len(ids) != 0 {
		t.Errorf("digest about a stopped case: %q", ids)
	}
}

func TestSweepDoesNotRepeatAFiredFlag(t *testing.T) {
	r := newRig(t, "2026-11-20 13:00")
	c := baseCase(t, r.w)
	c.Invitations = nil
	c.Meeting = &sip.Meeting{At: lt(t, r.w, "2026-11-20 13:00")}
	r.change(nil, c)
	r.at("2026-11-23 13:00")
	r.fire()
	if ids := r.outboxIDs(); len(ids) != 2 { // after-meeting, no-followup
		t.Fatalf("outbox %q", ids)
	}
	r.deliverAll()
	r.at("2026-11-24 07:30")
	if err := r.eng.Sweep(context.Background(), r.clock.Now()); err != nil {
		t.Fatal(err)
	}
	if q := r.st.queued(QueueName); len(q) != 0 {
		t.Errorf("sweep re-queued a sent flag: %v", q)
	}
}

func TestSweepRecoversLostAndSkipsOld(t *testing.T) {
	r := newRig(t, "2026-11-23 10:00")
	c := baseCase(t, r.w)
	r.cases.set(c) // changed before reminders were deployed: nothing queued
	old := cloneCase(c)
	old.Ref = "SIP-OLD000"
	old.Invitations[0].Sent = lt(t, r.w, "2026-10-01 10:00") // due long ago: left alone
	r.cases.set(old)
	r.at("2026-11-26 07:30")
	if err := r.eng.Sweep(context.Background(), r.clock.Now()); err != nil {
		t.Fatal(err)
	}
	q := r.st.queued(QueueName)
	if _, ok := q[JobID(KindNudge, ref, "bup-berit")]; !ok || len(q) != 1 {
		t.Fatalf("sweep queued %v, want the lost nudge only", q)
	}
	r.at("2026-11-26 08:00")
	r.fire()
	r.deliverAll()
	if err := r.eng.Sweep(context.Background(), r.clock.Now()); err != nil {
		t.Fatal(err)
	}
	if q := r.st.queued(QueueName); len(q) != 0 {
		t.Errorf("sweep repeated a sent nudge: %v", q)
	}
}

// TestDigestFollowsTheLifecycle: a meeting recorded as held (here
// afterwards, with no meeting booked in Samla) is not "no meeting", and
// once it is held unanswered invitations are not listed; an established
// plan whose follow-up is far off needs nothing.
func TestDigestFollowsTheLifecycle(t *testing.T) {
	r := newRig(t, "2026-11-24 07:00") // Tuesday
	held := baseCase(t, r.w)
	held.Meeting, held.Held = nil, &sip.Milestone{Date: time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)}
	r.cases.set(held)
	established := cloneCase(held)
	established.Ref = "SIP-ESTABL"
	fu := time.Date(2027, 3, 1, 0, 0, 0, 0, time.UTC)
	established.Plan = sip.Plan{Responsible: "ansv-anna", FollowUp: &fu}
	established.Established = &sip.Milestone{Date: time.Date(2026, 11, 21, 0, 0, 0, 0, time.UTC)}
	r.cases.set(established)
	if err := r.engine(r.st).Digest(context.Background(), lt(t, r.w, "2026-11-24 08:00")); err != nil {
		t.Fatal(err)
	}
	env := r.outbox()["digest|conv-karin|2026-11-24"]
	want := "• *SIP-7K3QF2*: möte hållet men inget uppföljningsdatum; övergripande ansvar saknas i planen"
	if env.Msg.Text != want {
		t.Errorf("digest:\n%s\nwant\n%s", env.Msg.Text, want)
	}
}
