package reminders

import (
	"context"
	"log/slog"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/prometheus/client_golang/prometheus"
	dto "github.com/prometheus/client_model/go"

	"github.com/samla-sip/samla/directory"
	"github.com/samla-sip/samla/examples"
	"github.com/samla-sip/samla/internal/chat"
	"github.com/samla-sip/samla/internal/chat/chattest"
	"github.com/samla-sip/samla/internal/outbox"
	"github.com/samla-sip/samla/internal/sip"
	"github.com/samla-sip/samla/internal/store/bboltstore"
	"github.com/samla-sip/samla/internal/testutil"
)

// coreRig is the real SIP core on bbolt and the sample directory, with
// the reminders engine and the outbox wired as serve wires them, on a
// fake clock.
type coreRig struct {
	t       *testing.T
	clock   *testutil.Clock
	st      *bboltstore.Store
	svc     *sip.Service
	eng     *Engine
	worker  *outbox.Worker
	metrics *Metrics
	reg     *prometheus.Registry
	logs    *testutil.SyncBuffer
	slack   *chattest.Platform
	mm      *chattest.Platform
}

func newCoreRig(t *testing.T, start string) *coreRig {
	r := &coreRig{t: t, logs: &testutil.SyncBuffer{}, slack: chattest.New(chat.Slack), mm: chattest.New(chat.Mattermost)}
	r.clock = testutil.NewClock(lt(t, testHours(t), start))
	dir, err := directory.LoadFS(examples.Directory(), ".")
	if err != nil {
		t.Fatal(err)
	}
	holder := directory.NewHolder(dir)
	r.st, err = bboltstore.Open(filepath.Join(t.TempDir(), "samla.db"), bboltstore.WithClock(r.clock.Now))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = r.st.Close() })
	log := slog.New(slog.NewTextHandler(r.logs, nil))
	r.reg = prometheus.NewRegistry()
	if r.metrics, err = NewMetrics(r.reg); err != nil {
		t.Fatal(err)
	}
	r.svc = sip.New(sip.Deps{
		Store: r.st, Directory: holder, Now: r.clock.Now, Rand: rand.NewChaCha8([32]byte{11}), Lang: "sv", Log: log,
		Planners: []sip.Planner{NewPlanner(testSettings(t), log, r.metrics)},
		Actions: map[string]sip.ActionFunc{ActionPrefix: func(ctx context.Context, who chat.Actor, act chat.Action) chat.Reply {
			return r.eng.Act(ctx, who, act)
		}},
	})
	r.eng, err = New(Deps{Store: r.st, Cases: r.svc, Directory: DirectoryFrom(holder),
		Clock: r.clock, Settings: testSettings(t), Log: log, Metrics: r.metrics})
	if err != nil {
		t.Fatal(err)
	}
	r.worker = outbox.NewWorker(r.st, []chat.Sender{r.slack, r.mm}, outbox.Options{Now: r.clock.Now, Parallel: 1, Batch: 100, Log: log})
	return r
}

// sara is the convener: a school kurator in Lund on Mattermost.
var sara = chat.Actor{Platform: chat.Mattermost, Workspace: "lund", UserID: "sara.lindberg", ContactID: "lund-skola-kurator-sara"}

// do runs a /sip command as who and returns the case afterwards; check
// says what the command must have changed (the reply's wording is not
// the test's business).
func (r *coreRig) do(who chat.Actor, ref, line string, check func(*sip.Case) bool) *sip.Case {
	r.t.Helper()
	reply := r.svc.Command(context.Background(), who, strings.ReplaceAll(line, "$REF", ref))
	c, err := r.svc.Case(context.Background(), ref)
	if err != nil || !check(c) {
		r.t.Fatalf("%s: case not changed as expected (%v); reply:\n%s", line, err, reply.Text)
	}
	return c
}

// newCase runs "/sip ny …" and returns the new case's reference.
func (r *coreRig) newCase(who chat.Actor, line string) string {
	r.t.Helper()
	ctx := context.Background()
	before, err := r.svc.OpenCases(ctx)
	if err != nil {
		r.t.Fatal(err)
	}
	reply := r.svc.Command(ctx, who, line)
	after, err := r.svc.OpenCases(ctx)
	if err != nil {
		r.t.Fatal(err)
	}
	for _, ref := range after {
		if !slices.Contains(before, ref) {
			return ref
		}
	}
	r.t.Fatalf("%s: no case created; reply:\n%s", line, reply.Text)
	return ""
}

// at moves the clock, fires every due reminder and delivers the outbox.
func (r *coreRig) at(local string) {
	r.t.Helper()
	ctx := context.Background()
	r.clock.Set(lt(r.t, testHours(r.t), local))
	for {
		n, err := r.eng.FireDue(ctx)
		if err != nil {
			r.t.Fatal(err)
		}
		if n == 0 {
			break
		}
	}
	for {
		n, err := r.worker.DeliverDue(ctx)
		if err != nil {
			r.t.Fatal(err)
		}
		if n == 0 {
			break
		}
	}
}

// sentFor lists the deliveries of the reminder with job id: the messages
// whose stop button names it.
func (r *coreRig) sentFor(id string) []chattest.Sent {
	var out []chattest.Sent
	for _, s := range append(r.slack.Sent(), r.mm.Sent()...) {
		for _, b := range s.Msg.Buttons {
			if b.Action == ActionStop && b.Value == id {
				out = append(out, s)
			}
		}
	}
	return out
}

// TestFollowUpThroughTheCore drives the real core through a SIP's
// lifecycle (issue 12): ny → consent → invitations → the meeting held →
// the plan's items, an overall responsible huvudman and a follow-up date
// → plan klar — and then the reminders a week before and on the
// follow-up date reach the responsible unit's väg in, in its direct
// messages and its team channel; the follow-up is recorded as held, a
// next date set, and ending the SIP cancels that next follow-up.
func TestFollowUpThroughTheCore(t *testing.T) {
	r := newCoreRig(t, "2026-11-23 09:00") // Monday
	ref := r.newCase(sara, "/sip ny kommun=Lund ålder=14 parter=bup,socialtjanst-barn")
	r.do(sara, ref, "/sip samtycke $REF skriftligt vårdnadshavare", func(c *sip.Case) bool { return c.Consent != nil })
	r.do(sara, ref, "/sip bjud $REF", func(c *sip.Case) bool { return len(c.Invitations) == 2 })
	r.do(sara, ref, "/sip möte $REF 2026-12-10 13:00", func(c *sip.Case) bool { return c.Meeting != nil })
	r.at("2026-12-11 10:00") // nudges, meeting reminders fired
	r.do(sara, ref, "/sip möte $REF hållet 2026-12-10", func(c *sip.Case) bool { return c.Stage() == sip.StageHeld })

	r.do(sara, ref, `/sip plan $REF behov "skolnärvaro"`, func(c *sip.Case) bool { return len(c.Plan.NeedItems) == 1 })
	r.do(sara, ref, `/sip plan $REF insats bup "samtal"`, func(c *sip.Case) bool { return len(c.Plan.Efforts) == 1 })
	r.do(sara, ref, `/sip plan $REF insats socialtjanst-barn "stöd"`, func(c *sip.Case) bool { return len(c.Plan.Efforts) == 2 })
	r.do(sara, ref, "/sip plan $REF åtgärd ingen", func(c *sip.Case) bool { return c.Plan.NoMeasures })
	r.do(sara, ref, "/sip plan $REF ansvar=bup-lund", func(c *sip.Case) bool { return c.Plan.Responsible == "bup-lund" })
	r.do(sara, ref, "/sip uppföljning $REF 2027-03-01", func(c *sip.Case) bool { return c.Plan.FollowUp != nil })
	r.do(sara, ref, "/sip plan $REF klar", func(c *sip.Case) bool { return c.Stage() == sip.StageEstablished })
	if open, err := r.svc.OpenCases(context.Background()); err != nil || !slices.Contains(open, ref) {
		t.Fatalf("an established plan left the open cases: %v %v", open, err)
	}

	bupDM := chat.Address{Platform: chat.Slack, Workspace: "T0SKANE01", User: "U0BUPLUND", ContactID: "bup-lund-vagin"}
	bupTeam := chat.Address{Platform: chat.Slack, Workspace: "T0SKANE01", Channel: "C0BUPLUNDSIP"}
	for _, step := range []struct {
		at   string
		sent []Kind // by then, each exactly once to each recipient
	}{
		{"2027-02-22 07:59", nil}, // a week before, but before working hours
		{"2027-02-22 08:01", []Kind{KindFollowUpWeek}},
		{"2027-02-26 16:00", []Kind{KindFollowUpWeek}},
		{"2027-03-01 08:01", []Kind{KindFollowUpWeek, KindFollowUpDay}},
	} {
		r.at(step.at)
		for _, k := range []Kind{KindFollowUpWeek, KindFollowUpDay} {
			want := slices.Contains(step.sent, k)
			for recipient, to := range map[string]chat.Address{"bup-lund": bupDM, teamPrefix + "bup-lund": bupTeam} {
				got := r.sentFor(JobID(k, ref, recipient))
				switch {
				case want && (len(got) != 1 || got[0].To != to):
					t.Fatalf("%s: %s to %s: sent %+v, want one message to %+v", step.at, k, recipient, got, to)
				case !want && len(got) != 0:
					t.Fatalf("%s: %s to %s sent early: %+v", step.at, k, recipient, got)
				}
			}
		}
	}
	r.do(sara, ref, "/sip uppföljning $REF hållen", func(c *sip.Case) bool { return c.Stage() == sip.StageFollowedUp && c.Plan.FollowUp == nil })
	r.do(sara, ref, "/sip uppföljning $REF 2027-09-01", func(c *sip.Case) bool { return c.Plan.FollowUp != nil })
	r.at("2027-08-25 09:00") // the next follow-up's reminder a week before
	if got := r.sentFor(JobID(KindFollowUpWeek, ref, "bup-lund")); len(got) != 2 {
		t.Errorf("the next follow-up's reminder a week before: sent %d times in all, want 2", len(got))
	}
	r.do(sara, ref, "/sip avsluta $REF orsak=behov-tillgodosedda", func(c *sip.Case) bool { return c.Stage() == sip.StageEnded })
	r.at("2027-09-01 09:00")
	if got := r.sentFor(JobID(KindFollowUpDay, ref, "bup-lund")); len(got) != 1 {
		t.Errorf("a follow-up reminder after the SIP ended: %+v", got)
	}
	for _, k := range []Kind{KindFollowUpWeek, KindFollowUpDay} {
		want := map[Kind]float64{KindFollowUpWeek: 4, KindFollowUpDay: 2}[k]
		if n := counted(t, r.reg, "samla_reminders_written_total", "kind", string(k)); n != want {
			t.Errorf("samla_reminders_written_total{kind=%q} = %v, want %v", k, n, want)
		}
	}
	if n := counted(t, r.reg, "samla_reminder_errors_total", "", ""); n != 0 {
		t.Errorf("%v reminder errors counted:\n%s", n, r.logs.String())
	}
	if strings.Contains(r.logs.String(), "level=ERROR") {
		t.Errorf("errors logged:\n%s", r.logs.String())
	}
}

// TestWithdrawnConsentStopsFollowUp: follow-up reminders stand only
// while consent does.
func TestWithdrawnConsentStopsFollowUp(t *testing.T) {
	r := newCoreRig(t, "2026-11-23 09:00")
	ref := r.newCase(sara, "/sip ny kommun=Lund ålder=14 parter=bup")
	r.do(sara, ref, "/sip samtycke $REF muntligt", func(c *sip.Case) bool { return c.Consent != nil })
	r.do(sara, ref, "/sip plan $REF ansvar=bup-lund", func(c *sip.Case) bool { return c.Plan.Responsible != "" })
	r.do(sara, ref, "/sip uppföljning $REF 2027-03-01", func(c *sip.Case) bool { return c.Plan.FollowUp != nil })
	r.do(sara, ref, "/sip återkalla $REF", func(c *sip.Case) bool { return c.Consent == nil })
	r.at("2027-03-01 09:00")
	for _, k := range []Kind{KindFollowUpWeek, KindFollowUpDay} {
		if got := r.sentFor(JobID(k, ref, "bup-lund")); len(got) != 0 {
			t.Errorf("%s sent after consent was withdrawn: %+v", k, got)
		}
	}
}

// counted sums the series of the counter name on reg whose label has the
// value (every series when label is "").
func counted(t *testing.T, reg *prometheus.Registry, name, label, value string) float64 {
	t.Helper()
	families, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	sum := 0.0
	for _, f := range families {
		if f.GetName() != name {
			continue
		}
		for _, m := range f.GetMetric() {
			if label == "" || hasLabel(m, label, value) {
				sum += m.GetCounter().GetValue()
			}
		}
	}
	return sum
}

func hasLabel(m *dto.Metric, name, value string) bool {
	for _, l := range m.GetLabel() {
		if l.GetName() == name && l.GetValue() == value {
			return true
		}
	}
	return false
}

// TestRemindersCarryTheRoomButton: with a Decorate hook (the case room's
// button, sip.AddRoomButton), every reminder about a case gets it.
func TestRemindersCarryTheRoomButton(t *testing.T) {
	r := newCoreRig(t, "2026-11-23 09:00")
	var (
		mu   sync.Mutex
		refs []string
	)
	r.eng.d.Decorate = func(ctx context.Context, to chat.Address, ref string, msg *chat.Message) {
		mu.Lock()
		refs = append(refs, ref)
		mu.Unlock()
		msg.Buttons = append(msg.Buttons, chat.Button{Action: sip.ActOpenRoom, Label: "Öppna ärendet", Value: ref})
	}
	ref := r.newCase(sara, "/sip ny kommun=Lund ålder=14 parter=bup,socialtjanst-barn")
	r.do(sara, ref, "/sip samtycke $REF skriftligt vårdnadshavare", func(c *sip.Case) bool { return c.Consent != nil })
	r.do(sara, ref, "/sip bjud $REF", func(c *sip.Case) bool { return len(c.Invitations) == 2 })
	r.at("2026-11-26 10:00") // two workdays without an answer: nudges
	n := 0
	for _, s := range append(r.slack.Sent(), r.mm.Sent()...) {
		stop, room := false, false
		for _, b := range s.Msg.Buttons {
			stop = stop || b.Action == ActionStop
			room = room || b.Action == sip.ActOpenRoom && b.Value == ref
		}
		if stop {
			n++
			if !room {
				t.Errorf("reminder without the room's button: %+v", s.Msg)
			}
		}
	}
	mu.Lock()
	defer mu.Unlock()
	if n == 0 || len(refs) == 0 {
		t.Fatalf("no reminder fired (%d decorated)", len(refs))
	}
}
