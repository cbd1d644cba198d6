package sip

import (
	"slices"

	"github.com/samla-sip/samla/directory"
	"github.com/samla-sip/samla/internal/stats"
)

// statsEvents lists the anonymous statistics events of a change from
// before (nil for a new case) to after: no reference to the individual,
// no free text, no staff names (docs/statistics.md).
func statsEvents(r *request, before, after *Case) []stats.Event {
	var evs []stats.Event
	if before == nil {
		before = &Case{}
		evs = append(evs, openedEvent(r.dir, after))
	}
	for _, ch := range after.ConsentLog[min(len(before.ConsentLog), len(after.ConsentLog)):] {
		kind := stats.KindConsent
		if ch.Kind == "withdrawn" {
			kind = stats.KindConsentWithdrawn
		}
		evs = append(evs, stats.Event{Kind: kind, At: ch.At})
	}
	if before.Meeting == nil && after.Meeting != nil {
		evs = append(evs, stats.Event{Kind: stats.KindBooked, At: r.now})
	}
	evs = append(evs, invitationEvents(r, before, after)...)
	if before.Held == nil && after.Held != nil {
		evs = append(evs, stats.Event{Kind: stats.KindHeld, At: after.Held.Date})
	}
	if before.Established == nil && after.Established != nil {
		evs = append(evs, establishedEvent(r.dir, after))
	}
	for _, f := range after.FollowUps[min(len(before.FollowUps), len(after.FollowUps)):] {
		evs = append(evs, stats.Event{Kind: stats.KindFollowUp, At: f.Date})
	}
	if before.Plan.Received == nil && after.Plan.Received != nil {
		evs = append(evs, stats.Event{Kind: stats.KindHandedOver, At: r.now})
	}
	if before.Closed == nil && after.Closed != nil {
		evs = append(evs, stats.Event{Kind: stats.KindEnded, At: after.Closed.At, Reason: after.Closed.Cause})
	}
	return evs
}

func openedEvent(dir *directory.Directory, c *Case) stats.Event {
	e := stats.Event{Kind: stats.KindOpened, At: c.Created, Kommun: c.Kommun, AgeBand: stats.AgeBand(c.Age),
		Type: stats.TypeOrdinary, Parties: slices.Clone(c.Parties)}
	if c.IsDischarge() {
		e.Type, e.Notified = stats.TypeDischarge, c.Discharge.Notified
	}
	if reg, ok := directory.RegionOf(c.Kommun); ok {
		e.Region = reg.Name
	}
	e.Org, e.OrgKind = orgOf(dir, c.Convener.Unit)
	return e
}

// orgOf is the organisation of a unit and its kind ("" when unknown).
func orgOf(dir *directory.Directory, unit string) (id, kind string) {
	if dir == nil {
		return "", ""
	}
	u, ok := dir.Unit(unit)
	if !ok {
		return "", ""
	}
	if o, ok := dir.Organisation(u.Org); ok {
		return o.ID, o.Kind
	}
	return u.Org, ""
}

// invitationEvents: invitations sent, answered, and left unanswered when
// the meeting was held or, without one, the SIP ended. An invitation handed on to a
// delegate is the original's answer (substituted), not a new one.
func invitationEvents(r *request, before, after *Case) []stats.Event {
	var evs []stats.Event
	closing := before.Held == nil && before.Closed == nil && (after.Held != nil || after.Closed != nil)
	for i := range after.Invitations {
		in := &after.Invitations[i]
		if in.From != "" {
			continue
		}
		old := before.invitation(in.ID)
		if old == nil {
			e := stats.Event{Kind: stats.KindInvited, At: in.Sent, Inv: in.ID, Care: in.Party, Unit: in.Unit}
			e.Org, e.OrgKind = orgOf(r.dir, in.Unit)
			evs = append(evs, e)
			old = &Invitation{State: StatePending}
		}
		if kind := answerKind(in.State); kind != "" && old.State != in.State {
			at := r.now
			if in.Answered != nil {
				at = *in.Answered
			}
			evs = append(evs, stats.Event{Kind: kind, At: at, Inv: in.ID})
		}
		if closing && old.State == StatePending && (in.State == StatePending || in.State == StateCancelled) {
			evs = append(evs, stats.Event{Kind: stats.KindUnanswered, At: r.now, Inv: in.ID})
		}
	}
	return evs
}

func answerKind(state string) stats.Kind {
	switch state {
	case StateAttending, StateVideo:
		return stats.KindAnswered
	case StateDeclined:
		return stats.KindDeclined
	case StateDelegated:
		return stats.KindSubstituted
	}
	return ""
}

func establishedEvent(dir *directory.Directory, c *Case) stats.Event {
	p := &c.Plan
	items := 0
	for bit, has := range map[int]bool{
		stats.ItemNeeds:       len(p.NeedItems) > 0,
		stats.ItemEfforts:     len(p.Efforts) > 0,
		stats.ItemMeasures:    len(p.OtherMeasures) > 0 || len(p.Measures) > 0 || p.NoMeasures,
		stats.ItemResponsible: p.Responsible != "",
	} {
		if has {
			items |= bit
		}
	}
	e := stats.Event{Kind: stats.KindEstablished, At: c.Established.Date, Items: items, Goals: len(p.Goals) > 0}
	_, e.RespKind = orgOf(dir, p.Responsible)
	if p.FollowUp != nil {
		e.FollowUp = *p.FollowUp
	}
	return e
}
