package sip

import "time"

// Role is what the reader of a case view is to the case.
type Role string

// Roles.
const (
	RoleConvener Role = "convener"
	RoleInvitee  Role = "invitee"
)

// CaseView is a case as one member may see it: what /sip status shows,
// as data. The needs text and the exact age are only in the convener's
// view and in that of invitees who accepted.
type CaseView struct {
	Ref        string
	Created    time.Time
	Kommun     string // SCB code
	KommunName string
	// Age is the exact age, or -1 when the reader sees only AgeBand.
	Age     int
	AgeBand string // 0–18, 19–64, 65+
	Parties []string
	Needs   string
	// Convener is the convener's display name and unit.
	Convener     string
	ConvenerUnit string
	Role         Role
	// Reader is the directory key (contact id) of the person the view is
	// for; their own invitations have it as ContactID.
	Reader      string
	Consent     *Consent // nil until recorded (and after withdrawal)
	Meeting     *Meeting
	Slots       []SlotView // the open proposal, if any
	Invitations []InvitationView
	Plan        Plan
	PlanDone    int // items the plan needs before it is established done, of PlanItems
	PlanItems   int
	// Stage is where the SIP is in its lifecycle; Held, Established and
	// FollowUps are its milestones (dates and who recorded them).
	Stage       Stage
	Held        *Milestone
	Established *Milestone
	FollowUps   []Milestone
	// Participation is who besides staff takes part; Plan.Received says
	// whether and how the individual received the written plan.
	Participation []Participation
	Closed        *Closure
	// Discharge is set for a discharge SIP (typ=utskrivning): its
	// notification date and Deadline, the last day for the kallelse (3
	// working days, as /sip status shows it); nil for an ordinary SIP.
	Discharge *Discharge
	// Next is the next step for the convener, in the reader's language
	// ("" once closed or for an invitee).
	Next string
	// Agenda is the agenda draft (for those who may see the needs, and for
	// every member once shared); AgendaPreview is, for the convener when a
	// language model is configured, exactly the text that would be sent to
	// it, replacements between « and ».
	Agenda        *Agenda
	AgendaPreview string
	// Timeline is who did what when (staff names, never the individual),
	// oldest first, as /sip logg shows it.
	Timeline []EventView
}

// EventView is one timeline entry.
type EventView struct {
	At    time.Time
	Actor string // staff display name
	Kind  string // e.g. "created", "consent", "rsvp.declined"
	Text  string // in the reader's language
}

// SlotView is one proposed time and who said it suits them.
type SlotView struct {
	N     int // 1-based, as in "välj N"
	At    time.Time
	Votes []string // contact names
	// Yours is true when the reader's own invitation voted for it.
	Yours bool
}

// InvitationView is one invitation as the status shows it.
type InvitationView struct {
	ID          string
	Party       string // care-level id
	ContactID   string // the invitee's directory contact
	ContactName string
	UnitName    string
	Channel     string // slack | mattermost | email | phone | self
	State       string // State* constants
	Declined    string // decline reason
	Delegate    string // delegate's name
	Mandate     bool
	Answered    *time.Time
	// Yours is true for the reader's own invitation: the one they answer
	// (Answer) and vote with (Vote).
	Yours bool
}

// caseView builds the view of c for the actor key, texts in lang.
func (s *Service) caseView(lang string, c *Case, key string) CaseView {
	vis := s.viewFor(c, key)
	v := CaseView{
		Ref: c.Ref, Created: c.Created, Kommun: c.Kommun, KommunName: c.KommunName,
		Age: -1, AgeBand: ageBand(c.Age), Parties: append([]string(nil), c.Parties...),
		Convener: c.Convener.Name, ConvenerUnit: c.Convener.UnitName, Role: RoleInvitee, Reader: key,
		Consent: c.Consent, Meeting: c.Meeting, Plan: c.Plan,
		PlanDone: planDone(s.deps.Directory.Current(), c), PlanItems: planItems, Closed: c.Closed,
		Stage: c.Stage(), Held: c.Held, Established: c.Established, FollowUps: append([]Milestone(nil), c.FollowUps...),
		Participation: append([]Participation(nil), c.Participation...),
	}
	if c.Discharge != nil {
		d := *c.Discharge
		v.Discharge = &d
	}
	if vis.exactAge {
		v.Age = c.Age
	}
	if vis.needs {
		v.Needs = c.Needs
	}
	if c.Agenda != nil && (vis.needs || c.Agenda.Shared != nil) {
		a := *c.Agenda
		v.Agenda = &a
	}
	if ap, ok := s.deps.Agenda.(AgendaApprover); ok && vis.convener && ap.Enabled() && c.Closed == nil {
		v.AgendaPreview, _ = ap.PreviewMarked(c.Needs, "«", "»")
	}
	if vis.convener {
		v.Role = RoleConvener
		if c.Closed == nil {
			id, args := s.nextStep(s.deps.Directory.Current(), lang, c)
			v.Next = t(lang, id, args...)
		}
	}
	if c.Proposal != nil {
		for i, sl := range c.Proposal.Slots {
			sv := SlotView{N: i + 1, At: sl.At}
			for _, id := range sl.Votes {
				if in := c.invitation(id); in != nil {
					sv.Votes = append(sv.Votes, in.ContactName)
					sv.Yours = sv.Yours || in.ContactID == key
				}
			}
			v.Slots = append(v.Slots, sv)
		}
	}
	for _, e := range c.Timeline {
		v.Timeline = append(v.Timeline, EventView{At: e.At, Actor: e.Actor, Kind: e.Kind, Text: eventText(lang, e)})
	}
	for _, in := range c.Invitations {
		v.Invitations = append(v.Invitations, InvitationView{
			ID: in.ID, Party: in.Party, ContactID: in.ContactID, ContactName: in.ContactName, UnitName: in.UnitName,
			Channel: in.Channel, State: in.State, Declined: in.Declined,
			Delegate: in.DelegateNm, Mandate: in.Mandate, Answered: in.Answered,
			Yours: in.ContactID == key,
		})
	}
	return v
}
