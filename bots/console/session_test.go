package console

import (
	"bufio"
	"bytes"
	"context"
	"flag"
	"io"
	"log/slog"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/samla-sip/samla/config"
	"github.com/samla-sip/samla/directory"
	"github.com/samla-sip/samla/examples"
	"github.com/samla-sip/samla/internal/i18n"
	"github.com/samla-sip/samla/internal/outbox"
	"github.com/samla-sip/samla/internal/reminders"
	"github.com/samla-sip/samla/internal/sip"
	"github.com/samla-sip/samla/internal/store/bboltstore"
	"github.com/samla-sip/samla/internal/testutil"
)

var update = flag.Bool("update", false, "rewrite golden files")

// play runs a script through a Session on the real core, a real bbolt
// store and the sample directory, with a clock that moves one minute per
// line and seeded randomness, and returns the console output.
func play(t *testing.T, script, lang string) string {
	t.Helper()
	dir, err := directory.LoadFS(examples.Directory(), ".")
	if err != nil {
		t.Fatal(err)
	}
	holder := directory.NewHolder(dir)
	now, err := time.Parse(time.RFC3339, "2026-11-23T09:00:00+01:00")
	if err != nil {
		t.Fatal(err)
	}
	cc := NewClock(func() time.Time { return now }) // moved by :tid
	clock := cc.Now
	st, err := bboltstore.Open(filepath.Join(t.TempDir(), "samla.db"), bboltstore.WithClock(clock))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var logs bytes.Buffer
	log := slog.New(slog.NewTextHandler(&logs, nil))
	set, err := reminders.SettingsFrom(config.Defaults().Reminders, "Europe/Stockholm", lang)
	if err != nil {
		t.Fatal(err)
	}
	svc := sip.New(sip.Deps{
		Store: st, Directory: holder, Now: clock, Rand: rand.NewChaCha8([32]byte{42}), Lang: i18n.Lang(lang),
		Log: log, Planners: []sip.Planner{reminders.NewPlanner(set, log, nil)},
	})
	eng, err := reminders.New(reminders.Deps{Store: st, Cases: svc, Directory: reminders.DirectoryFrom(holder),
		Clock: cc, Settings: set, Log: log, Langs: svc})
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	screen := NewScreen(&out)
	s := &Session{
		Handler: svc, Directory: holder, Screen: screen, Lang: i18n.Lang(lang), Echo: true,
		Outbox: outbox.NewWorker(st, screen.Senders(), outbox.Options{
			Now: clock, Parallel: 1, Batch: 100, Log: log,
		}),
		Clock: cc, Reminders: eng,
	}
	ctx := context.Background()
	sc := bufio.NewScanner(strings.NewReader(script))
	for sc.Scan() {
		if err := s.Line(ctx, sc.Text()); err != nil {
			if err == errQuit {
				break
			}
			t.Fatalf("line %q: %v", sc.Text(), err)
		}
		now = now.Add(time.Minute)
	}
	if strings.Contains(logs.String(), "level=ERROR") {
		t.Errorf("errors logged:\n%s", logs.String())
	}
	return out.String()
}

// TestScenarioLund is scenario 1 of docs: a kurator in Lund convenes a SIP
// for a 14-year-old who has stopped going to school — the whole flow.
func TestScenarioLund(t *testing.T) {
	script, err := os.ReadFile(filepath.Join("testdata", "scenario-lund.txt"))
	if err != nil {
		t.Fatal(err)
	}
	got := play(t, string(script), "sv")
	golden(t, "scenario-lund.golden", got)
	for _, want := range []string{
		"Inga kallelser skickas", // invite refused before consent
		"✓ via video",            // BUP by video
		"✗ kan inte: ",           // a decline with its reason
		"↪ skickar",              // a delegate
		"med mandat att fatta beslut",
		"✓ kommer",
		"✎ lund-skola-kurator-sara", // live status updated in place
		"✎ bup-lund-vagin [slack] (uppdaterat/updated)\n  *Kallelse till SIP-möte · SIP-", // the invitation too
		"*Ditt svar:* ✓ kommer (via video) · 23 nov",
		"*Ditt svar:* Du skickade Vårdcentralen Lund Centrum SIP, med mandat",
		"bup-lund-vagin> :click b2\n↩ Ditt svar är redan registrerat.", // an old id still works
		"! b9 finns inte längre",                               // a dropped button is refused
		"Skola är inte huvudman och har ingen insats i planen", // problem 3 of issue 12
		"Polhemskolan Lund kan inte ha det övergripande ansvaret",
		"kan inte kalla till nästa möte",
		"*Den enskildes mål, med egna ord*\n     1 (texten finns i ärendets rum)",
		"Planen kan inte upprättas än. Det här saknas:\n  • att SIP-mötet är hållet",
		"Ange varför SIP:en avslutas",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("session output lacks %q", want)
		}
	}
}

func TestSessionConsoleLines(t *testing.T) {
	got := play(t, `/sip mina
:as nobody
:as lund-skola-kurator-sara
:help
hej
:click b99
/sip ny kommun=Lund ålder=14 parter=bup
/sip samtycke $REF
/sip bjud $REF
:click b1
:as bup-lund-vagin
:click b3
:as lund-skola-kurator-sara
:quit
/sip mina
`, "sv")
	for _, want := range []string{
		"! Välj först vem du är",
		`! ingen sådan kontakt i katalogen: "nobody"`,
		":click b3          tryck på en knapp",
		"! Okänd rad",
		`! ingen sådan knapp "b99"`,
		"lund-skola-kurator-sara> :click b1\n! den knappen visades inte för dig",
		"? Kan inte delta",
		"! avbrutet",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "> /sip mina\n↩ Dina") {
		t.Error("a line after :quit was run")
	}
}

// TestRunStopsOnCancel: an interrupt ends Run even while input is pending.
func TestRunStopsOnCancel(t *testing.T) {
	pr, pw := io.Pipe()
	defer pw.Close()
	ctx, cancel := context.WithCancel(context.Background())
	s := &Session{Screen: NewScreen(io.Discard)}
	done := make(chan error, 1)
	go func() { done <- s.Run(ctx, pr) }()
	if _, err := io.WriteString(pw, "# a comment\n"); err != nil {
		t.Fatal(err)
	}
	cancel()
	select {
	case err := <-done:
		if err != context.Canceled {
			t.Fatalf("Run = %v, want context.Canceled", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Run did not stop on cancel")
	}
}

// TestScenarioMalmo is scenario 2 in English: a discharge SIP with
// proposed times; the biståndshandläggare is away and her delegate sends
// a substitute without a mandate, which the convener must see.
func TestScenarioMalmo(t *testing.T) {
	script, err := os.ReadFile(filepath.Join("testdata", "scenario-malmo.txt"))
	if err != nil {
		t.Fatal(err)
	}
	got := play(t, string(script), "en")
	golden(t, "scenario-malmo.golden", got)
	for _, want := range []string{"without a mandate to decide – check before the meeting", "Pick 2", "suits 5"} {
		if !strings.Contains(got, want) {
			t.Errorf("session output lacks %q", want)
		}
	}
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	testutil.Golden(t, filepath.Join("testdata", name), []byte(got), *update)
}

// TestConsentSessions: consent with a scope and its withdrawal through
// the real core, in Swedish and English (issue 12, problem 4).
func TestConsentSessions(t *testing.T) {
	for _, tt := range []struct {
		lang  string
		wants []string
	}{
		{"sv", []string{
			"Försäkringskassan: utanför samtycket – ingen kallelse",
			"⚠ Samtycke från en vårdnadshavare",
			"ℹ Från 15 år väger den unges egen inställning tungt",
			"av vårdnadshavare, vårdnadshavare 2 och den enskilde",
			"Försäkringskassan → ",
			"bup-lund-vagin> /sip status SIP-2GZRR9\n↩ Ärendet hittades inte.",
			"bup-lund-vagin> /sip mina\n↩ Du har inga öppna SIP-ärenden.",
		}},
		{"en", []string{
			"Social Insurance Agency: outside the consent – not invited",
			"⚠ Consent from one guardian",
			"by guardian, guardian 2 and the individual",
			"bup-lund-vagin> /sip status SIP-2GZRR9\n↩ Case not found.",
		}},
	} {
		t.Run(tt.lang, func(t *testing.T) {
			script, err := os.ReadFile(filepath.Join("testdata", "consent-"+tt.lang+".txt"))
			if err != nil {
				t.Fatal(err)
			}
			got := play(t, string(script), tt.lang)
			golden(t, "consent-"+tt.lang+".golden", got)
			for _, want := range tt.wants {
				if !strings.Contains(got, want) {
					t.Errorf("session output lacks %q", want)
				}
			}
		})
	}
}

// TestLifecycleSessions: a SIP from ny to avsluta through the real core
// and the reminders engine, the clock moved with :tid, in Swedish and
// English (issue 12, problem 1).
func TestLifecycleSessions(t *testing.T) {
	for _, tt := range []struct {
		lang, ended string
		wants       []string // in this order
	}{
		{"sv", "är avslutat", []string{
			"Deltagande i SIP-2GZRR9: den enskilde deltar, vårdnadshavare deltar.",
			"Arbetsförmedlingen är inte part i SIP-2GZRR9. En insats lägger inte till en part",
			"BUP är huvudman: ange dess del som insats",
			"Polhemskolan Lund kan inte ha det övergripande ansvaret: bara en huvudman",
			"Planen kan inte upprättas än. Det här saknas:\n  • ett uppföljningsdatum framåt i tiden",
			"↩ Planen för SIP-2GZRR9 är upprättad. Uppföljning 2027-03-01; övergripande ansvar: BUP Lund.",
			"→ bup-lund-vagin [slack]\n  *Planen är upprättad · SIP-2GZRR9*",
			"Skede: plan upprättad 2026-12-10, uppföljning 2027-03-01",
			"⏱ 2027-02-22 08:30 (Mon)\n→ bup-lund-vagin [slack]\n  *Uppföljning om en vecka: SIP-2GZRR9*",
			"→ #C0BUPLUNDSIP [slack]\n  *Uppföljning om en vecka: SIP-2GZRR9*",
			"⏱ 2027-03-01 08:30 (Mon)\n→ bup-lund-vagin [slack]\n  *Uppföljning: SIP-2GZRR9*",
			"• Den enskilde har fått planen: mottagen 2027-01-15, på papper",
			"Skede: uppföljd 2027-03-01",
			"↩ SIP-2GZRR9 är avslutat (behoven är tillgodosedda).",
			"→ bup-lund-vagin [slack]\n  *SIP-2GZRR9*\n  SIP-2GZRR9 är avslutat. Tack för din medverkan.",
			"→ lund-barn-socsek-david [mattermost]\n  *SIP-2GZRR9*\n  SIP-2GZRR9 är avslutat. Kallelsen gäller inte längre; du behöver inte göra något.",
			"↩ Du har inga öppna SIP-ärenden.",
		}},
		{"en", "is ended", []string{
			"Taking part in SIP-2GZRR9: the individual takes part, guardians take part.",
			"Public Employment Service is not a party of SIP-2GZRR9. An effort does not add a party",
			"BUP child psychiatry is a huvudman: give its part as an effort",
			"Polhemskolan Lund cannot hold the overall responsibility: only a huvudman",
			"The plan cannot be established yet. Missing:\n  • a follow-up date still to come",
			"↩ The plan for SIP-2GZRR9 is established. Follow-up on 2027-03-01; overall responsibility: BUP Lund.",
			"Stage: plan established 2026-12-10, follow-up 2027-03-01",
			"*Follow-up in a week: SIP-2GZRR9*",
			"*Follow-up: SIP-2GZRR9*",
			"• The individual has the plan: received 2027-01-15, on paper",
			"Stage: followed up 2027-03-01",
			"↩ SIP-2GZRR9 is ended (needs met).",
			"SIP-2GZRR9 is ended. Thank you for taking part.",
			"SIP-2GZRR9 is ended. The invitation no longer applies; you need not do anything.",
		}},
	} {
		t.Run(tt.lang, func(t *testing.T) {
			script, err := os.ReadFile(filepath.Join("testdata", "lifecycle-"+tt.lang+".txt"))
			if err != nil {
				t.Fatal(err)
			}
			got := play(t, string(script), tt.lang)
			golden(t, "lifecycle-"+tt.lang+".golden", got)
			rest := got
			for _, want := range tt.wants {
				i := strings.Index(rest, want)
				if i < 0 {
					t.Fatalf("session output lacks %q (after the previous ones)", want)
				}
				rest = rest[i+len(want):]
			}
			// Nothing says the SIP is ended before it is.
			close := strings.Index(got, "> /sip close SIP-2GZRR9 reason=needs-met\n")
			if tt.lang == "sv" {
				close = strings.Index(got, "> /sip avsluta SIP-2GZRR9 orsak=behov-tillgodosedda\n")
			}
			if close < 0 {
				t.Fatalf("the SIP was never ended")
			}
			if i := strings.Index(got, tt.ended); i < close {
				t.Errorf("%q at %d, before the SIP was ended at %d", tt.ended, i, close)
			}
		})
	}
}
