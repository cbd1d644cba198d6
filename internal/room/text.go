package room

import "fmt"

// entry is one text in Swedish and English.
type entry struct{ sv, en string }

// texts are every word the room shows (pages and its chat answers).
var texts = map[string]entry{
	"chat.link":     {"Öppna ärendet %s: %s\n_Länken gäller i %d minuter och bara en gång; den är din, dela den inte._", "Open case %s: %s\n_The link works for %d minutes and only once; it is yours, do not share it._"},
	"chat.notfound": {"Ärendet hittades inte.", "Case not found."},
	"chat.nolink":   {"Det gick inte att skapa en länk just nu. Försök igen om en stund.", "Could not make a link right now. Try again in a moment."},

	"site":          {"Samla – ärendets rum", "Samla – the case room"},
	"skip":          {"Hoppa till innehållet", "Skip to content"},
	"lang.switch":   {"In English", "På svenska"},
	"logout":        {"Logga ut", "Sign out"},
	"notfound.h":    {"Hittades inte", "Not found"},
	"notfound.p":    {"Sidan finns inte, eller så har du inte tillgång till den.", "The page does not exist, or you have no access to it."},
	"refused.h":     {"Länken fungerar inte", "The link does not work"},
	"refused.p":     {"Länken är okänd, har gått ut eller har redan använts. Tryck på ”Öppna ärendet” i chatten för att få en ny.", "The link is unknown, has expired or was already used. Press “Open the case” in chat to get a new one."},
	"expired.h":     {"Du är utloggad", "You are signed out"},
	"expired.p":     {"Din session har gått ut. Tryck på ”Öppna ärendet” i chatten för att komma in igen.", "Your session has ended. Press “Open the case” in chat to get back in."},
	"busy.h":        {"För många försök", "Too many attempts"},
	"busy.p":        {"Vänta en minut och försök igen.", "Wait a minute and try again."},
	"csrf.h":        {"Formuläret kunde inte skickas", "The form could not be sent"},
	"csrf.p":        {"Sidan var för gammal eller kom inte från Samla. Ladda om sidan och försök igen.", "The page was too old or did not come from Samla. Reload the page and try again."},
	"error.h":       {"Något gick fel", "Something went wrong"},
	"error.p":       {"Försök igen om en stund.", "Try again in a moment."},
	"loggedout.h":   {"Du är utloggad", "You are signed out"},
	"loggedout.p":   {"Du kan stänga fliken.", "You can close the tab."},
	"saved":         {"Sparat.", "Saved."},
	"age":           {"%d år", "age %d"},
	"state":         {"Läge", "State"},
	"next":          {"Nästa steg", "Next step"},
	"closed":        {"Avslutat %s", "Closed %s"},
	"consent":       {"Samtycke", "Consent"},
	"consent.yes":   {"Registrerat %s av %s", "Recorded %s by %s"},
	"consent.no":    {"Inte registrerat", "Not recorded"},
	"meeting":       {"Möte", "Meeting"},
	"meeting.none":  {"Ingen tid bestämd än.", "No time set yet."},
	"meeting.video": {"via video", "by video"},
	"meeting.place": {"Plats: %s", "Place: %s"},
	"proposal":      {"Föreslagna tider", "Proposed times"},
	"parties":       {"Parter och svar", "Parties and answers"},
	"needs":         {"Behov (sammankallandes beskrivning)", "Needs (the convener's description)"},
	"needs.hidden":  {"Visas när du har tackat ja.", "Shown once you accept."},
	"plan":          {"Planen", "The plan"},
	"plan.efforts":  {"Insatser – vem gör vad", "Efforts – who does what"},
	"plan.measures": {"Åtgärder av andra", "Measures by others"},
	"plan.resp":     {"Övergripande ansvar", "Overall responsibility"},
	"plan.followup": {"Uppföljning", "Follow-up"},
	"plan.nextconv": {"Kallar till nästa möte", "Convenes the next meeting"},
	"plan.missing":  {"saknas", "missing"},
	"plan.done":     {"%d av %d punkter klara", "%d of %d items done"},
	"timeline":      {"Händelser", "Timeline"},
	"you":           {"(du)", "(you)"},

	"st.pending":   {"inget svar än", "no answer yet"},
	"st.attending": {"kommer", "attending"},
	"st.video":     {"deltar via video", "by video"},
	"st.declined":  {"kan inte", "cannot attend"},
	"st.delegated": {"skickar ersättare", "sends a substitute"},
	"st.cancelled": {"återkallad", "withdrawn"},

	"form.answer":    {"Ditt svar", "Your answer"},
	"form.attend":    {"Jag kommer", "I will attend"},
	"form.video":     {"Jag deltar via video", "I will join by video"},
	"form.decline":   {"Jag kan inte", "I cannot attend"},
	"form.reason":    {"Varför inte? (krävs om du inte kan)", "Why not? (required if you cannot)"},
	"form.send":      {"Skicka svar", "Send answer"},
	"form.propose":   {"Föreslå tider", "Propose times"},
	"form.slot":      {"Tid %d (ÅÅÅÅ-MM-DD TT:MM)", "Time %d (YYYY-MM-DD HH:MM)"},
	"form.proposebt": {"Skicka förslag", "Send proposal"},
	"form.planitem":  {"Lägg till i planen", "Add to the plan"},
	"form.kind":      {"Vad", "What"},
	"form.effort":    {"Insats av en part", "Effort by a party"},
	"form.measure":   {"Åtgärd av andra", "Measure by others"},
	"form.party":     {"Part (för en insats)", "Party (for an effort)"},
	"form.text":      {"Text", "Text"},
	"form.add":       {"Lägg till", "Add"},
	"form.choose":    {"Välj ett svar.", "Choose an answer."},
	"form.error":     {"Rätta det som är markerat nedan.", "Correct what is marked below."},
}

// text renders entry id in lang with args; a missing id shows as "!id"
// (a test checks that every id used exists).
func text(lang, id string, args ...any) string {
	e, ok := texts[id]
	if !ok {
		return "!" + id
	}
	f := e.sv
	if lang == "en" {
		f = e.en
	}
	if len(args) == 0 {
		return f
	}
	return fmt.Sprintf(f, args...)
}
