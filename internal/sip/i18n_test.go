package sip

import (
	"testing"

	"github.com/samla-sip/samla/internal/i18n/i18ntest"
)

// TestCatalogueComplete: every entry has both languages with the same
// verbs, every id the code uses exists, and every id is used.
func TestCatalogueComplete(t *testing.T) {
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
	dynamic = append(dynamic, "off.holiday", "off.weekend", "off.hours", // offHoursWhy.id
		"st.notinvited", "st.declinednoreplacement", // render_status.go picks one into a variable
		"next.held") // nextStep returns it
	dynamic = append(dynamic, "reg.held", "reg.followup") // registrationText
	for _, code := range []string{"AU124", "AU125", "AW010", "XAH.20.75", "XAH.20.65"} {
		dynamic = append(dynamic, "code."+code)
	}
	dynamic = append(dynamic, weekdayIDs[:]...)
	dynamic = append(dynamic, monthIDs[:]...)
	i18ntest.Check(t, catalogue, i18ntest.Uses{
		Funcs:   []string{"t", "inputErr", "miss", "tellConvener"},
		Dynamic: dynamic,
		// Completed from data: care levels, causes, consent givers and
		// parties, event kinds, examples by verb, answers, stages …
		Families: []string{"care.", "cause.", "giver.", "part.", "ev.", "ex.", "inv.ans.", "received.", "stage.",
			"err.", "next.", "state.", "channel.", "consent.form.", "mandate."},
	})
}

func TestEveryAliasParses(t *testing.T) {
	for alias, verb := range verbAliases {
		if c, err := Parse(alias); err == nil && c.Verb != verb {
			t.Errorf("%s parsed as %s, want %s", alias, c.Verb, verb)
		}
	}
}
