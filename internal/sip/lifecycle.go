package sip

import "time"

// Stage is where a SIP is in its lifecycle (the law's process: kallelse →
// meeting → written plan → follow-ups → end). It is derived from the
// case's milestones, never stored.
type Stage string

// Stages, in order.
const (
	StageConvening   Stage = "convening"        // consent, invitations, a time
	StageBooked      Stage = "meeting_booked"   // a meeting time is set
	StageHeld        Stage = "meeting_held"     // the SIP meeting was held
	StageEstablished Stage = "plan_established" // the written plan is established
	StageFollowedUp  Stage = "followed_up"      // a follow-up was held since
	StageEnded       Stage = "ended"            // the SIP is ended, with a cause
)

// Causes of ending a SIP (Closure.Cause).
const (
	CauseNeedsMet         = "needs-met"
	CauseConsentWithdrawn = "consent-withdrawn"
	CauseMoved            = "moved"
	CauseOther            = "other"
)

// Milestone records a step of the lifecycle: the date it happened (a
// meeting may be registered afterwards) and who recorded it when.
type Milestone struct {
	Date time.Time `json:"date"` // a date (midnight UTC), like Plan.FollowUp
	By   string    `json:"by"`
	At   time.Time `json:"at"`
}

// Stage is the case's lifecycle stage.
func (c *Case) Stage() Stage {
	switch {
	case c.Closed != nil:
		return StageEnded
	case c.Established != nil:
		if n := len(c.FollowUps); n > 0 && !c.FollowUps[n-1].Date.Before(c.Established.Date) {
			return StageFollowedUp
		}
		return StageEstablished
	case c.Held != nil:
		return StageHeld
	case c.Meeting != nil:
		return StageBooked
	default:
		return StageConvening
	}
}

// Ended reports whether the SIP is ended: nothing more happens to it.
func (c *Case) Ended() bool { return c.Closed != nil }

// PlanEstablished reports whether the plan is established and the SIP not
// ended: from then on only its follow-ups are due.
func (s Stage) PlanEstablished() bool { return s == StageEstablished || s == StageFollowedUp }
