package sip

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var verbRE = regexp.MustCompile(`%(\[\d+\])?[a-zA-Z]`)

// TestCatalogueComplete: every entry has both languages with the same
// verbs, and every id the code uses exists.
func TestCatalogueComplete(t *testing.T) {
	for id, m := range catalogue {
		if m.sv == "" || m.en == "" {
			t.Errorf("%s: missing a language", id)
		}
		if sv, en := verbRE.FindAllString(m.sv, -1), verbRE.FindAllString(m.en, -1); strings.Join(sv, "") != strings.Join(en, "") {
			t.Errorf("%s: verbs differ: sv %v, en %v", id, sv, en)
		}
	}
	used := regexp.MustCompile(`(?:\bt\([a-zA-Z."]+, |inputErr\([a-zA-Z"]*, )"([a-z][a-zA-Z0-9._-]*)"`)
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range used.FindAllStringSubmatch(string(b), -1) {
			id := m[1]
			n++
			if strings.HasSuffix(id, ".") {
				continue // a prefix completed at run time; covered below
			}
			if _, ok := catalogue[id]; !ok {
				t.Errorf("%s uses missing catalogue id %q", f, id)
			}
		}
	}
	if n < 100 {
		t.Fatalf("found only %d uses; the scan is broken", n)
	}
	dynamic := []string{
		"channel.slack", "channel.mattermost", "channel.email", "channel.phone",
		"consent.form.written", "consent.form.oral", "mandate.with", "mandate.without",
		"ok.attending", "ok.video", "err.effort", "err.measure",
		"err.missing.kommun", "err.missing.age", "err.missing.parties",
		"next.consent", "next.meeting", "next.pick", "next.invite", "next.wait", "next.replace", "next.plan", "next.none",
	}
	for _, s := range []string{StatePending, StateAttending, StateVideo, StateDeclined, StateDelegated, StateCancelled} {
		dynamic = append(dynamic, "state."+s)
	}
	for _, k := range []string{"created", "consent", "withdrawn", "meeting", "proposed", "picked", "invited",
		"rsvp.attending", "rsvp.video", "rsvp.declined", "rsvp.delegated", "vote", "plan.effort", "plan.effort.removed",
		"plan.measure", "plan.measure.removed", "plan.responsible", "plan.next", "followup", "closed",
		"agenda.approved", "agenda.drafted", "agenda.edited", "agenda.shared"} {
		dynamic = append(dynamic, "ev."+k)
	}
	for _, v := range []string{verbNew, verbConsent, verbWithdraw, verbMeeting, verbInvite, verbStatus, verbLog,
		verbPlan, verbFollowUp, verbClose, verbWho, verbSearch, verbLang, verbMine, verbAgenda} {
		dynamic = append(dynamic, "ex."+v)
	}
	for _, id := range dynamic {
		if _, ok := catalogue[id]; !ok {
			t.Errorf("missing catalogue id %q", id)
		}
	}
}

func TestEveryAliasParses(t *testing.T) {
	for alias, verb := range verbAliases {
		if c, err := Parse(alias); err == nil && c.Verb != verb {
			t.Errorf("%s parsed as %s, want %s", alias, c.Verb, verb)
		}
	}
}
