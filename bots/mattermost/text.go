package mattermost

import "fmt"

// texts are the bot's own user-facing lines; the SIP core words the rest.
var texts = map[string][2]string{ // id → {sv, en}
	"err.internal":     {"Något gick fel hos Samla. Försök igen om en stund.", "Something went wrong in Samla. Please try again shortly."},
	"err.notyours":     {"Den här knappen är inte till dig.", "This button is not for you."},
	"err.expired":      {"Knappen har gått ut. Be den som sammankallar om en ny inbjudan.", "This button has expired. Ask the convener for a new invitation."},
	"err.formexpired":  {"Formuläret har gått ut. Börja om med /sip.", "This form has expired. Start again with /sip."},
	"new.title":        {"Ny SIP", "New SIP"},
	"new.intro":        {"Skriv aldrig namn, personnummer eller diagnoser här. Ärendet får en anonym referens.", "Never write names, personal identity numbers or diagnoses here. The case gets an anonymous reference."},
	"new.kommun":       {"Kommun", "Municipality"},
	"new.kommun.help":  {"Den enskildes kommun, t.ex. Lund.", "The individual's municipality, e.g. Lund."},
	"new.age":          {"Ålder", "Age"},
	"new.age.help":     {"I hela år.", "In whole years."},
	"new.parties":      {"Parter", "Parties"},
	"new.parties.help": {"Kommaseparerade, t.ex. bup,skola,socialtjanst-barn", "Comma-separated, e.g. bup,skola,socialtjanst-barn"},
	"new.needs":        {"Behov (valfritt)", "Needs (optional)"},
	"new.needs.help":   {"Syns bara för dig och inbjudna som tackat ja. Inga namn eller diagnoser.", "Visible only to you and invitees who accepted. No names or diagnoses."},
	"new.meeting":      {"Möte (valfritt)", "Meeting (optional)"},
	"new.meeting.help": {"Datum och tid, t.ex. 2026-12-10 13:00", "Date and time, e.g. 2026-12-10 13:00"},
	"new.submit":       {"Skapa", "Create"},
	"prompt.title":     {"Ditt svar", "Your answer"},
	"prompt.answer":    {"Svar", "Answer"},
	"prompt.flag":      {"Ja/nej", "Yes/no"},
	"prompt.submit":    {"Skicka", "Send"},
}

// text returns the line id in lang ("en" or else Swedish).
func text(lang, id string, args ...any) string {
	pair, ok := texts[id]
	if !ok {
		return id
	}
	s := pair[0]
	if lang == "en" {
		s = pair[1]
	}
	if len(args) > 0 {
		return fmt.Sprintf(s, args...)
	}
	return s
}
