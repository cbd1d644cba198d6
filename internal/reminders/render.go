package reminders

import (
	"context"
	"strings"

	"github.com/samla-sip/samla/internal/chat"
	"github.com/samla-sip/samla/internal/i18n"
	"github.com/samla-sip/samla/internal/sip"
)

// Button actions on reminder messages.
const (
	ActionPrefix = "reminder."
	ActionSnooze = "reminder.snooze" // Value: "1d|<job id>" or "1w|<job id>"
	ActionStop   = "reminder.stop"   // Value: "<job id>"
)

// outMsg is one message a firing writes to the outbox.
type outMsg struct {
	suffix string // distinguishes several messages of one firing
	to     chat.Address
	msg    chat.Message
}

// renderer turns a due reminder into messages, each in its recipient's
// language.
type renderer struct {
	set   Settings
	dir   Directory
	langs LangSource // nil: everyone gets Settings.Lang
	lang  i18n.Lang  // the language of the message being rendered
}

// LangSource tells the language a person is written to in: their own
// choice, else their chat platform's locale, else SAMLA_LANG
// (sip.Service.LangOf).
type LangSource interface {
	LangOf(ctx context.Context, key string, to chat.Address) i18n.Lang
}

// langOf is the language of the person reached at to (keyed by its
// contact id, else its chat identity).
func langOf(ctx context.Context, langs LangSource, def i18n.Lang, to chat.Address) i18n.Lang {
	if langs == nil {
		return def
	}
	return langs.LangOf(ctx, to.ContactID, to).Or(def)
}

// to is the renderer writing to the person at addr.
func (rd renderer) to(ctx context.Context, addr chat.Address) renderer {
	rd.lang = langOf(ctx, rd.langs, rd.set.Lang, addr)
	return rd
}

func buttons(lang i18n.Lang, id string) []chat.Button {
	return []chat.Button{
		{Action: ActionSnooze, Label: tr(lang, "btn.snooze1d"), Value: "1d|" + id},
		{Action: ActionSnooze, Label: tr(lang, "btn.snooze1w"), Value: "1w|" + id},
		{Action: ActionStop, Label: tr(lang, "btn.stop"), Value: id, Style: "danger"},
	}
}

// render builds the messages of r for case c; none when nobody can be
// reached by chat.
func (rd renderer) render(ctx context.Context, c *sip.Case, r Reminder) []outMsg {
	loc := rd.set.Hours.Loc
	one := func(to chat.Address, ok bool, text func(rd renderer, lang i18n.Lang) (title, body string)) []outMsg {
		if !ok {
			return nil
		}
		rd := rd.to(ctx, to)
		title, body := text(rd, rd.lang)
		return []outMsg{{to: to, msg: chat.Message{Title: title, Text: body, Buttons: buttons(rd.lang, r.ID())}}}
	}
	convener := fmtWho(c.Convener.Name, c.Convener.UnitName)
	switch r.Kind {
	case KindNudge:
		in := invitationOf(c, r.Invitation)
		if in == nil || in.Address == nil {
			return nil
		}
		out := one(*in.Address, true, func(_ renderer, lang i18n.Lang) (string, string) {
			return tr(lang, "nudge.title"), tr(lang, "nudge.text", c.Ref, convener)
		})
		for i := range out { // by e-mail: answer links before snooze/stop
			out[i].msg.Buttons = append(sip.AnswerButtons(rd.to(ctx, out[i].to).lang, c, in), out[i].msg.Buttons...)
		}
		return out
	case KindEscalate:
		return rd.escalate(ctx, c, r)
	case KindMeetingDay, KindMeetingHour:
		to, ok := rd.attendee(c, r.Recipient)
		title, text := "meeting.day.title", "meeting.day.text"
		if r.Kind == KindMeetingHour {
			title, text = "meeting.hr.title", "meeting.hr.text"
		}
		return one(to, ok, func(_ renderer, lang i18n.Lang) (string, string) {
			body := tr(lang, text, c.Ref, when(lang, c.Meeting.At, loc))
			if line := meetingLine(lang, c.Meeting); line != "" {
				body += "\n" + line
			}
			return tr(lang, title, c.Ref), body
		})
	case KindAfterMeeting:
		return one(c.Convener.Address, true, func(rd renderer, lang i18n.Lang) (string, string) {
			return tr(lang, "after.title", c.Ref), rd.afterText(c)
		})
	case KindKallelse:
		d := c.Discharge
		if d == nil {
			return nil
		}
		return one(c.Convener.Address, true, func(_ renderer, lang i18n.Lang) (string, string) {
			return tr(lang, "kallelse.title", c.Ref), tr(lang, "kallelse.text", c.Ref, day(lang, d.Deadline, d.Deadline.Location()),
				day(lang, d.Notified, d.Notified.Location()), c.Ref)
		})
	case KindNoFollowUp:
		return one(c.Convener.Address, true, func(_ renderer, lang i18n.Lang) (string, string) {
			return tr(lang, "nofollow.title", c.Ref), tr(lang, "nofollow.text", c.Ref, day(lang, c.Meeting.At, loc), c.Ref)
		})
	case KindFollowUpWeek, KindFollowUpDay:
		to, ok := rd.followUpTarget(c, r.Recipient)
		title, text := "follow.week.title", "follow.week.text"
		if r.Kind == KindFollowUpDay {
			title, text = "follow.day.title", "follow.day.text"
		}
		return one(to, ok, func(_ renderer, lang i18n.Lang) (string, string) {
			body := tr(lang, text, c.Ref, day(lang, *c.Plan.FollowUp, c.Plan.FollowUp.Location()))
			if c.Plan.ResponsibleName != "" {
				body += "\n" + tr(lang, "follow.resp", c.Plan.ResponsibleName)
			}
			return tr(lang, title, c.Ref), body
		})
	}
	return nil
}

// escalate writes to the unit's väg in and notes it to the convener, each
// in their own language.
func (rd renderer) escalate(ctx context.Context, c *sip.Case, r Reminder) []outMsg {
	in := invitationOf(c, r.Invitation)
	if in == nil {
		return nil
	}
	unit := in.UnitName
	if unit == "" {
		unit = in.Unit
	}
	var out []outMsg
	// "Escalated" only when something was: otherwise the convener hears
	// that the invitation is unanswered and whom to contact.
	title := "esc.unanswered.title"
	note := func(lang i18n.Lang) string { return tr(lang, "esc.noentry.text", unit) }
	if entry, ok := rd.dir.Entry(in.Unit); ok {
		switch {
		case entry.Address.ContactID != "" && entry.Address.ContactID == in.ContactID:
			note = func(lang i18n.Lang) string { return tr(lang, "esc.self.text", unit) } // the invitation already went to the väg in
		case entry.Chat:
			lang := rd.to(ctx, entry.Address).lang
			out = append(out, outMsg{suffix: "entry", to: entry.Address, msg: chat.Message{
				Title:   tr(lang, "esc.entry.title"),
				Text:    tr(lang, "esc.entry.text", in.ContactName, unit, c.Ref, fmtWho(c.Convener.Name, c.Convener.UnitName)),
				Buttons: buttons(lang, r.ID()),
			}})
			note = func(lang i18n.Lang) string { return tr(lang, "esc.note.text", unit) }
			if entry.Phone != "" {
				note = func(lang i18n.Lang) string { return tr(lang, "esc.note.phone.text", unit, entry.Phone) }
			}
			title = "esc.note.title"
		case entry.Manual != "":
			note = func(lang i18n.Lang) string { return tr(lang, "esc.manual.text", unit, entry.Name, entry.Manual) }
		}
	}
	lang := rd.to(ctx, c.Convener.Address).lang
	out = append(out, outMsg{suffix: "convener", to: c.Convener.Address, msg: chat.Message{
		Title: tr(lang, title, c.Ref), Text: note(lang),
	}})
	return out
}

// attendee is where a pre-meeting reminder to key goes.
func (rd renderer) attendee(c *sip.Case, key string) (chat.Address, bool) {
	if key == c.Convener.Key {
		return c.Convener.Address, true
	}
	for _, in := range c.Invitations {
		if in.ContactID == key && in.Accepted() && in.Address != nil {
			return *in.Address, true
		}
	}
	return chat.Address{}, false
}

// followUpTarget resolves a follow-up recipient: a team channel, the
// responsible person, the responsible unit's väg in, or else the
// convener, who can pass the reminder on: a follow-up reminder is never
// dropped for want of a chat address while the convener has one.
func (rd renderer) followUpTarget(c *sip.Case, key string) (chat.Address, bool) {
	if key == c.Convener.Key {
		return c.Convener.Address, true
	}
	if id, ok := strings.CutPrefix(key, teamPrefix); ok {
		t, ok := rd.dir.Team(id)
		return t.Address, ok && t.Chat
	}
	if t, ok := rd.dir.Person(key); ok && t.Chat {
		return t.Address, true
	}
	if t, ok := rd.dir.Entry(key); ok && t.Chat {
		return t.Address, true
	}
	return c.Convener.Address, c.Convener.Address.Platform != ""
}

// afterText is the plan checklist and the registration code prompt.
func (rd renderer) afterText(c *sip.Case) string {
	lang := rd.lang
	// "Held" only once the convener recorded it; each party gets its own
	// registration code from the core then (sip.RegistrationCode).
	var lines []string
	switch {
	case c.Held != nil:
		lines = []string{tr(lang, "after.text", c.Ref, c.Ref)}
	case c.Meeting != nil:
		lines = []string{tr(lang, "after.unrecorded", c.Ref, when(lang, c.Meeting.At, rd.set.Hours.Loc), c.Ref)}
	default:
		lines = []string{tr(lang, "after.unrecorded.nodate", c.Ref)}
	}
	var missing []string
	if len(c.Plan.Efforts) == 0 {
		missing = append(missing, tr(lang, "after.efforts"))
	}
	if c.Plan.Responsible == "" {
		missing = append(missing, tr(lang, "after.responsible"))
	}
	if c.Plan.FollowUp == nil {
		missing = append(missing, tr(lang, "after.followup"))
	}
	if len(missing) > 0 {
		lines = append(lines, tr(lang, "after.missing"))
		lines = append(lines, missing...)
	} else {
		lines = append(lines, tr(lang, "after.complete"))
	}
	return strings.Join(lines, "\n")
}

func meetingLine(lang i18n.Lang, m *sip.Meeting) string {
	switch {
	case m.Place != "":
		return tr(lang, "meeting.place", m.Place)
	case m.Video:
		return tr(lang, "meeting.video")
	}
	return ""
}

func fmtWho(name, unit string) string {
	switch {
	case name != "" && unit != "":
		return name + " (" + unit + ")"
	case name != "":
		return name
	}
	return unit
}
