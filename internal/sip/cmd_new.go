package sip

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/samla-sip/samla/directory"
	"github.com/samla-sip/samla/internal/chat"
	"github.com/samla-sip/samla/internal/textgate"
)

// NewCase is a new SIP case as a form or the command gives it. Values are
// as typed; the core checks them all (CheckNewCase) and refuses with one
// mistake per field.
type NewCase struct {
	Kommun string // name or SCB code
	Age    string // whole years, 0–130
	// Parties are care-level ids (bup, skola, …); an entry may itself be a
	// list separated by commas or spaces, as typed in one text field.
	Parties []string
	Needs   string // optional free text, at most 2,000 characters (textgate.Needs)
	// Type is "" for an ordinary SIP or "utskrivning" (also "discharge")
	// for a SIP at discharge from hospital, whose kallelse must go out
	// within 3 working days of the notification (L3740).
	Type string
	// Notified is a discharge SIP's notification date, YYYY-MM-DD ("" =
	// today); not in the future.
	Notified string
	// Meeting optionally fixes the meeting time at once (only when When is
	// given), or Slots proposes up to three times (not both).
	Meeting MeetingTime
	Slots   []string
}

// MeetingTime is a meeting time as typed: When is "2026-12-10 13:00" or
// "2026-12-10T13:00" in the service's zone ("" = none), optionally
// followed by the words video, båda or bekräfta (as after /sip möte REF).
// The form is Video (by video), Place (in the room) or Both (in the room
// at Place and by video); when a meeting is moved, a form or length not
// given is kept from the meeting it replaces.
type MeetingTime struct {
	When  string
	Video bool
	Place string
	Both  bool
	// Length is the length in minutes as typed ("60", "" = not given).
	Length string
	// Confirmed books a time outside working hours, on a weekend or on a
	// public holiday, which is otherwise refused with the reason.
	Confirmed bool
}

// newCase is a checked NewCase.
type newCase struct {
	kommun  directory.Kommun
	age     int
	parties []string
	needs   string
	meeting *Meeting
	slots   []Slot
	// discharge is set for a discharge SIP: notified is its date (zero =
	// today, known only with the clock).
	discharge bool
	notified  time.Time
	form      *Meeting // of the proposed slots
}

// NewCase opens a case (/sip ny) and, when the input has one, sets or
// proposes its meeting in the same change.
func (s *Service) NewCase(ctx context.Context, who chat.Actor, in NewCase) (Result, error) {
	texts := []textField{{FieldKommun, in.Kommun}, {FieldAge, in.Age}, {FieldParties, strings.Join(in.Parties, " ")},
		{FieldType, in.Type}, {FieldNotified, in.Notified},
		{FieldNeeds, in.Needs}, {FieldMeeting, in.Meeting.When + " " + in.Meeting.Place}, {FieldSlots, strings.Join(in.Slots, " ")}}
	return s.typed(ctx, who, texts, func(r *request) (Result, error) { return s.newCase(ctx, r, in) })
}

// cmdNew opens a case: /sip ny kommun=Lund ålder=14 parter=bup,skola.
func (s *Service) cmdNew(ctx context.Context, r *request, cmd Cmd) (chat.Reply, error) {
	res, err := s.newCase(ctx, r, newCaseOf(cmd))
	return res.Reply, err
}

// newCaseOf is the NewCase a /sip ny command gives.
func newCaseOf(cmd Cmd) NewCase {
	return NewCase{Kommun: cmd.Opts[keyKommun], Age: cmd.Opts[keyAge], Parties: []string{cmd.Opts[keyParties]},
		Needs: cmd.Opts[keyNeeds], Type: cmd.Opts[keyType], Notified: cmd.Opts[keyNotified]}
}

func (s *Service) newCase(ctx context.Context, r *request, in NewCase) (Result, error) {
	v, err := s.checkNewCase(r, in)
	if err != nil {
		return Result{}, err
	}
	c := &Case{
		Created:    r.now,
		Kommun:     v.kommun.Code,
		KommunName: v.kommun.Name,
		Age:        v.age,
		Parties:    v.parties,
		Needs:      v.needs,
		Convener:   r.me.Person,
	}
	c.event("created", r.me.Name, r.now, v.kommun.Name, strconv.Itoa(v.age), strings.Join(v.parties, ","))
	if v.discharge {
		c.Discharge = s.discharge(r, v.notified)
		c.event("discharge", r.me.Name, r.now, s.fmtDate(c.Discharge.Notified), s.fmtDate(c.Discharge.Deadline))
	}
	lines := []string{""}
	switch {
	case v.meeting != nil:
		c.Meeting = v.meeting
		c.event("meeting", r.me.Name, r.now, s.fmtTime(v.meeting.At))
	case v.slots != nil:
		c.Proposal = &Proposal{Slots: v.slots, Form: v.form}
		c.event("proposed", r.me.Name, r.now, strconv.Itoa(len(v.slots)))
	}
	if err := s.create(ctx, r, c, &effects{}); err != nil {
		return Result{}, err
	}
	s.deps.Log.InfoContext(ctx, "sip: case created", "ref", c.Ref, "actor", r.me.Key)
	lines[0] = t(r.lang, "ok.new", c.Ref, v.kommun.Name, v.age, partyList(r.lang, v.parties))
	if c.Discharge != nil {
		lines = append(lines, s.dischargeLine(r.lang, c.Discharge))
	}
	switch {
	case v.meeting != nil:
		lines = append(lines, t(r.lang, "ok.meeting", c.Ref, s.meetingText(r.lang, v.meeting)))
	case v.slots != nil:
		lines = append(lines, t(r.lang, "ok.proposed", c.Ref, len(v.slots)))
	}
	lines = append(lines, t(r.lang, "next.consent", c.Ref, consentHint(r.lang, c)))
	return s.caseResult(r, c, chat.Reply{Text: strings.Join(lines, "\n")}), nil
}

// checkNewCase is the one check of a new case, for every platform and the
// command language: every field's first mistake, in form order.
func (s *Service) checkNewCase(r *request, in NewCase) (newCase, error) {
	in = in.stripped()
	v, errs := in.checkShape()
	if errs.fieldFree(FieldKommun) {
		k, ok := directory.LookupKommun(in.Kommun)
		if !ok {
			errs = errs.add(inputErr(verbNew, "err.kommun", clip(strings.TrimSpace(in.Kommun), 60)).on(FieldKommun))
		}
		v.kommun = k
	}
	if v.discharge && v.notified.After(r.now) {
		errs = errs.add(inputErr(verbNew, "err.notified.future", s.fmtDate(v.notified)).on(FieldNotified))
	}
	if strings.TrimSpace(in.Meeting.When) != "" {
		if len(in.Slots) > 0 {
			errs = errs.add(inputErr(verbMeeting, "err.both").on(FieldSlots))
		}
		m, err := s.checkMeetingTime(r, in.Meeting)
		if err == nil {
			m, err = s.decideMeeting(in.Meeting, m, nil)
		}
		if err != nil {
			errs = errs.add(err)
		}
		v.meeting = m
	} else if len(in.Slots) > 0 {
		slots, err := s.checkSlots(r, in.Slots, in.Meeting)
		if err != nil {
			errs = errs.add(err)
		}
		v.slots = slots
		form, err := checkForm(in.Meeting)
		if err != nil {
			errs = errs.add(err)
		}
		v.form = form
	}
	return v, errs.err()
}

// checkShape checks what needs no directory or clock; the command
// language's parser uses it too (checkNew).
func (in NewCase) checkShape() (newCase, inputErrors) {
	in = in.stripped()
	var errs inputErrors
	v := newCase{needs: strings.TrimSpace(in.Needs)}
	for _, f := range []struct{ field, value string }{
		{FieldKommun, in.Kommun}, {FieldAge, in.Age}, {FieldParties, strings.Join(in.Parties, "")},
	} {
		if strings.TrimSpace(f.value) == "" {
			errs = errs.add(inputErr(verbNew, "err.missing."+f.field).on(f.field))
		}
	}
	if errs.fieldFree(FieldAge) {
		age, ok := parseAge(in.Age)
		if !ok {
			errs = errs.add(inputErr(verbNew, "err.age", clip(in.Age, 20)).on(FieldAge))
		}
		v.age = age
	}
	if errs.fieldFree(FieldParties) {
		parties, err := parseParties(verbNew, strings.Join(in.Parties, ","))
		if err != nil {
			errs = errs.add(err.on(FieldParties))
		}
		v.parties = parties
	}
	needs, gerr := cleanText(textgate.Needs, FieldNeeds, verbNew, v.needs)
	if gerr != nil {
		errs = errs.add(gerr)
	}
	v.needs = needs
	switch typ := strings.ToLower(strings.TrimSpace(in.Type)); {
	case typ == "":
	case sipTypes[typ] == typeDischarge:
		v.discharge = true
	default:
		errs = errs.add(inputErr(verbNew, "err.type", clip(in.Type, 30)).on(FieldType))
	}
	if n := strings.TrimSpace(in.Notified); n != "" {
		d, ok := parseDate(n)
		switch {
		case !ok:
			errs = errs.add(inputErr(verbNew, "err.notified", clip(n, 30)).on(FieldNotified))
		case !v.discharge && errs.fieldFree(FieldType):
			errs = errs.add(inputErr(verbNew, "err.notified.type").on(FieldNotified))
		}
		v.notified = d
	}
	return v, errs
}

// stripped is in without what textgate.Strip removes (invisible and
// control characters), as the command line is before it is parsed.
func (in NewCase) stripped() NewCase {
	in.Kommun, in.Age = textgate.Strip(in.Kommun), textgate.Strip(in.Age)
	in.Type, in.Notified = textgate.Strip(in.Type), textgate.Strip(in.Notified)
	in.Parties = slices.Clone(in.Parties)
	for i, p := range in.Parties {
		in.Parties[i] = textgate.Strip(p)
	}
	in.Meeting.When = textgate.Strip(in.Meeting.When)
	return in
}

// fieldFree reports whether field has no mistake yet.
func (es inputErrors) fieldFree(field string) bool {
	for _, e := range es {
		if e.Field == field {
			return false
		}
	}
	return true
}

// clip shortens s to n runes for echoing it in a message.
func clip(s string, n int) string {
	if rs := []rune(s); len(rs) > n {
		return string(rs[:n]) + "…"
	}
	return s
}
