package sip

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/samla-sip/samla/internal/textgate"
)

// pnrSpellings are one personnummer (790104-5034) as people and their
// keyboards write it (issue 16, problem 2).
var pnrSpellings = map[string]string{
	"en dash":             "790104–5034",
	"no-break space":      "790104\u00a05034",
	"zero-width space":    "790104\u200b5034",
	"full-width digits":   "７９０１０４－５０３４",
	"dots":                "79.01.04.5034",
	"spaced dash":         "790104 - 5034",
	"12 digits, en dash":  "19790104–5034",
	"12 digits, iso date": "1979-01-04 5034",
}

const gatePnrSV = "Skriv aldrig personnummer eller samordningsnummer i Samla. Inget sparades."

// TestGateRefusesEverySpellingInEveryField sends each spelling in every
// free-text field, through the command language, prompt answers and the
// typed API, and checks the refusal and that nothing of it was stored or
// logged.
func TestGateRefusesEverySpellingInEveryField(t *testing.T) {
	for name, pnr := range pnrSpellings {
		t.Run(name, func(t *testing.T) {
			h := newHarness(t)
			ref := h.newCase("")
			q := `"gäller ` + pnr + `"`
			for _, cmd := range []string{
				"ny kommun=Lund ålder=14 parter=bup behov=" + q,
				"möte " + ref + " 2026-12-10 13:00 plats=" + q,
				"avsluta " + ref + " orsak=" + q,
				"plan " + ref + " insats bup " + q,
				"plan " + ref + " åtgärd " + q,
				"sök " + pnr,
			} {
				if got := h.cmd(kurator, cmd); !strings.HasPrefix(got, gatePnrSV) {
					t.Errorf("/sip %s → %q", cmd, got)
				}
			}
			for _, act := range []struct{ name, value string }{
				{actAgendaEdit, ref}, {actDecline, ref + "|inv1"},
			} {
				if got := h.act(kurator, act.name, act.value, "gäller "+pnr, false).Body().Plain(); !strings.HasPrefix(got, gatePnrSV) {
					t.Errorf("%s → %q", act.name, got)
				}
			}
			who := actor(kurator)
			typed := map[string]func() error{
				"NewCase.Needs": func() error {
					_, err := h.svc.NewCase(h.ctx, who, NewCase{Kommun: "Lund", Age: "14", Parties: []string{"bup"}, Needs: "gäller " + pnr})
					return err
				},
				"SetMeeting.Place": func() error {
					_, err := h.svc.SetMeeting(h.ctx, who, SetMeeting{Ref: ref, MeetingTime: MeetingTime{When: "2026-12-10 13:00", Place: pnr}})
					return err
				},
				"CloseCase.Reason": func() error {
					_, err := h.svc.CloseCase(h.ctx, who, CloseCase{Ref: ref, Reason: pnr})
					return err
				},
				"EditPlan.Measure": func() error {
					_, err := h.svc.EditPlan(h.ctx, who, EditPlan{Ref: ref, Measure: pnr})
					return err
				},
			}
			for what, call := range typed {
				no := refusalOf(t, call())
				if !strings.HasPrefix(no.Message(), gatePnrSV) {
					t.Errorf("%s: %q", what, no.Message())
				}
			}
			c := h.load(ref)
			if c.Meeting != nil || c.Closed != nil || len(c.Plan.Measures) != 0 || len(c.Plan.Efforts) != 0 || c.Agenda != nil {
				t.Errorf("the case changed: %+v", c)
			}
			assertNowhere(t, h, pnr)
		})
	}
}

// assertNowhere checks that neither the store's file nor the log holds
// the number, as typed or normalised.
func assertNowhere(t *testing.T, h *harness, pnr string) {
	t.Helper()
	raw, err := os.ReadFile(h.path)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{pnr, "790104", "５０３４", "5034"} {
		if bytes.Contains(raw, []byte(s)) {
			t.Errorf("the store holds %q", s)
		}
		if strings.Contains(h.logs.String(), s) {
			t.Errorf("the log holds %q", s)
		}
	}
}

// TestGateCaps: each free-text field has its cap, with the gate's message
// on every path, and one character less is accepted.
func TestGateCaps(t *testing.T) {
	h := newHarness(t)
	ref := h.newCase("")
	long := func(n int) string { return `"` + strings.Repeat("å", n) + `"` }
	tests := []struct {
		cmd  func(n int) string
		max  int
		want string
	}{
		{func(n int) string { return "möte " + ref + " 2026-12-10 13:00 plats=" + long(n) }, 200,
			"Mötesplatsen är för lång: högst 200 tecken, du skrev 201. Inget sparades."},
		{func(n int) string { return "plan " + ref + " åtgärd " + long(n) }, 1000,
			"Åtgärden är för lång: högst 1\u00a0000 tecken, du skrev 1\u00a0001. Inget sparades."},
		{func(n int) string { return "ny kommun=Lund ålder=14 parter=bup behov=" + long(n) }, 2000,
			"Behovsbeskrivningen är för lång: högst 2\u00a0000 tecken, du skrev 2\u00a0001. Inget sparades."},
		{func(n int) string { return "avsluta " + ref + " orsak=" + long(n) }, 500,
			"Orsaken är för lång: högst 500 tecken, du skrev 501. Inget sparades."},
	}
	for _, tt := range tests {
		if got := h.cmd(kurator, tt.cmd(tt.max+1)); !strings.HasPrefix(got, tt.want) {
			t.Errorf("%.40s… → %q, want %q", tt.cmd(tt.max+1), got, tt.want)
		}
		if got := h.cmd(kurator, tt.cmd(tt.max)); strings.Contains(got, "för lång") {
			t.Errorf("%d characters refused: %q", tt.max, got)
		}
	}
	// The typed API refuses with the same words.
	_, err := h.svc.SetMeeting(h.ctx, actor(kurator), SetMeeting{Ref: ref, MeetingTime: MeetingTime{When: "2026-12-10 13:00", Place: strings.Repeat("x", 20000)}})
	no := refusalOf(t, err)
	if want := "Mötesplatsen är för lång: högst 200 tecken, du skrev 20\u00a0000. Inget sparades."; no.Message() != want || no.Errors[0].Field != FieldPlace {
		t.Errorf("SetMeeting: %q on %q, want %q", no.Message(), no.Errors[0].Field, want)
	}
	// An agenda edit is a prompt answer: 4,000 characters (on an open
	// case: the one above was closed).
	ref = h.newCase("")
	if got := h.act(kurator, actAgendaEdit, ref, strings.Repeat("a", 4001), false).Body().Plain(); !strings.HasPrefix(got, "Agendan är för lång: högst 4\u00a0000 tecken") {
		t.Errorf("agenda edit of 4,001 characters → %q", got)
	}
	if c := h.load(ref); c.Agenda != nil {
		t.Error("the over-long agenda was stored")
	}
	if got := h.act(kurator, actAgendaEdit, ref, strings.Repeat("a", 4000), false); got.Message == nil {
		t.Errorf("agenda edit of 4,000 characters → %q", got.Body().Plain())
	}
	// English, for an English-speaking user.
	ge := &textgate.Error{Field: textgate.Place, Problem: textgate.TooLong, Length: 201}
	if got := (&InputError{gate: ge}).text("en"); got != "The meeting place is too long: at most 200 characters, you wrote 201. Nothing was saved." {
		t.Errorf("en: %q", got)
	}
}

// TestGateStripsInvisibleCharacters: bidi overrides and zero-width
// characters never reach the case or another party's message.
func TestGateStripsInvisibleCharacters(t *testing.T) {
	h := newHarness(t)
	ref := h.newCase("behov=\"slutat\u200b gå\u202e till skolan\u202c\"")
	h.cmd(kurator, "samtycke "+ref+" skriftligt vårdnadshavare")
	h.cmd(kurator, "möte "+ref+" 2026-12-10 13:00 plats=\"Rum\u2066 4\u2069, plan\u200d 2\ufeff\"")
	h.cmd(kurator, "bjud "+ref)
	h.cmd(kurator, "plan "+ref+" åtgärd \"Skolan\u202d ordnar\u200e skjuts\"")
	h.act(kurator, actAgendaEdit, ref, "*Agenda*\u202e\n• Mål\u200b", false)
	c := h.load(ref)
	if c.Needs != "slutat gå till skolan" || c.Meeting == nil || c.Meeting.Place != "Rum 4, plan 2" ||
		len(c.Plan.Measures) != 1 || c.Plan.Measures[0] != "Skolan ordnar skjuts" || c.Agenda == nil || c.Agenda.Markdown != "*Agenda*\n• Mål" {
		t.Fatalf("stored %q, %+v, %q, %+v", c.Needs, c.Meeting, c.Plan.Measures, c.Agenda)
	}
	envs := h.drain()
	if len(envs) == 0 {
		t.Fatal("no messages")
	}
	raw, err := json.Marshal(envs)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range []string{"\u202e", "\u2066", "\u200b", "\u200d", "\ufeff", "\u202d", "\u200e"} {
		if strings.Contains(string(raw), r) {
			t.Errorf("a message holds %U", []rune(r)[0])
		}
	}
	// The typed API stores the cleaned text too.
	res, err := h.svc.NewCase(h.ctx, actor(kurator), NewCase{Kommun: "Lund", Age: "14", Parties: []string{"bup"}, Needs: "a\u202eb\u2067c"})
	if err != nil {
		t.Fatal(err)
	}
	if got := h.load(res.Ref).Needs; got != "abc" {
		t.Errorf("typed needs stored as %q", got)
	}
}
