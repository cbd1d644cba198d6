package reminders

import (
	"fmt"
	"time"

	"github.com/samla-sip/samla/internal/i18n"
)

// catalogue holds every text reminders send, in Swedish and English.
var catalogue = i18n.Catalogue{
	"when.at": {Sv: "kl.", En: "at"},

	"btn.snooze1d": {Sv: "Påminn i morgon", En: "Remind me tomorrow"},
	"btn.snooze1w": {Sv: "Påminn om en vecka", En: "Remind me in a week"},
	"btn.stop":     {Sv: "Sluta påminna om detta ärende", En: "Stop reminders for this case"},

	"nudge.title": {Sv: "Påminnelse: obesvarad SIP-kallelse", En: "Reminder: unanswered SIP invitation"},
	"nudge.text":  {Sv: "Du är kallad till SIP *%s* av %s och har inte svarat ännu. Svara med knapparna i kallelsen, eller skicka en ersättare.", En: "You were invited to SIP *%s* by %s and have not answered yet. Please answer with the buttons in the invitation, or send a delegate."},

	"esc.entry.title":      {Sv: "Obesvarad SIP-kallelse till er enhet", En: "Unanswered SIP invitation to your unit"},
	"esc.entry.text":       {Sv: "%s vid %s är kallad till SIP *%s* av %s men har inte svarat. Kan ni som väg in se till att någon svarar eller skickar en ersättare?", En: "%s at %s was invited to SIP *%s* by %s but has not answered. As the unit's entry point, could you make sure someone answers or sends a delegate?"},
	"esc.note.title":       {Sv: "Eskalerat: %s", En: "Escalated: %s"},
	"esc.unanswered.title": {Sv: "Obesvarad kallelse: %s", En: "Unanswered invitation: %s"},
	"esc.note.text":        {Sv: "%s har inte svarat; eskalerat till deras SIP-mottagning.", En: "%s has not answered; escalated to their SIP reception."},
	"esc.note.phone.text":  {Sv: "%s har inte svarat; eskalerat till deras SIP-mottagning, som också nås på telefon %s.", En: "%s has not answered; escalated to their SIP reception, also reachable by phone at %s."},
	"esc.manual.text":      {Sv: "%s har inte svarat. Deras väg in (%s) nås inte via chatt: kontakta dem på %s.", En: "%s has not answered. Their entry point (%s) cannot be reached by chat: contact them at %s."},
	"esc.noentry.text":     {Sv: "%s har inte svarat, och katalogen saknar en väg in att eskalera till. Kontakta enheten direkt.", En: "%s has not answered, and the directory has no entry point to escalate to. Contact the unit directly."},
	"esc.self.text":        {Sv: "%s har inte svarat, och kallelsen gick redan till deras väg in. Kontakta enheten direkt.", En: "%s has not answered, and the invitation already went to their entry point. Contact the unit directly."},

	"kallelse.title": {Sv: "Kallelsen ska gå ut i dag: %s", En: "The kallelse is due today: %s"},
	"kallelse.text": {Sv: "SIP *%s* gäller utskrivning från slutenvård: kallelsen ska gå ut senast i dag, %s (3 arbetsdagar efter underrättelsen %s). Registrera samtycke om det saknas och kalla parterna med /sip bjud %s.",
		En: "SIP *%s* is a discharge from hospital: the kallelse must go out today, %s, at the latest (3 working days after the notification of %s). Record consent if it is missing and invite the parties with /sip invite %s."},

	"meeting.day.title": {Sv: "Påminnelse: SIP-möte %s", En: "Reminder: SIP meeting %s"},
	"meeting.day.text":  {Sv: "SIP-mötet för *%s* är %s.", En: "The SIP meeting for *%s* is %s."},
	"meeting.hr.title":  {Sv: "SIP-möte snart: %s", En: "SIP meeting soon: %s"},
	"meeting.hr.text":   {Sv: "SIP-mötet för *%s* börjar %s.", En: "The SIP meeting for *%s* starts %s."},
	"meeting.video":     {Sv: "Mötet hålls via video; länken finns i kallelsen.", En: "The meeting is by video; the link is in the invitation."},
	"meeting.place":     {Sv: "Plats: %s", En: "Place: %s"},

	"after.title": {Sv: "Efter SIP-mötet: %s", En: "After the SIP meeting: %s"},
	"after.text":  {Sv: "Mötet för *%s* har hållits. Komplettera planen med /sip plan %s.", En: "The meeting for *%s* has taken place. Complete the plan with /sip plan %s."},
	"after.unrecorded": {Sv: "Mötet för *%s* var planerat %s. När det är hållet, registrera det med /sip möte %s hållet – då får varje part sin registreringskod.",
		En: "The meeting for *%s* was planned for %s. Once it is held, record it with /sip meeting %s held – each party then gets its registration code."},
	"after.unrecorded.nodate": {Sv: "När mötet för *%[1]s* är hållet, registrera det med /sip möte %[1]s hållet – då får varje part sin registreringskod.",
		En: "Once the meeting for *%[1]s* is held, record it with /sip meeting %[1]s held – each party then gets its registration code."},
	"after.missing":     {Sv: "Det saknas i planen:", En: "The plan still lacks:"},
	"after.efforts":     {Sv: "• insatser och vem som gör vad", En: "• the efforts and who does what"},
	"after.responsible": {Sv: "• vem som har det övergripande ansvaret", En: "• who has the overall responsibility"},
	"after.followup":    {Sv: "• datum för uppföljning", En: "• a follow-up date"},
	"after.complete":    {Sv: "Planens checklista är komplett.", En: "The plan's checklist is complete."},

	"nofollow.title": {Sv: "Uppföljningsdatum saknas: %s", En: "No follow-up date: %s"},
	"nofollow.text":  {Sv: "SIP *%s* hade möte %s men har inget datum för uppföljning. Sätt det med /sip uppföljning %s ÅÅÅÅ-MM-DD.", En: "SIP *%s* had its meeting %s but has no follow-up date. Set it with /sip followup %s YYYY-MM-DD."},

	"follow.week.title": {Sv: "Uppföljning om en vecka: %s", En: "Follow-up in a week: %s"},
	"follow.week.text":  {Sv: "Uppföljningen av SIP *%s* är %s. Förbered mötet och kalla parterna.", En: "The follow-up of SIP *%s* is %s. Prepare the meeting and invite the parties."},
	"follow.day.title":  {Sv: "Uppföljning: %s", En: "Follow-up: %s"},
	"follow.day.text":   {Sv: "Uppföljningen av SIP *%s* är planerad till %s.", En: "The follow-up of SIP *%s* is planned for %s."},
	"follow.resp":       {Sv: "Övergripande ansvar: %s", En: "Overall responsibility: %s"},

	"digest.title":      {Sv: "SIP-ärenden som behöver åtgärd", En: "SIP cases needing action"},
	"digest.consent":    {Sv: "samtycke saknas", En: "consent missing"},
	"digest.pending":    {Sv: "%d obesvarade kallelser", En: "%d unanswered invitations"},
	"digest.nomeeting":  {Sv: "inget möte bokat", En: "no meeting booked"},
	"digest.nofollowup": {Sv: "möte hållet men inget uppföljningsdatum", En: "meeting held but no follow-up date"},
	"digest.noresp":     {Sv: "övergripande ansvar saknas i planen", En: "overall responsibility missing from the plan"},
	"digest.followup":   {Sv: "uppföljning %s", En: "follow-up %s"},

	"act.snoozed": {Sv: "Okej, jag påminner igen %s.", En: "OK, I will remind you again %s."},
	"act.stopped": {Sv: "Okej, inga fler påminnelser om %s till dig.", En: "OK, no more reminders about %s for you."},
	"act.gone":    {Sv: "Påminnelsen finns inte längre eller gäller inte dig.", En: "This reminder no longer applies or is not for you."},
	"act.error":   {Sv: "Något gick fel. Försök igen om en stund.", En: "Something went wrong. Please try again shortly."},
}

// tr renders catalogue entry id in lang.
func tr(lang i18n.Lang, id string, args ...any) string { return catalogue.T(lang, id, args...) }

var (
	weekdays = map[i18n.Lang][7]string{
		i18n.Swedish: {"sön", "mån", "tis", "ons", "tor", "fre", "lör"},
		i18n.English: {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"},
	}
	months = map[i18n.Lang][12]string{
		i18n.Swedish: {"jan", "feb", "mars", "april", "maj", "juni", "juli", "aug", "sep", "okt", "nov", "dec"},
		i18n.English: {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"},
	}
)

// when formats a local time: "tis 24 nov kl. 13:00" / "Tue 24 Nov at 13:00".
func when(lang i18n.Lang, t time.Time, loc *time.Location) string {
	lang = lang.Or(i18n.Swedish)
	t = t.In(loc)
	at := tr(lang, "when.at")
	return fmt.Sprintf("%s %d %s %s %s", weekdays[lang][t.Weekday()], t.Day(), months[lang][t.Month()-1], at, t.Format("15:04"))
}

// day formats a local date: "tis 24 nov 2026" / "Tue 24 Nov 2026".
func day(lang i18n.Lang, t time.Time, loc *time.Location) string {
	lang = lang.Or(i18n.Swedish)
	t = t.In(loc)
	return fmt.Sprintf("%s %d %s %d", weekdays[lang][t.Weekday()], t.Day(), months[lang][t.Month()-1], t.Year())
}
