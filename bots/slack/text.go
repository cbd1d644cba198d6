package slack

import (
	"unicode"
	"unicode/utf8"

	"github.com/samla-sip/samla/directory"
	"github.com/samla-sip/samla/internal/i18n"
)

// texts are the bot's own user-visible strings, by language.
var texts = map[string]map[string]string{
	"sv": {
		"working":        "⏳ Samla arbetar på det – svaret kommer strax.",
		"stopping":       "Samla startar om just nu. Försök igen om en stund.",
		"bad_request":    "Samla kunde inte läsa förfrågan från Slack. Försök igen.",
		"modal_failed":   "Formuläret kunde inte öppnas. Skriv i stället: `/sip ny kommun=Lund ålder=14 parter=bup,skola`",
		"prompt_failed":  "Rutan kunde inte öppnas. Tryck på knappen igen.",
		"prompt_expired": "Samla behöver ett svar till, men tiden för att öppna rutan gick ut. Tryck på knappen igen.",
		"failed":         "Något gick fel i Samla. Försök igen om en stund.",
		"ny_title":       "Ny SIP",
		"submit":         "Skicka",
		"cancel":         "Avbryt",
		"ny_intro":       "Ange inga personuppgifter: inget namn, inget personnummer, inga diagnoser. Ärendet får en pseudonym referens.",
		"kommun":         "Kommun",
		"kommun_hint":    "Kommunen där den enskilde bor, t.ex. Lund.",
		"alder":          "Ålder",
		"alder_hint":     "Den enskildes ålder i år, t.ex. 14.",
		"parter":         "Parter att bjuda in",
		"parter_ph":      "Välj vårdnivåer",
		"behov":          "Behov (valfritt)",
		"behov_hint":     "Syns bara för dig och inbjudna som tackat ja. Inga namn, personnummer eller diagnoser.",
		"datum":          "Mötesdag (valfritt)",
		"tid":            "Mötestid (valfritt)",
		"video":          "Mötesform",
		"video_opt":      "Via video",
		"forslag":        "Eller föreslå tider (valfritt)",
		"forslag_hint":   "Upp till 3 tider, t.ex. 2026-12-10T13:00 2026-12-11T09:00. Deltagarna röstar.",
		"prompt_input":   "Ditt svar",
		"prompt_choose":  "Välj",
	},
	"en": {
		"working":        "⏳ Samla is working on it – the answer follows shortly.",
		"stopping":       "Samla is restarting right now. Please try again in a moment.",
		"bad_request":    "Samla could not read the request from Slack. Please try again.",
		"modal_failed":   "The form could not be opened. Type instead: `/sip new kommun=Lund age=14 parties=bup,skola`",
		"prompt_failed":  "The dialog could not be opened. Press the button again.",
		"prompt_expired": "Samla needs one more answer, but the time to open the dialog ran out. Press the button again.",
		"failed":         "Something went wrong in Samla. Please try again in a moment.",
		"ny_title":       "New SIP",
		"submit":         "Send",
		"cancel":         "Cancel",
		"ny_intro":       "Enter no personal data: no name, no personal identity number, no diagnoses. The case gets a pseudonymous reference.",
		"kommun":         "Municipality (kommun)",
		"kommun_hint":    "Where the individual lives, e.g. Lund.",
		"alder":          "Age",
		"alder_hint":     "The individual's age in years, e.g. 14.",
		"parter":         "Parties to invite",
		"parter_ph":      "Choose care levels",
		"behov":          "Needs (optional)",
		"behov_hint":     "Visible only to you and invitees who accepted. No names, identity numbers or diagnoses.",
		"datum":          "Meeting day (optional)",
		"tid":            "Meeting time (optional)",
		"video":          "Meeting form",
		"video_opt":      "By video",
		"forslag":        "Or propose times (optional)",
		"forslag_hint":   "Up to 3 times, e.g. 2026-12-10T13:00 2026-12-11T09:00. Invitees vote.",
		"prompt_input":   "Your answer",
		"prompt_choose":  "Choose",
	},
}

// t returns the bot's text id in the bot's language.
func (b *Bot) t(id string) string {
	if s, ok := texts[b.lang][id]; ok {
		return s
	}
	return texts["sv"][id]
}

// careLabel is a care level's display name in lang, capitalised for a
// list of choices.
func careLabel(id, lang string) string {
	l := directory.CareLabel(id, i18n.Lang(lang))
	r, n := utf8.DecodeRuneInString(l)
	return string(unicode.ToUpper(r)) + l[n:]
}
