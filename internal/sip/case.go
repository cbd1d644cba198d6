package sip

import (
	"slices"
	"time"

	"github.com/samla-sip/samla/internal/chat"
)

// Case is one SIP being convened. It never holds the individual's name or
// personnummer: the individual is known only by the pseudonymous Ref.
type Case struct {
	Ref        string    `json:"ref"`
	Created    time.Time `json:"created"`
	Kommun     string    `json:"kommun"`      // SCB code
	KommunName string    `json:"kommun_name"` // for display
	Age        int       `json:"age"`
	Parties    []string  `json:"parties"` // care-level ids
	// Needs is the convener's free text: shown only to the convener and to
	// invitees who have accepted.
	Needs      string          `json:"needs,omitempty"`
	Convener   Person          `json:"convener"`
	Consent    *Consent        `json:"consent,omitempty"`
	ConsentLog []ConsentChange `json:"consent_log,omitempty"`
	// Discharge is set for a SIP at discharge from hospital (typ=utskrivning).
	Discharge   *Discharge   `json:"discharge,omitempty"`
	Meeting     *Meeting     `json:"meeting,omitempty"`
	Proposal    *Proposal    `json:"proposal,omitempty"`
	Invitations []Invitation `json:"invitations,omitempty"`
	Plan        Plan         `json:"plan"`
	Agenda      *Agenda      `json:"agenda,omitempty"`
	// Held, Established and FollowUps are the lifecycle's milestones
	// (Stage): the SIP meeting held, the plan established, follow-ups held.
	Held        *Milestone  `json:"held,omitempty"`
	Established *Milestone  `json:"established,omitempty"`
	FollowUps   []Milestone `json:"follow_ups,omitempty"`
	// Participation is who besides staff takes part: the individual,
	// närstående, guardians, a god man.
	Participation []Participation `json:"participation,omitempty"`
	// Closed is set when the SIP is ended (Stage StageEnded).
	Closed   *Closure `json:"closed,omitempty"`
	Timeline []Event  `json:"timeline"`
	// Seq numbers changes that notify invitees (meeting moves, consent
	// withdrawals, agenda shares) so their outbox job ids stay unique.
	Seq     int `json:"seq"`
	NextInv int `json:"next_inv"`
}

// Person is a member of staff taking part: the convener or a delegate.
type Person struct {
	Key       string       `json:"key"` // actor key: contact id or platform:workspace:user
	Name      string       `json:"name"`
	ContactID string       `json:"contact_id,omitempty"`
	Unit      string       `json:"unit,omitempty"`      // unit id
	UnitName  string       `json:"unit_name,omitempty"` // for display
	Address   chat.Address `json:"address"`
}

// Consent is the individual's (or guardians') consent as recorded, and
// which parties it covers: no other organisation may be contacted about
// the individual before it (L1428), and only those it names.
type Consent struct {
	By        string    `json:"by"` // who recorded it (staff display name)
	At        time.Time `json:"at"`
	Form      string    `json:"form,omitempty"` // written | oral | "" (not stated)
	Guardians bool      `json:"guardians"`      // given by (a) guardian
	// Givers are who gave it (Giver* constants), in the order recorded:
	// both guardians of a child, the young person too, a god man, ….
	Givers []string `json:"givers,omitempty"`
	// Parties are the parties (care levels) it covers; nil in records from
	// before consent had a scope, where it covers every party.
	Parties []string `json:"parties,omitempty"`
}

// Covers reports whether the consent lets Samla contact a party.
func (c *Consent) Covers(party string) bool {
	return c != nil && (c.Parties == nil || slices.Contains(c.Parties, party))
}

// ConsentChange is one entry of the consent history.
type ConsentChange struct {
	Kind string    `json:"kind"` // given | withdrawn
	By   string    `json:"by"`
	At   time.Time `json:"at"`
}

// Discharge is a SIP at discharge from in-patient care: the kallelse must
// go out within 3 working days of the notification (L3740), and the
// registration codes are AU125 (region) and XAH.20.65 (kommun).
type Discharge struct {
	Notified time.Time `json:"notified"` // the notification's date (midnight UTC)
	Deadline time.Time `json:"deadline"` // the last day for the kallelse (midnight UTC)
}

// IsDischarge reports whether the case is a discharge SIP.
func (c *Case) IsDischarge() bool { return c.Discharge != nil }

// KallelseSent is when the first invitation went out (zero if none has).
func (c *Case) KallelseSent() time.Time {
	var first time.Time
	for _, in := range c.Invitations {
		if !in.Sent.IsZero() && (first.IsZero() || in.Sent.Before(first)) {
			first = in.Sent
		}
	}
	return first
}

// Meeting is the decided meeting. Its form is Video alone (by video),
// Place alone (in the room) or both (in the room and by video).
type Meeting struct {
	At    time.Time `json:"at"`
	Video bool      `json:"video"`
	Place string    `json:"place,omitempty"`
	// Minutes is the meeting's length (0 = not said: an hour is assumed).
	Minutes int `json:"minutes,omitempty"`
}

// Length is how long the meeting lasts: Minutes, or meetingLength when
// the convener did not say.
func (m *Meeting) Length() time.Duration {
	if m.Minutes > 0 {
		return time.Duration(m.Minutes) * time.Minute
	}
	return meetingLength
}

// Proposal is a set of up to three slots invitees vote on. Form is the
// form and length the picked slot's meeting gets (its At is unused).
type Proposal struct {
	Slots []Slot   `json:"slots"`
	Form  *Meeting `json:"form,omitempty"`
}

// Slot is a proposed time and the invitations that said it suits them.
type Slot struct {
	At    time.Time `json:"at"`
	Votes []string  `json:"votes,omitempty"` // invitation ids
}

// Invitation states.
const (
	StatePending   = "pending"
	StateAttending = "attending"
	StateVideo     = "video"
	StateDeclined  = "declined"
	StateDelegated = "delegated"
	StateCancelled = "cancelled"
)

// Invitation is one routed contact asked to take part for a party.
type Invitation struct {
	ID          string        `json:"id"`
	Party       string        `json:"party"` // care-level id
	ContactID   string        `json:"contact_id"`
	ContactName string        `json:"contact_name"`
	Unit        string        `json:"unit"`
	UnitName    string        `json:"unit_name"`
	Channel     string        `json:"channel"`           // slack | mattermost | email | phone
	Address     *chat.Address `json:"address,omitempty"` // nil for manual contact
	Manual      string        `json:"manual,omitempty"`  // e-mail or phone the convener uses
	ReasonSV    string        `json:"reason_sv"`
	ReasonEN    string        `json:"reason_en"`
	State       string        `json:"state"`
	Declined    string        `json:"declined,omitempty"` // decline reason
	Delegate    string        `json:"delegate,omitempty"` // contact id
	DelegateNm  string        `json:"delegate_name,omitempty"`
	Mandate     bool          `json:"mandate,omitempty"`
	From        string        `json:"from,omitempty"` // invitation id this one was delegated from
	Sent        time.Time     `json:"sent"`
	Answered    *time.Time    `json:"answered,omitempty"`
	// AnsweredBy names who answered for the unit when it was not the
	// invitee: a member of the unit's team channel.
	AnsweredBy string `json:"answered_by,omitempty"`
	// Withdrawn is when consent was withdrawn while the invitation was
	// out: the invitee no longer sees the case and their message is
	// retracted.
	Withdrawn *time.Time `json:"withdrawn,omitempty"`
	// Reconfirm is set when the meeting's time or place changed after the
	// invitee accepted: their answer was reset and they need to confirm.
	Reconfirm bool `json:"reconfirm,omitempty"`
	// Kommun is the SCB code of the kommun the party was routed in when
	// not the case's (a youth placed elsewhere: BUP there); "" = the case's.
	Kommun string `json:"kommun,omitempty"`
}

// Active reports whether the invitation still counts for its party.
func (in *Invitation) Active() bool {
	return in.State != StateDeclined && in.State != StateCancelled
}

// Accepted reports whether the invitee said they come (in person or video).
func (in *Invitation) Accepted() bool {
	return in.State == StateAttending || in.State == StateVideo
}

// Plan is the written plan: the law's four items (L1731–1739) — the needs,
// the efforts of each huvudman, the measures others take and who holds
// the overall responsibility — with the follow-up date, who convenes the
// next meeting, and the individual's goals in their own words.
type Plan struct {
	// Goals are the individual's goals in their own words, shown first.
	Goals []string `json:"goals,omitempty"`
	// NeedItems are the needs identified (item 1), short items.
	NeedItems []string `json:"need_items,omitempty"`
	// Efforts are what each huvudman party does (item 2).
	Efforts []Effort `json:"efforts,omitempty"`
	// OtherMeasures are the measures others take, by party (item 3);
	// Measures are ones recorded without a party (older records and
	// measures typed as plain text); NoMeasures says there are none.
	OtherMeasures   []Effort   `json:"other_measures,omitempty"`
	Measures        []string   `json:"measures,omitempty"`
	NoMeasures      bool       `json:"no_measures,omitempty"`
	Responsible     string     `json:"responsible,omitempty"` // a unit id of a huvudman party (item 4)
	ResponsibleName string     `json:"responsible_name,omitempty"`
	FollowUp        *time.Time `json:"follow_up,omitempty"` // a date
	Next            string     `json:"next,omitempty"`      // who convenes the next meeting (unit or contact id)
	NextName        string     `json:"next_name,omitempty"`
	// Received is when (and how) the individual received the written plan.
	Received *Receipt `json:"received,omitempty"`
}

// Effort is what one party (care level) does.
type Effort struct {
	Party string `json:"party"`
	Text  string `json:"text"`
}

// Agenda is a draft agenda, shared with the accepted invitees on approval.
type Agenda struct {
	Markdown  string     `json:"markdown"`
	FromModel bool       `json:"from_model"`
	Drafted   time.Time  `json:"drafted"`
	Shared    *time.Time `json:"shared,omitempty"`
}

// Closure records why and when a SIP was ended.
type Closure struct {
	At time.Time `json:"at"`
	By string    `json:"by"`
	// Cause is Cause* ("" in records from before causes were asked for).
	Cause  string `json:"cause,omitempty"`
	Reason string `json:"reason,omitempty"` // free text
}

// Event is one timeline entry; Args are rendered by the catalogue entry
// "ev.<Kind>" in the reader's language.
type Event struct {
	Kind  string    `json:"kind"`
	Actor string    `json:"actor"` // staff display name, never the individual
	At    time.Time `json:"at"`
	Args  []string  `json:"args,omitempty"`
}

// invitation returns the invitation with the id.
func (c *Case) invitation(id string) *Invitation {
	for i := range c.Invitations {
		if c.Invitations[i].ID == id {
			return &c.Invitations[i]
		}
	}
	return nil
}

// isMember reports whether the actor key may see the case.
func (c *Case) isMember(key string) bool {
	if key == c.Convener.Key {
		return true
	}
	for _, in := range c.Invitations {
		if in.Withdrawn == nil && (in.ContactID == key || in.Delegate == key) {
			return true
		}
	}
	return false
}

// activeFor returns the active invitation for a party, if any.
func (c *Case) activeFor(party string) *Invitation {
	for i := range c.Invitations {
		in := &c.Invitations[i]
		if in.Party == party && in.Active() && in.State != StateDelegated {
			return in
		}
	}
	return nil
}

func (c *Case) event(kind, actor string, at time.Time, args ...string) {
	c.Timeline = append(c.Timeline, Event{Kind: kind, Actor: actor, At: at, Args: args})
}
