package mattermost

import "github.com/samla-sip/samla/internal/i18n"

// texts are the bot's own user-facing lines; the SIP core words the rest.
var texts = i18n.Catalogue{
	"err.internal":     {Sv: "Något gick fel hos Samla. Försök igen om en stund.", En: "Something went wrong in Samla. Please try again shortly."},
	"err.notyours":     {Sv: "Den här knappen är inte till dig.", En: "This button is not for you."},
	"err.expired":      {Sv: "Knappen har gått ut. Be den som sammankallar om en ny inbjudan.", En: "This button has expired. Ask the convener for a new invitation."},
	"new.title":        {Sv: "Ny SIP", En: "New SIP"},
	"new.intro":        {Sv: "Skriv aldrig namn, personnummer eller diagnoser här. Ärendet får en anonym referens.", En: "Never write names, personal identity numbers or diagnoses here. The case gets an anonymous reference."},
	"new.kommun":       {Sv: "Kommun", En: "Municipality"},
	"new.kommun.help":  {Sv: "Den enskildes kommun, t.ex. Lund.", En: "The individual's municipality, e.g. Lund."},
	"new.age":          {Sv: "Ålder", En: "Age"},
	"new.age.help":     {Sv: "I hela år.", En: "In whole years."},
	"new.parties":      {Sv: "Parter", En: "Parties"},
	"new.parties.help": {Sv: "Kommaseparerade, t.ex. bup,skola,socialtjanst-barn", En: "Comma-separated, e.g. bup,skola,socialtjanst-barn"},
	"new.needs":        {Sv: "Behov (valfritt)", En: "Needs (optional)"},
	"new.needs.help":   {Sv: "Syns bara för dig och inbjudna som tackat ja. Inga namn eller diagnoser.", En: "Visible only to you and invitees who accepted. No names or diagnoses."},
	"new.meeting":      {Sv: "Möte (valfritt)", En: "Meeting (optional)"},
	"new.meeting.help": {Sv: "Datum och tid, t.ex. 2026-12-10 13:00", En: "Date and time, e.g. 2026-12-10 13:00"},
	"new.submit":       {Sv: "Skapa", En: "Create"},
	"prompt.title":     {Sv: "Ditt svar", En: "Your answer"},
	"prompt.answer":    {Sv: "Svar", En: "Answer"},
	"prompt.flag":      {Sv: "Ja/nej", En: "Yes/no"},
	"prompt.submit":    {Sv: "Skicka", En: "Send"},
}

// text returns the line id in lang.
func text(lang i18n.Lang, id string, args ...any) string { return texts.T(lang, id, args...) }
