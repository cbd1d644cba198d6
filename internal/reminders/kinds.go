package reminders

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/samla-sip/samla/internal/store"
)

// QueueName is the store queue holding one-shot reminders.
const QueueName = "reminders"

// Kind names a kind of reminder.
type Kind string

// The reminder kinds.
const (
	KindNudge        Kind = "nudge"         // invitee has not answered
	KindEscalate     Kind = "escalate"      // still no answer: to the unit's väg in, note to convener
	KindMeetingDay   Kind = "meeting-1d"    // a working day before the meeting
	KindMeetingHour  Kind = "meeting-1h"    // an hour before the meeting
	KindAfterMeeting Kind = "after-meeting" // plan checklist and registration code
	KindNoFollowUp   Kind = "no-followup"   // meeting held, no follow-up date: flag
	KindFollowUpWeek Kind = "followup-7d"   // a week before the follow-up
	KindFollowUpDay  Kind = "followup-0d"   // on the follow-up date
	KindKallelse     Kind = "kallelse"      // discharge SIP: the kallelse is due today and has not gone out
)

// kinds lists every kind.
var kinds = []Kind{KindNudge, KindEscalate, KindMeetingDay, KindMeetingHour,
	KindAfterMeeting, KindNoFollowUp, KindFollowUpWeek, KindFollowUpDay, KindKallelse}

// Recipient keys that are not a contact id.
const (
	teamPrefix = "team:" // + responsible contact id: their team channel
)

// Reminder is one wanted reminder: derived from a case, keyed by
// kind|case|recipient.
type Reminder struct {
	Kind      Kind
	Case      string
	Recipient string    // contact id or actor key; "team:<contact>" for a team channel
	Due       time.Time // already within working hours
	// Expires, when set, is when the reminder is pointless (the meeting
	// has started); a reminder not sent by then is dropped.
	Expires time.Time
	// Invitation is the invitation id a nudge or escalation is about.
	Invitation string
}

// ID is the reminder's job id.
func (r Reminder) ID() string { return JobID(r.Kind, r.Case, r.Recipient) }

// valid reports whether the reminder's job id parses back to its kind,
// case and recipient, so the engine can route it when it fires.
func (r Reminder) valid() bool {
	k, ref, recipient, err := ParseJobID(r.ID())
	return err == nil && k == r.Kind && ref == r.Case && recipient == r.Recipient
}

// JobID builds a reminder job id.
func JobID(kind Kind, ref, recipient string) string {
	return string(kind) + "|" + ref + "|" + recipient
}

// ParseJobID splits a reminder job id.
func ParseJobID(id string) (kind Kind, ref, recipient string, err error) {
	k, rest, ok1 := strings.Cut(id, "|")
	ref, recipient, ok2 := strings.Cut(rest, "|")
	if !ok1 || !ok2 || k == "" || ref == "" || recipient == "" {
		return "", "", "", fmt.Errorf("reminders: bad job id %q", id)
	}
	return Kind(k), ref, recipient, nil
}

// payload is stored with each job. Due is the due time the job was
// scheduled for: it names the firing (outbox id, fired record) and stays
// the same when a lease expires or the job waits for working hours.
type payload struct {
	Due time.Time `json:"due"`
}

// job is the queue job of r, due at due; firing names the firing (see
// payload): r.Due for the planned reminder, the snooze time for a snooze.
func (r Reminder) job(firing, due time.Time) store.Job {
	b, _ := json.Marshal(payload{Due: firing.UTC()}) // a struct of a time: cannot fail
	return store.Job{Queue: QueueName, ID: r.ID(), Due: due, Payload: b}
}

func decodePayload(job store.Job) payload {
	var p payload
	if err := json.Unmarshal(job.Payload, &p); err != nil || p.Due.IsZero() {
		p.Due = job.Due.UTC()
	}
	return p
}
