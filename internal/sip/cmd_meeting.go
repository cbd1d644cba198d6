package sip

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"github.com/samla-sip/samla/internal/chat"
)

// cmdMeeting sets the meeting (/sip möte REF 2026-12-10 13:00 video),
// proposes slots (/sip möte REF förslag T1 T2 T3) or picks one
// (/sip möte REF välj 2). Invitees already invited are told.
func (s *Service) cmdMeeting(ctx context.Context, r *request, cmd Cmd) (chat.Reply, error) {
	ref := cmd.Args[0]
	switch cmd.Args[1] {
	case wordPick:
		n, _ := strconv.Atoi(cmd.Args[2])
		return s.pickSlot(ctx, r, ref, n)
	case wordPropose:
		var slots []Slot
		for _, a := range cmd.Args[2:] {
			at, err := s.localTime(a)
			if err != nil || !at.After(r.now) {
				return chat.Reply{}, inputErr(verbMeeting, "err.past", a)
			}
			slots = append(slots, Slot{At: at})
		}
		err := s.mutate(ctx, r, ref, func(c *Case, fx *effects) error {
			if err := asConvener(c, r); err != nil {
				return err
			}
			c.Meeting = nil
			c.Proposal = &Proposal{Slots: append([]Slot(nil), slots...)}
			c.event("proposed", r.me.Name, r.now, strconv.Itoa(len(slots)))
			return s.notifyMeeting(ctx, r, c, fx)
		})
		if err != nil {
			return chat.Reply{}, err
		}
		return chat.Reply{Text: t(r.lang, "ok.proposed", ref, len(slots))}, nil
	}
	at, err := s.localTime(cmd.Args[1])
	if err != nil || !at.After(r.now) {
		return chat.Reply{}, inputErr(verbMeeting, "err.past", cmd.Args[1])
	}
	m := Meeting{At: at, Video: len(cmd.Args) > 2 && cmd.Args[2] == wordVideo, Place: cmd.Opts[keyPlace]}
	err = s.mutate(ctx, r, ref, func(c *Case, fx *effects) error {
		if err := asConvener(c, r); err != nil {
			return err
		}
		c.Meeting = &m
		c.Proposal = nil
		c.event("meeting", r.me.Name, r.now, s.fmtTime(m.At))
		return s.notifyMeeting(ctx, r, c, fx)
	})
	if err != nil {
		return chat.Reply{}, err
	}
	return chat.Reply{Text: t(r.lang, "ok.meeting", ref, s.meetingText(r.lang, &m))}, nil
}

// pickSlot turns proposed slot n (1-based) into the meeting.
func (s *Service) pickSlot(ctx context.Context, r *request, ref string, n int) (chat.Reply, error) {
	var m Meeting
	err := s.mutate(ctx, r, ref, func(c *Case, fx *effects) error {
		if err := asConvener(c, r); err != nil {
			return err
		}
		if c.Proposal == nil || n < 1 || n > len(c.Proposal.Slots) {
			return inputErr(verbMeeting, "err.noslot", n)
		}
		m = Meeting{At: c.Proposal.Slots[n-1].At}
		c.Meeting = &m
		c.Proposal = nil
		c.event("picked", r.me.Name, r.now, s.fmtTime(m.At))
		return s.notifyMeeting(ctx, r, c, fx)
	})
	if err != nil {
		return chat.Reply{}, err
	}
	return chat.Reply{Text: t(r.lang, "ok.meeting", ref, s.meetingText(r.lang, &m))}, nil
}

// notifyMeeting tells every invitee still in play about the new time or
// proposal; with a proposal the message carries the vote buttons.
func (s *Service) notifyMeeting(ctx context.Context, r *request, c *Case, fx *effects) error {
	c.Seq++
	for _, in := range c.Invitations {
		if !in.Active() || in.State == StateDelegated || in.Address == nil {
			continue
		}
		lang := s.userLang(ctx, in.ContactID)
		msg := chat.Message{
			Title: t(lang, "mtg.title", c.Ref),
			Text:  t(lang, "mtg.text", c.Ref, s.whenText(lang, c)),
		}
		msg.Buttons = s.voteButtons(lang, c, in.ID)
		if err := fx.send(r, fmt.Sprintf("mtg|%s|%s|%d", c.Ref, in.ID, c.Seq), *in.Address, msg); err != nil {
			return err
		}
	}
	return nil
}

// localTime reads "2006-01-02T15:04" in the service's zone.
func (s *Service) localTime(v string) (time.Time, error) {
	return time.ParseInLocation("2006-01-02T15:04", v, s.loc)
}

func (s *Service) fmtTime(at time.Time) string { return at.In(s.loc).Format("2006-01-02 15:04") }

func (s *Service) fmtDate(at time.Time) string { return at.Format("2006-01-02") }

// meetingText is "2026-12-10 13:00, via video" / "…, Stadshuset".
func (s *Service) meetingText(lang string, m *Meeting) string {
	text := s.fmtTime(m.At)
	if m.Video {
		text += ", " + t(lang, "mtg.video")
	}
	if m.Place != "" {
		text += ", " + m.Place
	}
	return text
}

// whenText describes the meeting or the proposed slots, or says it is open.
func (s *Service) whenText(lang string, c *Case) string {
	switch {
	case c.Meeting != nil:
		return s.meetingText(lang, c.Meeting)
	case c.Proposal != nil:
		text := t(lang, "mtg.proposal")
		for i, sl := range c.Proposal.Slots {
			text += fmt.Sprintf(" %d) %s", i+1, s.fmtTime(sl.At))
		}
		return text
	default:
		return t(lang, "mtg.none")
	}
}
