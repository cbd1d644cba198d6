package sip

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/samla-sip/samla/internal/calendar"
	"github.com/samla-sip/samla/internal/chat"
	"github.com/samla-sip/samla/internal/outbox"
	"github.com/samla-sip/samla/internal/textgate"
)

// SetMeeting fixes a case's meeting time (and place); everyone invited is told.
type SetMeeting struct {
	Ref string
	MeetingTime
}

// ProposeMeeting proposes up to three times the invitees vote on. Each
// slot is a time like MeetingTime.When; an entry may hold several,
// separated by spaces. Form is the form and length of the meeting the
// picked slot becomes (its When is unused).
type ProposeMeeting struct {
	Ref   string
	Slots []string
	Form  MeetingTime
}

// PickSlot turns proposal N (1-based) into the meeting.
type PickSlot struct {
	Ref  string
	Slot int
}

// SetMeeting fixes the meeting (/sip möte REF 2026-12-10 13:00 [video] [plats=…]).
func (s *Service) SetMeeting(ctx context.Context, who chat.Actor, in SetMeeting) (Result, error) {
	return s.typed(ctx, who, []textField{{FieldRef, in.Ref}, {FieldMeeting, in.When}, {FieldPlace, in.Place}, {FieldLength, in.Length}},
		func(r *request) (Result, error) { return s.setMeeting(ctx, r, in) })
}

// ProposeMeeting proposes times (/sip möte REF förslag T1 [T2 [T3]]).
func (s *Service) ProposeMeeting(ctx context.Context, who chat.Actor, in ProposeMeeting) (Result, error) {
	return s.typed(ctx, who, []textField{{FieldRef, in.Ref}, {FieldSlots, strings.Join(in.Slots, " ")},
		{FieldPlace, in.Form.Place}, {FieldLength, in.Form.Length}},
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
		form, slots := splitFormWords(cmd.Args[2:])
		res, err = s.proposeMeeting(ctx, r, ProposeMeeting{Ref: ref, Slots: slots, Form: formOf(form, cmd.Opts)})
	default:
		mt := formOf(cmd.Args[2:], cmd.Opts)
		mt.When = cmd.Args[1]
		res, err = s.setMeeting(ctx, r, SetMeeting{Ref: ref, MeetingTime: mt})
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

// checkMeetingTime reads a meeting time, which must be in the future,
// with its form and length; decideMeeting completes it from the meeting
// it replaces.
func (s *Service) checkMeetingTime(r *request, m MeetingTime) (*Meeting, *InputError) {
	rest, when, err := takeDateTime(verbMeeting, strings.Fields(m.When))
	if err == nil {
		// "2026-12-10 13:00 video", as after /sip möte REF
		words, extra := splitFormWords(rest)
		if len(extra) > 0 {
			err = inputErr(verbMeeting, "err.datetime", clip(m.When, 40))
		}
		f := formOf(words, nil)
		m.Video, m.Both, m.Confirmed = m.Video || f.Video, m.Both || f.Both, m.Confirmed || f.Confirmed
	}
	if err != nil {
		return nil, err.on(FieldMeeting)
	}
	at, perr := s.localTime(when)
	if perr != nil || !at.After(r.now) {
		return nil, inputErr(verbMeeting, "err.past", when).on(FieldMeeting)
	}
	form, ferr := checkForm(m)
	if ferr != nil {
		return nil, ferr
	}
	form.At = at
	return form, nil
}

// checkForm reads a meeting's form and length (not its time).
func checkForm(m MeetingTime) (*Meeting, *InputError) {
	place, gerr := cleanText(textgate.Place, FieldPlace, verbMeeting, m.Place)
	if gerr != nil {
		return nil, gerr
	}
	minutes, ok := parseMinutes(m.Length)
	if !ok {
		return nil, inputErr(verbMeeting, "err.length", clip(m.Length, 20), minMinutes, maxMinutes).on(FieldLength)
	}
	return &Meeting{Video: m.Video || m.Both, Place: place, Minutes: minutes}, nil
}

// Meeting lengths accepted, in minutes.
const (
	minMinutes = 15
	maxMinutes = 480
)

// parseMinutes reads a length like "60" or "60min" ("" = not given, 0).
func parseMinutes(v string) (int, bool) {
	v = strings.TrimSpace(strings.TrimSuffix(strings.ToLower(strings.TrimSpace(v)), "min"))
	if v == "" {
		return 0, true
	}
	n, err := strconv.Atoi(v)
	return n, err == nil && n >= minMinutes && n <= maxMinutes
}

// decideMeeting completes a checked meeting m from the meeting it
// replaces (nil if none): a form or length not given is kept, so a new
// time never silently drops the place; "båda" needs a place. Unless
// confirmed, a time outside working hours, on a weekend or a public
// holiday is refused with the reason, asking for confirmation.
func (s *Service) decideMeeting(in MeetingTime, m *Meeting, old *Meeting) (*Meeting, *InputError) {
	d := *m
	if old != nil {
		if !in.Video && !in.Both && d.Place == "" {
			d.Video, d.Place = old.Video, old.Place
		}
		if in.Both && d.Place == "" {
			d.Place = old.Place
		}
		if d.Minutes == 0 {
			d.Minutes = old.Minutes
		}
	}
	if in.Both && d.Place == "" {
		return nil, inputErr(verbMeeting, "err.bothplace").on(FieldPlace)
	}
	if !in.Confirmed {
		if why, off := s.offHours(d.At, d.Length()); off {
			return nil, inputErr(verbMeeting, "err.offhours", s.fmtTime(d.At), why).on(FieldMeeting)
		}
	}
	return &d, nil
}

// offHours says why a meeting at at lasting length is outside ordinary
// working time: a weekend, a public holiday (julafton and the other
// eves count) or outside working hours; false when it is within them.
func (s *Service) offHours(at time.Time, length time.Duration) (offHoursWhy, bool) {
	local := at.In(s.loc)
	if name, ok := calendar.HolidayName(local, s.loc); ok {
		return offHoursWhy{id: "off.holiday", arg: name}, true
	}
	if wd := local.Weekday(); wd == time.Saturday || wd == time.Sunday {
		return offHoursWhy{id: "off.weekend"}, true
	}
	y, mo, d := local.Date()
	start := time.Date(y, mo, d, 0, 0, 0, 0, s.loc).Add(s.deps.WorkdayStart)
	end := time.Date(y, mo, d, 0, 0, 0, 0, s.loc).Add(s.deps.WorkdayEnd)
	if local.Before(start) || local.Add(length).After(end) {
		return offHoursWhy{id: "off.hours", arg: fmtClock(s.deps.WorkdayStart) + "–" + fmtClock(s.deps.WorkdayEnd)}, true
	}
	return offHoursWhy{}, false
}

// offHoursWhy is a catalogue entry saying why a time is off hours; it
// renders in the reader's language when the refusal is shown.
type offHoursWhy struct{ id, arg string }

func (w offHoursWhy) text(lang string) string {
	if w.arg == "" {
		return t(lang, w.id)
	}
	return t(lang, w.id, w.arg)
}

// fmtClock is a time of day as "08:00".
func fmtClock(d time.Duration) string {
	return fmt.Sprintf("%02d:%02d", int(d/time.Hour), int(d%time.Hour/time.Minute))
}

// splitFormWords separates the meeting words (video, båda, bekräfta) from
// the rest of args, each word in canonical form.
func splitFormWords(args []string) (words, rest []string) {
	for _, a := range args {
		switch w := meetingWords[strings.ToLower(a)]; w {
		case wordVideo, wordBoth, wordConfirm:
			words = append(words, w)
		default:
			rest = append(rest, a)
		}
	}
	return words, rest
}

// formOf is the form a command gives: its meeting words and its place and
// length options.
func formOf(words []string, opts map[string]string) MeetingTime {
	return MeetingTime{
		Video: slices.Contains(words, wordVideo), Both: slices.Contains(words, wordBoth),
		Confirmed: slices.Contains(words, wordConfirm),
		Place:     opts[keyPlace], Length: opts[keyLength],
	}
}

// checkSlots reads one to three proposed times, all in the future and,
// unless the form is confirmed, within working time.
func (s *Service) checkSlots(r *request, in []string, form MeetingTime) ([]Slot, *InputError) {
	args := strings.Fields(strings.Join(in, " "))
	whens, err := parseSlots(verbMeeting, args)
	if err != nil {
		return nil, err.on(FieldSlots)
	}
	minutes, _ := parseMinutes(form.Length)
	length := (&Meeting{Minutes: minutes}).Length()
	var slots []Slot
	for _, w := range whens {
		at, perr := s.localTime(w)
		if perr != nil || !at.After(r.now) {
			return nil, inputErr(verbMeeting, "err.past", w).on(FieldSlots)
		}
		if why, off := s.offHours(at, length); off && !form.Confirmed {
			return nil, inputErr(verbMeeting, "err.offhours", s.fmtTime(at), why).on(FieldSlots)
		}
		slots = append(slots, Slot{At: at})
	}
	return slots, nil
}

// formOrNil is a proposal's form, nil when it says nothing.
func formOrNil(m *Meeting) *Meeting {
	if m == nil || *m == (Meeting{}) {
		return nil
	}
	return m
}

func (s *Service) setMeeting(ctx context.Context, r *request, in SetMeeting) (Result, error) {
	ref, rerr := checkRef(verbMeeting, in.Ref)
	if rerr != nil {
		return Result{}, rerr
	}
	checked, merr := s.checkMeetingTime(r, in.MeetingTime)
	if merr != nil {
		return Result{}, merr
	}
	var (
		m       *Meeting
		changes []string
		reset   int
		same    bool
		away    []string
	)
	c, err := s.change(ctx, r, ref, func(c *Case, fx *effects) error {
		if err := asConvener(c, r); err != nil {
			return err
		}
		var derr *InputError
		if m, derr = s.decideMeeting(in.MeetingTime, checked, c.Meeting); derr != nil {
			return derr
		}
		before := c.Meeting
		changes = s.meetingChanges(r.lang, before, m)
		if before != nil && len(changes) == 0 && c.Proposal == nil {
			same = true
			return errUnchanged
		}
		c.Meeting = m
		proposed := c.Proposal != nil
		c.Proposal = nil
		c.event("meeting", r.me.Name, r.now, s.fmtTime(m.At))
		away = s.awayOnMeetingDay(r, c, m.At)
		if timeOrPlaceMoved(before, m) {
			reset = resetAnswers(c, r.now)
			if reset > 0 {
				c.event("answers.reset", r.me.Name, r.now, strconv.Itoa(reset))
			}
		}
		if err := s.notifyMeeting(ctx, r, c, fx, nil, before); err != nil || !proposed {
			return err
		}
		return s.closeVotes(ctx, r, c, fx)
	})
	if err != nil {
		return Result{}, err
	}
	if same {
		return s.caseResult(r, c, chat.Reply{Text: t(r.lang, "ok.meeting.same", ref, s.meetingText(r.lang, m))}), nil
	}
	lines := []string{t(r.lang, "ok.meeting", ref, s.meetingText(r.lang, m))}
	if len(changes) > 0 {
		lines = append(lines, t(r.lang, "mtg.changed", joinAnd(r.lang, changes)))
	}
	if reset > 0 {
		lines = append(lines, t(r.lang, "ok.reset", reset))
	}
	if why, off := s.offHours(m.At, m.Length()); off {
		lines = append(lines, t(r.lang, "ok.offhours", why.text(r.lang)))
	}
	lines = append(lines, away...)
	return s.caseResult(r, c, chat.Reply{Text: strings.Join(lines, "\n")}), nil
}

// timeOrPlaceMoved reports whether the meeting's time or place changed from
// before to m (nil before: there was no time to answer to).
func timeOrPlaceMoved(before, m *Meeting) bool {
	return before != nil && (!before.At.Equal(m.At) || before.Place != m.Place)
}

// resetAnswers sets every acceptance back to "needs to confirm": the
// invitees said they come at a time or place that no longer holds.
// Declines and delegations stand. It returns how many were reset.
func resetAnswers(c *Case, now time.Time) int {
	n := 0
	for i := range c.Invitations {
		in := &c.Invitations[i]
		if !in.Accepted() {
			continue
		}
		in.State, in.Answered, in.Reconfirm, in.Sent = StatePending, nil, true, now
		n++
	}
	return n
}

// meetingChanges names what differs from before to m, each with its old
// value ("tiden (var 2026-12-10 13:00)"); none when there was no meeting.
func (s *Service) meetingChanges(lang string, before, m *Meeting) []string {
	if before == nil {
		return nil
	}
	var out []string
	if !before.At.Equal(m.At) {
		out = append(out, t(lang, "chg.time", s.fmtTime(before.At)))
	}
	if before.Place != m.Place {
		old := before.Place
		if old == "" {
			old = t(lang, "chg.noplace")
		}
		out = append(out, t(lang, "chg.place", old))
	}
	if before.Video != m.Video {
		old := formText(lang, before)
		if old == "" {
			old = t(lang, "chg.noform")
		}
		out = append(out, t(lang, "chg.form", old))
	}
	if before.Minutes != m.Minutes {
		out = append(out, t(lang, "chg.length", int(before.Length()/time.Minute)))
	}
	return out
}

func (s *Service) proposeMeeting(ctx context.Context, r *request, in ProposeMeeting) (Result, error) {
	ref, rerr := checkRef(verbMeeting, in.Ref)
	if rerr != nil {
		return Result{}, rerr
	}
	slots, serr := s.checkSlots(r, in.Slots, in.Form)
	if serr != nil {
		return Result{}, serr
	}
	form, ferr := checkForm(in.Form)
	if ferr != nil {
		return Result{}, ferr
	}
	c, err := s.change(ctx, r, ref, func(c *Case, fx *effects) error {
		if err := asConvener(c, r); err != nil {
			return err
		}
		replaced := c.Meeting
		if replaced != nil && *form == (Meeting{}) {
			// the form of the meeting the proposal replaces is kept
			form = &Meeting{Video: replaced.Video, Place: replaced.Place, Minutes: replaced.Minutes}
		}
		c.Meeting = nil
		c.Proposal = &Proposal{Slots: append([]Slot(nil), slots...), Form: formOrNil(form)}
		c.event("proposed", r.me.Name, r.now, strconv.Itoa(len(slots)))
		return s.notifyMeeting(ctx, r, c, fx, replaced, nil)
	})
	if err != nil {
		return Result{}, err
	}
	return s.caseResult(r, c, chat.Reply{Text: t(r.lang, "ok.proposed", ref, len(slots))}), nil
}

// pickSlot turns proposed slot n (1-based) into the meeting, in the form
// and length the proposal gave (or the replaced meeting had).
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
		if f := c.Proposal.Form; f != nil {
			m = *f
		}
		m.At = c.Proposal.Slots[in.Slot-1].At
		c.Meeting = &m
		proposed := c.Proposal != nil
		c.Proposal = nil
		c.event("picked", r.me.Name, r.now, s.fmtTime(m.At))
		if err := s.notifyMeeting(ctx, r, c, fx, nil, nil); err != nil || !proposed {
			return err
		}
		return s.closeVotes(ctx, r, c, fx)
	})
	if err != nil {
		return Result{}, err
	}
	return s.caseResult(r, c, chat.Reply{Text: t(r.lang, "ok.meeting", ref, s.meetingText(r.lang, &m))}), nil
}

// notifyMeeting tells every invitee still in play about the new time or
// proposal; with a proposal the message carries the vote buttons, and
// says what changed from before (the meeting replaced, nil if none).
// Each invitation card is updated in place to the new time, place and
// form (and to "needs to confirm" where an answer was reset). replaced
// is the decided meeting a proposal replaces (nil if none): e-mailed
// invitees get it cancelled in their calendars.
func (s *Service) notifyMeeting(ctx context.Context, r *request, c *Case, fx *effects, replaced, before *Meeting) error {
	c.Seq++
	for i := range c.Invitations {
		in := &c.Invitations[i]
		if !in.Active() || in.State == StateDelegated || in.Address == nil {
			continue
		}
		lang := s.inviteeLang(ctx, in)
		text := t(lang, "mtg.text", c.Ref, s.whenText(lang, c))
		if c.Meeting != nil {
			if changes := s.meetingChanges(lang, before, c.Meeting); len(changes) > 0 {
				text += "\n" + t(lang, "mtg.changed", joinAnd(lang, changes))
			}
		}
		if in.Reconfirm && in.State == StatePending {
			text += "\n" + t(lang, "mtg.reconfirm")
		}
		msg := chat.Message{Title: t(lang, "mtg.title", c.Ref), Text: text}
		msg.Buttons = s.voteButtons(lang, c, in.ID)
		if len(msg.Buttons) > 0 && in.Address.Platform != chat.Email {
			msg.Key = voteKey(c.Ref, in.ID) // closeVotes updates it once a time is chosen
		}
		msg.Meeting = s.meetingEvent(c, in)
		if msg.Meeting == nil && replaced != nil {
			msg.Meeting = s.event(c, in, replaced, true)
		}
		if err := fx.send(r, fmt.Sprintf("mtg|%s|%s|%d", c.Ref, in.ID, c.Seq), *in.Address, msg); err != nil {
			return err
		}
		if in.Address.Platform != chat.Email {
			if err := s.refreshInvitation(ctx, r, c, fx, in); err != nil {
				return err
			}
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

// meetingText is "2026-12-10 13:00 (60 min), via video" / "…, Stadshuset"
// / "…, Stadshuset och via video".
func (s *Service) meetingText(lang string, m *Meeting) string {
	text := s.fmtTime(m.At)
	if m.Minutes > 0 {
		text += " " + t(lang, "mtg.minutes", m.Minutes)
	}
	if f := formText(lang, m); f != "" {
		text += ", " + f
	}
	return text
}

// formText is a meeting's form: "via video", "Stadshuset", "Stadshuset
// och via video", or "" when neither place nor video is set.
func formText(lang string, m *Meeting) string {
	switch {
	case m.Video && m.Place != "":
		return t(lang, "mtg.both", m.Place)
	case m.Video:
		return t(lang, "mtg.video")
	}
	return m.Place
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

// voteKey is the chat.Message key of the proposal notice an invitee votes
// on: once a time is chosen it is updated in place without its buttons.
func voteKey(ref, invID string) string { return "votes/" + ref + "/" + invID }

// closeVotes takes the "Passar: N)" buttons off every proposal notice that
// was delivered, now that the time is decided or the SIP ended (one never
// delivered is left to its job, which carries the current text).
func (s *Service) closeVotes(ctx context.Context, r *request, c *Case, fx *effects) error {
	for i := range c.Invitations {
		in := &c.Invitations[i]
		if in.Address == nil || in.Address.Platform == chat.Email {
			continue
		}
		if ok, err := outbox.Delivered(ctx, s.deps.Store, voteKey(c.Ref, in.ID), *in.Address); err != nil || !ok {
			continue
		}
		lang := s.inviteeLang(ctx, in)
		text := t(lang, "mtg.decided", c.Ref, s.whenText(lang, c))
		if c.Closed != nil {
			text = t(lang, "mtg.closed", c.Ref) // ended, not decided
		}
		msg := chat.Message{Key: voteKey(c.Ref, in.ID), Title: t(lang, "mtg.title", c.Ref), Text: text}
		if err := fx.send(r, fmt.Sprintf("votesupd|%s|%s|%d", c.Ref, in.ID, c.Seq), *in.Address, msg); err != nil {
			return err
		}
	}
	return nil
}
