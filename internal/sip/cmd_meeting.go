package sip

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/samla-sip/samla/internal/chat"
	"github.com/samla-sip/samla/internal/textgate"
)

// SetMeeting fixes a case's meeting time (and place); everyone invited is told.
type SetMeeting struct {
	Ref string
	MeetingTime
}

// ProposeMeeting proposes up to three times the invitees vote on. Each
// slot is a time like MeetingTime.When; an entry may hold several,
// separated by spaces.
type ProposeMeeting struct {
	Ref   string
	Slots []string
}

// PickSlot turns proposal N (1-based) into the meeting.
type PickSlot struct {
	Ref  string
	Slot int
}

// SetMeeting fixes the meeting (/sip möte REF 2026-12-10 13:00 [video] [plats=…]).
func (s *Service) SetMeeting(ctx context.Context, who chat.Actor, in SetMeeting) (Result, error) {
	return s.typed(ctx, who, []textField{{FieldRef, in.Ref}, {FieldMeeting, in.When}, {FieldPlace, in.Place}},
		func(r *request) (Result, error) { return s.setMeeting(ctx, r, in) })
}

// ProposeMeeting proposes times (/sip möte REF förslag T1 [T2 [T3]]).
func (s *Service) ProposeMeeting(ctx context.Context, who chat.Actor, in ProposeMeeting) (Result, error) {
	return s.typed(ctx, who, []textField{{FieldRef, in.Ref}, {FieldSlots, strings.Join(in.Slots, " ")}},
		func(r *request) (Result, error) { return s.proposeMeeting(ctx, r, in) })
}

// PickSlot picks a proposed time (/sip möte REF välj N, the status's button).
func (s *Service) PickSlot(ctx context.Context, who chat.Actor, in PickSlot) (Result, error) {
	return s.typed(ctx, who, []textField{{FieldRef, in.Ref}},
		func(r *request) (Result, error) { return s.pickSlot(ctx, r, in) })
}

// cmdMeeting sets the meeting (/sip möte REF 2026-12-10 13:00 video),
// proposes slots (/sip möte REF förslag T1 T2 T3) or picks one
// (/sip möte REF välj 2). Invitees already invited are told.
func (s *Service) cmdMeeting(ctx context.Context, r *request, cmd Cmd) (chat.Reply, error) {
	ref := cmd.Args[0]
	var (
		res Result
		err error
	)
	switch cmd.Args[1] {
	case wordHeld:
		res, err = s.meetingHeld(ctx, r, RecordHeld{Ref: ref, Date: strings.Join(cmd.Args[2:], "")})
	case wordPick:
		n, _ := strconv.Atoi(cmd.Args[2])
		res, err = s.pickSlot(ctx, r, PickSlot{Ref: ref, Slot: n})
	case wordPropose:
		res, err = s.proposeMeeting(ctx, r, ProposeMeeting{Ref: ref, Slots: cmd.Args[2:]})
	default:
		res, err = s.setMeeting(ctx, r, SetMeeting{Ref: ref, MeetingTime: MeetingTime{
			When: cmd.Args[1], Video: len(cmd.Args) > 2 && cmd.Args[2] == wordVideo, Place: cmd.Opts[keyPlace]}})
	}
	return res.Reply, err
}

// checkRef reads a case reference typed or carried by a form.
func checkRef(verb, ref string) (string, *InputError) {
	if strings.TrimSpace(ref) == "" {
		return "", inputErr(verb, "err.noref").on(FieldRef)
	}
	norm, ok := normalizeRef(strings.TrimSpace(ref))
	if !ok {
		return "", inputErr(verb, "err.ref", clip(ref, 20)).on(FieldRef)
	}
	return norm, nil
}

// checkMeetingTime reads a meeting time, which must be in the future.
func (s *Service) checkMeetingTime(r *request, m MeetingTime) (*Meeting, *InputError) {
	rest, when, err := takeDateTime(verbMeeting, strings.Fields(m.When))
	if err == nil && len(rest) == 1 && meetingWords[strings.ToLower(rest[0])] == wordVideo {
		rest, m.Video = nil, true // "2026-12-10 13:00 video", as after /sip möte REF
	}
	if err == nil && len(rest) > 0 {
		err = inputErr(verbMeeting, "err.datetime", clip(m.When, 40))
	}
	if err != nil {
		return nil, err.on(FieldMeeting)
	}
	at, perr := s.localTime(when)
	if perr != nil || !at.After(r.now) {
		return nil, inputErr(verbMeeting, "err.past", when).on(FieldMeeting)
	}
	place, gerr := cleanText(textgate.Place, FieldPlace, verbMeeting, m.Place)
	if gerr != nil {
		return nil, gerr
	}
	return &Meeting{At: at, Video: m.Video, Place: place}, nil
}

// checkSlots reads one to three proposed times, all in the future.
func (s *Service) checkSlots(r *request, in []string) ([]Slot, *InputError) {
	args := strings.Fields(strings.Join(in, " "))
	whens, err := parseSlots(verbMeeting, args)
	if err != nil {
		return nil, err.on(FieldSlots)
	}
	var slots []Slot
	for _, w := range whens {
		at, perr := s.localTime(w)
		if perr != nil || !at.After(r.now) {
			return nil, inputErr(verbMeeting, "err.past", w).on(FieldSlots)
		}
		slots = append(slots, Slot{At: at})
	}
	return slots, nil
}

func (s *Service) setMeeting(ctx context.Context, r *request, in SetMeeting) (Result, error) {
	ref, rerr := checkRef(verbMeeting, in.Ref)
	if rerr != nil {
		return Result{}, rerr
	}
	m, merr := s.checkMeetingTime(r, in.MeetingTime)
	if merr != nil {
		return Result{}, merr
	}
	c, err := s.change(ctx, r, ref, func(c *Case, fx *effects) error {
		if err := asConvener(c, r); err != nil {
			return err
		}
		c.Meeting = m
		c.Proposal = nil
		c.event("meeting", r.me.Name, r.now, s.fmtTime(m.At))
		return s.notifyMeeting(ctx, r, c, fx, nil)
	})
	if err != nil {
		return Result{}, err
	}
	return s.caseResult(r, c, chat.Reply{Text: t(r.lang, "ok.meeting", ref, s.meetingText(r.lang, m))}), nil
}

func (s *Service) proposeMeeting(ctx context.Context, r *request, in ProposeMeeting) (Result, error) {
	ref, rerr := checkRef(verbMeeting, in.Ref)
	if rerr != nil {
		return Result{}, rerr
	}
	slots, serr := s.checkSlots(r, in.Slots)
	if serr != nil {
		return Result{}, serr
	}
	c, err := s.change(ctx, r, ref, func(c *Case, fx *effects) error {
		if err := asConvener(c, r); err != nil {
			return err
		}
		replaced := c.Meeting
		c.Meeting = nil
		c.Proposal = &Proposal{Slots: append([]Slot(nil), slots...)}
		c.event("proposed", r.me.Name, r.now, strconv.Itoa(len(slots)))
		return s.notifyMeeting(ctx, r, c, fx, replaced)
	})
	if err != nil {
		return Result{}, err
	}
	return s.caseResult(r, c, chat.Reply{Text: t(r.lang, "ok.proposed", ref, len(slots))}), nil
}

// pickSlot turns proposed slot n (1-based) into the meeting.
func (s *Service) pickSlot(ctx context.Context, r *request, in PickSlot) (Result, error) {
	ref, rerr := checkRef(verbMeeting, in.Ref)
	if rerr != nil {
		return Result{}, rerr
	}
	var m Meeting
	c, err := s.change(ctx, r, ref, func(c *Case, fx *effects) error {
		if err := asConvener(c, r); err != nil {
			return err
		}
		if c.Proposal == nil || in.Slot < 1 || in.Slot > len(c.Proposal.Slots) {
			return inputErr(verbMeeting, "err.noslot", in.Slot).on(FieldSlot)
		}
		m = Meeting{At: c.Proposal.Slots[in.Slot-1].At}
		c.Meeting = &m
		c.Proposal = nil
		c.event("picked", r.me.Name, r.now, s.fmtTime(m.At))
		return s.notifyMeeting(ctx, r, c, fx, nil)
	})
	if err != nil {
		return Result{}, err
	}
	return s.caseResult(r, c, chat.Reply{Text: t(r.lang, "ok.meeting", ref, s.meetingText(r.lang, &m))}), nil
}

// notifyMeeting tells every invitee still in play about the new time or
// proposal; with a proposal the message carries the vote buttons. replaced
// is the decided meeting a proposal replaces (nil if none): e-mailed
// invitees get it cancelled in their calendars.
func (s *Service) notifyMeeting(ctx context.Context, r *request, c *Case, fx *effects, replaced *Meeting) error {
	c.Seq++
	for _, in := range c.Invitations {
		if !in.Active() || in.State == StateDelegated || in.Address == nil {
			continue
		}
		lang := s.inviteeLang(ctx, &in)
		msg := chat.Message{
			Title: t(lang, "mtg.title", c.Ref),
			Text:  t(lang, "mtg.text", c.Ref, s.whenText(lang, c)),
		}
		msg.Buttons = s.voteButtons(lang, c, in.ID)
		msg.Meeting = s.meetingEvent(c, &in)
		if msg.Meeting == nil && replaced != nil {
			msg.Meeting = s.event(c, &in, replaced, true)
		}
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
