package reminders

import (
	"context"
	"testing"
	"time"

	"github.com/samla-sip/samla/config"
	"github.com/samla-sip/samla/internal/chat"
)

func TestSettingsFrom(t *testing.T) {
	s, err := SettingsFrom(config.Reminders{}, "", "")
	if err != nil {
		t.Fatal(err)
	}
	if s.NudgeWorkdays != 2 || s.EscalateWorkdays != 2 || s.DigestTime != "08:00" || s.Lang != "sv" ||
		s.Hours.Start != 8*time.Hour || s.Hours.End != 17*time.Hour || s.Hours.Loc.String() != "Europe/Stockholm" {
		t.Errorf("defaults: %+v", s)
	}
	s, err = SettingsFrom(config.Reminders{NudgeWorkdays: 3, EscalateWorkdays: 1, DigestTime: "07:45", WorkdayStart: "07:30", WorkdayEnd: "16:00"}, "Europe/Helsinki", "en")
	if err != nil {
		t.Fatal(err)
	}
	if s.NudgeWorkdays != 3 || s.EscalateWorkdays != 1 || s.DigestTime != "07:45" || s.Lang != "en" ||
		s.Hours.Start != 7*time.Hour+30*time.Minute || s.Hours.End != 16*time.Hour || s.Hours.Loc.String() != "Europe/Helsinki" {
		t.Errorf("configured: %+v", s)
	}
	for _, bad := range []config.Reminders{
		{DigestTime: "8"}, {WorkdayStart: "18:00"}, {WorkdayEnd: "25:00"},
	} {
		if _, err := SettingsFrom(bad, "Europe/Stockholm", "sv"); err == nil {
			t.Errorf("SettingsFrom(%+v): no error", bad)
		}
	}
	if _, err := SettingsFrom(config.Reminders{}, "Nowhere/Atlantis", "sv"); err == nil {
		t.Error("bad zone accepted")
	}
}

// FuzzAct presses reminder buttons with arbitrary values: never a panic,
// never a change for a value that names no reminder of the presser.
func FuzzAct(f *testing.F) {
	f.Add(ActionSnooze, "1d|nudge|SIP-7K3QF2|bup-berit")
	f.Add(ActionStop, "nudge|SIP-7K3QF2|bup-berit")
	f.Add(ActionSnooze, "1w|")
	f.Add("reminder.other", "||||")
	f.Fuzz(func(t *testing.T, name, value string) {
		r := newRig(t, "2026-11-23 10:00")
		r.change(nil, baseCase(t, r.w))
		who := chat.Actor{Platform: chat.Slack, Workspace: "T1", UserID: "U-SARA", ContactID: "skola-sara"}
		reply := r.eng.Act(context.Background(), who, chat.Action{Name: name, Value: value})
		if reply.Text == "" {
			t.Fatal("empty reply")
		}
		if len(r.st.recs) != 0 {
			t.Fatalf("a stranger's press %q %q changed prefs", name, value)
		}
	})
}
