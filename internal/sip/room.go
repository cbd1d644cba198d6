package sip

import (
	"context"

	"github.com/samla-sip/samla/internal/chat"
)

// ActOpenRoom is the "Öppna ärendet" button every case message carries
// when the case room is configured; its Value is the case reference. The
// room handles the press (Deps.Actions) by replying with a fresh link
// signed for the presser, so a link is never older than the press.
const ActOpenRoom = "room.open"

// RoomLinks makes the links into the case room (issue 13): chat carries
// only the reference, logistics and a link; needs, goals and the plan's
// text are only behind it.
type RoomLinks interface {
	// Link is a short-lived, single-use address of case ref's room for
	// the person who, or an error when there is none to give.
	Link(ctx context.Context, who chat.Actor, ref string) (string, error)
}

// roomButtons returns what adds the "Öppna ärendet" button to every
// chat message of case ref (nil when there is no room). E-mail is left
// alone: it has its own sealed links.
func (s *Service) roomButtons(ctx context.Context, ref string) func(to chat.Address, msg *chat.Message) {
	if s.deps.Room == nil {
		return nil
	}
	return func(to chat.Address, msg *chat.Message) {
		if to.Platform == chat.Email || ref == "" {
			return
		}
		lang := s.langOf(ctx, to.ContactID, to)
		msg.Buttons = append(msg.Buttons, chat.Button{Action: ActOpenRoom, Label: t(lang, "b.room"), Value: ref})
	}
}

// AddRoomButton adds the "Öppna ärendet" button of case ref to a message
// for to, when there is a case room (for messages the core does not send
// itself, e.g. reminders).
func (s *Service) AddRoomButton(ctx context.Context, to chat.Address, ref string, msg *chat.Message) {
	if add := s.roomButtons(ctx, ref); add != nil {
		add(to, msg)
	}
}

// withRoomLink ends a reply about a case with a link to its room signed
// for the actor. Without a room, or when no link can be made, the reply
// is unchanged (the failure is logged without the link).
func (s *Service) withRoomLink(ctx context.Context, r *request, reply chat.Reply) chat.Reply {
	if s.deps.Room == nil || reply.Ref == "" || r.who.Platform == chat.Email {
		return reply
	}
	link, err := s.deps.Room.Link(ctx, r.who, reply.Ref)
	if err != nil {
		s.deps.Log.WarnContext(ctx, "sip: no room link", "ref", reply.Ref, "actor", r.me.Key, "err", err)
		return reply
	}
	line := t(r.lang, "room.link", link)
	if reply.Message != nil {
		m := *reply.Message
		if m.Title == "" && m.Text == "" {
			m.Text = reply.Text
		}
		m.Text += "\n" + line
		reply.Message = &m
		return reply
	}
	reply.Text += "\n" + line
	return reply
}
