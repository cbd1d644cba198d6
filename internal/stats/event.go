package stats

import "time"

// Kind is what happened.
type Kind string

// Kinds of events, in the order of a SIP's lifecycle.
const (
	KindOpened           Kind = "opened"
	KindConsent          Kind = "consent"
	KindConsentWithdrawn Kind = "consent_withdrawn"
	KindInvited          Kind = "invited"
	KindAnswered         Kind = "answered"    // accepted (in person or video)
	KindDeclined         Kind = "declined"    // declined
	KindSubstituted      Kind = "substituted" // sent someone else
	KindUnanswered       Kind = "unanswered"  // still unanswered when the meeting was held or the SIP ended
	KindBooked           Kind = "booked"
	KindHeld             Kind = "held"
	KindEstablished      Kind = "established"
	KindHandedOver       Kind = "handed_over" // the individual received the written plan
	KindFollowUp         Kind = "follow_up"
	KindEnded            Kind = "ended"
)

// Age bands of the national statistics.
const (
	AgeChild   = "0-18"
	AgeAdult   = "19-64"
	AgeElderly = "65+"
)

// AgeBand is the band of an age; the age itself is never recorded.
func AgeBand(age int) string {
	switch {
	case age <= 18:
		return AgeChild
	case age <= 64:
		return AgeAdult
	default:
		return AgeElderly
	}
}

// SIP types.
const (
	TypeOrdinary  = "ordinary"
	TypeDischarge = "discharge" // at discharge from in-patient care (LUS)
)

// Plan items (Event.Items bits): the law's four items.
const (
	ItemNeeds       = 1 << iota // the needs
	ItemEfforts                 // what each huvudman does
	ItemMeasures                // what others do (or that nobody else does anything)
	ItemResponsible             // who holds the overall responsibility
	AllItems        = ItemNeeds | ItemEfforts | ItemMeasures | ItemResponsible
)

// Event is one anonymous lifecycle step. Which fields are set depends on
// Kind; the zero value of a field means "not applicable".
type Event struct {
	Kind Kind
	// At is when it happened: a back-registered meeting carries the
	// meeting's date, not the day it was registered.
	At time.Time

	// Opened: the case's attributes (kommun SCB code, region name, age
	// band, type, the parties' care levels; for a discharge SIP the date
	// of the notification, from which its kallelse has 3 workdays).
	Kommun   string
	Region   string
	AgeBand  string
	Type     string
	Parties  []string
	Notified time.Time

	// Invitation events: the invitation's number within the case, the
	// party's care level, the unit and organisation ids it went to.
	// Opened: Org and OrgKind are the convener's organisation and its kind
	// (kommun | region | stat | privat | "" when unknown); invitation
	// events: the invited party's.
	Inv     string
	Care    string
	Unit    string
	Org     string
	OrgKind string

	// Established: which of the four items (Item* bits), whether the
	// individual's goals are written in their own words, whether the
	// written plan was handed over, the kind of organisation holding the
	// overall responsibility, the follow-up date.
	Items      int
	Goals      bool
	HandedOver bool
	RespKind   string
	FollowUp   time.Time

	// Ended: the cause code (needs-met, consent-withdrawn, moved, other).
	Reason string
}
