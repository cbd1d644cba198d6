package sip

import (
	"fmt"
	"strings"
)

// msg is one catalogue entry in Swedish and English.
type msg struct{ sv, en string }

// t renders catalogue entry id in lang ("en", else Swedish) with args.
// A missing id renders as "!id" (a test checks every id used exists).
func t(lang, id string, args ...any) string {
	m, ok := catalogue[id]
	if !ok {
		return "!" + id
	}
	f := m.sv
	if lang == "en" {
		f = m.en
	}
	if len(args) == 0 {
		return f
	}
	return fmt.Sprintf(f, args...)
}

// exampleRef is the reference the examples use.
const exampleRef = "SIP-7K3QF2"

// example is the right form of a verb, shown after a mistake.
func example(lang, verb string) string {
	if _, ok := catalogue["ex."+verb]; !ok {
		return ""
	}
	return t(lang, "ex."+verb)
}

// partyName is a care level's display name.
func partyName(lang, id string) string {
	if _, ok := catalogue["care."+id]; ok {
		return t(lang, "care."+id)
	}
	return id
}

func partyList(lang string, ids []string) string {
	names := make([]string, len(ids))
	for i, id := range ids {
		names[i] = partyName(lang, id)
	}
	return strings.Join(names, ", ")
}

var catalogue = map[string]msg{
	// The case room (issue 13): chat carries a link, never the needs.
	"b.room":              {"Öppna ärendet", "Open the case"},
	"room.link":           {"Öppna ärendet: %s (gäller i några minuter, en gång)", "Open the case: %s (valid for a few minutes, once)"},
	"plan.inroom":         {"ifylld (texten finns i ärendets rum)", "filled in (the text is in the case room)"},
	"plan.measuresinroom": {"%d (texten finns i ärendets rum)", "%d (the text is in the case room)"},
	"agenda.room":         {"Förslaget finns i ärendets rum.", "The draft is in the case room."},
	"agenda.preview.room": {"Texten som skulle skickas till språkmodellen, med det Samla har ersatt markerat, finns i ärendets rum. Läs den där först. Skicka till språkmodellen?", "The text that would be sent to the language model, with what Samla replaced marked, is in the case room. Read it there first. Send it to the language model?"},
	"agenda.shared.room":  {"%s: %s har delat ett förslag till dagordning. Det finns i ärendets rum.", "%s: %s has shared a draft agenda. It is in the case room."},
	"room.here":           {"finns i ärendets rum", "in the case room"},
	"room.more":           {"Behov, mål och planens text finns i ärendets rum.", "Needs, goals and the plan's text are in the case room."},
	// Care levels.
	"care.bup":                {"BUP", "BUP child psychiatry"},
	"care.vuxenpsykiatri":     {"Vuxenpsykiatri", "Adult psychiatry"},
	"care.primarvard":         {"Primärvård", "Primary care"},
	"care.slutenvard":         {"Slutenvård", "Hospital care"},
	"care.habilitering":       {"Habilitering", "Habilitation"},
	"care.beroendevard":       {"Beroendevård", "Addiction care"},
	"care.hemsjukvard":        {"Hemsjukvård", "Home health care"},
	"care.hemtjanst":          {"Hemtjänst", "Home care"},
	"care.aldreomsorg":        {"Äldreomsorg", "Elderly care"},
	"care.lss":                {"LSS", "LSS disability support"},
	"care.socialtjanst-barn":  {"Socialtjänst barn", "Children's social services"},
	"care.socialtjanst-vuxen": {"Socialtjänst vuxen", "Adult social services"},
	"care.ekonomiskt-bistand": {"Ekonomiskt bistånd", "Financial assistance"},
	"care.skola":              {"Skola", "School"},
	"care.elevhalsa":          {"Elevhälsa", "Pupil health"},
	"care.forskola":           {"Förskola", "Preschool"},
	"care.sis":                {"SiS", "SiS youth home"},
	"care.hvb":                {"HVB", "HVB residential care"},
	"care.forsakringskassan":  {"Försäkringskassan", "Social Insurance Agency"},
	"care.arbetsformedlingen": {"Arbetsförmedlingen", "Public Employment Service"},
	"care.kriminalvarden":     {"Kriminalvården", "Prison and Probation Service"},

	// Issue 12, problems 6–11: discharge SIP, meeting form and changes, absence.
	"err.type":            {"Okänd typ %q: ange typ=utskrivning för en SIP vid utskrivning från slutenvård, annars ingen typ.", "Unknown type %q: give type=discharge for a SIP at discharge from hospital, otherwise no type."},
	"err.notified":        {"%q är inget datum i formen 2026-12-01.", "%q is not a date like 2026-12-01."},
	"err.notified.type":   {"underrättelse= gäller bara en SIP vid utskrivning (typ=utskrivning).", "notified= applies only to a discharge SIP (type=discharge)."},
	"err.notified.future": {"Underrättelsen %s ligger i framtiden; ange dagen den kom.", "The notification %s is in the future; give the day it came."},
	"err.length":          {"%q är ingen möteslängd: ange minuter, %d–%d.", "%q is not a meeting length: give minutes, %d–%d."},
	"err.bothplace":       {"båda (på plats och via video) behöver en plats: plats=\"…\".", "both (in the room and by video) needs a place: place=\"…\"."},
	"err.offhours":        {"%s är %s. Vill du boka tiden ändå, skriv bekräfta efter tiden.", "%s is %s. To book it anyway, add confirm after the time."},
	"off.weekend":         {"på en helg", "on a weekend"},
	"off.holiday":         {"en helgdag (%s)", "a Swedish public holiday (%s)"},
	"off.hours":           {"utanför arbetstid (%s)", "outside working hours (%s)"},
	"ok.meeting.same":     {"Mötet för %s är redan %s; inget ändrat.", "The meeting for %s is already %s; nothing changed."},
	"ok.reset":            {"%d svar har återställts: de kallade behöver bekräfta den nya tiden eller platsen.", "%d answers were reset: the invitees need to confirm the new time or place."},
	"ok.offhours":         {"Obs: tiden är %s; bokad efter din bekräftelse.", "Note: the time is %s; booked as you confirmed."},
	"discharge.deadline":  {"SIP vid utskrivning: underrättelse %s, kallelsen ska gå ut inom %d arbetsdagar, senast %s.", "SIP at discharge: notified %s, the kallelse must go out within %d working days, by %s."},
	"discharge.sent":      {"SIP vid utskrivning: kallelsen gick ut %s (senast %s) ✓", "SIP at discharge: the kallelse went out %s (deadline %s) ✓"},
	"discharge.late":      {"SIP vid utskrivning: kallelsen gick ut %s, efter sista dagen %s.", "SIP at discharge: the kallelse went out %s, after the deadline %s."},
	"discharge.overdue":   {"SIP vid utskrivning: kallelsen skulle ha gått ut senast %s och har inte gått ut. Kalla nu: /sip bjud %s.", "SIP at discharge: the kallelse was due by %s and has not gone out. Invite now: /sip invite %s."},
	"mtg.minutes":         {"(%d min)", "(%d min)"},
	"mtg.both":            {"%s och via video", "%s and by video"},
	"mtg.changed":         {"Ändrat: %s.", "Changed: %s."},
	"mtg.reconfirm":       {"Tiden eller platsen är ändrad: bekräfta i kallelsen att du kommer.", "The time or place changed: please confirm in the invitation that you are coming."},
	"chg.time":            {"tiden (var %s)", "the time (was %s)"},
	"chg.place":           {"platsen (var %s)", "the place (was %s)"},
	"chg.noplace":         {"ingen plats", "no place"},
	"chg.form":            {"formen (var %s)", "the form (was %s)"},
	"chg.noform":          {"inte angiven", "not given"},
	"chg.length":          {"längden (var %d min)", "the length (was %d min)"},
	"inv.reconfirm":       {"*Tiden eller platsen är ändrad.* Bekräfta att du kommer, eller svara att du inte kan.", "*The time or place changed.* Please confirm that you are coming, or answer that you cannot."},
	"f.discharge":         {"Kallelse", "Kallelse"},
	"invite.about":        {"ℹ Enheten: _%s_", "ℹ The unit: _%s_"},
	"away.meeting":        {"⚠ %s är borta på mötesdagen (%s).", "⚠ %s is away on the meeting day (%s)."},
	"away.soon":           {"⚠ %s är borta %s, inom de kommande %d arbetsdagarna: välj en mötestid då hen är på plats, eller bjud någon annan.", "⚠ %s is away %s, within the coming %d working days: pick a meeting time when they are in, or invite someone else."},
	"away.open":           {"…", "…"},
	"state.reconfirm":     {"⏳ behöver bekräfta ny tid eller plats", "⏳ needs to confirm the new time or place"},
	"ev.discharge":        {"SIP vid utskrivning: underrättelse %s, kallelse senast %s", "SIP at discharge: notified %s, kallelse due by %s"},
	"ev.answers.reset":    {"%s svar återställda efter ändrad tid eller plats", "%s answers reset after a change of time or place"},

	// Parse and input errors.
	"err.encoding":                      {"Texten innehåller ogiltiga tecken.", "The text contains invalid characters."},
	"err.noverb":                        {"Kommandot ska börja med ett ord, t.ex. ny eller status.", "The command must start with a word such as new or status."},
	"err.verb":                          {"Okänt kommando %q.", "Unknown command %q."},
	"err.key":                           {"Okänd eller otillåten nyckel %q här.", "Unknown or unexpected key %q here."},
	"err.dupkey":                        {"Nyckeln %q står två gånger.", "The key %q is given twice."},
	"err.nokey":                         {"Ett likhetstecken saknar nyckel framför sig.", "An equals sign has no key before it."},
	"err.quote":                         {"Citattecken mitt i ett ord (vid %q) – sätt citattecken runt hela värdet.", "A quote inside a word (at %q) – put quotes around the whole value."},
	"err.afterquote":                    {"Efter ett citat måste det komma ett mellanslag.", "A closing quote must be followed by a space."},
	"err.unterminated":                  {"Ett citattecken avslutas aldrig.", "A quote is never closed."},
	"err.noref":                         {"Ärendereferensen saknas.", "The case reference is missing."},
	"err.ref":                           {"%q är ingen ärendereferens (de ser ut som SIP-7K3QF2).", "%q is not a case reference (they look like SIP-7K3QF2)."},
	"err.extra":                         {"Oväntat ord %q.", "Unexpected word %q."},
	"err.missing.kommun":                {"Kommun saknas.", "The kommun is missing."},
	"err.missing.age":                   {"Ålder saknas.", "The age is missing."},
	"err.missing.parties":               {"Parter saknas.", "The parties are missing."},
	"err.age":                           {"Åldern %q är inget heltal mellan 0 och 130.", "The age %q is not a whole number from 0 to 130."},
	"err.party":                         {"Okänd part %q (använd id:n som bup, skola, socialtjanst-barn – se /sip hjälp).", "Unknown party %q (use ids such as bup, skola, socialtjanst-barn – see /sip help)."},
	"err.giver":                         {"Okänt %q: ange av=individen, vårdnadshavare, vårdnadshavare2, god-man eller förvaltare.", "Unknown %q: say by=individual, guardian, guardian2, god-man or forvaltare."},
	"err.consentword":                   {"Okänt ord %q: ange skriftligt eller muntligt, och vem som gav samtycket med av=.", "Unknown word %q: say written or oral, and who gave consent with by=."},
	"err.meeting":                       {"Ange tid, förslag eller välj.", "Give a time, propose or pick."},
	"err.pick":                          {"Ange vilket förslag som ska gälla, 1–3.", "Say which proposal to pick, 1–3."},
	"err.slots":                         {"Ange 1–%d tider.", "Give 1–%d times."},
	"err.datetime":                      {"%q är ingen tid i formen 2026-12-10 13:00.", "%q is not a time like 2026-12-10 13:00."},
	"err.past":                          {"Tiden %q har redan passerat eller är ogiltig.", "The time %q has passed or is invalid."},
	"err.planword":                      {"Okänt ord %q i plan: använd insats, åtgärd, ansvar= eller nästa=.", "Unknown word %q in plan: use effort, measure, responsible= or next=."},
	"err.effort":                        {"Ange part och text för insatsen.", "Give the party and the text of the effort."},
	"err.measure":                       {"Ange texten för åtgärden.", "Give the text of the measure."},
	"err.nomeasure":                     {"Det finns ingen åtgärd nummer %d.", "There is no measure number %d."},
	"err.orgref":                        {"%q finns varken som enhet eller kontakt i katalogen (sök med /sip sök).", "%q is neither a unit nor a contact in the directory (try /sip search)."},
	"err.date":                          {"%q är inget datum i formen 2027-03-01.", "%q is not a date like 2027-03-01."},
	"err.pastdate":                      {"Datumet %s har redan passerat.", "The date %s has passed."},
	"err.noreason":                      {"Skriv varför du tackar nej.", "Say why you decline."},
	"err.both":                          {"Ange antingen en mötestid eller förslag på tider, inte båda.", "Give either a meeting time or proposed times, not both."},
	"err.emptyreason":                   {"Orsaken är tom.", "The reason is empty."},
	"err.who":                           {"Ange vårdnivå och kommun.", "Give the care level and the kommun."},
	"err.search":                        {"Ange vad du söker.", "Say what to search for."},
	"err.lang":                          {"Välj sv eller en.", "Choose sv or en."},
	"err.kommun":                        {"Hittar ingen kommun som heter %q.", "No kommun called %q."},
	"err.kommunparties":                 {"Ange vilka parter som ska nås i den kommunen.", "Say which parties to reach in that kommun."},
	"err.invitee":                       {"%q är varken en part (som bup) eller en kontakt i katalogen.", "%q is neither a party (like bup) nor a contact in the directory."},
	"err.internal":                      {"Något gick fel hos Samla. Försök igen om en stund.", "Something went wrong in Samla. Please try again shortly."},
	"err.tryagain":                      {"Samla kan inte se vem du är i kontaktkatalogen just nu (chattens tjänst svarar inte). Inget sparades. Försök igen om en stund.", "Samla cannot tell who you are in the contact directory right now (the chat service does not answer). Nothing was saved. Please try again shortly."},
	"err.notfound":                      {"Ärendet hittades inte.", "Case not found."},
	"err.notconvener":                   {"Bara den som kallar kan ändra ärendet.", "Only the convener can change the case."},
	"err.closed":                        {"%s är avslutat.", "%s is closed."},
	"err.noconsent.invite":              {"Inga kallelser skickas för %[1]s: samtycke är inte registrerat, och ingen annan organisation får kontaktas innan dess. Inhämta samtycket och registrera det: /sip samtycke %[1]s %[2]s", "No invitations sent for %[1]s: consent is not recorded, and no other organisation may be contacted before it is. Obtain consent and record it: /sip consent %[1]s %[2]s"},
	"err.noconsent.withdraw":            {"%s har inget registrerat samtycke att återkalla.", "%s has no recorded consent to withdraw."},
	"err.noslot":                        {"Det finns inget förslag nummer %d.", "There is no proposal number %d."},
	"err.novote":                        {"Det förslaget finns inte längre.", "That proposal no longer exists."},
	"err.cancelled":                     {"Kallelsen till %s är återtagen.", "The invitation to %s was withdrawn."},
	"err.delegated":                     {"Du har redan skickat %s som ersättare.", "You already sent %s in your place."},
	"err.delegate":                      {"Välj en ersättare bland alternativen (%q finns inte).", "Choose a substitute from the options (%q is not one)."},
	"err.delegate.already":              {"%s är redan kallad.", "%s is already invited."},
	"err.delegate.unreachable":          {"%s går inte att nå via katalogen.", "%s cannot be reached through the directory."},
	"err.noagenda":                      {"%s har ingen dagordning än: /sip agenda %[1]s", "%s has no agenda yet: /sip agenda %[1]s"},
	"err.agenda.personnummer":           {"Utkastet innehöll ett personnummer och visas inte.", "The draft contained a personal identity number and is not shown."},
	"err.noaccepted":                    {"Ingen har tackat ja till %s än; dagordningen delas med dem som kommer.", "Nobody has accepted %s yet; the agenda goes to those who attend."},
	"err.action":                        {"Knappen känns inte igen.", "Unknown button."},
	"err.cause":                         {"Ange varför SIP:en avslutas: orsak=behov-tillgodosedda, samtycke-återkallat, flyttat eller annat (gärna med text: orsak=\"annat …\"). En plan upprättas med /sip plan REF klar, inte genom att avsluta.", "Say why the SIP ends: reason=needs-met, consent-withdrawn, moved or other (text may follow: reason=\"other …\"). A plan is established with /sip plan REF done, not by ending the SIP."},
	"err.futuredate":                    {"Datumet %s har inte kommit än.", "The date %s is still to come."},
	"err.held.established":              {"Planen för %[1]s är redan upprättad; registrera uppföljningar med /sip uppföljning %[1]s hållen.", "The plan for %[1]s is already established; record follow-ups with /sip followup %[1]s held."},
	"err.established":                   {"Planen för %[1]s upprättades %[2]s. Registrera uppföljningen med /sip uppföljning %[1]s hållen.", "The plan for %[1]s was established on %[2]s. Record the follow-up with /sip followup %[1]s held."},
	"err.notestablished":                {"Planen för %[1]s är inte upprättad än: /sip plan %[1]s klar", "The plan for %[1]s is not established yet: /sip plan %[1]s done"},
	"err.followup.before":               {"Uppföljningen %s kan inte ligga före planen (upprättad %s).", "The follow-up on %s cannot be before the plan (established %s)."},
	"err.establish":                     {"Planen kan inte upprättas än. Det här saknas:\n• %s", "The plan cannot be established yet. Missing:\n• %s"},
	"miss.consent":                      {"samtycke (/sip samtycke %s …)", "consent (/sip consent %s …)"},
	"miss.held":                         {"att SIP-mötet är hållet (/sip möte %s hållet [ÅÅÅÅ-MM-DD])", "the SIP meeting held (/sip meeting %s held [YYYY-MM-DD])"},
	"miss.needs":                        {"1. behov (/sip plan %s behov \"…\")", "1. needs (/sip plan %s needs \"…\")"},
	"miss.huvudman":                     {"2. en huvudman bland parterna: kommunens socialtjänst eller hälso- och sjukvård, eller regionens hälso- och sjukvård", "2. a huvudman among the parties: the kommun's social services or health care, or the region's health care"},
	"miss.efforts":                      {"2. insats av %s (/sip plan %s insats PART \"…\")", "2. the effort of %s (/sip plan %s effort PARTY \"…\")"},
	"miss.measures":                     {"3. åtgärder av andra, eller att det inte finns några (/sip plan %s åtgärd PART \"…\" eller åtgärd ingen)", "3. measures by others, or that there are none (/sip plan %s measure PARTY \"…\" or measure none)"},
	"miss.responsible":                  {"4. övergripande ansvar (/sip plan %s ansvar=ENHET)", "4. overall responsibility (/sip plan %s responsible=UNIT)"},
	"miss.followup":                     {"ett uppföljningsdatum framåt i tiden (/sip uppföljning %s ÅÅÅÅ-MM-DD)", "a follow-up date still to come (/sip followup %s YYYY-MM-DD)"},
	"and":                               {"och", "and"},
	"err.huvudman.party":                {"%s är inte kallad i ärendet: ange en enhet eller kontakt (sök med /sip sök).", "%s is not invited to the case: give a unit or contact (try /sip search)."},
	"err.huvudman.not.responsible":      {"%s kan inte ha det övergripande ansvaret: bara en huvudman – kommunens socialtjänst eller hälso- och sjukvård, eller regionens hälso- och sjukvård – kan det. Skola, myndigheter och privata utförare kan delta men inte ha ansvaret.", "%s cannot hold the overall responsibility: only a huvudman – the kommun's social services or health care, or the region's health care – can. Schools, state agencies and private providers may take part but not hold it."},
	"err.huvudman.not.next":             {"%s kan inte kalla till nästa möte: bara en huvudman – kommunens socialtjänst eller hälso- och sjukvård, eller regionens hälso- och sjukvård – kan det.", "%s cannot convene the next meeting: only a huvudman – the kommun's social services or health care, or the region's health care – can."},
	"err.huvudman.notparty.responsible": {"%s är inte en huvudman bland parterna i %s och kan inte ha det övergripande ansvaret.", "%s is not a huvudman among the parties of %s and cannot hold the overall responsibility."},
	"err.huvudman.notparty.next":        {"%s är inte en huvudman bland parterna i %s och kan inte kalla till nästa möte.", "%s is not a huvudman among the parties of %s and cannot convene the next meeting."},
	"err.effort.notparty":               {"%[1]s är inte part i %[2]s. En insats lägger inte till en part: bjud in den först: /sip bjud %[2]s %[3]s", "%[1]s is not a party of %[2]s. An effort does not add a party: invite it first: /sip invite %[2]s %[3]s"},
	"err.effort.nothuvudman":            {"%[1]s är inte huvudman och har ingen insats i planen; ange dess del som en åtgärd av andra: /sip plan %[2]s åtgärd %[3]s \"…\"", "%[1]s is not a huvudman and has no effort in the plan; give its part as a measure by others: /sip plan %[2]s measure %[3]s \"…\""},
	"err.measure.huvudman":              {"%[1]s är huvudman: ange dess del som insats: /sip plan %[2]s insats %[3]s \"…\"", "%[1]s is a huvudman: give its part as an effort: /sip plan %[2]s effort %[3]s \"…\""},
	"err.noitem":                        {"Det finns ingen punkt nummer %d.", "There is no item number %d."},
	"err.need":                          {"Skriv behovet inom citattecken.", "Give the need in quotes."},
	"err.goal":                          {"Skriv målet med den enskildes egna ord inom citattecken.", "Give the goal in the individual's own words, in quotes."},

	// Examples after a mistake.
	"ex.prefix":   {"Exempel: %s", "Example: %s"},
	"ex.general":  {"/sip ny kommun=Lund ålder=14 parter=bup,skola (mer: /sip hjälp)", "/sip new kommun=Lund age=14 parties=bup,skola (more: /sip help)"},
	"ex.new":      {"/sip ny kommun=Lund ålder=14 parter=bup,skola,socialtjanst-barn behov=\"…\"", "/sip new kommun=Lund age=14 parties=bup,skola,socialtjanst-barn needs=\"…\""},
	"ex.consent":  {"/sip samtycke SIP-7K3QF2 skriftligt av=vårdnadshavare  ·  /sip samtycke SIP-7K3QF2 muntligt av=individen parter=bup,forsakringskassan", "/sip consent SIP-7K3QF2 written by=guardian  ·  /sip consent SIP-7K3QF2 oral by=individual parties=bup,forsakringskassan"},
	"ex.withdraw": {"/sip återkalla SIP-7K3QF2", "/sip withdraw SIP-7K3QF2"},
	"ex.meeting":  {"/sip möte SIP-7K3QF2 2026-12-10 13:00 video  ·  /sip möte SIP-7K3QF2 förslag 2026-12-10T13:00 2026-12-11T09:00  ·  /sip möte SIP-7K3QF2 välj 2", "/sip meeting SIP-7K3QF2 2026-12-10 13:00 video  ·  /sip meeting SIP-7K3QF2 propose 2026-12-10T13:00 2026-12-11T09:00  ·  /sip meeting SIP-7K3QF2 pick 2"},
	"ex.invite":   {"/sip bjud SIP-7K3QF2  ·  /sip bjud SIP-7K3QF2 hvb skola kommun=Eslöv", "/sip invite SIP-7K3QF2  ·  /sip invite SIP-7K3QF2 hvb skola kommun=Eslöv"},
	"ex.status":   {"/sip status SIP-7K3QF2", "/sip status SIP-7K3QF2"},
	"ex.log":      {"/sip logg SIP-7K3QF2", "/sip log SIP-7K3QF2"},
	"ex.agenda":   {"/sip agenda SIP-7K3QF2", "/sip agenda SIP-7K3QF2"},
	"ex.plan":     {"/sip plan SIP-7K3QF2 behov \"komma tillbaka till skolan\"  ·  /sip plan SIP-7K3QF2 insats bup \"samtal varannan vecka\"  ·  /sip plan SIP-7K3QF2 åtgärd skola \"anpassad studiegång\"  ·  /sip plan SIP-7K3QF2 ansvar=bup-lund  ·  /sip plan SIP-7K3QF2 klar", "/sip plan SIP-7K3QF2 needs \"back to school\"  ·  /sip plan SIP-7K3QF2 effort bup \"talks every other week\"  ·  /sip plan SIP-7K3QF2 measure skola \"adapted timetable\"  ·  /sip plan SIP-7K3QF2 responsible=bup-lund  ·  /sip plan SIP-7K3QF2 done"},
	"ex.followup": {"/sip uppföljning SIP-7K3QF2 2027-03-01  ·  /sip uppföljning SIP-7K3QF2 hållen", "/sip followup SIP-7K3QF2 2027-03-01  ·  /sip followup SIP-7K3QF2 held"},
	"ex.close":    {"/sip avsluta SIP-7K3QF2 orsak=behov-tillgodosedda  ·  /sip avsluta SIP-7K3QF2 orsak=\"flyttat till Malmö\"", "/sip close SIP-7K3QF2 reason=needs-met  ·  /sip close SIP-7K3QF2 reason=\"moved to Malmö\""},
	"ex.who":      {"/sip vem bup Lund 14", "/sip who bup Lund 14"},
	"ex.search":   {"/sip sök kurator eslöv", "/sip search kurator eslöv"},
	"ex.lang":     {"/sip språk en", "/sip lang sv"},
	"ex.mine":     {"/sip mina", "/sip mine"},
	"ex.away":     {"/sip borta 2026-12-21 2027-01-06 ersättare=malmo-bistand-omar  ·  /sip borta  ·  /sip tillbaka", "/sip away 2026-12-21 2027-01-06 substitute=malmo-bistand-omar  ·  /sip away  ·  /sip back"},
	"ex.back":     {"/sip tillbaka", "/sip back"},

	// Absences reported from chat (issue 19): the directory's overlay.
	"err.away.unlinked":       {"Bara den som finns i katalogen kan anmäla sin egen frånvaro, och ditt konto är inte kopplat till någon kontakt där.", "Only a person in the directory can report their own absence, and your account is not linked to a contact there."},
	"err.away.dates":          {"Skriv från- och till-datum som ÅÅÅÅ-MM-DD (eller bara till-datum från i dag).", "Give the first and last day as YYYY-MM-DD (or only the last day, from today)."},
	"err.away.order":          {"Frånvaron kan inte sluta (%[2]s) före den börjar (%[1]s).", "The absence cannot end (%[2]s) before it begins (%[1]s)."},
	"err.away.past":           {"%s har redan varit.", "%s has already passed."},
	"err.away.long":           {"Längre frånvaro än %d dagar anmäls i katalogen, inte i chatten.", "An absence longer than %d days goes in the directory file, not chat."},
	"err.away.subunknown":     {"Hittar ingen kontakt %q i katalogen. Skriv kontakt-id (se /sip sök) eller @användare.", "No contact %q in the directory. Give a contact id (see /sip search) or @user."},
	"err.away.subself":        {"Du kan inte vara din egen ersättare.", "You cannot be your own substitute."},
	"err.away.subunit":        {"%s kan inte ersätta dig: ersättaren ska finnas på din enhet eller på en enhet i samma organisation med samma vårdnivå.", "%s cannot stand in for you: the substitute must be of your unit or of a unit of the same organisation with the same care level."},
	"err.away.subunreachable": {"%s går inte att nå från Samla, så hen kan inte få beskedet. Välj någon annan.", "%s cannot be reached from Samla and would not be told. Choose someone else."},
	"err.away.subnodates":     {"Ange datum för frånvaron tillsammans med ersättare=.", "Give the dates of the absence with substitute=."},
	"away.set":                {"Din frånvaro %s–%s är anmäld. Kallelser och påminnelser går till din ersättare under den tiden.", "Your absence %s–%s is recorded. Invitations and reminders go to your substitute in that time."},
	"away.set.sub":            {"Ersättare: %s (har fått besked).", "Substitute: %s (has been told)."},
	"away.set.nosub":          {"Ingen ersättare angiven: enhetens väg in tar emot kallelser till dig.", "No substitute given: your unit's entry point receives invitations for you."},
	"away.told":               {"%s har anmält att hen är borta %s–%s och har angett dig som ersättare: kallelser till SIP som skulle ha gått till hen kommer till dig.", "%s is away %s–%s and named you as substitute: SIP invitations that would have gone to them come to you."},
	"away.told.back":          {"%s är tillbaka; du är inte längre ersättare.", "%s is back; you are no longer their substitute."},
	"away.mine.chat":          {"Du är borta %s–%s (anmält i chatten)", "You are away %s–%s (reported in chat)"},
	"away.mine.file":          {"Du är borta %s–%s (enligt katalogfilen; ändras av den som förvaltar katalogen)", "You are away %s–%s (in the directory file; changed by its maintainers)"},
	"away.mine.sub":           {"ersättare %s", "substitute %s"},
	"away.mine.none":          {"Du har ingen frånvaro anmäld. Anmäl med /sip borta 2026-12-21 2027-01-06 [ersättare=KONTAKT-ID].", "You have no absence recorded. Report one with /sip away 2026-12-21 2027-01-06 [substitute=CONTACT-ID]."},
	"away.back":               {"Välkommen tillbaka: kallelser går till dig igen.", "Welcome back: invitations come to you again."},
	"away.back.none":          {"Du har ingen frånvaro anmäld i chatten.", "You have no absence reported in chat."},

	// Replies.
	"ok.new":           {"Ärende *%s* skapat: %s, %d år, parter: %s.", "Case *%s* opened: %s, age %d, parties: %s."},
	"ok.consent":       {"Samtycke registrerat för %s (%s).", "Consent recorded for %s (%s)."},
	"ok.withdraw":      {"Samtycket för %s är återkallat. Kallelser som var i gång är återtagna och mottagarna har fått besked, utan detaljer.", "Consent for %s is withdrawn. Invitations in play are cancelled and their recipients told, without detail."},
	"ok.meeting":       {"Mötet för %s: %s.", "The meeting for %s: %s."},
	"ok.proposed":      {"%s: %d tidsförslag skickas till de kallade när de bjuds in; välj sedan med /sip möte %[1]s välj N.", "%s: %d proposed times go to the invitees; then pick with /sip meeting %[1]s pick N."},
	"ok.invite":        {"Kallelser för %s:", "Invitations for %s:"},
	"ok.attending":     {"Tack! Du är anmäld till %s: %s.", "Thanks! You are down for %s: %s."},
	"ok.video":         {"Tack! Du deltar via video i %s: %s.", "Thanks! You join %s by video: %s."},
	"ok.declined":      {"Noterat att du inte kan delta i %s. Den som kallar har fått besked.", "Noted that you cannot take part in %s. The convener has been told."},
	"ok.delegated":     {"%s har fått kallelsen i ditt ställe (%s).", "%s has been invited in your place (%s)."},
	"ok.voted":         {"Noterat: förslag %d (%s) passar dig.", "Noted: proposal %d (%s) suits you."},
	"ok.unvoted":       {"Noterat: förslag %d (%s) passar dig inte.", "Noted: proposal %d (%s) does not suit you."},
	"ok.followup":      {"Uppföljning för %s: %s.", "Follow-up for %s: %s."},
	"ok.close":         {"%s är avslutat (%s).", "%s is ended (%s)."},
	"close.followup":   {"Uppföljningen %s är struken och påminnelserna om den är stoppade.", "The follow-up on %s is cancelled and its reminders stopped."},
	"ok.held":          {"Mötet för %s är registrerat som hållet %s.", "The meeting for %s is recorded as held on %s."},
	"ok.established":   {"Planen för %s är upprättad. Uppföljning %s; övergripande ansvar: %s. Parterna har fått besked.", "The plan for %s is established. Follow-up on %s; overall responsibility: %s. The parties have been told."},
	"ok.followup.held": {"Uppföljningen av %s är registrerad (%s).", "The follow-up of %s is recorded (%s)."},
	"ok.unchanged":     {"Ditt svar är redan registrerat.", "Your answer is already recorded."},
	"ok.lang":          {"Samla svarar dig nu på svenska.", "Samla now answers you in English."},
	"ok.shared":        {"Dagordningen skickades till %d deltagare.", "The agenda was sent to %d participants."},
	"note.unknown":     {"(Du finns inte i kontaktkatalogen. Du kan kalla och söka, men andra hittar dig inte via katalogen.)", "(You are not in the contact directory. You can convene and search, but others cannot find you through it.)"},
	"note.declined":    {"%s kan inte delta för %s: %s. Bjud in någon annan: /sip bjud %s %s", "%s cannot take part for %s: %s. Invite someone else: /sip invite %s %s"},
	"note.delegated":   {"%s (%s) skickar %s i sitt ställe, %s.\n%s", "%s (%s) sends %s in their place, %s.\n%s"},

	// Next steps.
	"next.consent":       {"Nästa steg: registrera samtycke: /sip samtycke %s %s", "Next: record consent: /sip consent %s %s"},
	"hint.consent.minor": {"skriftligt av=vårdnadshavare", "written by=guardian"},
	"hint.consent.adult": {"skriftligt av=individen", "written by=individual"},
	"next.meeting":       {"Nästa steg: sätt en tid: /sip möte %s 2026-12-10 13:00 video (eller förslag …)", "Next: set a time: /sip meeting %s 2026-12-10 13:00 video (or propose …)"},
	"next.pick":          {"Nästa steg: välj en tid: /sip möte %s välj N", "Next: pick a time: /sip meeting %s pick N"},
	"next.invite":        {"Nästa steg: kalla parterna: /sip bjud %s", "Next: invite the parties: /sip invite %s"},
	"next.wait":          {"Väntar på svar från de kallade.", "Waiting for answers from the invitees."},
	"next.replace":       {"Nästa steg: någon har tackat nej – bjud in en annan: /sip bjud %s PART", "Next: someone declined – invite another: /sip invite %s PARTY"},
	"next.plan":          {"Nästa steg: fyll i planen: /sip plan %s", "Next: complete the plan: /sip plan %s"},
	"next.none":          {"Inget att göra just nu.", "Nothing to do for now."},
	"next.held":          {"Nästa steg: när mötet är hållet: /sip möte %s hållet", "Next: once the meeting is held: /sip meeting %s held"},
	"next.establish":     {"Nästa steg: upprätta planen: /sip plan %s klar", "Next: establish the plan: /sip plan %s done"},
	"next.followup":      {"Nästa: uppföljning %[2]s (påminnelse en vecka före och samma dag); registrera den när den är hållen: /sip uppföljning %[1]s hållen", "Next: follow-up on %[2]s (reminders a week before and on the day); record it once held: /sip followup %[1]s held"},
	"next.nextfollowup":  {"Nästa steg: sätt nästa uppföljningsdatum: /sip uppföljning %[1]s ÅÅÅÅ-MM-DD – eller avsluta SIP:en: /sip avsluta %[1]s orsak=behov-tillgodosedda", "Next: set the next follow-up date: /sip followup %[1]s YYYY-MM-DD – or end the SIP: /sip close %[1]s reason=needs-met"},

	// Invitations and notices.
	"inv.title":             {"Kallelse till SIP-möte · %s", "Invitation to a SIP meeting · %s"},
	"inv.text":              {"%s%s kallar er (%s) till ett möte om en samordnad individuell plan (SIP).", "%s%s invites you (%s) to a coordinated individual plan (SIP) meeting."},
	"inv.private":           {"_Mer om behoven finns i ärendets rum när du har tackat ja._", "_More about the needs is in the case room once you accept._"},
	"b.attend":              {"Jag kommer", "I'll attend"},
	"b.video":               {"Via video", "By video"},
	"b.decline":             {"Kan inte", "Can't attend"},
	"b.delegate":            {"Skickar ersättare", "Sending a substitute"},
	"b.vote":                {"Passar: %d) %s", "Suits me: %d) %s"},
	"b.pick":                {"Välj %d", "Pick %d"},
	"b.agenda":              {"Föreslå dagordning", "Suggest an agenda"},
	"b.share":               {"Dela med deltagarna", "Share with participants"},
	"b.edit":                {"Redigera", "Edit"},
	"b.agenda.send":         {"Skicka till språkmodellen", "Send to the language model"},
	"b.agenda.template":     {"Använd mallen", "Use the template"},
	"p.decline.title":       {"Kan inte delta", "Cannot attend"},
	"p.decline.label":       {"Skäl (syns för den som kallar)", "Reason (shown to the convener)"},
	"p.delegate.title":      {"Skicka ersättare", "Send a substitute"},
	"p.delegate.label":      {"Vem går i ditt ställe?", "Who goes in your place?"},
	"p.delegate.mandate":    {"Med mandat att fatta beslut", "With a mandate to decide"},
	"p.edit.title":          {"Redigera dagordningen", "Edit the agenda"},
	"p.edit.label":          {"Ny dagordning", "New agenda"},
	"mandate.with":          {"med mandat att fatta beslut", "with a mandate to decide"},
	"mandate.without":       {"utan mandat att fatta beslut", "without a mandate to decide"},
	"route.self":            {"sammankallande", "convener"},
	"reason.self":           {"Du som kallar företräder själv parten.", "You, the convener, represent this party."},
	"invite.self":           {"%s → du själv (du företräder parten och är anmäld).", "%s → yourself (you represent this party and are down as attending)."},
	"reason.named":          {"Utsedd direkt av den som kallar.", "Chosen directly by the convener."},
	"reason.delegated":      {"Skickad som ersättare av %s, %s.", "Sent as substitute by %s, %s."},
	"cancel.title":          {"Kallelsen är återtagen · %s", "Invitation withdrawn · %s"},
	"cancel.text":           {"Kallelsen till %s är återtagen. Du behöver inte göra något.", "The invitation to %s is withdrawn. You need not do anything."},
	"closed.text":           {"%s är avslutat. Tack för din medverkan.", "%s is ended. Thank you for taking part."},
	"closed.unanswered":     {"%s är avslutat. Kallelsen gäller inte längre; du behöver inte göra något.", "%s is ended. The invitation no longer applies; you need not do anything."},
	"est.title":             {"Planen är upprättad · %s", "The plan is established · %s"},
	"est.text":              {"Planen för %s är upprättad. Uppföljning: %s. Övergripande ansvar: %s.", "The plan for %s is established. Follow-up: %s. Overall responsibility: %s."},
	"inv.answer":            {"*Ditt svar:* %s · %s", "*Your answer:* %s · %s"},
	"inv.ans.attending":     {"✓ kommer", "✓ attending"},
	"inv.ans.video":         {"✓ kommer (via video)", "✓ attending (by video)"},
	"inv.ans.declined":      {"✗ kan inte", "✗ cannot attend"},
	"inv.ans.reason":        {"✗ kan inte – %s", "✗ cannot attend – %s"},
	"inv.ans.delegated":     {"Du skickade %s, %s", "You sent %s, %s"},
	"inv.ans.change":        {"_Du kan ändra ditt svar med knapparna nedan._", "_You can change your answer with the buttons below._"},
	"inv.cancelled":         {"*Kallelsen är återtagen.* Du behöver inte göra något.", "*The invitation was withdrawn.* You need not do anything."},
	"inv.closed":            {"*Ärendet är avslutat.* Kallelsen gäller inte längre.", "*The case is closed.* The invitation no longer applies."},
	"mtg.title":             {"Ny tid · %s", "New time · %s"},
	"mtg.text":              {"Tiden för %s: %s.", "The time for %s: %s."},
	"mtg.video":             {"via video", "by video"},
	"mtg.proposal":          {"förslag:", "proposed:"},
	"mtg.none":              {"inte bestämd än", "not set yet"},
	"f.kommun":              {"Kommun", "Kommun"},
	"f.ageband":             {"Åldersgrupp", "Age group"},
	"f.parties":             {"Parter", "Parties"},
	"f.when":                {"Tid", "Time"},
	"f.why":                 {"Varför du", "Why you"},
	"f.consent":             {"Samtycke", "Consent"},
	"f.plan":                {"Plan", "Plan"},
	"f.needs":               {"Behov", "Needs"},
	"channel.slack":         {"Slack", "Slack"},
	"channel.mattermost":    {"Mattermost", "Mattermost"},
	"channel.email":         {"e-post", "e-mail"},
	"channel.phone":         {"telefon", "phone"},
	"channel.none":          {"ingen kanal", "no channel"},
	"invite.sent":           {"%s → %s%s via %s. _%s_", "%s → %s%s via %s. _%s_"},
	"invite.manual":         {"%s → %s%s: nås bara via %s – kontakta personligen: %s. _%s_", "%s → %s%s: reachable only by %s – contact them personally: %s. _%s_"},
	"invite.already":        {"%s: %s är redan kallad.", "%s: %s is already invited."},
	"invite.unreachable":    {"%s går inte att nå via katalogen.", "%s cannot be reached through the directory."},
	"invite.nomatch":        {"%s: ingen kontakt hittades.", "%s: no contact found."},
	"invite.alldeclined":    {"(Alla som hittades har redan tackat nej – bjud in en kontakt direkt: /sip bjud REF KONTAKT-ID.)", "(Everyone found has declined – invite a contact directly: /sip invite REF CONTACT-ID.)"},
	"withdraw.manual":       {"Kontakta personligen och meddela att kallelsen är återtagen: %s", "Contact personally to say the invitation is withdrawn: %s"},
	"consent.form.written":  {"skriftligt", "written"},
	"consent.form.oral":     {"muntligt", "oral"},
	"consent.form.none":     {"form ej angiven", "form not stated"},
	"consent.guardians":     {"av vårdnadshavare", "by the guardians"},
	"consent.by":            {"av %s", "by %s"},
	"consent.scope":         {"Omfattar: %s", "Covers: %s"},
	"consent.bothguardians": {"⚠ Samtycke från en vårdnadshavare: för ett barn behövs normalt båda. Registrera den andra: /sip samtycke %s skriftligt av=vårdnadshavare2", "⚠ Consent from one guardian: a child normally needs both. Record the other: /sip consent %s written by=guardian2"},
	"consent.ownview":       {"ℹ Från 15 år väger den unges egen inställning tungt. Registrera den unges samtycke: /sip samtycke %s av=individen", "ℹ From 15 the young person's own view weighs heavily. Record their consent: /sip consent %s by=individual"},
	"giver.individual":      {"den enskilde", "the individual"},
	"giver.guardian":        {"vårdnadshavare", "guardian"},
	"giver.guardian2":       {"vårdnadshavare 2", "guardian 2"},
	"giver.god-man":         {"god man", "god man (trustee)"},
	"giver.forvaltare":      {"förvaltare", "förvaltare (administrator)"},
	"invite.outofscope":     {"%[1]s: utanför samtycket – ingen kallelse. Utöka samtycket först: /sip samtycke %[2]s parter=%[3]s", "%[1]s: outside the consent – not invited. Extend the consent first: /sip consent %[2]s parties=%[3]s"},

	// Status.
	"age.years":                {"%d år", "age %d"},
	"st.invited":               {"Kallade", "Invited"},
	"st.noinvites":             {"Ingen kallad än.", "Nobody invited yet."},
	"st.missing":               {"Saknas: %s", "Missing: %s"},
	"st.notinvited":            {"inte kallad", "not invited"},
	"st.declinednoreplacement": {"tackade nej, ingen ersättare", "declined, no replacement"},
	"st.answeredby":            {"(svar från %s)", "(answered by %s)"},
	"st.nomandate":             {"⚠ %s företräds av %s utan mandat att fatta beslut – stäm av före mötet.", "⚠ %s is represented by %s without a mandate to decide – check before the meeting."},
	"st.next":                  {"➜ %s", "➜ %s"},
	"st.noconsent":             {"inte registrerat – inget skickas", "not recorded – nothing is sent"},
	"st.plan":                  {"%d av %d punkter klara", "%d of %d items done"},
	"st.slot":                  {"%d) %s – %d passar", "%d) %s – suits %d"},
	"st.closed":                {"*Avslutat* %s av %s", "*Ended* %s by %s"},
	"f.participation":          {"Deltar", "Taking part"},
	"part.none":                {"inte angivet (/sip deltar REF individen ja)", "not recorded (/sip participates REF individual yes)"},
	"part.individual.yes":      {"den enskilde deltar", "the individual takes part"},
	"part.individual.no":       {"den enskilde deltar inte", "the individual does not take part"},
	"part.relative.yes":        {"närstående deltar", "relatives take part"},
	"part.relative.no":         {"närstående deltar inte", "relatives do not take part"},
	"part.guardian.yes":        {"vårdnadshavare deltar", "guardians take part"},
	"part.guardian.no":         {"vårdnadshavare deltar inte", "guardians do not take part"},
	"part.god-man.yes":         {"god man deltar", "the god man takes part"},
	"part.god-man.no":          {"god man deltar inte", "the god man does not take part"},
	"ok.participates":          {"Deltagande i %s: %s.", "Taking part in %s: %s."},
	"plan.participation":       {"Deltar", "Taking part"},
	"plan.receipt":             {"Den enskilde har fått planen", "The individual has the plan"},
	"plan.received":            {"mottagen %s", "received %s"},
	"plan.notreceived":         {"inte än (/sip plan REF mottagen ÅÅÅÅ-MM-DD digitalt|papper)", "not yet (/sip plan REF received YYYY-MM-DD digital|paper)"},
	"received.digital":         {"digitalt", "digitally"},
	"received.paper":           {"på papper", "on paper"},
	"err.participant":          {"Okänt %q: ange individen, närstående, vårdnadshavare eller god-man (och ja eller nej).", "Unknown %q: say individual, relative, guardian or god-man (and yes or no)."},
	"err.receiptform":          {"Okänt %q: ange digitalt eller papper.", "Unknown %q: say digital or paper."},
	"ex.participates":          {"/sip deltar SIP-7K3QF2 individen ja  ·  /sip deltar SIP-7K3QF2 närstående nej", "/sip participates SIP-7K3QF2 individual yes  ·  /sip participates SIP-7K3QF2 relative no"},
	"f.stage":                  {"Skede", "Stage"},
	"stage.convening":          {"kallelse pågår", "convening"},
	"stage.meeting_booked":     {"möte bokat", "meeting booked"},
	"stage.meeting_held":       {"möte hållet", "meeting held"},
	"stage.plan_established":   {"plan upprättad", "plan established"},
	"stage.followed_up":        {"uppföljd", "followed up"},
	"stage.ended":              {"avslutad", "ended"},
	"stage.nextfollowup":       {"uppföljning %s", "follow-up %s"},
	"cause.needs-met":          {"behoven är tillgodosedda", "needs met"},
	"cause.consent-withdrawn":  {"samtycket återkallat", "consent withdrawn"},
	"cause.moved":              {"flyttat", "moved"},
	"cause.other":              {"annat", "other"},
	"state.pending":            {"⏳ inget svar än", "⏳ no answer yet"},
	"state.manual":             {"☎ kontakta personligen", "☎ contact personally"},
	"undeliv.title":            {"E-post kom inte fram: *%s*", "E-mail not delivered: *%s*"},
	"undeliv.text":             {"%s → %s%s kunde inte nås med e-post (adressen tar inte emot). Kontakta personligen: %s", "%s → %s%s could not be reached by e-mail (the address does not accept mail). Contact them personally: %s"},
	"state.attending":          {"✓ kommer", "✓ attending"},
	"state.video":              {"✓ via video", "✓ by video"},
	"state.declined":           {"✗ kan inte: %s", "✗ cannot: %s"},
	"state.delegated":          {"↪ skickar %s (%s)", "↪ sends %s (%s)"},
	"state.cancelled":          {"– återtagen", "– withdrawn"},

	// Mine, log, plan.
	"mine.none":          {"Du har inga öppna SIP-ärenden.", "You have no open SIP cases."},
	"mine.title":         {"Dina öppna ärenden (%d), det som behöver göras först:", "Your open cases (%d), most urgent first:"},
	"mine.convener":      {"du kallar", "you convene"},
	"mine.invited":       {"du är kallad", "you are invited"},
	"log.title":          {"*Logg för %s*", "*Log for %s*"},
	"plan.title":         {"Plan för %s – %d av %d klara", "Plan for %s – %d of %d done"},
	"plan.established":   {"upprättad %s", "established %s"},
	"plan.goals":         {"Den enskildes mål, med egna ord", "The individual's goals, in their own words"},
	"plan.nogoals":       {"inga angivna än", "none given yet"},
	"plan.needs":         {"Behov", "Needs"},
	"plan.efforts":       {"Insatser av huvudmännen", "Efforts by each huvudman"},
	"plan.nohuvudman":    {"ingen huvudman bland parterna", "no huvudman among the parties"},
	"plan.measures":      {"Åtgärder av andra", "Measures by others"},
	"plan.nomeasures":    {"inga (angivet)", "none (stated)"},
	"plan.unattributed":  {"utan angiven part", "no party given"},
	"plan.followup.held": {"uppföljning hållen %s", "follow-up held %s"},
	"plan.notset":        {"inte angivet", "not set"},
	"plan.responsible":   {"Övergripande ansvar", "Overall responsibility"},
	"plan.followup":      {"Uppföljningsdatum", "Follow-up date"},
	"plan.next":          {"Kallar till nästa möte", "Convenes the next meeting"},
	"plan.missing":       {"saknas", "missing"},
	"plan.howto": {"Fyll i: /sip plan %[1]s mål \"…\" · behov \"…\" · insats PART \"…\" · åtgärd PART \"…\" (eller åtgärd ingen) · ansvar=ENHET · nästa=ENHET · /sip uppföljning %[1]s ÅÅÅÅ-MM-DD",
		"Fill in: /sip plan %[1]s goal \"…\" · needs \"…\" · effort PARTY \"…\" · measure PARTY \"…\" (or measure none) · responsible=UNIT · next=UNIT · /sip followup %[1]s YYYY-MM-DD"},

	// Directory look-ups.
	"who.title":    {"Vem når man för %s i %s:", "Who to reach for %s in %s:"},
	"who.none":     {"Ingen kontakt hittades.", "No contact found."},
	"search.title": {"Sökträffar för %q:", "Search results for %q:"},
	"search.none":  {"Inga träffar för %q.", "No results for %q."},

	// Agenda.
	"agenda.off":           {"Dagordningsstödet är inte påslaget här.", "The agenda step is not configured here."},
	"agenda.title":         {"Förslag till dagordning · %s", "Draft agenda · %s"},
	"agenda.email":         {"Det finns en dagordning för %s. Den skickas inte med e-post; fråga %s.", "There is an agenda for %s. It is not sent by e-mail; ask %s."},
	"agenda.model":         {"Utkast från språkmodell – granska innan du delar.", "Drafted by a language model – review before sharing."},
	"agenda.template":      {"Utkast från mall.", "Drafted from the template."},
	"agenda.preview.title": {"Skicka till språkmodellen? · %s", "Send to the language model? · %s"},
	"agenda.preview": {"Detta är exakt vad som skickas till språkmodellen; «…» visar vad Samla har ersatt:\n\n%s\n\nSkicka till språkmodellen?",
		"This is exactly what goes to the language model; «…» shows what Samla replaced:\n\n%s\n\nSend to the language model?"},

	// Timeline events.
	"ev.created":                   {"ärendet skapat (%s, %s år, %s)", "case opened (%s, age %s, %s)"},
	"ev.consent":                   {"samtycke registrerat (%s)", "consent recorded (%s)"},
	"ev.withdrawn":                 {"samtycket återkallat", "consent withdrawn"},
	"ev.meeting":                   {"mötestid satt: %s", "meeting set: %s"},
	"ev.proposed":                  {"%s tidsförslag", "%s times proposed"},
	"ev.picked":                    {"tid vald: %s", "time picked: %s"},
	"ev.invited":                   {"kallelse %s → %s (%s)", "invitation %s → %s (%s)"},
	"ev.rsvp.attending":            {"kommer (%s)", "attending (%s)"},
	"ev.rsvp.video":                {"deltar via video (%s)", "joins by video (%s)"},
	"ev.rsvp.declined":             {"kan inte (%s): %s", "cannot attend (%s): %s"},
	"ev.rsvp.delegated":            {"skickar ersättare (%s): %s, %s", "sends substitute (%s): %s, %s"},
	"ev.vote":                      {"röstade på förslag %s", "voted for proposal %s"},
	"ev.plan.effort":               {"insats angiven för %s", "effort set for %s"},
	"ev.plan.effort.removed":       {"insats borttagen för %s", "effort removed for %s"},
	"ev.plan.measure":              {"åtgärd tillagd", "measure added"},
	"ev.plan.measure.removed":      {"åtgärd %s borttagen", "measure %s removed"},
	"ev.plan.responsible":          {"övergripande ansvar: %s", "overall responsibility: %s"},
	"ev.plan.next":                 {"kallar nästa gång: %s", "convenes next time: %s"},
	"ev.followup":                  {"uppföljning: %s", "follow-up: %s"},
	"ev.closed":                    {"avslutat %s", "closed %s"},
	"ev.ended":                     {"avslutat: %s %s", "ended: %s %s"},
	"ev.participates":              {"deltagande: %s", "taking part: %s"},
	"ev.plan.received":             {"planen mottagen av den enskilde %s%s", "plan received by the individual %s%s"},
	"ev.held":                      {"mötet hållet %s", "meeting held %s"},
	"ev.established":               {"planen upprättad (uppföljning %s, ansvar %s)", "plan established (follow-up %s, responsible %s)"},
	"ev.followup.held":             {"uppföljning hållen %s", "follow-up held %s"},
	"ev.plan.goal":                 {"mål tillagt", "goal added"},
	"ev.plan.goal.removed":         {"mål %s borttaget", "goal %s removed"},
	"ev.plan.need":                 {"behov tillagt", "need added"},
	"ev.plan.need.removed":         {"behov %s borttaget", "need %s removed"},
	"ev.plan.othermeasure":         {"åtgärd angiven för %s", "measure set for %s"},
	"ev.plan.othermeasure.removed": {"åtgärd borttagen för %s", "measure removed for %s"},
	"ev.plan.nomeasures":           {"inga åtgärder av andra", "no measures by others"},
	"ev.agenda.approved":           {"text till språkmodellen godkänd (sha256 %s)", "text for the language model approved (sha256 %s)"},
	"ev.agenda.drafted":            {"dagordning föreslagen", "agenda drafted"},
	"ev.agenda.edited":             {"dagordning redigerad", "agenda edited"},
	"ev.agenda.shared":             {"dagordning delad med %s", "agenda shared with %s"},

	"help": {`*Samla – kommandon för SIP*
• /sip ny kommun=Lund ålder=14 parter=bup,skola,socialtjanst-barn [behov="…"] – öppna ett ärende (aldrig namn eller personnummer)
• /sip samtycke REF skriftligt|muntligt av=individen|vårdnadshavare|vårdnadshavare2|god-man|förvaltare [parter=…] – registrera samtycke och vilka parter det gäller (inget skickas innan)
• /sip återkalla REF – samtycket återkallat: kallelser tas tillbaka
• /sip möte REF 2026-12-10 13:00 [längd=60] [video|plats="…"|båda] [bekräfta] – sätt eller flytta tiden
• /sip möte REF förslag 2026-12-10T13:00 2026-12-11T09:00 – föreslå upp till 3 tider · /sip möte REF välj 2
• /sip möte REF hållet [2026-12-10] – mötet är hållet (även i efterhand)
• /sip bjud REF [PART|KONTAKT-ID …] [kommun=…] – kalla parterna via katalogen (kommun= för parter i en annan kommun)
• /sip status REF · /sip mina · /sip logg REF
• /sip plan REF – planen; fyll i med: mål "…" (den enskildes ord) · behov "…" · insats PART "…" (huvudman; - tar bort) · åtgärd PART "…" eller åtgärd ingen · ansvar=ENHET · nästa=ENHET
• /sip deltar REF individen|närstående|vårdnadshavare|god-man [ja|nej] – vem som deltar · /sip plan REF mottagen 2026-12-14 digitalt|papper
• /sip plan REF klar – upprätta planen · /sip uppföljning REF 2027-03-01 · /sip uppföljning REF hållen
• /sip avsluta REF orsak=behov-tillgodosedda|samtycke-återkallat|flyttat|annat – avsluta SIP:en
• /sip agenda REF – förslag till dagordning
• /sip vem bup Lund 14 · /sip sök kurator eslöv · /sip språk sv|en
• /sip borta 2026-12-21 2027-01-06 [ersättare=KONTAKT-ID|@användare] – anmäl din frånvaro · /sip borta · /sip tillbaka
Parter: bup, vuxenpsykiatri, primarvard, slutenvard, habilitering, beroendevard, hemsjukvard, hemtjanst, aldreomsorg, lss, socialtjanst-barn, socialtjanst-vuxen, ekonomiskt-bistand, skola, elevhalsa, forskola, sis, hvb, forsakringskassan, arbetsformedlingen, kriminalvarden`,
		`*Samla – SIP commands*
• /sip new kommun=Lund age=14 parties=bup,skola,socialtjanst-barn [needs="…"] – open a case (never a name or personal number)
• /sip consent REF written|oral by=individual|guardian|guardian2|god-man|forvaltare [parties=…] – record consent and the parties it covers (nothing is sent before)
• /sip withdraw REF – consent withdrawn: invitations are cancelled
• /sip meeting REF 2026-12-10 13:00 [length=60] [video|place="…"|both] [confirm] – set or move the time
• /sip meeting REF propose 2026-12-10T13:00 2026-12-11T09:00 – propose up to 3 times · /sip meeting REF pick 2
• /sip meeting REF held [2026-12-10] – the meeting was held (also afterwards)
• /sip invite REF [PARTY|CONTACT-ID …] [kommun=…] – invite the parties through the directory (kommun= for parties in another kommun)
• /sip status REF · /sip mine · /sip log REF
• /sip plan REF – the plan; fill it with: goal "…" (the individual's words) · needs "…" · effort PARTY "…" (huvudman; - removes) · measure PARTY "…" or measure none · responsible=UNIT · next=UNIT
• /sip participates REF individual|relative|guardian|god-man [yes|no] – who takes part · /sip plan REF received 2026-12-14 digital|paper
• /sip plan REF done – establish the plan · /sip followup REF 2027-03-01 · /sip followup REF held
• /sip close REF reason=needs-met|consent-withdrawn|moved|other – end the SIP
• /sip agenda REF – draft agenda
• /sip who bup Lund 14 · /sip search kurator eslöv · /sip lang sv|en
• /sip away 2026-12-21 2027-01-06 [substitute=CONTACT-ID|@user] – report your absence · /sip away · /sip back
Parties: bup, vuxenpsykiatri, primarvard, slutenvard, habilitering, beroendevard, hemsjukvard, hemtjanst, aldreomsorg, lss, socialtjanst-barn, socialtjanst-vuxen, ekonomiskt-bistand, skola, elevhalsa, forskola, sis, hvb, forsakringskassan, arbetsformedlingen, kriminalvarden`},
}
