package reminders

import (
	"fmt"
	"time"
)

// catalogue holds every text reminders send, in Swedish and English.
var catalogue = map[string]map[string]string{
	"sv": {
		"btn.snooze1d": "Snooze 1 dag",
		"btn.snooze1w": "Snooze 1 vecka",
		"btn.stop":     "Sluta påminna om detta ärende",

		"nudge.title": "Påminnelse: obesvarad SIP-kallelse",
		"nudge.text":  "Du är kallad till SIP *%s* av %s och har inte svarat ännu. Svara med knapparna i kallelsen, eller skicka en ersättare.",

		"esc.entry.title":   "Obesvarad SIP-kallelse till er enhet",
		"esc.entry.text":    "%s vid %s är kallad till SIP *%s* av %s men har inte svarat. Kan ni som väg in se till att någon svarar eller skickar en ersättare?",
		"esc.note.title":    "Eskalerat: %s",
		"esc.note.text":     "%s har inte svarat; eskalerat till deras SIP-mottagning.",
		"esc.manual.text":   "%s har inte svarat. Deras väg in (%s) nås inte via chatt: kontakta dem på %s.",
		"esc.noentry.text":  "%s har inte svarat, och katalogen saknar en väg in att eskalera till. Kontakta enheten direkt.",
		"esc.self.text":     "%s har inte svarat, och kallelsen gick redan till deras väg in. Kontakta enheten direkt.",
		"meeting.day.title": "Påminnelse: SIP-möte %s",
		"meeting.day.text":  "SIP-mötet för *%s* är %s.",
		"meeting.hr.title":  "SIP-möte snart: %s",
		"meeting.hr.text":   "SIP-mötet för *%s* börjar %s.",
		"meeting.video":     "Mötet hålls via video; länken finns i kallelsen.",
		"meeting.place":     "Plats: %s",

		"after.title":       "Efter SIP-mötet: %s",
		"after.text":        "Mötet för *%s* har hållits. Komplettera planen med /sip plan %s.",
		"after.missing":     "Det saknas i planen:",
		"after.efforts":     "• insatser och vem som gör vad",
		"after.responsible": "• vem som har det övergripande ansvaret",
		"after.followup":    "• datum för uppföljning",
		"after.complete":    "Planens checklista är komplett.",
		"code.region":       "Registrera åtgärden med KVÅ-koden *%s* (%s).",
		"code.kommun":       "Registrera insatsen med KSI-koden *%s* (%s).",
		"code.kommun.none":  "Uppföljningen har ingen egen KSI-kod; registrera enligt er kommuns rutin.",
		"code.unknown":      "Registrera SIP:en: region KVÅ *%s* (%s), kommun KSI *%s* (%s).",
		"code.AU124":        "SIP upprättad",
		"code.AU125":        "SIP upprättad vid utskrivning",
		"code.AW010":        "uppföljning av SIP",
		"code.XAH.20.75":    "SIP upprättad",
		"code.XAH.20.65":    "SIP vid utskrivning från slutenvård",
		"code.note":         "Registrera bara koden, aldrig uppgifter om personen, här i chatten.",

		"nofollow.title": "Uppföljningsdatum saknas: %s",
		"nofollow.text":  "SIP *%s* hade möte %s men har inget datum för uppföljning. Sätt det med /sip uppföljning %s ÅÅÅÅ-MM-DD.",

		"follow.week.title": "Uppföljning om en vecka: %s",
		"follow.week.text":  "Uppföljningen av SIP *%s* är %s. Förbered mötet och kalla parterna.",
		"follow.day.title":  "Uppföljning: %s",
		"follow.day.text":   "Uppföljningen av SIP *%s* är planerad till %s.",
		"follow.resp":       "Övergripande ansvar: %s",

		"digest.title":      "SIP-ärenden som behöver åtgärd",
		"digest.consent":    "samtycke saknas",
		"digest.pending":    "%d obesvarade kallelser",
		"digest.nomeeting":  "inget möte bokat",
		"digest.nofollowup": "möte hållet men inget uppföljningsdatum",
		"digest.noresp":     "övergripande ansvar saknas i planen",
		"digest.followup":   "uppföljning %s",

		"act.snoozed":  "Okej, jag påminner igen %s.",
		"act.stopped":  "Okej, inga fler påminnelser om %s till dig.",
		"act.notyours": "Den här påminnelsen gäller inte dig.",
		"act.gone":     "Påminnelsen gäller inte längre.",
		"act.error":    "Något gick fel. Försök igen om en stund.",
	},
	"en": {
		"btn.snooze1d": "Snooze 1 day",
		"btn.snooze1w": "Snooze 1 week",
		"btn.stop":     "Stop reminders for this case",

		"nudge.title": "Reminder: unanswered SIP invitation",
		"nudge.text":  "You were invited to SIP *%s* by %s and have not answered yet. Please answer with the buttons in the invitation, or send a delegate.",

		"esc.entry.title":   "Unanswered SIP invitation to your unit",
		"esc.entry.text":    "%s at %s was invited to SIP *%s* by %s but has not answered. As the unit's entry point, could you make sure someone answers or sends a delegate?",
		"esc.note.title":    "Escalated: %s",
		"esc.note.text":     "%s has not answered; escalated to their SIP reception.",
		"esc.manual.text":   "%s has not answered. Their entry point (%s) cannot be reached by chat: contact them at %s.",
		"esc.noentry.text":  "%s has not answered, and the directory has no entry point to escalate to. Contact the unit directly.",
		"esc.self.text":     "%s has not answered, and the invitation already went to their entry point. Contact the unit directly.",
		"meeting.day.title": "Reminder: SIP meeting %s",
		"meeting.day.text":  "The SIP meeting for *%s* is %s.",
		"meeting.hr.title":  "SIP meeting soon: %s",
		"meeting.hr.text":   "The SIP meeting for *%s* starts %s.",
		"meeting.video":     "The meeting is by video; the link is in the invitation.",
		"meeting.place":     "Place: %s",

		"after.title":       "After the SIP meeting: %s",
		"after.text":        "The meeting for *%s* has taken place. Complete the plan with /sip plan %s.",
		"after.missing":     "The plan still lacks:",
		"after.efforts":     "• the efforts and who does what",
		"after.responsible": "• who has the overall responsibility",
		"after.followup":    "• a follow-up date",
		"after.complete":    "The plan's checklist is complete.",
		"code.region":       "Register the measure with KVÅ code *%s* (%s).",
		"code.kommun":       "Register the effort with KSI code *%s* (%s).",
		"code.kommun.none":  "A follow-up has no KSI code of its own; register it the way your kommun does.",
		"code.unknown":      "Register the SIP: region KVÅ *%s* (%s), kommun KSI *%s* (%s).",
		"code.AU124":        "SIP drawn up",
		"code.AU125":        "SIP drawn up at discharge",
		"code.AW010":        "SIP follow-up",
		"code.XAH.20.75":    "SIP drawn up",
		"code.XAH.20.65":    "SIP at discharge from in-patient care",
		"code.note":         "Register only the code here in chat, never details about the person.",

		"nofollow.title": "No follow-up date: %s",
		"nofollow.text":  "SIP *%s* had its meeting %s but has no follow-up date. Set it with /sip followup %s YYYY-MM-DD.",

		"follow.week.title": "Follow-up in a week: %s",
		"follow.week.text":  "The follow-up of SIP *%s* is %s. Prepare the meeting and invite the parties.",
		"follow.day.title":  "Follow-up: %s",
		"follow.day.text":   "The follow-up of SIP *%s* is planned for %s.",
		"follow.resp":       "Overall responsibility: %s",

		"digest.title":      "SIP cases needing action",
		"digest.consent":    "consent missing",
		"digest.pending":    "%d unanswered invitations",
		"digest.nomeeting":  "no meeting booked",
		"digest.nofollowup": "meeting held but no follow-up date",
		"digest.noresp":     "overall responsibility missing from the plan",
		"digest.followup":   "follow-up %s",

		"act.snoozed":  "OK, I will remind you again %s.",
		"act.stopped":  "OK, no more reminders about %s for you.",
		"act.notyours": "This reminder is not for you.",
		"act.gone":     "This reminder no longer applies.",
		"act.error":    "Something went wrong. Please try again shortly.",
	},
}

// tr renders a catalogue entry in lang (Swedish when unknown).
func tr(lang, id string, args ...any) string {
	m, ok := catalogue[lang]
	if !ok {
		m = catalogue["sv"]
	}
	s, ok := m[id]
	if !ok {
		s = catalogue["sv"][id]
	}
	if len(args) == 0 {
		return s
	}
	return fmt.Sprintf(s, args...)
}

var (
	weekdays = map[string][7]string{
		"sv": {"sön", "mån", "tis", "ons", "tor", "fre", "lör"},
		"en": {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"},
	}
	months = map[string][12]string{
		"sv": {"jan", "feb", "mars", "april", "maj", "juni", "juli", "aug", "sep", "okt", "nov", "dec"},
		"en": {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"},
	}
)

// when formats a local time: "tis 24 nov kl. 13:00" / "Tue 24 Nov at 13:00".
func when(lang string, t time.Time, loc *time.Location) string {
	if lang != "en" {
		lang = "sv"
	}
	t = t.In(loc)
	at := map[string]string{"sv": "kl.", "en": "at"}[lang]
	return fmt.Sprintf("%s %d %s %s %s", weekdays[lang][t.Weekday()], t.Day(), months[lang][t.Month()-1], at, t.Format("15:04"))
}

// day formats a local date: "tis 24 nov 2026" / "Tue 24 Nov 2026".
func day(lang string, t time.Time, loc *time.Location) string {
	if lang != "en" {
		lang = "sv"
	}
	t = t.In(loc)
	return fmt.Sprintf("%s %d %s %d", weekdays[lang][t.Weekday()], t.Day(), months[lang][t.Month()-1], t.Year())
}
