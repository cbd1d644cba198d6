package stats

import (
	"slices"
	"time"
)

// invitation is one invitation as its events tell it.
type invitation struct {
	id              string
	care, unit, org string
	orgKind         string
	sent            time.Time
	outcome         Kind // KindInvited while unanswered, else the answer
	answered        time.Time
}

// orgRef is an organisation and its kind.
type orgRef struct{ id, kind string }

// sipCase is one case's events folded into the facts the measures use.
type sipCase struct {
	opened                   time.Time
	kommun, region, age, typ string
	convOrgKind, convOrg     string
	parties                  []string
	consent                  time.Time // first consent
	firstInvite              time.Time
	held                     time.Time // the first SIP meeting's date
	established              *Event
	followUps                []time.Time
	invs                     []*invitation
	acceptedOrgs             []orgRef // huvudmän that came (or sent someone)
	ended                    bool
	handed                   bool
	notified                 time.Time
}

// fold builds a case from its events in recorded order. A case whose
// opening was not recorded (recording began after it opened) is skipped.
func fold(evs []Event) (*sipCase, bool) {
	c := &sipCase{}
	opened := false
	for i := range evs {
		e := &evs[i]
		switch e.Kind {
		case KindOpened:
			opened = true
			c.opened, c.kommun, c.region, c.age, c.typ = e.At, e.Kommun, e.Region, e.AgeBand, e.Type
			c.convOrgKind, c.convOrg, c.parties = e.OrgKind, e.Org, e.Parties
			c.notified = e.Notified
			if c.notified.IsZero() {
				c.notified = e.At
			}
		case KindConsent:
			if c.consent.IsZero() {
				c.consent = e.At
			}
		case KindInvited:
			if c.firstInvite.IsZero() || e.At.Before(c.firstInvite) {
				c.firstInvite = e.At
			}
			in := &invitation{id: e.Inv, care: e.Care, unit: e.Unit, org: e.Org, orgKind: e.OrgKind, sent: e.At, outcome: KindInvited}
			c.invs = append(c.invs, in)
		case KindAnswered, KindDeclined, KindSubstituted, KindUnanswered:
			in := c.invitation(e.Inv)
			switch {
			case in == nil:
			case e.Kind == KindUnanswered:
				if in.outcome == KindInvited {
					in.outcome = KindUnanswered
				}
			default:
				in.outcome = e.Kind
				if in.answered.IsZero() {
					in.answered = e.At
				}
			}
		case KindHeld:
			if c.held.IsZero() || e.At.Before(c.held) {
				c.held = e.At
			}
		case KindEstablished:
			if c.established == nil {
				est := *e // e is in the caller's buffer
				c.established = &est
			}
		case KindFollowUp:
			c.followUps = append(c.followUps, e.At)
		case KindHandedOver:
			c.handed = true
		case KindEnded:
			c.ended = true
		}
	}
	for _, in := range c.invs {
		o := orgRef{in.org, in.orgKind}
		came := in.outcome == KindAnswered || in.outcome == KindSubstituted
		if came && (o.kind == "kommun" || o.kind == "region") && !slices.Contains(c.acceptedOrgs, o) {
			c.acceptedOrgs = append(c.acceptedOrgs, o)
		}
	}
	return c, opened
}

// followedUp reports whether a follow-up was held on or after the day
// the plan was established (before or after the follow-up date).
func (c *sipCase) followedUp() bool {
	if c.established == nil {
		return false
	}
	day := c.established.At.Truncate(24 * time.Hour)
	for _, f := range c.followUps {
		if !f.Before(day) {
			return true
		}
	}
	return false
}

// groups are the values of the dimension by which the case is counted.
func (c *sipCase) groups(by string) []string {
	switch by {
	case ByKommun:
		return []string{c.kommun}
	case ByRegion:
		return []string{c.region}
	case ByAgeBand:
		return []string{c.age}
	case ByType:
		return []string{c.typ}
	case ByCare:
		return c.parties
	case ByUnit:
		var units []string
		for _, in := range c.invs {
			if in.unit != "" && !slices.Contains(units, in.unit) {
				units = append(units, in.unit)
			}
		}
		return units
	}
	return []string{Total}
}

func (c *sipCase) invitation(id string) *invitation {
	for _, in := range c.invs {
		if in.id == id {
			return in
		}
	}
	return nil
}
