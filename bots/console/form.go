package console

import (
	"context"
	"errors"
	"slices"

	"github.com/samla-sip/samla/internal/chat"
	"github.com/samla-sip/samla/internal/sip"
)

// Core is the SIP core as the console uses it: /sip commands and button
// presses, and the typed new-case operation its form submits.
type Core interface {
	chat.Handler
	NewCase(ctx context.Context, who chat.Actor, in sip.NewCase) (sip.Result, error)
}

// newCaseForm is the console's new-case form, opened by a bare /sip ny as
// on Slack and Mattermost: one line per field, then one typed call to the
// core. A refused form stays open: each reason is printed next to its
// field and only those fields are asked again.
type newCaseForm struct {
	values map[string]string
	ask    []formField // still to ask, in order
}

// formField is one field of the form.
type formField struct {
	field    string // sip.Field*
	label    string // console text id
	optional bool
}

var newCaseFields = []formField{
	{sip.FieldKommun, "form.kommun", false},
	{sip.FieldAge, "form.age", false},
	{sip.FieldParties, "form.parties", false},
	{sip.FieldNeeds, "form.needs", true},
	{sip.FieldMeeting, "form.meeting", true},
}

// openForm starts the new-case form.
func (s *Session) openForm() {
	s.form = &newCaseForm{values: map[string]string{}, ask: newCaseFields}
	s.Screen.println("? %s", s.text("form.title"))
	s.askField()
}

// askField shows the next field's question.
func (s *Session) askField() {
	f := s.form.ask[0]
	if v := s.form.values[f.field]; v != "" {
		s.Screen.println("  %s [%s]", s.text(f.label), v)
		return
	}
	s.Screen.println("  %s", s.text(f.label))
}

// fillField takes the line typed for the current field; after the last
// one the form goes to the core.
func (s *Session) fillField(ctx context.Context, line string) error {
	f := s.form.ask[0]
	if line == "" && !f.optional && s.form.values[f.field] == "" {
		s.form = nil
		s.Screen.println("! %s", s.text("cancelled"))
		return nil
	}
	if line != "" {
		s.form.values[f.field] = line
	}
	s.form.ask = s.form.ask[1:]
	if len(s.form.ask) > 0 {
		s.askField()
		return nil
	}
	return s.submitForm(ctx)
}

// submitForm runs the form through the core's typed NewCase.
func (s *Session) submitForm(ctx context.Context) error {
	v := s.form.values
	res, err := s.Handler.NewCase(ctx, s.actor, sip.NewCase{
		Kommun: v[sip.FieldKommun], Age: v[sip.FieldAge], Parties: []string{v[sip.FieldParties]},
		Needs: v[sip.FieldNeeds], Meeting: sip.MeetingTime{When: v[sip.FieldMeeting]},
	})
	var no *sip.Refusal
	switch {
	case err == nil:
		s.form = nil
		return s.handleReply(ctx, res.Reply)
	case !errors.As(err, &no):
		s.form = nil
		s.Screen.println("! %v", err)
		return nil
	}
	for _, ie := range no.Errors {
		if _, ok := formFieldOf(ie.Field); !ok {
			s.Screen.println("! %s", ie.Message)
		}
	}
	for _, f := range newCaseFields { // in form order
		for _, ie := range no.Errors {
			if g, ok := formFieldOf(ie.Field); ok && g == f && !slices.Contains(s.form.ask, f) {
				s.Screen.println("! %s: %s", s.text(f.label), ie.Message)
				s.form.ask = append(s.form.ask, f)
			}
		}
	}
	if len(s.form.ask) == 0 {
		s.form = nil // nothing a field can fix
		return nil
	}
	s.askField()
	return nil
}

// formFieldOf is the form field a core input field is shown on.
func formFieldOf(field string) (formField, bool) {
	if field == sip.FieldSlots || field == sip.FieldPlace {
		field = sip.FieldMeeting
	}
	for _, f := range newCaseFields {
		if f.field == field {
			return f, true
		}
	}
	return formField{}, false
}
