package reminders

import (
	"bytes"
	"context"
	"log/slog"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/samla-sip/samla/internal/chat"
	"github.com/samla-sip/samla/internal/sip"
)

const ref = "SIP-7K3QF2"

func baseCase(t testing.TB, w WorkingHours) *sip.Case {
	return &sip.Case{
		Ref: ref, KommunName: "Lund", Parties: []string{"bup", "skola"},
		Convener: sip.Person{Key: "conv-karin", Name: "Karin K", ContactID: "conv-karin", Unit: "soc-lund", UnitName: "Socialtjänsten Lund",
			Address: chat.Address{Platform: chat.Mattermost, Workspace: "skane", User: "karin", ContactID: "conv-karin"}},
		Consent: &sip.Consent{},
		Invitations: []sip.Invitation{
			{ID: "i1", Party: "bup", ContactID: "bup-berit", ContactName: "Berit B", Unit: "bup-lund", UnitName: "BUP Lund",
				Address: &chat.Address{Platform: chat.Mattermost, Workspace: "skane", User: "berit", ContactID: "bup-berit"},
				State:   sip.StatePending, Sent: lt(t, w, "2026-11-23 10:00")},
			{ID: "i2", Party: "skola", ContactID: "skola-sara", ContactName: "Sara S", Unit: "skola-lund", UnitName: "Skolan",
				Address: &chat.Address{Platform: chat.Slack, Workspace: "T1", User: "U-SARA", ContactID: "skola-sara"},
				State:   sip.StateAttending, Sent: lt(t, w, "2026-11-23 10:00")},
		},
	}
}

func cloneCase(c *sip.Case) *sip.Case {
	out := *c
	out.Invitations = slices.Clone(c.Invitations)
	if c.Meeting != nil {
		m := *c.Meeting
		out.Meeting = &m
	}
	return &out
}

func TestPlanner(t *testing.T) {
	w := testHours(t)
	set := testSettings(t)
	withMeeting := func(c *sip.Case, at string) *sip.Case {
		c = cloneCase(c)
		c.Meeting = &sip.Meeting{At: lt(t, w, at), Video: true}
		return c
	}
	base := baseCase(t, w)
	noInv := cloneCase(base)
	noInv.Invitations = nil
	answered := cloneCase(base)
	answered.Invitations[0].State = sip.StateVideo
	closed := cloneCase(base)
	closed.Closed = &sip.Closure{}
	withdrawn := cloneCase(base)
	withdrawn.Consent = nil
	meeting := withMeeting(base, "2026-12-01 13:00")
	followUp := cloneCase(meeting)
	fu := time.Date(2027, 3, 1, 0, 0, 0, 0, time.UTC)
	followUp.Plan = sip.Plan{Responsible: "ansv-anna", ResponsibleName: "Anna Ansvarig", FollowUp: &fu}
	overJul := cloneCase(noInv)
	overJul.Invitations = []sip.Invitation{base.Invitations[0]}
	overJul.Invitations[0].Sent = lt(t, w, "2026-12-22 10:00")
	establishedFollowUp := cloneCase(followUp)
	establishedFollowUp.Held = &sip.Milestone{}
	establishedFollowUp.Established = &sip.Milestone{}
	establishedWithdrawn := cloneCase(establishedFollowUp)
	establishedWithdrawn.Consent = nil
	endedFollowUp := cloneCase(establishedFollowUp)
	endedFollowUp.Closed = &sip.Closure{Cause: sip.CauseMoved}

	tests := []struct {
		name          string
		before, after *sip.Case
		now           string
		jobs          []string // "id @ local due"
		cancel        []string
	}{
		{name: "new case", before: nil, after: noInv, now: "2026-11-23 09:00"},
		{name: "invitation sent: nudge and escalation", before: noInv, after: base, now: "2026-11-23 10:00",
			jobs: []string{
				"escalate|SIP-7K3QF2|bup-berit @ 2026-11-27 10:00",
				"nudge|SIP-7K3QF2|bup-berit @ 2026-11-25 10:00",
			}},
		{name: "unchanged: nothing rescheduled", before: base, after: cloneCase(base), now: "2026-11-24 10:00"},
		{name: "invitee answered: cancelled", before: base, after: answered, now: "2026-11-24 10:00",
			cancel: []string{"escalate|SIP-7K3QF2|bup-berit", "nudge|SIP-7K3QF2|bup-berit"}},
		{name: "case closed: all cancelled", before: meeting, after: func() *sip.Case { c := cloneCase(meeting); c.Closed = &sip.Closure{}; return c }(), now: "2026-11-24 10:00",
			cancel: []string{
				"after-meeting|SIP-7K3QF2|conv-karin", "escalate|SIP-7K3QF2|bup-berit",
				"meeting-1d|SIP-7K3QF2|conv-karin", "meeting-1d|SIP-7K3QF2|skola-sara",
				"meeting-1h|SIP-7K3QF2|conv-karin", "meeting-1h|SIP-7K3QF2|skola-sara",
				"no-followup|SIP-7K3QF2|conv-karin", "nudge|SIP-7K3QF2|bup-berit",
			}},
		{name: "consent withdrawn: cancelled", before: base, after: withdrawn, now: "2026-11-24 10:00",
			cancel: []string{"escalate|SIP-7K3QF2|bup-berit", "nudge|SIP-7K3QF2|bup-berit"}},
		{name: "closed before: nothing", before: closed, after: closed, now: "2026-11-24 10:00"},
		{name: "meeting set: pre-meeting, after-meeting, no-follow-up flag", before: base, after: meeting, now: "2026-11-24 10:00",
			jobs: []string{
				"after-meeting|SIP-7K3QF2|conv-karin @ 2026-12-01 15:00",
				"meeting-1d|SIP-7K3QF2|conv-karin @ 2026-11-30 13:00",
				"meeting-1d|SIP-7K3QF2|skola-sara @ 2026-11-30 13:00",
				"meeting-1h|SIP-7K3QF2|conv-karin @ 2026-12-01 12:00",
				"meeting-1h|SIP-7K3QF2|skola-sara @ 2026-12-01 12:00",
				"no-followup|SIP-7K3QF2|conv-karin @ 2026-12-02 13:00",
			}},
		{name: "meeting moved: same ids, new times", before: meeting, after: withMeeting(base, "2026-12-07 08:30"), now: "2026-11-24 10:00",
			jobs: []string{
				"after-meeting|SIP-7K3QF2|conv-karin @ 2026-12-07 10:30",
				"meeting-1d|SIP-7K3QF2|conv-karin @ 2026-12-04 08:30",
				"meeting-1d|SIP-7K3QF2|skola-sara @ 2026-12-04 08:30",
				"meeting-1h|SIP-7K3QF2|conv-karin @ 2026-12-07 08:00",
				"meeting-1h|SIP-7K3QF2|skola-sara @ 2026-12-07 08:00",
				"no-followup|SIP-7K3QF2|conv-karin @ 2026-12-08 08:30",
			}},
		{name: "meeting tomorrow morning: day-before now, late one dropped", before: base, after: withMeeting(base, "2026-11-25 08:30"), now: "2026-11-24 16:00",
			jobs: []string{
				"after-meeting|SIP-7K3QF2|conv-karin @ 2026-11-25 10:30",
				"meeting-1d|SIP-7K3QF2|conv-karin @ 2026-11-24 16:00",
				"meeting-1d|SIP-7K3QF2|skola-sara @ 2026-11-24 16:00",
				"meeting-1h|SIP-7K3QF2|conv-karin @ 2026-11-25 08:00",
				"meeting-1h|SIP-7K3QF2|skola-sara @ 2026-11-25 08:00",
				"no-followup|SIP-7K3QF2|conv-karin @ 2026-11-26 08:30",
			}},
		{name: "meeting in 30 minutes: only the hour-before, now", before: base, after: withMeeting(base, "2026-11-24 14:00"), now: "2026-11-24 13:30",
			jobs: []string{
				"after-meeting|SIP-7K3QF2|conv-karin @ 2026-11-24 16:00",
				"meeting-1h|SIP-7K3QF2|conv-karin @ 2026-11-24 13:30",
				"meeting-1h|SIP-7K3QF2|skola-sara @ 2026-11-24 13:30",
				"no-followup|SIP-7K3QF2|conv-karin @ 2026-11-25 14:00",
			}},
		{name: "evening meeting: no hour-before outside working hours", before: base, after: withMeeting(base, "2026-12-01 18:30"), now: "2026-11-24 10:00",
			jobs: []string{
				"after-meeting|SIP-7K3QF2|conv-karin @ 2026-12-02 08:00",
				"meeting-1d|SIP-7K3QF2|conv-karin @ 2026-12-01 08:00",
				"meeting-1d|SIP-7K3QF2|skola-sara @ 2026-12-01 08:00",
				"no-followup|SIP-7K3QF2|conv-karin @ 2026-12-03 08:00", // 18:30 next working day is after hours
			}},
		{name: "follow-up set: team channel and responsible, flag cancelled", before: meeting, after: followUp, now: "2026-12-01 16:00",
			jobs: []string{
				"followup-0d|SIP-7K3QF2|ansv-anna @ 2027-03-01 08:00",
				"followup-0d|SIP-7K3QF2|team:ansv-anna @ 2027-03-01 08:00",
				"followup-7d|SIP-7K3QF2|ansv-anna @ 2027-02-22 08:00",
				"followup-7d|SIP-7K3QF2|team:ansv-anna @ 2027-02-22 08:00",
			},
			cancel: []string{"no-followup|SIP-7K3QF2|conv-karin"}},
		{name: "plan established with a follow-up date: the follow-up stays, the rest cancelled", before: followUp, after: establishedFollowUp, now: "2026-12-02 10:00",
			cancel: []string{
				"after-meeting|SIP-7K3QF2|conv-karin", "escalate|SIP-7K3QF2|bup-berit",
				"meeting-1d|SIP-7K3QF2|conv-karin", "meeting-1d|SIP-7K3QF2|skola-sara",
				"meeting-1h|SIP-7K3QF2|conv-karin", "meeting-1h|SIP-7K3QF2|skola-sara",
				"nudge|SIP-7K3QF2|bup-berit",
			}},
		{name: "plan established, then consent withdrawn: the follow-up cancelled", before: establishedFollowUp, after: establishedWithdrawn, now: "2026-12-02 10:00",
			cancel: []string{
				"followup-0d|SIP-7K3QF2|ansv-anna", "followup-0d|SIP-7K3QF2|team:ansv-anna",
				"followup-7d|SIP-7K3QF2|ansv-anna", "followup-7d|SIP-7K3QF2|team:ansv-anna",
			}},
		{name: "plan established, then the SIP ended: the follow-up cancelled", before: establishedFollowUp, after: endedFollowUp, now: "2026-12-02 10:00",
			cancel: []string{
				"followup-0d|SIP-7K3QF2|ansv-anna", "followup-0d|SIP-7K3QF2|team:ansv-anna",
				"followup-7d|SIP-7K3QF2|ansv-anna", "followup-7d|SIP-7K3QF2|team:ansv-anna",
			}},
		{name: "ended with a follow-up date: everything cancelled", before: followUp, after: func() *sip.Case { c := cloneCase(followUp); c.Closed = &sip.Closure{}; return c }(), now: "2026-12-02 10:00",
			cancel: []string{
				"after-meeting|SIP-7K3QF2|conv-karin", "escalate|SIP-7K3QF2|bup-berit",
				"followup-0d|SIP-7K3QF2|ansv-anna", "followup-0d|SIP-7K3QF2|team:ansv-anna",
				"followup-7d|SIP-7K3QF2|ansv-anna", "followup-7d|SIP-7K3QF2|team:ansv-anna",
				"meeting-1d|SIP-7K3QF2|conv-karin", "meeting-1d|SIP-7K3QF2|skola-sara",
				"meeting-1h|SIP-7K3QF2|conv-karin", "meeting-1h|SIP-7K3QF2|skola-sara",
				"nudge|SIP-7K3QF2|bup-berit",
			}},
		{name: "nudge over jul and nyår", before: noInv, after: overJul, now: "2026-12-22 10:00",
			jobs: []string{
				"escalate|SIP-7K3QF2|bup-berit @ 2026-12-30 10:00",
				"nudge|SIP-7K3QF2|bup-berit @ 2026-12-28 10:00",
			}},
	}
	p := NewPlanner(set, nil, nil)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			jobs, cancel := p.Plan(context.Background(), tt.before, tt.after, lt(t, w, tt.now))
			var got []string
			for _, j := range jobs {
				if j.Queue != QueueName {
					t.Errorf("job %s in queue %q", j.ID, j.Queue)
				}
				if pd := decodePayload(j).Due; pd.After(j.Due) {
					t.Errorf("job %s: firing %s after due %s", j.ID, pd, j.Due)
				}
				got = append(got, j.ID+" @ "+j.Due.In(w.Loc).Format("2006-01-02 15:04"))
			}
			if !slices.Equal(got, tt.jobs) {
				t.Errorf("jobs:\n got %q\nwant %q", got, tt.jobs)
			}
			var gotCancel []string
			for _, r := range cancel {
				gotCancel = append(gotCancel, r.ID)
			}
			if !slices.Equal(gotCancel, tt.cancel) {
				t.Errorf("cancel:\n got %q\nwant %q", gotCancel, tt.cancel)
			}
		})
	}
}

func TestPlannerAllDueTimesInWorkingHours(t *testing.T) {
	w := testHours(t)
	p := NewPlanner(testSettings(t), nil, nil)
	start := lt(t, w, "2026-01-01 00:00")
	for h := 0; h < 3*365*24; h += 7 { // every 7 hours over 2026–2028
		at := start.Add(time.Duration(h) * time.Hour)
		c := baseCase(t, w)
		c.Invitations[0].Sent = at
		c.Meeting = &sip.Meeting{At: at.Add(20 * 24 * time.Hour)}
		fu := at.AddDate(0, 3, 0)
		c.Plan.FollowUp = &fu
		c.Plan.Responsible = "ansv-anna"
		for id, r := range p.Wanted(c) {
			if !w.IsWorkingTime(r.Due) {
				t.Fatalf("sent %s: %s due %s outside working hours", at, id, r.Due.In(w.Loc))
			}
		}
	}
}

func TestJobIDRoundTrip(t *testing.T) {
	id := JobID(KindFollowUpDay, ref, "team:ansv|x")
	k, r, rec, err := ParseJobID(id)
	if err != nil || k != KindFollowUpDay || r != ref || rec != "team:ansv|x" {
		t.Fatalf("ParseJobID(%q) = %q %q %q %v", id, k, r, rec, err)
	}
	for _, bad := range []string{"", "nudge", "nudge|SIP-1", "|SIP-1|x", "nudge||x", "nudge|SIP-1|"} {
		if _, _, _, err := ParseJobID(bad); err == nil {
			t.Errorf("ParseJobID(%q): no error", bad)
		}
	}
}

func FuzzParseJobID(f *testing.F) {
	f.Add("nudge|SIP-7K3QF2|bup-berit")
	f.Add("a|b|c|d")
	f.Add("||")
	f.Fuzz(func(t *testing.T, id string) {
		k, r, rec, err := ParseJobID(id)
		if err != nil {
			return
		}
		if JobID(k, r, rec) != id {
			t.Fatalf("round trip %q → %q", id, JobID(k, r, rec))
		}
	})
}

// TestPlannerRefusesUnroutableReminders: a reminder whose job id would
// not parse back (here: a convener without an actor key) is not
// scheduled; the planner logs the case and kind, never a name or text,
// and counts it.
func TestPlannerRefusesUnroutableReminders(t *testing.T) {
	w := testHours(t)
	c := baseCase(t, w)
	c.Meeting = &sip.Meeting{At: lt(t, w, "2026-12-01 13:00")}
	c.Convener.Key = ""
	var logs bytes.Buffer
	reg := prometheus.NewRegistry()
	m, err := NewMetrics(reg)
	if err != nil {
		t.Fatal(err)
	}
	p := NewPlanner(testSettings(t), slog.New(slog.NewTextHandler(&logs, nil)), m)
	jobs, _ := p.Plan(context.Background(), nil, c, lt(t, w, "2026-11-24 10:00"))
	for _, j := range jobs {
		if _, _, _, err := ParseJobID(j.ID); err != nil {
			t.Errorf("unroutable job scheduled: %q", j.ID)
		}
	}
	// after-meeting, no-followup, meeting-1d and meeting-1h to the convener.
	if n := counted(t, reg, "samla_reminder_errors_total", "stage", stagePlan); n != 4 {
		t.Errorf("%v plan errors counted, want 4", n)
	}
	if !strings.Contains(logs.String(), "case="+ref) || !strings.Contains(logs.String(), "kind=after-meeting") {
		t.Errorf("log does not name case and kind:\n%s", logs.String())
	}
	for _, private := range []string{c.Convener.Name, c.Convener.UnitName, "Berit", "Sara"} {
		if strings.Contains(logs.String(), private) {
			t.Errorf("log names %q:\n%s", private, logs.String())
		}
	}
}
