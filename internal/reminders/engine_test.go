package reminders

import (
	"context"
	"errors"
	"flag"
	"path/filepath"
	"sort"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/samla-sip/samla/internal/chat"
	"github.com/samla-sip/samla/internal/i18n"
	"github.com/samla-sip/samla/internal/outbox"
	"github.com/samla-sip/samla/internal/sip"
	"github.com/samla-sip/samla/internal/store"
	"github.com/samla-sip/samla/internal/testutil"
)

var update = flag.Bool("update", false, "rewrite golden files")

// rig is one engine on a memStore with fake cases, directory and clock.
type rig struct {
	t     *testing.T
	st    *memStore
	cases *memCases
	clock *testutil.Clock
	eng   *Engine
	w     WorkingHours
	dir   fakeDir
}

func newRig(t *testing.T, now string) *rig {
	w := testHours(t)
	r := &rig{t: t, st: newMemStore(), cases: &memCases{cases: map[string]*sip.Case{}}, w: w, dir: testDir()}
	r.clock = testutil.NewClock(lt(t, w, now))
	r.eng = r.engine(r.st)
	return r
}

func (r *rig) engine(st store.Store) *Engine {
	eng, err := New(Deps{Store: st, Cases: r.cases, Directory: r.dir, Clock: r.clock, Settings: testSettings(r.t), Lease: time.Minute, Batch: 50})
	if err != nil {
		r.t.Fatal(err)
	}
	return eng
}

// change stores the case and commits what the planner says, like the core.
func (r *rig) change(before, after *sip.Case) {
	r.t.Helper()
	jobs, cancel := r.eng.Planner().Plan(context.Background(), before, after, r.clock.Now())
	r.cases.set(after)
	if err := r.st.Commit(context.Background(), store.Tx{Jobs: jobs, Cancel: cancel}); err != nil {
		r.t.Fatal(err)
	}
}

func (r *rig) at(s string) { r.clock.Set(lt(r.t, r.w, s)) }

func (r *rig) fire() int {
	r.t.Helper()
	total := 0
	for {
		n, err := r.eng.FireDue(context.Background())
		if err != nil {
			r.t.Fatal(err)
		}
		total += n
		if n == 0 {
			return total
		}
	}
}

// outbox returns the queued outbox envelopes by job id.
func (r *rig) outbox() map[string]outbox.Envelope {
	r.t.Helper()
	out := map[string]outbox.Envelope{}
	for id, j := range r.st.queued(outbox.Queue) {
		env, err := outbox.Decode(j)
		if err != nil {
			r.t.Fatal(err)
		}
		out[id] = env
	}
	return out
}

func (r *rig) outboxIDs() []string {
	var ids []string
	for id := range r.outbox() {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}

func (r *rig) deliverAll() {
	for id := range r.outbox() {
		_ = r.st.Cancel(context.Background(), store.JobRef{Queue: outbox.Queue, ID: id})
	}
}

func TestFireNudgeThenEscalation(t *testing.T) {
	r := newRig(t, "2026-11-23 10:00")
	c := baseCase(t, r.w)
	r.change(nil, c)

	r.at("2026-11-25 09:59")
	if n := r.fire(); n != 0 {
		t.Fatalf("claimed %d before due", n)
	}
	r.at("2026-11-25 10:00")
	r.fire()
	got := r.outbox()
	if len(got) != 1 {
		t.Fatalf("outbox %v, want the nudge", r.outboxIDs())
	}
	for id, env := range got {
		if !strings.HasPrefix(id, "reminder|nudge|SIP-7K3QF2|bup-berit|") || env.To.User != "berit" {
			t.Errorf("nudge %s to %v", id, env.To)
		}
	}
	r.deliverAll()
	r.at("2026-11-27 10:00")
	r.fire()
	ids := r.outboxIDs()
	if len(ids) != 2 || !strings.HasSuffix(ids[0], "|convener") || !strings.HasSuffix(ids[1], "|entry") {
		t.Fatalf("escalation outbox %q", ids)
	}
	env := r.outbox()[ids[0]]
	if env.Msg.Text != "BUP Lund har inte svarat; eskalerat till deras SIP-mottagning." || env.To.User != "karin" {
		t.Errorf("convener note %q to %v", env.Msg.Text, env.To)
	}
	if env := r.outbox()[ids[1]]; env.To.User != "bup-lund-vagin" {
		t.Errorf("entry message to %v", env.To)
	}
	if n, _ := r.st.Pending(context.Background(), QueueName); n != 0 {
		t.Errorf("%d reminders left", n)
	}
}

// The convener told of an escalation also gets the unit's phone number
// when the directory has one (issue 12, wording).
func TestEscalationNoteGivesUnitPhone(t *testing.T) {
	r := newRig(t, "2026-11-23 10:00")
	entry := r.dir.entries["bup-lund"]
	entry.Phone = "+46 46 17 00 00"
	r.dir.entries["bup-lund"] = entry
	c := baseCase(t, r.w)
	r.change(nil, c)
	r.at("2026-11-25 10:00")
	r.fire()
	r.deliverAll()
	r.at("2026-11-27 10:00")
	r.fire()
	ids := r.outboxIDs()
	if len(ids) != 2 || !strings.HasSuffix(ids[0], "|convener") {
		t.Fatalf("escalation outbox %q", ids)
	}
	want := "BUP Lund har inte svarat; eskalerat till deras SIP-mottagning, som också nås på telefon +46 46 17 00 00."
	if got := r.outbox()[ids[0]].Msg.Text; got != want {
		t.Errorf("convener note %q, want %q", got, want)
	}
}

func TestFireRechecksCase(t *testing.T) {
	tests := []struct {
		name   string
		change func(*sip.Case)
	}{
		{"invitee answered", func(c *sip.Case) { c.Invitations[0].State = sip.StateAttending }},
		{"invitee declined", func(c *sip.Case) { c.Invitations[0].State = "declined" }},
		{"case closed", func(c *sip.Case) { c.Closed = &sip.Closure{} }},
		{"consent withdrawn", func(c *sip.Case) { c.Consent = nil }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newRig(t, "2026-11-23 10:00")
			c := baseCase(t, r.w)
			r.change(nil, c)
			// The change reaches the case but, as with a stale job, not the queue.
			changed := cloneCase(c)
			tt.change(changed)
			r.cases.set(changed)
			r.at("2026-11-30 10:00")
			if n := r.fire(); n != 2 {
				t.Fatalf("claimed %d, want nudge and escalation", n)
			}
			if ids := r.outboxIDs(); len(ids) != 0 {
				t.Errorf("sent %q", ids)
			}
			if n, _ := r.st.Pending(context.Background(), QueueName); n != 0 {
				t.Errorf("%d stale jobs not acked", n)
			}
		})
	}
}

func TestFireWaitsForWorkingHours(t *testing.T) {
	r := newRig(t, "2026-11-23 10:00")
	r.change(nil, baseCase(t, r.w))
	r.at("2026-11-28 11:00") // Saturday: the queue was down all week
	r.fire()
	if ids := r.outboxIDs(); len(ids) != 0 {
		t.Fatalf("sent on a Saturday: %q", ids)
	}
	for id, j := range r.st.queued(QueueName) {
		if got := j.Due.In(r.w.Loc).Format("2006-01-02 15:04"); got != "2026-11-30 08:00" {
			t.Errorf("%s due %s, want Monday 08:00", id, got)
		}
	}
	r.at("2026-11-30 08:00")
	r.fire()
	if ids := r.outboxIDs(); len(ids) != 3 { // nudge, escalation entry + note
		t.Errorf("Monday outbox %q", ids)
	}
}

// ackFails fails every Ack, as if the replica died after writing.
type ackFails struct {
	store.Store
	acks atomic.Int32
}

func (a *ackFails) Ack(context.Context, store.Job) error {
	a.acks.Add(1)
	return errors.New("connection reset")
}

func TestFireOnceAfterLostLease(t *testing.T) {
	r := newRig(t, "2026-11-23 10:00")
	r.change(nil, baseCase(t, r.w))
	dying := &ackFails{Store: r.st}
	r.at("2026-11-25 10:00")
	if _, err := r.engine(dying).FireDue(context.Background()); err != nil {
		t.Fatal(err)
	}
	if dying.acks.Load() != 1 || len(r.outboxIDs()) != 1 {
		t.Fatalf("acks %d, outbox %q", dying.acks.Load(), r.outboxIDs())
	}
	r.deliverAll() // the outbox delivered and removed it
	r.at("2026-11-25 10:02")
	if n := r.fire(); n != 1 {
		t.Fatalf("re-claimed %d after lease, want 1", n)
	}
	if ids := r.outboxIDs(); len(ids) != 0 {
		t.Errorf("written again after lost lease: %q", ids)
	}
	if n, _ := r.st.Pending(context.Background(), QueueName); n != 1 { // the escalation
		t.Errorf("pending %d", n)
	}
}

func TestFireExpiredMeetingReminder(t *testing.T) {
	r := newRig(t, "2026-11-24 10:00")
	c := baseCase(t, r.w)
	c.Invitations = c.Invitations[1:]
	c.Meeting = &sip.Meeting{At: lt(t, r.w, "2026-11-26 13:00"), Place: "Stadshuset, rum 3"}
	r.change(nil, c)
	r.at("2026-11-26 13:05") // replicas were down: both pre-meeting reminders are late
	r.fire()
	for _, id := range r.outboxIDs() {
		if strings.Contains(id, "meeting-1") {
			t.Errorf("late pre-meeting reminder sent: %s", id)
		}
	}
}

func TestRenderGolden(t *testing.T) {
	for _, lang := range i18n.Langs() {
		t.Run(lang.String(), func(t *testing.T) {
			w := testHours(t)
			set := testSettings(t)
			set.Lang = lang
			rd := renderer{set: set, dir: testDir()}
			c := baseCase(t, w)
			c.Meeting = &sip.Meeting{At: lt(t, w, "2026-12-01 13:00"), Video: true}
			fu := time.Date(2027, 3, 1, 0, 0, 0, 0, time.UTC)
			withPlan := cloneCase(c)
			withPlan.Plan = sip.Plan{Responsible: "ansv-anna", ResponsibleName: "Anna Ansvarig", FollowUp: &fu}
			skola := cloneCase(c)
			skola.Invitations[0].Unit, skola.Invitations[0].UnitName, skola.Invitations[0].State = "skola-lund", "Skolan", sip.StatePending
			var b strings.Builder
			p := NewPlanner(set, nil, nil)
			for _, cc := range []*sip.Case{c, withPlan, skola} {
				wanted := p.Wanted(cc)
				var ids []string
				for id := range wanted {
					ids = append(ids, id)
				}
				sort.Strings(ids)
				for _, id := range ids {
					if cc == skola && !strings.HasPrefix(id, "escalate") {
						continue
					}
					for _, m := range rd.render(context.Background(), cc, wanted[id]) {
						writeMsg(&b, id, m)
					}
				}
			}
			golden(t, filepath.Join("testdata", "render."+lang.String()+".golden"), b.String())
		})
	}
}

func writeMsg(b *strings.Builder, id string, m outMsg) {
	b.WriteString("=== " + id)
	if m.suffix != "" {
		b.WriteString(" [" + m.suffix + "]")
	}
	b.WriteString(" → " + m.to.String() + "\n")
	b.WriteString("# " + m.msg.Title + "\n" + m.msg.Text + "\n")
	for _, btn := range m.msg.Buttons {
		b.WriteString("[" + btn.Label + "] " + btn.Action + " " + btn.Value + "\n")
	}
	b.WriteString("\n")
}

func golden(t *testing.T, path, got string) {
	t.Helper()
	testutil.Golden(t, path, []byte(got), *update)
}

// TestFollowUpTarget: a follow-up reminder reaches the responsible
// person, a responsible unit's väg in, or — when neither has a chat
// address — the convener, who can pass it on; never nobody.
func TestFollowUpTarget(t *testing.T) {
	rd := renderer{set: testSettings(t), dir: testDir()}
	c := baseCase(t, testHours(t))
	tests := []struct {
		key  string
		want chat.Address
		ok   bool
	}{
		{"ansv-anna", testDir().people["ansv-anna"].Address, true},
		{teamPrefix + "ansv-anna", testDir().teams["ansv-anna"].Address, true},
		{"bup-lund", testDir().entries["bup-lund"].Address, true}, // a unit: its väg in
		{"skola-lund", c.Convener.Address, true},                  // väg in without chat
		{"okand-person", c.Convener.Address, true},                // not in the directory
		{teamPrefix + "okand-person", chat.Address{}, false},      // no team channel: the person reminder covers it
		{c.Convener.Key, c.Convener.Address, true},
	}
	for _, tt := range tests {
		got, ok := rd.followUpTarget(c, tt.key)
		if got != tt.want || ok != tt.ok {
			t.Errorf("followUpTarget(%q) = %v, %v; want %v, %v", tt.key, got, ok, tt.want, tt.ok)
		}
	}
}
