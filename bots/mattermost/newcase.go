package mattermost

import (
	"strconv"
	"strings"

	"github.com/mattermost/mattermost/server/public/model"

	"github.com/samla-sip/samla/internal/sip"
)

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

// newCaseCommands turns a new-case submission into the equivalent /sip
// command text, plus the meeting arguments to set once the case exists.
// Field problems come back as Mattermost dialog errors (field → message).
func newCaseCommands(lang string, sub map[string]any) (command, meeting string, errs map[string]string) {
	get := func(k string) string { s, _ := sub[k].(string); return strings.TrimSpace(s) }
	errs = map[string]string{}
	kommun := get(fieldKommun)
	if kommun == "" {
		errs[fieldKommun] = text(lang, "err.needed")
	}
	age, err := strconv.Atoi(get(fieldAge))
	if err != nil || age < 0 || age > 130 {
		errs[fieldAge] = text(lang, "err.age")
	}
	parties := partyList(get(fieldParties))
	if parties == "" {
		errs[fieldParties] = text(lang, "err.needed")
	}
	if len(errs) > 0 {
		return "", "", errs
	}
	var c strings.Builder
	c.WriteString("ny kommun=" + sip.Quote(kommun) + " ålder=" + strconv.Itoa(age) + " parter=" + sip.Quote(parties))
	if needs := get(fieldNeeds); needs != "" {
		c.WriteString(" behov=" + sip.Quote(needs))
	}
	return c.String(), get(fieldMeeting), nil
}

// partyList normalises "BUP, skola  socialtjanst-barn" to
// "bup,skola,socialtjanst-barn".
func partyList(s string) string {
	fields := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return r == ',' || r == ';' || r == ' ' || r == '\t' || r == '\n'
	})
	return strings.Join(fields, ",")
}
