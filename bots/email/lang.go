package email

import "github.com/samla-sip/samla/internal/i18n"

// catalogue holds the few texts the e-mail channel adds to a message.
var catalogue = i18n.Catalogue{
	"answer":         {Sv: "Svara med en länk (du får bekräfta på nästa sida):", En: "Answer with a link (you confirm on the next page):"},
	"footer":         {Sv: "Skickat automatiskt av Samla för en samordnad individuell plan (SIP). E-posten innehåller bara ärendets referens och mötets praktiska uppgifter, inga uppgifter om personen.", En: "Sent automatically by Samla for a coordinated individual plan (SIP). The e-mail holds only the case reference and the meeting's logistics, nothing about the person."},
	"link.confirm":   {Sv: "Bekräfta", En: "Confirm"},
	"link.note":      {Sv: "Inget är registrerat förrän du bekräftar.", En: "Nothing is recorded until you confirm."},
	"link.needinput": {Sv: "Fyll i fältet och bekräfta.", En: "Fill in the field and confirm."},
	"link.invalid":   {Sv: "Länken är ogiltig.", En: "This link is not valid."},
	"link.expired":   {Sv: "Länken har gått ut. Kontakta den som kallade.", En: "This link has expired. Contact the convener."},
	"link.used":      {Sv: "Länken är redan använd.", En: "This link has already been used."},
	"link.error":     {Sv: "Svaret kunde inte registreras just nu. Försök igen om en stund.", En: "The answer could not be recorded just now. Please try again shortly."},
	"test.subj":      {Sv: "Samla: testmeddelande", En: "Samla: test message"},
	"test.text":      {Sv: "Det här är ett testmeddelande från Samla. Om du läser det fungerar e-postutskicket.", En: "This is a test message from Samla. If you can read it, sending e-mail works."},
}

// tr renders text key in lang (a language code; Swedish unless English).
func tr(lang, key string, args ...any) string { return catalogue.T(i18n.Lang(lang), key, args...) }
