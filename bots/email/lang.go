package email

import "fmt"

// catalogue holds the few texts the e-mail channel adds to a message.
var catalogue = map[string]map[string]string{
	"sv": {
		"answer":         "Svara med en länk (du får bekräfta på nästa sida):",
		"footer":         "Skickat automatiskt av Samla för en samordnad individuell plan (SIP). E-posten innehåller bara ärendets referens och mötets praktiska uppgifter, inga uppgifter om personen.",
		"link.confirm":   "Bekräfta",
		"link.note":      "Inget är registrerat förrän du bekräftar.",
		"link.needinput": "Fyll i fältet och bekräfta.",
		"link.invalid":   "Länken är ogiltig.",
		"link.expired":   "Länken har gått ut. Kontakta den som kallade.",
		"link.used":      "Länken är redan använd.",
		"link.error":     "Svaret kunde inte registreras just nu. Försök igen om en stund.",
		"test.subj":      "Samla: testmeddelande",
		"test.text":      "Det här är ett testmeddelande från Samla. Om du läser det fungerar e-postutskicket.",
	},
	"en": {
		"answer":         "Answer with a link (you confirm on the next page):",
		"footer":         "Sent automatically by Samla for a coordinated individual plan (SIP). The e-mail holds only the case reference and the meeting's logistics, nothing about the person.",
		"link.confirm":   "Confirm",
		"link.note":      "Nothing is recorded until you confirm.",
		"link.needinput": "Fill in the field and confirm.",
		"link.invalid":   "This link is not valid.",
		"link.expired":   "This link has expired. Contact the convener.",
		"link.used":      "This link has already been used.",
		"link.error":     "The answer could not be recorded just now. Please try again shortly.",
		"test.subj":      "Samla: test message",
		"test.text":      "This is a test message from Samla. If you can read it, sending e-mail works.",
	},
}

// tr looks a text up in lang, falling back to Swedish.
func tr(lang, key string, args ...any) string {
	m, ok := catalogue[lang]
	if !ok {
		m = catalogue["sv"]
	}
	s := m[key]
	if len(args) > 0 {
		s = fmt.Sprintf(s, args...)
	}
	return s
}
