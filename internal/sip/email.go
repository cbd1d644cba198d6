package sip

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/samla-sip/samla/directory"
	"github.com/samla-sip/samla/internal/chat"
	"github.com/samla-sip/samla/internal/i18n"
)

// meetingLength is the calendar length of a SIP meeting whose length the
// convener did not give.
const meetingLength = 90 * time.Minute

// EmailAddressOf maps an e-mail reach to an address on the e-mail channel.
func EmailAddressOf(ch directory.Reach, contactID string) (chat.Address, bool) {
	if ch.Kind != "email" || ch.Address == "" {
		return chat.Address{}, false
	}
	return chat.Address{Platform: chat.Email, User: ch.Address, ContactID: contactID}, true
}

// addressOf is where Samla itself delivers to a reach: a chat address, or
// an e-mail address when the e-mail channel is on (Deps.Email). Otherwise
// (phone, or e-mail without the channel) a person makes the contact.
func (s *Service) addressOf(ch directory.Reach, contactID string) (chat.Address, bool) {
	if a, ok := AddressOf(ch, contactID); ok {
		return a, true
	}
	if s.deps.Email {
		return EmailAddressOf(ch, contactID)
	}
	return chat.Address{}, false
}

// meetingEvent is the calendar event of the decided meeting for an
// invitee reached by e-mail (nil otherwise: chat messages carry none).
// One UID per case; the SEQUENCE rises with every change of the case (Seq
// and the timeline only grow); a withdrawn or declined invitation, or one
// handed to a delegate, cancels the event in that invitee's calendar.
func (s *Service) meetingEvent(c *Case, in *Invitation) *chat.Meeting {
	if c.Meeting == nil {
		return nil
	}
	cancelled := in.State == StateCancelled || in.State == StateDelegated || in.State == StateDeclined
	return s.event(c, in, c.Meeting, cancelled)
}

// event is meeting m of case c as a calendar event for an invitee reached
// by e-mail (nil for any other).
func (s *Service) event(c *Case, in *Invitation, m *Meeting, cancelled bool) *chat.Meeting {
	if in.Address == nil || in.Address.Platform != chat.Email {
		return nil
	}
	ev := &chat.Meeting{
		UID:      strings.ToLower(c.Ref) + "@samla",
		Sequence: c.Seq + len(c.Timeline),
		Start:    m.At, End: m.At.Add(m.Length()),
		Summary:   "SIP " + c.Ref,
		Location:  m.Place,
		Organizer: c.Convener.Name,
		Cancelled: cancelled,
	}
	if ev.Location == "" && m.Video {
		ev.Location = t(s.deps.Lang.String(), "mtg.video")
	}
	return ev
}

// invitationEvent is the event an invitation e-mail carries: none on the
// receipt of an acceptance (the event is in the calendar already, and an
// update would ask for the answer again).
func (s *Service) invitationEvent(c *Case, in *Invitation) *chat.Meeting {
	if in.Accepted() {
		return nil
	}
	return s.meetingEvent(c, in)
}

// Undeliverable is told that the e-mail channel gave up on a message to
// to about case ref (the relay refused the address for good). The
// invitation falls back to a manual step and the convener is told in chat
// which party could not be reached. Unknown cases and addresses are
// ignored.
func (s *Service) Undeliverable(ctx context.Context, ref string, to chat.Address) error {
	r := &request{lang: s.deps.Lang.String(), now: s.deps.Now(), dir: s.deps.Directory.Current()}
	err := s.mutate(ctx, r, ref, func(c *Case, fx *effects) error {
		changed := false
		for i := range c.Invitations {
			in := &c.Invitations[i]
			if in.Address == nil || in.Address.Platform != to.Platform || in.Address.User != to.User || !in.Active() {
				continue
			}
			in.Manual, in.Address = in.Address.User, nil
			changed = true
			c.event("undeliverable", "Samla", r.now, in.Party, in.ContactName)
			lang := s.convLang(ctx, c)
			msg := chat.Message{
				Title: t(lang, "undeliv.title", c.Ref),
				Text: t(lang, "undeliv.text", partyName(lang, in.Party), in.ContactName,
					unitSuffix(in.UnitName), in.Manual),
			}
			if err := fx.send(r, fmt.Sprintf("undeliv|%s|%s", c.Ref, in.ID), c.Convener.Address, msg); err != nil {
				return err
			}
		}
		if !changed {
			return errUnchanged
		}
		return nil
	})
	if errors.Is(err, errNotFound) {
		return nil
	}
	return err
}

// AnswerButtons are the answer buttons of invitation in (attend, by video,
// cannot) in lang, for a reminder that reaches its invitee by e-mail: the
// e-mail channel turns them into answer links, so the invitee can answer
// from the nudge itself. None for a chat address (the invitation's own
// buttons are one scroll away) or an invitation no longer open.
func AnswerButtons(lang i18n.Lang, c *Case, in *Invitation) []chat.Button {
	if in == nil || in.Address == nil || in.Address.Platform != chat.Email || !invitationOpen(c, in) {
		return nil
	}
	l, v := string(lang), c.Ref+"|"+in.ID
	return []chat.Button{
		{Action: actAttend, Label: t(l, "b.attend"), Value: v, Style: "primary"},
		{Action: actVideo, Label: t(l, "b.video"), Value: v},
		{Action: actDecline, Label: t(l, "b.decline"), Value: v, Style: "danger",
			Prompt: &chat.Prompt{Title: t(l, "p.decline.title"), Label: t(l, "p.decline.label")}},
	}
}
