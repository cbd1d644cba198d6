package mattermost

import (
	"context"
	"errors"
	"strings"

	"github.com/mattermost/mattermost/server/public/model"

	"github.com/samla-sip/samla/internal/chat"
	"github.com/samla-sip/samla/internal/i18n"
	"github.com/samla-sip/samla/internal/sip"
)

// Core is the SIP core as the bot uses it: /sip commands and button
// presses, and the typed new-case operation the dialog submits.
type Core interface {
	chat.Handler
	NewCase(ctx context.Context, who chat.Actor, in sip.NewCase) (sip.Result, error)
}

// newCaseAction marks the state of the new-case dialog; the core's button
// actions never contain a colon.
const newCaseAction = "mattermost:ny"

// Field names of the new-case dialog.
const (
	fieldKommun  = "kommun"
	fieldAge     = "alder"
	fieldParties = "parter"
	fieldNeeds   = "behov"
	fieldMeeting = "mote"
)

// dialogFields maps the core's input fields to the dialog's elements.
var dialogFields = map[string]string{
	sip.FieldKommun: fieldKommun, sip.FieldAge: fieldAge, sip.FieldParties: fieldParties,
	sip.FieldNeeds: fieldNeeds, sip.FieldMeeting: fieldMeeting, sip.FieldSlots: fieldMeeting, sip.FieldPlace: fieldMeeting,
}

func (b *Bot) newCaseState(srv, userID string) string {
	return b.state(signed{Server: srv, User: userID, Action: newCaseAction})
}

// newCaseDialog is the form /sip ny opens when given no arguments.
func (b *Bot) newCaseDialog(state string) model.Dialog {
	lang := b.opts.Lang
	return model.Dialog{
		CallbackId:       "samla-new",
		Title:            text(lang, "new.title"),
		IntroductionText: text(lang, "new.intro"),
		SubmitLabel:      text(lang, "new.submit"),
		State:            state,
		Elements: []model.DialogElement{
			{Name: fieldKommun, Type: "text", DisplayName: text(lang, "new.kommun"), HelpText: text(lang, "new.kommun.help"), MaxLength: 60},
			{Name: fieldAge, Type: "text", SubType: "number", DisplayName: text(lang, "new.age"), HelpText: text(lang, "new.age.help"), MaxLength: 3},
			{Name: fieldParties, Type: "text", DisplayName: text(lang, "new.parties"), HelpText: text(lang, "new.parties.help"), MaxLength: 300},
			{Name: fieldNeeds, Type: "textarea", DisplayName: text(lang, "new.needs"), HelpText: text(lang, "new.needs.help"), Optional: true, MaxLength: 2000},
			{Name: fieldMeeting, Type: "text", DisplayName: text(lang, "new.meeting"), HelpText: text(lang, "new.meeting.help"), Optional: true, MaxLength: 60},
		},
	}
}

// newCaseInput reads a new-case submission as typed; the core checks it.
// A value of the wrong JSON type counts as empty.
func newCaseInput(sub map[string]any) sip.NewCase {
	get := func(k string) string { s, _ := sub[k].(string); return s }
	return sip.NewCase{
		Kommun: get(fieldKommun), Age: get(fieldAge), Parties: []string{get(fieldParties)},
		Needs: get(fieldNeeds), Meeting: sip.MeetingTime{When: strings.TrimSpace(get(fieldMeeting))},
	}
}

// dialogRefusal keeps the dialog open with the core's reasons: each next
// to its field, a reason about the whole form above it.
func dialogRefusal(lang i18n.Lang, err error) model.SubmitDialogResponse {
	var no *sip.Refusal
	if !errors.As(err, &no) {
		return model.SubmitDialogResponse{Error: text(lang, "err.internal")}
	}
	var out model.SubmitDialogResponse
	for _, ie := range no.Errors {
		name, ok := dialogFields[ie.Field]
		if !ok {
			if out.Error == "" {
				out.Error = truncate(ie.Message, maxDialogError)
			}
			continue
		}
		if out.Errors == nil {
			out.Errors = map[string]string{}
		}
		if _, taken := out.Errors[name]; !taken {
			out.Errors[name] = truncate(ie.Message, maxDialogError)
		}
	}
	return out
}

// maxDialogError bounds one error text in a dialog.
const maxDialogError = 500
