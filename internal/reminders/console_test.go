package reminders

import (
	"bytes"
	"context"
	"log/slog"
	"math/rand/v2"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/samla-sip/samla/bots/console"
	"github.com/samla-sip/samla/directory"
	"github.com/samla-sip/samla/examples"
	"github.com/samla-sip/samla/internal/chat"
	"github.com/samla-sip/samla/internal/outbox"
	"github.com/samla-sip/samla/internal/sip"
	"github.com/samla-sip/samla/internal/store/bboltstore"
	"github.com/samla-sip/samla/internal/testutil"
)

// consoleRig is the real core, bbolt, the sample directory and the console
// platform, with the reminders engine wired in as serve would wire it.
type consoleRig struct {
	t      *testing.T
	clock  *testutil.Clock
	eng    *Engine
	st     *bboltstore.Store
	sess   *console.Session
	out    bytes.Buffer
	logs   bytes.Buffer
	worker *outbox.Worker
}

func newConsoleRig(t *testing.T) *consoleRig {
	r := &consoleRig{t: t}
	w := testHours(t)
	r.clock = testutil.NewClock(lt(t, w, "2026-11-23 09:00")) // Monday
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
	log := slog.New(slog.NewTextHandler(&r.logs, nil))

	// Built like serve: the service plans with a planner, the engine reads
	// cases through the service, and the buttons reach the engine.
	svc := sip.New(sip.Deps{
		Store: r.st, Directory: holder, Now: r.clock.Now, Rand: rand.NewChaCha8([32]byte{7}), Lang: "sv", Log: log,
		Planners: []sip.Planner{NewPlanner(testSettings(t), log, nil)},
		Actions: map[string]sip.ActionFunc{ActionPrefix: func(ctx context.Context, who chat.Actor, act chat.Action) chat.Reply {
			return r.eng.Act(ctx, who, act)
		}},
	})
	r.eng, err = New(Deps{Store: r.st, Cases: svc, Directory: DirectoryFrom(holder),
		Clock: r.clock, Settings: testSettings(t), Log: log})
	if err != nil {
		t.Fatal(err)
	}
	screen := console.NewScreen(&r.out)
	r.worker = outbox.NewWorker(r.st, screen.Senders(), outbox.Options{Now: r.clock.Now, Parallel: 1, Batch: 100, Log: log})
	r.sess = &console.Session{Handler: svc, Directory: holder, Screen: screen, Outbox: r.worker, Lang: "sv", Echo: true}
	return r
}

func (r *consoleRig) lines(ls ...string) {
	r.t.Helper()
	for _, l := range ls {
		if err := r.sess.Line(context.Background(), l); err != nil {
			r.t.Fatalf("%q: %v", l, err)
		}
	}
}

// at moves the clock, fires due reminders and delivers the outbox.
func (r *consoleRig) at(local string) string {
	r.t.Helper()
	r.clock.Set(lt(r.t, testHours(r.t), local))
	mark := r.out.Len()
	for {
		n, err := r.eng.FireDue(context.Background())
		if err != nil {
			r.t.Fatal(err)
		}
		if n == 0 {
			break
		}
	}
	for {
		n, err := r.worker.DeliverDue(context.Background())
		if err != nil {
			r.t.Fatal(err)
		}
		if n == 0 {
			break
		}
	}
	return r.out.String()[mark:]
}

// button finds the id of the button labelled label in the message to
// recipient within screen output.
func button(t *testing.T, out, recipient, label string) string {
	t.Helper()
	i := strings.Index(out, "→ "+recipient+" ")
	if i < 0 {
		t.Fatalf("no message to %s in:\n%s", recipient, out)
	}
	m := regexp.MustCompile(`\[(b\d+)\] ` + regexp.QuoteMeta(label)).FindStringSubmatch(out[i:])
	if m == nil {
		t.Fatalf("no %q button for %s in:\n%s", label, recipient, out[i:])
	}
	return m[1]
}

func TestConsoleSnoozeAndStop(t *testing.T) {
	r := newConsoleRig(t)
	r.lines(
		":as lund-skola-kurator-sara",
		"/sip ny kommun=Lund ålder=14 parter=bup,socialtjanst-barn",
		"/sip samtycke $REF skriftligt vårdnadshavare",
		"/sip bjud $REF",
	)
	if out := r.at("2026-11-25 08:59"); strings.Contains(out, "Påminnelse") {
		t.Fatalf("nudged early:\n%s", out)
	}
	out := r.at("2026-11-25 09:05") // two working days after the invitations
	for _, who := range []string{"bup-lund-vagin", "lund-barn-socsek-david"} {
		if !strings.Contains(out, "→ "+who+" ") {
			t.Errorf("no nudge to %s:\n%s", who, out)
		}
	}
	if strings.Contains(out, "har inte varit") || strings.Contains(out, "behov") {
		t.Errorf("needs text leaked into a reminder:\n%s", out)
	}

	snooze := button(t, out, "lund-barn-socsek-david", "Påminn i morgon")
	// David snoozes a day; BUP stops reminders for the case.
	mark := r.out.Len()
	r.lines(":as lund-barn-socsek-david", ":click "+snooze)
	if got := r.out.String()[mark:]; !strings.Contains(got, "Okej, jag påminner igen tor 26 nov kl. 09:05") {
		t.Errorf("snooze reply:\n%s", got)
	}
	stop := button(t, out, "bup-lund-vagin", "Sluta påminna om detta ärende")
	mark = r.out.Len()
	r.lines(":as bup-lund-vagin", ":click "+stop)
	if got := r.out.String()[mark:]; !strings.Contains(got, "inga fler påminnelser") {
		t.Errorf("stop reply:\n%s", got)
	}

	if out := r.at("2026-11-26 09:04"); strings.Contains(out, "→ lund-barn-socsek-david") {
		t.Errorf("snoozed reminder came early:\n%s", out)
	}
	out = r.at("2026-11-26 09:06")
	if !strings.Contains(out, "→ lund-barn-socsek-david") || !strings.Contains(out, "obesvarad SIP-kallelse") {
		t.Errorf("snoozed nudge not repeated:\n%s", out)
	}
	if strings.Contains(out, "→ bup-lund-vagin") {
		t.Errorf("stopped recipient reminded:\n%s", out)
	}
	// Escalation day: David's unit's väg in is asked; BUP stopped.
	out = r.at("2026-11-27 09:06")
	if !strings.Contains(out, "→ lund-barn-mottagning") || !strings.Contains(out, "har inte svarat; eskalerat till deras SIP-mottagning") {
		t.Errorf("no escalation for David's unit:\n%s", out)
	}
	if strings.Contains(out, "→ bup-lund-vagin") {
		t.Errorf("stopped recipient escalated:\n%s", out)
	}
	if strings.Contains(r.logs.String(), "level=ERROR") {
		t.Errorf("errors logged:\n%s", r.logs.String())
	}
}
