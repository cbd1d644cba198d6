package sip

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/samla-sip/samla/directory"
	"github.com/samla-sip/samla/internal/chat"
)

// Button actions the core handles.
const (
	actAttend      = "rsvp.attend"
	actVideo       = "rsvp.video"
	actDecline     = "rsvp.decline"
	actDelegate    = "rsvp.delegate"
	actVote        = "slot.vote"
	actPick        = "slot.pick"
	actAgendaDraft = "agenda.draft"
	actAgendaShare = "agenda.share"
	// actAgendaSend sends the previewed needs text to the language model
	// ("REF HASH"); actAgendaTemplate drafts from the template instead.
	actAgendaSend     = "agenda.send"
	actAgendaTemplate = "agenda.template"
	actAgendaEdit     = "agenda.edit"
)

const maxDelegateOptions = 25

// ageBand is the national statistics band. Invitations show the band, not
// the age: it is enough for a unit to see the case is theirs, and one less
// detail about the individual travels through another organisation's chat.
func ageBand(age int) string {
	switch {
	case age <= 18:
		return "0–18"
	case age <= 64:
		return "19–64"
	default:
		return "65+"
	}
}

// renderInvitation is the invitation a routed contact receives: the
// reference, kommun, age band, parties, convener and meeting time — never
// the needs text or anything about the individual. note, when set, is a
// line on top (e.g. who delegated to them). Once answered, the invitee's
// answer heads the text and the buttons stay so it can be changed; after a
// delegation, a withdrawal or the case's closing there are no buttons.
// Every version carries the same Key, so the outbox updates it in place.
func (s *Service) renderInvitation(lang string, dir *directory.Directory, ov directory.Overlay, now time.Time, c *Case, in *Invitation, note string) chat.Message {
	text := t(lang, "inv.text", c.Convener.Name, unitSuffix(c.Convener.UnitName), partyName(lang, in.Party))
	if note != "" {
		text = note + "\n" + text
	}
	if head := s.invitationHead(lang, c, in); head != "" {
		text = head + "\n" + text
	}
	if !in.Accepted() {
		text += "\n" + t(lang, "inv.private")
	}
	if in.Withdrawn != nil {
		// Consent was withdrawn: nothing of the case stays on their screen.
		return chat.Message{Key: invKey(c.Ref, in.ID), Title: t(lang, "inv.title", c.Ref),
			Text: t(lang, "inv.cancelled"), Meeting: s.invitationEvent(c, in)}
	}
	reason := in.reason(lang)
	msg := chat.Message{
		Key:   invKey(c.Ref, in.ID),
		Title: t(lang, "inv.title", c.Ref),
		Text:  text,
		Fields: []chat.Field{
			{Label: t(lang, "f.kommun"), Value: c.KommunName},
			{Label: t(lang, "f.ageband"), Value: ageBand(c.Age)},
			{Label: t(lang, "f.parties"), Value: partyList(lang, c.Parties)},
			{Label: t(lang, "f.when"), Value: s.whenText(lang, c)},
		},
	}
	if reason != "" {
		msg.Fields = append(msg.Fields, chat.Field{Label: t(lang, "f.why"), Value: reason})
	}
	msg.Meeting = s.invitationEvent(c, in)
	if !invitationOpen(c, in) {
		return msg // answered for good, withdrawn or closed: nothing to press
	}
	v := c.Ref + "|" + in.ID
	msg.Buttons = []chat.Button{
		{Action: actAttend, Label: t(lang, "b.attend"), Value: v, Style: "primary"},
		{Action: actVideo, Label: t(lang, "b.video"), Value: v},
		{Action: actDecline, Label: t(lang, "b.decline"), Value: v, Style: "danger",
			Prompt: &chat.Prompt{Title: t(lang, "p.decline.title"), Label: t(lang, "p.decline.label")}},
		{Action: actDelegate, Label: t(lang, "b.delegate"), Value: v,
			Prompt: &chat.Prompt{
				Title: t(lang, "p.delegate.title"), Label: t(lang, "p.delegate.label"),
				Options: delegateOptions(dir, ov, in.ContactID, in.Party, meetingDay(c, now)), Checkbox: t(lang, "p.delegate.mandate"),
			}},
	}
	msg.Buttons = append(msg.Buttons, s.voteButtons(lang, c, in.ID)...)
	return msg
}

// voteButtons lets an invitee say which proposed slots suit them.
func (s *Service) voteButtons(lang string, c *Case, invID string) []chat.Button {
	if c.Proposal == nil {
		return nil
	}
	var bs []chat.Button
	for i, sl := range c.Proposal.Slots {
		bs = append(bs, chat.Button{
			Action: actVote, Label: t(lang, "b.vote", i+1, s.fmtTime(sl.At)),
			Value: fmt.Sprintf("%s|%s|%d", c.Ref, invID, i+1),
		})
	}
	return bs
}

// delegateOptions are the colleagues a contact may send instead for a
// party (care level): the same unit first (its reception included), then
// the people of the rest of the organisation in a unit of the same care
// level (a school kurator is no substitute for socialtjänst), each group
// ordered by contact id; nobody away on the day that matters (on: the
// meeting's, or today before one is set) by the directory file or, with
// ov, as reported in chat.
func delegateOptions(dir *directory.Directory, ov directory.Overlay, contactID, party string, on time.Time) []chat.Option {
	me, ok := dir.Contact(contactID)
	if !ok {
		return nil
	}
	org := ""
	if u, ok := dir.Unit(me.Unit); ok {
		org = u.Org
	}
	var same, other []chat.Option
	dir.Contacts(func(c *directory.Contact) bool {
		if c.ID == me.ID || c.Kind == "function" && c.Unit != me.Unit {
			return true // a unit's own reception may be sent; others' may not
		}
		opt := chat.Option{Value: c.ID, Label: c.Name}
		if u, ok := dir.Unit(c.Unit); ok && (c.Unit == me.Unit || u.Org == org && org != "") {
			// The store is asked only about the organisation's people.
			if _, _, away := c.AbsenceOn(on, ov); away {
				return true
			}
			opt.Label += " (" + u.Name + ")"
			switch {
			case c.Unit == me.Unit:
				same = append(same, opt)
			case u.Org == org && org != "" && (party == "" || slices.Contains(u.Care, party)):
				other = append(other, opt)
			}
		}
		return true
	})
	byValue := func(a, b chat.Option) int { return strings.Compare(a.Value, b.Value) }
	slices.SortFunc(same, byValue)
	slices.SortFunc(other, byValue)
	out := append(same, other...)
	if len(out) > maxDelegateOptions {
		out = out[:maxDelegateOptions]
	}
	return out
}

// meetingDay is the day absence matters for case c: the meeting's, or
// today (now) before one is set.
func meetingDay(c *Case, now time.Time) time.Time {
	if c.Meeting != nil {
		return c.Meeting.At
	}
	return now
}

func unitSuffix(unit string) string {
	if unit == "" {
		return ""
	}
	return " (" + unit + ")"
}
