package slack

import (
	"unicode"
	"unicode/utf8"

	"github.com/samla-sip/samla/directory"
	"github.com/samla-sip/samla/internal/i18n"
)

// texts are the bot's own user-visible strings.
var texts = i18n.Catalogue{
	"working":        {Sv: "⏳ Samla arbetar på det – svaret kommer strax.", En: "⏳ Samla is working on it – the answer follows shortly."},
	"stopping":       {Sv: "Samla startar om just nu. Försök igen om en stund.", En: "Samla is restarting right now. Please try again in a moment."},
	"bad_request":    {Sv: "Samla kunde inte läsa förfrågan från Slack. Försök igen.", En: "Samla could not read the request from Slack. Please try again."},
	"modal_failed":   {Sv: "Formuläret kunde inte öppnas. Skriv i stället: `/sip ny kommun=Lund ålder=14 parter=bup,skola`", En: "The form could not be opened. Type instead: `/sip new kommun=Lund age=14 parties=bup,skola`"},
	"prompt_failed":  {Sv: "Rutan kunde inte öppnas. Tryck på knappen igen.", En: "The dialog could not be opened. Press the button again."},
	"prompt_expired": {Sv: "Samla behöver ett svar till, men tiden för att öppna rutan gick ut. Tryck på knappen igen.", En: "Samla needs one more answer, but the time to open the dialog ran out. Press the button again."},
	"failed":         {Sv: "Något gick fel i Samla. Försök igen om en stund.", En: "Something went wrong in Samla. Please try again in a moment."},
	"not_saved":      {Sv: "Samla kunde inte ta emot det just nu, så inget har hänt. Försök igen om en stund.", En: "Samla could not take this in just now, so nothing happened. Please try again in a moment."},
	"press_again":    {Sv: "Samla kunde inte ta emot knapptrycket just nu, så inget har hänt. Tryck på knappen igen om en stund.", En: "Samla could not take in the button press just now, so nothing happened. Press the button again in a moment."},
	"ny_title":       {Sv: "Ny SIP", En: "New SIP"},
	"submit":         {Sv: "Skicka", En: "Send"},
	"cancel":         {Sv: "Avbryt", En: "Cancel"},
	"ny_intro":       {Sv: "Ange inga personuppgifter: inget namn, inget personnummer, inga diagnoser. Ärendet får en pseudonym referens.", En: "Enter no personal data: no name, no personal identity number, no diagnoses. The case gets a pseudonymous reference."},
	"kommun":         {Sv: "Kommun", En: "Municipality (kommun)"},
	"kommun_hint":    {Sv: "Kommunen där den enskilde bor, t.ex. Lund.", En: "Where the individual lives, e.g. Lund."},
	"alder":          {Sv: "Ålder", En: "Age"},
	"alder_hint":     {Sv: "Den enskildes ålder i år, t.ex. 14.", En: "The individual's age in years, e.g. 14."},
	"parter":         {Sv: "Parter att bjuda in", En: "Parties to invite"},
	"parter_ph":      {Sv: "Välj vårdnivåer", En: "Choose care levels"},
	"behov":          {Sv: "Behov (valfritt)", En: "Needs (optional)"},
	"behov_hint":     {Sv: "Syns bara för dig och inbjudna som tackat ja. Inga namn, personnummer eller diagnoser.", En: "Visible only to you and invitees who accepted. No names, identity numbers or diagnoses."},
	"datum":          {Sv: "Mötesdag (valfritt)", En: "Meeting day (optional)"},
	"tid":            {Sv: "Mötestid (valfritt)", En: "Meeting time (optional)"},
	"video":          {Sv: "Mötesform", En: "Meeting form"},
	"video_opt":      {Sv: "Via video", En: "By video"},
	"forslag":        {Sv: "Eller föreslå tider (valfritt)", En: "Or propose times (optional)"},
	"forslag_hint":   {Sv: "Upp till 3 tider, t.ex. 2026-12-10T13:00 2026-12-11T09:00. Deltagarna röstar.", En: "Up to 3 times, e.g. 2026-12-10T13:00 2026-12-11T09:00. Invitees vote."},
	"prompt_input":   {Sv: "Ditt svar", En: "Your answer"},
	"prompt_choose":  {Sv: "Välj", En: "Choose"},
}

// t returns the bot's text id in the bot's language.
func (b *Bot) t(id string) string { return texts.T(b.lang, id) }

// careLabel is a care level's display name in lang, capitalised for a
// list of choices.
func careLabel(id string, lang i18n.Lang) string {
	l := directory.CareLabel(id, lang)
	r, n := utf8.DecodeRuneInString(l)
	return string(unicode.ToUpper(r)) + l[n:]
}
