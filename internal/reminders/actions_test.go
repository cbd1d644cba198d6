package reminders

import (
	"context"
	"strings"
	"testing"

	"github.com/samla-sip/samla/internal/chat"
)

// refused is the one answer to a reminder that does not exist and to
// someone it is not for (issue 16, problem 5).
const refused = "Påminnelsen finns inte längre eller gäller inte dig."

func TestAct(t *testing.T) {
	berit := chat.Actor{Platform: chat.Mattermost, Workspace: "skane", UserID: "berit", ContactID: "bup-berit"}
	beritByAddress := chat.Actor{Platform: chat.Mattermost, Workspace: "skane", UserID: "berit"}
	vagin := chat.Actor{Platform: chat.Mattermost, Workspace: "skane", UserID: "bup-lund-vagin", ContactID: "bup-lund-vagin"}
	sara := chat.Actor{Platform: chat.Slack, Workspace: "T1", UserID: "U-SARA", ContactID: "skola-sara"}
	nudge := JobID(KindNudge, ref, "bup-berit")
	escalate := JobID(KindEscalate, ref, "bup-berit")
	tests := []struct {
		name    string
		who     chat.Actor
		act     chat.Action
		want    string
		snoozed string // due of the job afterwards, local
		stopped bool
	}{
		{name: "snooze a day", who: berit, act: chat.Action{Name: ActionSnooze, Value: "1d|" + nudge},
			want: "Okej, jag påminner igen tor 26 nov kl. 10:00.", snoozed: "2026-11-26 10:00"},
		{name: "snooze a week (five working days)", who: berit, act: chat.Action{Name: ActionSnooze, Value: "1w|" + nudge},
			want: "Okej, jag påminner igen ons 2 dec kl. 10:00.", snoozed: "2026-12-02 10:00"},
		{name: "recipient known by address only", who: beritByAddress, act: chat.Action{Name: ActionSnooze, Value: "1d|" + nudge},
			want: "Okej", snoozed: "2026-11-26 10:00"},
		{name: "stop", who: berit, act: chat.Action{Name: ActionStop, Value: nudge},
			want: "Okej, inga fler påminnelser om SIP-7K3QF2 till dig.", stopped: true},
		{name: "väg in may snooze the escalation sent to it", who: vagin, act: chat.Action{Name: ActionSnooze, Value: "1d|" + escalate},
			want: "Okej"},
		{name: "someone else", who: sara, act: chat.Action{Name: ActionStop, Value: nudge},
			want: refused},
		{name: "väg in cannot stop the nudge", who: vagin, act: chat.Action{Name: ActionStop, Value: nudge},
			want: refused},
		{name: "bad period", who: berit, act: chat.Action{Name: ActionSnooze, Value: "3y|" + nudge},
			want: refused},
		{name: "garbage", who: berit, act: chat.Action{Name: ActionStop, Value: "x"},
			want: refused},
		{name: "unknown case", who: berit, act: chat.Action{Name: ActionStop, Value: JobID(KindNudge, "SIP-NOPE00", "bup-berit")},
			want: refused},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newRig(t, "2026-11-23 10:00")
			r.change(nil, baseCase(t, r.w))
			r.at("2026-11-25 10:00")
			reply := r.eng.Act(context.Background(), tt.who, tt.act)
			if !strings.HasPrefix(reply.Text, tt.want) {
				t.Errorf("reply %q, want %q", reply.Text, tt.want)
			}
			p, _, err := loadPrefs(context.Background(), r.st, ref, "bup-berit")
			if err != nil {
				t.Fatal(err)
			}
			if p.Stopped != tt.stopped {
				t.Errorf("stopped = %v", p.Stopped)
			}
			q := r.st.queued(QueueName)
			if tt.stopped && len(q) != 0 {
				t.Errorf("stop left jobs %v", q)
			}
			if tt.snoozed != "" {
				j, ok := q[nudge]
				if !ok || j.Due.In(r.w.Loc).Format("2006-01-02 15:04") != tt.snoozed {
					t.Errorf("nudge job %+v, want due %s", j, tt.snoozed)
				}
			}
		})
	}
}

func TestSnoozeDefersOtherRemindersOfTheCase(t *testing.T) {
	r := newRig(t, "2026-11-23 10:00")
	r.change(nil, baseCase(t, r.w))
	r.at("2026-11-25 10:00")
	r.fire()
	r.deliverAll()
	berit := chat.Actor{Platform: chat.Mattermost, Workspace: "skane", UserID: "berit", ContactID: "bup-berit"}
	r.eng.Act(context.Background(), berit, chat.Action{Name: ActionSnooze, Value: "1w|" + JobID(KindNudge, ref, "bup-berit")})
	r.at("2026-11-27 10:00") // escalation due, but the recipient snoozed the case
	r.fire()
	if ids := r.outboxIDs(); len(ids) != 0 {
		t.Fatalf("sent during snooze: %q", ids)
	}
	r.at("2026-12-02 10:00")
	r.fire()
	if ids := r.outboxIDs(); len(ids) != 3 { // the nudge again, escalation entry + note
		t.Errorf("after snooze: %q", ids)
	}
}
