package sip

import (
	"strings"

	"github.com/samla-sip/samla/internal/i18n"
)

// t renders catalogue entry id in lang with args. A missing id renders as
// "!id" (TestCatalogueComplete checks every id used exists).
func t(lang, id string, args ...any) string { return catalogue.T(i18n.Lang(lang), id, args...) }

// reason is why the invitee was chosen, in lang.
func (in *Invitation) reason(lang string) string {
	return i18n.Text{Sv: in.ReasonSV, En: in.ReasonEN}.In(i18n.Lang(lang))
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

// weekdayIDs and monthIDs name the short weekday and month names.
var (
	weekdayIDs = [...]string{"wd.sun", "wd.mon", "wd.tue", "wd.wed", "wd.thu", "wd.fri", "wd.sat"}
	monthIDs   = [...]string{"mon.jan", "mon.feb", "mon.mar", "mon.apr", "mon.may", "mon.jun",
		"mon.jul", "mon.aug", "mon.sep", "mon.oct", "mon.nov", "mon.dec"}
)

var catalogue = i18n.Catalogue{
	"wd.sun": {Sv: "sön", En: "Sun"}, "wd.mon": {Sv: "mån", En: "Mon"}, "wd.tue": {Sv: "tis", En: "Tue"},
	"wd.wed": {Sv: "ons", En: "Wed"}, "wd.thu": {Sv: "tor", En: "Thu"}, "wd.fri": {Sv: "fre", En: "Fri"},
	"wd.sat":  {Sv: "lör", En: "Sat"},
	"mon.jan": {Sv: "jan", En: "Jan"}, "mon.feb": {Sv: "feb", En: "Feb"}, "mon.mar": {Sv: "mar", En: "Mar"},
	"mon.apr": {Sv: "apr", En: "Apr"}, "mon.may": {Sv: "maj", En: "May"}, "mon.jun": {Sv: "jun", En: "Jun"},
	"mon.jul": {Sv: "jul", En: "Jul"}, "mon.aug": {Sv: "aug", En: "Aug"}, "mon.sep": {Sv: "sep", En: "Sep"},
	"mon.oct": {Sv: "okt", En: "Oct"}, "mon.nov": {Sv: "nov", En: "Nov"}, "mon.dec": {Sv: "dec", En: "Dec"},

	// The case room (issue 13): chat carries a link, never the needs.
	"b.room":              {Sv: "Öppna ärendet", En: "Open the case"},
	"room.link":           {Sv: "Öppna ärendet: %s (gäller i några minuter, en gång)", En: "Open the case: %s (valid for a few minutes, once)"},
	"plan.inroom":         {Sv: "ifylld (texten finns i ärendets rum)", En: "filled in (the text is in the case room)"},
	"plan.measuresinroom": {Sv: "%d (texten finns i ärendets rum)", En: "%d (the text is in the case room)"},
	"agenda.room":         {Sv: "Förslaget finns i ärendets rum.", En: "The draft is in the case room."},
	"agenda.preview.room": {Sv: "Texten som skulle skickas till språkmodellen, med det Samla har ersatt markerat, finns i ärendets rum. Läs den där först. Skicka till språkmodellen?", En: "The text that would be sent to the language model, with what Samla replaced marked, is in the case room. Read it there first. Send it to the language model?"},
	"agenda.shared.room":  {Sv: "%s: %s har delat ett förslag till dagordning. Det finns i ärendets rum.", En: "%s: %s has shared a draft agenda. It is in the case room."},
	"room.here":           {Sv: "finns i ärendets rum", En: "in the case room"},
	"room.more":           {Sv: "Behov, mål och planens text finns i ärendets rum.", En: "Needs, goals and the plan's text are in the case room."},
	// Care levels.
	"care.bup":                {Sv: "BUP", En: "BUP child psychiatry"},
	"care.vuxenpsykiatri":     {Sv: "Vuxenpsykiatri", En: "Adult psychiatry"},
	"care.primarvard":         {Sv: "Primärvård", En: "Primary care"},
	"care.slutenvard":         {Sv: "Slutenvård", En: "Hospital care"},
	"care.habilitering":       {Sv: "Habilitering", En: "Habilitation"},
	"care.beroendevard":       {Sv: "Beroendevård", En: "Addiction care"},
	"care.hemsjukvard":        {Sv: "Hemsjukvård", En: "Home health care"},
	"care.hemtjanst":          {Sv: "Hemtjänst", En: "Home care"},
	"care.aldreomsorg":        {Sv: "Äldreomsorg", En: "Elderly care"},
	"care.lss":                {Sv: "LSS", En: "LSS disability support"},
	"care.socialtjanst-barn":  {Sv: "Socialtjänst barn", En: "Children's social services"},
	"care.socialtjanst-vuxen": {Sv: "Socialtjänst vuxen", En: "Adult social services"},
	"care.ekonomiskt-bistand": {Sv: "Ekonomiskt bistånd", En: "Financial assistance"},
	"care.skola":              {Sv: "Skola", En: "School"},
	"care.elevhalsa":          {Sv: "Elevhälsa", En: "Pupil health"},
	"care.forskola":           {Sv: "Förskola", En: "Preschool"},
	"care.sis":                {Sv: "SiS", En: "SiS youth home"},
	"care.hvb":                {Sv: "HVB", En: "HVB residential care"},
	"care.forsakringskassan":  {Sv: "Försäkringskassan", En: "Social Insurance Agency"},
	"care.arbetsformedlingen": {Sv: "Arbetsförmedlingen", En: "Public Employment Service"},
	"care.kriminalvarden":     {Sv: "Kriminalvården", En: "Prison and Probation Service"},

	// Issue 12, problems 6–11: discharge SIP, meeting form and changes, absence.
	"err.type":            {Sv: "Okänd typ %q: ange typ=utskrivning för en SIP vid utskrivning från slutenvård, annars ingen typ.", En: "Unknown type %q: give type=discharge for a SIP at discharge from hospital, otherwise no type."},
	"err.notified":        {Sv: "%q är inget datum i formen 2026-12-01.", En: "%q is not a date like 2026-12-01."},
	"err.notified.type":   {Sv: "underrättelse= gäller bara en SIP vid utskrivning (typ=utskrivning).", En: "notified= applies only to a discharge SIP (type=discharge)."},
	"err.notified.future": {Sv: "Underrättelsen %s ligger i framtiden; ange dagen den kom.", En: "The notification %s is in the future; give the day it came."},
	"err.length":          {Sv: "%q är ingen möteslängd: ange minuter, %d–%d.", En: "%q is not a meeting length: give minutes, %d–%d."},
	"err.bothplace":       {Sv: "båda (på plats och via video) behöver en plats: plats=\"…\".", En: "both (in the room and by video) needs a place: place=\"…\"."},
	"err.offhours":        {Sv: "%s är %s. Vill du boka tiden ändå, skriv bekräfta efter tiden.", En: "%s is %s. To book it anyway, add confirm after the time."},
	"off.weekend":         {Sv: "på en helg", En: "on a weekend"},
	"off.holiday":         {Sv: "en helgdag (%s)", En: "a Swedish public holiday (%s)"},
	"off.hours":           {Sv: "utanför arbetstid (%s)", En: "outside working hours (%s)"},
	"ok.meeting.same":     {Sv: "Mötet för %s är redan %s; inget ändrat.", En: "The meeting for %s is already %s; nothing changed."},
	"ok.reset":            {Sv: "%d svar har återställts: de kallade behöver bekräfta den nya tiden eller platsen.", En: "%d answers were reset: the invitees need to confirm the new time or place."},
	"ok.offhours":         {Sv: "Obs: tiden är %s; bokad efter din bekräftelse.", En: "Note: the time is %s; booked as you confirmed."},
	"discharge.deadline":  {Sv: "SIP vid utskrivning: underrättelse %s, kallelsen ska gå ut inom %d arbetsdagar, senast %s.", En: "SIP at discharge: notified %s, the kallelse must go out within %d working days, by %s."},
	"discharge.sent":      {Sv: "SIP vid utskrivning: kallelsen gick ut %s (senast %s) ✓", En: "SIP at discharge: the kallelse went out %s (deadline %s) ✓"},
	"discharge.late":      {Sv: "SIP vid utskrivning: kallelsen gick ut %s, efter sista dagen %s.", En: "SIP at discharge: the kallelse went out %s, after the deadline %s."},
	"discharge.overdue":   {Sv: "SIP vid utskrivning: kallelsen skulle ha gått ut senast %s och har inte gått ut. Kalla nu: /sip bjud %s.", En: "SIP at discharge: the kallelse was due by %s and has not gone out. Invite now: /sip invite %s."},
	"mtg.minutes":         {Sv: "(%d min)", En: "(%d min)"},
	"mtg.both":            {Sv: "%s och via video", En: "%s and by video"},
	"mtg.changed":         {Sv: "Ändrat: %s.", En: "Changed: %s."},
	"mtg.reconfirm":       {Sv: "Tiden eller platsen är ändrad: bekräfta i kallelsen att du kommer.", En: "The time or place changed: please confirm in the invitation that you are coming."},
	"chg.time":            {Sv: "tiden (var %s)", En: "the time (was %s)"},
	"chg.place":           {Sv: "platsen (var %s)", En: "the place (was %s)"},
	"chg.noplace":         {Sv: "ingen plats", En: "no place"},
	"chg.form":            {Sv: "formen (var %s)", En: "the form (was %s)"},
	"chg.noform":          {Sv: "inte angiven", En: "not given"},
	"chg.length":          {Sv: "längden (var %d min)", En: "the length (was %d min)"},
	"inv.reconfirm":       {Sv: "*Tiden eller platsen är ändrad.* Bekräfta att du kommer, eller svara att du inte kan.", En: "*The time or place changed.* Please confirm that you are coming, or answer that you cannot."},
	"f.discharge":         {Sv: "Kallelse", En: "Kallelse"},
	"invite.about":        {Sv: "ℹ Enheten: _%s_", En: "ℹ The unit: _%s_"},
	"away.meeting":        {Sv: "⚠ %s är borta på mötesdagen (%s).", En: "⚠ %s is away on the meeting day (%s)."},
	"away.soon":           {Sv: "⚠ %s är borta %s, inom de kommande %d arbetsdagarna: välj en mötestid då hen är på plats, eller bjud någon annan.", En: "⚠ %s is away %s, within the coming %d working days: pick a meeting time when they are in, or invite someone else."},
	"away.open":           {Sv: "…", En: "…"},
	"state.reconfirm":     {Sv: "⏳ behöver bekräfta ny tid eller plats", En: "⏳ needs to confirm the new time or place"},
	"ev.discharge":        {Sv: "SIP vid utskrivning: underrättelse %s, kallelse senast %s", En: "SIP at discharge: notified %s, kallelse due by %s"},
	"ev.answers.reset":    {Sv: "%s svar återställda efter ändrad tid eller plats", En: "%s answers reset after a change of time or place"},

	// Parse and input errors.
	"err.encoding":                      {Sv: "Texten innehåller ogiltiga tecken.", En: "The text contains invalid characters."},
	"err.noverb":                        {Sv: "Kommandot ska börja med ett ord, t.ex. ny eller status.", En: "The command must start with a word such as new or status."},
	"err.verb":                          {Sv: "Okänt kommando %q.", En: "Unknown command %q."},
	"err.key":                           {Sv: "Okänd eller otillåten nyckel %q här.", En: "Unknown or unexpected key %q here."},
	"err.dupkey":                        {Sv: "Nyckeln %q står två gånger.", En: "The key %q is given twice."},
	"err.nokey":                         {Sv: "Ett likhetstecken saknar nyckel framför sig.", En: "An equals sign has no key before it."},
	"err.quote":                         {Sv: "Citattecken mitt i ett ord (vid %q) – sätt citattecken runt hela värdet.", En: "A quote inside a word (at %q) – put quotes around the whole value."},
	"err.afterquote":                    {Sv: "Efter ett citat måste det komma ett mellanslag.", En: "A closing quote must be followed by a space."},
	"err.unterminated":                  {Sv: "Ett citattecken avslutas aldrig.", En: "A quote is never closed."},
	"err.noref":                         {Sv: "Ärendereferensen saknas.", En: "The case reference is missing."},
	"err.ref":                           {Sv: "%q är ingen ärendereferens (de ser ut som SIP-7K3QF2).", En: "%q is not a case reference (they look like SIP-7K3QF2)."},
	"err.extra":                         {Sv: "Oväntat ord %q.", En: "Unexpected word %q."},
	"err.missing.kommun":                {Sv: "Kommun saknas.", En: "The kommun is missing."},
	"err.missing.age":                   {Sv: "Ålder saknas.", En: "The age is missing."},
	"err.missing.parties":               {Sv: "Parter saknas.", En: "The parties are missing."},
	"err.age":                           {Sv: "Åldern %q är inget heltal mellan 0 och 130.", En: "The age %q is not a whole number from 0 to 130."},
	"err.party":                         {Sv: "Okänd part %q (använd id:n som bup, skola, socialtjanst-barn – se /sip hjälp).", En: "Unknown party %q (use ids such as bup, skola, socialtjanst-barn – see /sip help)."},
	"err.giver":                         {Sv: "Okänt %q: ange av=individen, vårdnadshavare, vårdnadshavare2, god-man eller förvaltare.", En: "Unknown %q: say by=individual, guardian, guardian2, god-man or forvaltare."},
	"err.consentword":                   {Sv: "Okänt ord %q: ange skriftligt eller muntligt, och vem som gav samtycket med av=.", En: "Unknown word %q: say written or oral, and who gave consent with by=."},
	"err.meeting":                       {Sv: "Ange tid, förslag eller välj.", En: "Give a time, propose or pick."},
	"err.pick":                          {Sv: "Ange vilket förslag som ska gälla, 1–3.", En: "Say which proposal to pick, 1–3."},
	"err.slots":                         {Sv: "Ange 1–%d tider.", En: "Give 1–%d times."},
	"err.datetime":                      {Sv: "%q är ingen tid i formen 2026-12-10 13:00.", En: "%q is not a time like 2026-12-10 13:00."},
	"err.past":                          {Sv: "Tiden %q har redan passerat eller är ogiltig.", En: "The time %q has passed or is invalid."},
	"err.planword":                      {Sv: "Okänt ord %q i plan: använd insats, åtgärd, ansvar= eller nästa=.", En: "Unknown word %q in plan: use effort, measure, responsible= or next=."},
	"err.effort":                        {Sv: "Ange part och text för insatsen.", En: "Give the party and the text of the effort."},
	"err.measure":                       {Sv: "Ange texten för åtgärden.", En: "Give the text of the measure."},
	"err.nomeasure":                     {Sv: "Det finns ingen åtgärd nummer %d.", En: "There is no measure number %d."},
	"err.orgref":                        {Sv: "%q finns varken som enhet eller kontakt i katalogen (sök med /sip sök).", En: "%q is neither a unit nor a contact in the directory (try /sip search)."},
	"err.date":                          {Sv: "%q är inget datum i formen 2027-03-01.", En: "%q is not a date like 2027-03-01."},
	"err.pastdate":                      {Sv: "Datumet %s har redan passerat.", En: "The date %s has passed."},
	"err.noreason":                      {Sv: "Skriv varför du tackar nej.", En: "Say why you decline."},
	"err.both":                          {Sv: "Ange antingen en mötestid eller förslag på tider, inte båda.", En: "Give either a meeting time or proposed times, not both."},
	"err.emptyreason":                   {Sv: "Orsaken är tom.", En: "The reason is empty."},
	"err.who":                           {Sv: "Ange vårdnivå och kommun.", En: "Give the care level and the kommun."},
	"err.search":                        {Sv: "Ange vad du söker.", En: "Say what to search for."},
	"err.lang":                          {Sv: "Välj sv eller en.", En: "Choose sv or en."},
	"err.kommun":                        {Sv: "Hittar ingen kommun som heter %q.", En: "No kommun called %q."},
	"err.kommunparties":                 {Sv: "Ange vilka parter som ska nås i den kommunen.", En: "Say which parties to reach in that kommun."},
	"err.invitee":                       {Sv: "%q är varken en part (som bup) eller en kontakt i katalogen.", En: "%q is neither a party (like bup) nor a contact in the directory."},
	"err.internal":                      {Sv: "Något gick fel hos Samla. Försök igen om en stund.", En: "Something went wrong in Samla. Please try again shortly."},
	"err.tryagain":                      {Sv: "Samla kan inte se vem du är i kontaktkatalogen just nu (chattens tjänst svarar inte). Inget sparades. Försök igen om en stund.", En: "Samla cannot tell who you are in the contact directory right now (the chat service does not answer). Nothing was saved. Please try again shortly."},
	"err.notfound":                      {Sv: "Ärendet hittades inte.", En: "Case not found."},
	"err.notconvener":                   {Sv: "Bara den som kallar kan ändra ärendet.", En: "Only the convener can change the case."},
	"err.closed":                        {Sv: "%s är avslutat.", En: "%s is closed."},
	"err.noconsent.invite":              {Sv: "Inga kallelser skickas för %[1]s: samtycke är inte registrerat, och ingen annan organisation får kontaktas innan dess. Inhämta samtycket och registrera det: /sip samtycke %[1]s %[2]s", En: "No invitations sent for %[1]s: consent is not recorded, and no other organisation may be contacted before it is. Obtain consent and record it: /sip consent %[1]s %[2]s"},
	"err.noconsent.withdraw":            {Sv: "%s har inget registrerat samtycke att återkalla.", En: "%s has no recorded consent to withdraw."},
	"err.noslot":                        {Sv: "Det finns inget förslag nummer %d.", En: "There is no proposal number %d."},
	"err.novote":                        {Sv: "Det förslaget finns inte längre.", En: "That proposal no longer exists."},
	"err.cancelled":                     {Sv: "Kallelsen till %s är återtagen.", En: "The invitation to %s was withdrawn."},
	"err.delegated":                     {Sv: "Du har redan skickat %s som ersättare.", En: "You already sent %s in your place."},
	"err.delegate":                      {Sv: "Välj en ersättare bland alternativen (%q finns inte).", En: "Choose a substitute from the options (%q is not one)."},
	"err.delegate.already":              {Sv: "%s är redan kallad.", En: "%s is already invited."},
	"err.delegate.unreachable":          {Sv: "%s går inte att nå via katalogen.", En: "%s cannot be reached through the directory."},
	"err.noagenda":                      {Sv: "%s har ingen dagordning än: /sip agenda %[1]s", En: "%s has no agenda yet: /sip agenda %[1]s"},
	"err.agenda.personnummer":           {Sv: "Utkastet innehöll ett personnummer och visas inte.", En: "The draft contained a personal identity number and is not shown."},
	"err.noaccepted":                    {Sv: "Ingen har tackat ja till %s än; dagordningen delas med dem som kommer.", En: "Nobody has accepted %s yet; the agenda goes to those who attend."},
	"err.action":                        {Sv: "Knappen känns inte igen.", En: "Unknown button."},
	"err.cause":                         {Sv: "Ange varför SIP:en avslutas: orsak=behov-tillgodosedda, samtycke-återkallat, flyttat eller annat (gärna med text: orsak=\"annat …\"). En plan upprättas med /sip plan REF klar, inte genom att avsluta.", En: "Say why the SIP ends: reason=needs-met, consent-withdrawn, moved or other (text may follow: reason=\"other …\"). A plan is established with /sip plan REF done, not by ending the SIP."},
	"err.futuredate":                    {Sv: "Datumet %s har inte kommit än.", En: "The date %s is still to come."},
	"err.held.established":              {Sv: "Planen för %[1]s är redan upprättad; registrera uppföljningar med /sip uppföljning %[1]s hållen.", En: "The plan for %[1]s is already established; record follow-ups with /sip followup %[1]s held."},
	"err.established":                   {Sv: "Planen för %[1]s upprättades %[2]s. Registrera uppföljningen med /sip uppföljning %[1]s hållen.", En: "The plan for %[1]s was established on %[2]s. Record the follow-up with /sip followup %[1]s held."},
	"err.notestablished":                {Sv: "Planen för %[1]s är inte upprättad än: /sip plan %[1]s klar", En: "The plan for %[1]s is not established yet: /sip plan %[1]s done"},
	"err.followup.before":               {Sv: "Uppföljningen %s kan inte ligga före planen (upprättad %s).", En: "The follow-up on %s cannot be before the plan (established %s)."},
	"err.establish":                     {Sv: "Planen kan inte upprättas än. Det här saknas:\n• %s", En: "The plan cannot be established yet. Missing:\n• %s"},
	"miss.consent":                      {Sv: "samtycke (/sip samtycke %s …)", En: "consent (/sip consent %s …)"},
	"miss.held":                         {Sv: "att SIP-mötet är hållet (/sip möte %s hållet [ÅÅÅÅ-MM-DD])", En: "the SIP meeting held (/sip meeting %s held [YYYY-MM-DD])"},
	"miss.needs":                        {Sv: "1. behov (/sip plan %s behov \"…\")", En: "1. needs (/sip plan %s needs \"…\")"},
	"miss.huvudman":                     {Sv: "2. en huvudman bland parterna: kommunens socialtjänst eller hälso- och sjukvård, eller regionens hälso- och sjukvård", En: "2. a huvudman among the parties: the kommun's social services or health care, or the region's health care"},
	"miss.efforts":                      {Sv: "2. insats av %s (/sip plan %s insats PART \"…\")", En: "2. the effort of %s (/sip plan %s effort PARTY \"…\")"},
	"miss.measures":                     {Sv: "3. åtgärder av andra, eller att det inte finns några (/sip plan %s åtgärd PART \"…\" eller åtgärd ingen)", En: "3. measures by others, or that there are none (/sip plan %s measure PARTY \"…\" or measure none)"},
	"miss.responsible":                  {Sv: "4. övergripande ansvar (/sip plan %s ansvar=ENHET)", En: "4. overall responsibility (/sip plan %s responsible=UNIT)"},
	"miss.followup":                     {Sv: "ett uppföljningsdatum framåt i tiden (/sip uppföljning %s ÅÅÅÅ-MM-DD)", En: "a follow-up date still to come (/sip followup %s YYYY-MM-DD)"},
	"and":                               {Sv: "och", En: "and"},
	"err.huvudman.party":                {Sv: "%s är inte kallad i ärendet: ange en enhet eller kontakt (sök med /sip sök).", En: "%s is not invited to the case: give a unit or contact (try /sip search)."},
	"err.huvudman.not.responsible":      {Sv: "%s kan inte ha det övergripande ansvaret: bara en huvudman – kommunens socialtjänst eller hälso- och sjukvård, eller regionens hälso- och sjukvård – kan det. Skola, myndigheter och privata utförare kan delta men inte ha ansvaret.", En: "%s cannot hold the overall responsibility: only a huvudman – the kommun's social services or health care, or the region's health care – can. Schools, state agencies and private providers may take part but not hold it."},
	"err.huvudman.not.next":             {Sv: "%s kan inte kalla till nästa möte: bara en huvudman – kommunens socialtjänst eller hälso- och sjukvård, eller regionens hälso- och sjukvård – kan det.", En: "%s cannot convene the next meeting: only a huvudman – the kommun's social services or health care, or the region's health care – can."},
	"err.huvudman.notparty.responsible": {Sv: "%s är inte en huvudman bland parterna i %s och kan inte ha det övergripande ansvaret.", En: "%s is not a huvudman among the parties of %s and cannot hold the overall responsibility."},
	"err.huvudman.notparty.next":        {Sv: "%s är inte en huvudman bland parterna i %s och kan inte kalla till nästa möte.", En: "%s is not a huvudman among the parties of %s and cannot convene the next meeting."},
	"err.effort.notparty":               {Sv: "%[1]s är inte part i %[2]s. En insats lägger inte till en part: bjud in den först: /sip bjud %[2]s %[3]s", En: "%[1]s is not a party of %[2]s. An effort does not add a party: invite it first: /sip invite %[2]s %[3]s"},
	"err.effort.nothuvudman":            {Sv: "%[1]s är inte huvudman och har ingen insats i planen; ange dess del som en åtgärd av andra: /sip plan %[2]s åtgärd %[3]s \"…\"", En: "%[1]s is not a huvudman and has no effort in the plan; give its part as a measure by others: /sip plan %[2]s measure %[3]s \"…\""},
	"err.measure.huvudman":              {Sv: "%[1]s är huvudman: ange dess del som insats: /sip plan %[2]s insats %[3]s \"…\"", En: "%[1]s is a huvudman: give its part as an effort: /sip plan %[2]s effort %[3]s \"…\""},
	"err.noitem":                        {Sv: "Det finns ingen punkt nummer %d.", En: "There is no item number %d."},
	"err.need":                          {Sv: "Skriv behovet inom citattecken.", En: "Give the need in quotes."},
	"err.goal":                          {Sv: "Skriv målet med den enskildes egna ord inom citattecken.", En: "Give the goal in the individual's own words, in quotes."},

	// Examples after a mistake.
	"ex.prefix":   {Sv: "Exempel: %s", En: "Example: %s"},
	"ex.general":  {Sv: "/sip ny kommun=Lund ålder=14 parter=bup,skola (mer: /sip hjälp)", En: "/sip new kommun=Lund age=14 parties=bup,skola (more: /sip help)"},
	"ex.new":      {Sv: "/sip ny kommun=Lund ålder=14 parter=bup,skola,socialtjanst-barn behov=\"…\"", En: "/sip new kommun=Lund age=14 parties=bup,skola,socialtjanst-barn needs=\"…\""},
	"ex.consent":  {Sv: "/sip samtycke SIP-7K3QF2 skriftligt av=vårdnadshavare  ·  /sip samtycke SIP-7K3QF2 muntligt av=individen parter=bup,forsakringskassan", En: "/sip consent SIP-7K3QF2 written by=guardian  ·  /sip consent SIP-7K3QF2 oral by=individual parties=bup,forsakringskassan"},
	"ex.withdraw": {Sv: "/sip återkalla SIP-7K3QF2", En: "/sip withdraw SIP-7K3QF2"},
	"ex.meeting":  {Sv: "/sip möte SIP-7K3QF2 2026-12-10 13:00 video  ·  /sip möte SIP-7K3QF2 förslag 2026-12-10T13:00 2026-12-11T09:00  ·  /sip möte SIP-7K3QF2 välj 2", En: "/sip meeting SIP-7K3QF2 2026-12-10 13:00 video  ·  /sip meeting SIP-7K3QF2 propose 2026-12-10T13:00 2026-12-11T09:00  ·  /sip meeting SIP-7K3QF2 pick 2"},
	"ex.invite":   {Sv: "/sip bjud SIP-7K3QF2  ·  /sip bjud SIP-7K3QF2 hvb skola kommun=Eslöv", En: "/sip invite SIP-7K3QF2  ·  /sip invite SIP-7K3QF2 hvb skola kommun=Eslöv"},
	"ex.status":   {Sv: "/sip status SIP-7K3QF2", En: "/sip status SIP-7K3QF2"},
	"ex.log":      {Sv: "/sip logg SIP-7K3QF2", En: "/sip log SIP-7K3QF2"},
	"ex.agenda":   {Sv: "/sip agenda SIP-7K3QF2", En: "/sip agenda SIP-7K3QF2"},
	"ex.plan":     {Sv: "/sip plan SIP-7K3QF2 behov \"komma tillbaka till skolan\"  ·  /sip plan SIP-7K3QF2 insats bup \"samtal varannan vecka\"  ·  /sip plan SIP-7K3QF2 åtgärd skola \"anpassad studiegång\"  ·  /sip plan SIP-7K3QF2 ansvar=bup-lund  ·  /sip plan SIP-7K3QF2 klar", En: "/sip plan SIP-7K3QF2 needs \"back to school\"  ·  /sip plan SIP-7K3QF2 effort bup \"talks every other week\"  ·  /sip plan SIP-7K3QF2 measure skola \"adapted timetable\"  ·  /sip plan SIP-7K3QF2 responsible=bup-lund  ·  /sip plan SIP-7K3QF2 done"},
	"ex.followup": {Sv: "/sip uppföljning SIP-7K3QF2 2027-03-01  ·  /sip uppföljning SIP-7K3QF2 hållen", En: "/sip followup SIP-7K3QF2 2027-03-01  ·  /sip followup SIP-7K3QF2 held"},
	"ex.close":    {Sv: "/sip avsluta SIP-7K3QF2 orsak=behov-tillgodosedda  ·  /sip avsluta SIP-7K3QF2 orsak=\"flyttat till Malmö\"", En: "/sip close SIP-7K3QF2 reason=needs-met  ·  /sip close SIP-7K3QF2 reason=\"moved to Malmö\""},
	"ex.who":      {Sv: "/sip vem bup Lund 14", En: "/sip who bup Lund 14"},
	"ex.search":   {Sv: "/sip sök kurator eslöv", En: "/sip search kurator eslöv"},
	"ex.lang":     {Sv: "/sip språk en", En: "/sip lang sv"},
	"ex.mine":     {Sv: "/sip mina", En: "/sip mine"},
	"ex.away":     {Sv: "/sip borta 2026-12-21 2027-01-06 ersättare=malmo-bistand-omar  ·  /sip borta  ·  /sip tillbaka", En: "/sip away 2026-12-21 2027-01-06 substitute=malmo-bistand-omar  ·  /sip away  ·  /sip back"},
	"ex.back":     {Sv: "/sip tillbaka", En: "/sip back"},

	// Absences reported from chat (issue 19): the directory's overlay.
	"err.away.unlinked":       {Sv: "Bara den som finns i katalogen kan anmäla sin egen frånvaro, och ditt konto är inte kopplat till någon kontakt där.", En: "Only a person in the directory can report their own absence, and your account is not linked to a contact there."},
	"err.away.dates":          {Sv: "Skriv från- och till-datum som ÅÅÅÅ-MM-DD (eller bara till-datum från i dag).", En: "Give the first and last day as YYYY-MM-DD (or only the last day, from today)."},
	"err.away.order":          {Sv: "Frånvaron kan inte sluta (%[2]s) före den börjar (%[1]s).", En: "The absence cannot end (%[2]s) before it begins (%[1]s)."},
	"err.away.past":           {Sv: "%s har redan varit.", En: "%s has already passed."},
	"err.away.long":           {Sv: "Längre frånvaro än %d dagar anmäls i katalogen, inte i chatten.", En: "An absence longer than %d days goes in the directory file, not chat."},
	"err.away.subunknown":     {Sv: "Hittar ingen kontakt %q i katalogen. Skriv kontakt-id (se /sip sök) eller @användare.", En: "No contact %q in the directory. Give a contact id (see /sip search) or @user."},
	"err.away.subself":        {Sv: "Du kan inte vara din egen ersättare.", En: "You cannot be your own substitute."},
	"err.away.subunit":        {Sv: "%s kan inte ersätta dig: ersättaren ska finnas på din enhet eller på en enhet i samma organisation med samma vårdnivå.", En: "%s cannot stand in for you: the substitute must be of your unit or of a unit of the same organisation with the same care level."},
	"err.away.subunreachable": {Sv: "%s går inte att nå från Samla, så hen kan inte få beskedet. Välj någon annan.", En: "%s cannot be reached from Samla and would not be told. Choose someone else."},
	"err.away.subnodates":     {Sv: "Ange datum för frånvaron tillsammans med ersättare=.", En: "Give the dates of the absence with substitute=."},
	"away.set":                {Sv: "Din frånvaro %s–%s är anmäld. Kallelser och påminnelser går till din ersättare under den tiden.", En: "Your absence %s–%s is recorded. Invitations and reminders go to your substitute in that time."},
	"away.set.sub":            {Sv: "Ersättare: %s (har fått besked).", En: "Substitute: %s (has been told)."},
	"away.set.nosub":          {Sv: "Ingen ersättare angiven: enhetens väg in tar emot kallelser till dig.", En: "No substitute given: your unit's entry point receives invitations for you."},
	"away.told":               {Sv: "%s har anmält att hen är borta %s–%s och har angett dig som ersättare: kallelser till SIP som skulle ha gått till hen kommer till dig.", En: "%s is away %s–%s and named you as substitute: SIP invitations that would have gone to them come to you."},
	"away.told.back":          {Sv: "%s är tillbaka; du är inte längre ersättare.", En: "%s is back; you are no longer their substitute."},
	"away.mine.chat":          {Sv: "Du är borta %s–%s (anmält i chatten)", En: "You are away %s–%s (reported in chat)"},
	"away.mine.file":          {Sv: "Du är borta %s–%s (enligt katalogfilen; ändras av den som förvaltar katalogen)", En: "You are away %s–%s (in the directory file; changed by its maintainers)"},
	"away.mine.sub":           {Sv: "ersättare %s", En: "substitute %s"},
	"away.mine.none":          {Sv: "Du har ingen frånvaro anmäld. Anmäl med /sip borta 2026-12-21 2027-01-06 [ersättare=KONTAKT-ID].", En: "You have no absence recorded. Report one with /sip away 2026-12-21 2027-01-06 [substitute=CONTACT-ID]."},
	"away.back":               {Sv: "Välkommen tillbaka: kallelser går till dig igen.", En: "Welcome back: invitations come to you again."},
	"away.back.none":          {Sv: "Du har ingen frånvaro anmäld i chatten.", En: "You have no absence reported in chat."},

	// Replies.
	"ok.new":           {Sv: "Ärende *%s* skapat: %s, %d år, parter: %s.", En: "Case *%s* opened: %s, age %d, parties: %s."},
	"ok.consent":       {Sv: "Samtycke registrerat för %s (%s).", En: "Consent recorded for %s (%s)."},
	"ok.withdraw":      {Sv: "Samtycket för %s är återkallat. Kallelser som var i gång är återtagna och mottagarna har fått besked, utan detaljer.", En: "Consent for %s is withdrawn. Invitations in play are cancelled and their recipients told, without detail."},
	"ok.meeting":       {Sv: "Mötet för %s: %s.", En: "The meeting for %s: %s."},
	"ok.proposed":      {Sv: "%s: %d tidsförslag skickas till de kallade när de bjuds in; välj sedan med /sip möte %[1]s välj N.", En: "%s: %d proposed times go to the invitees; then pick with /sip meeting %[1]s pick N."},
	"ok.invite":        {Sv: "Kallelser för %s:", En: "Invitations for %s:"},
	"ok.attending":     {Sv: "Tack! Du är anmäld till %s: %s.", En: "Thanks! You are down for %s: %s."},
	"ok.video":         {Sv: "Tack! Du deltar via video i %s: %s.", En: "Thanks! You join %s by video: %s."},
	"ok.declined":      {Sv: "Noterat att du inte kan delta i %s. Den som kallar har fått besked.", En: "Noted that you cannot take part in %s. The convener has been told."},
	"ok.delegated":     {Sv: "%s har fått kallelsen i ditt ställe (%s).", En: "%s has been invited in your place (%s)."},
	"ok.voted":         {Sv: "Noterat: förslag %d (%s) passar dig.", En: "Noted: proposal %d (%s) suits you."},
	"ok.unvoted":       {Sv: "Noterat: förslag %d (%s) passar dig inte.", En: "Noted: proposal %d (%s) does not suit you."},
	"ok.followup":      {Sv: "Uppföljning för %s: %s.", En: "Follow-up for %s: %s."},
	"ok.close":         {Sv: "%s är avslutat (%s).", En: "%s is ended (%s)."},
	"close.followup":   {Sv: "Uppföljningen %s är struken och påminnelserna om den är stoppade.", En: "The follow-up on %s is cancelled and its reminders stopped."},
	"ok.held":          {Sv: "Mötet för %s är registrerat som hållet %s.", En: "The meeting for %s is recorded as held on %s."},
	"ok.established":   {Sv: "Planen för %s är upprättad. Uppföljning %s; övergripande ansvar: %s. Parterna har fått besked.", En: "The plan for %s is established. Follow-up on %s; overall responsibility: %s. The parties have been told."},
	"ok.followup.held": {Sv: "Uppföljningen av %s är registrerad (%s).", En: "The follow-up of %s is recorded (%s)."},
	"ok.unchanged":     {Sv: "Ditt svar är redan registrerat.", En: "Your answer is already recorded."},
	"ok.lang":          {Sv: "Samla svarar dig nu på svenska.", En: "Samla now answers you in English."},
	"ok.shared":        {Sv: "Dagordningen skickades till %d deltagare.", En: "The agenda was sent to %d participants."},
	"note.unknown":     {Sv: "(Du finns inte i kontaktkatalogen. Du kan kalla och söka, men andra hittar dig inte via katalogen.)", En: "(You are not in the contact directory. You can convene and search, but others cannot find you through it.)"},
	"note.declined":    {Sv: "%s kan inte delta för %s: %s. Bjud in någon annan: /sip bjud %s %s", En: "%s cannot take part for %s: %s. Invite someone else: /sip invite %s %s"},
	"note.delegated":   {Sv: "%s (%s) skickar %s i sitt ställe, %s.\n%s", En: "%s (%s) sends %s in their place, %s.\n%s"},

	// Next steps.
	"next.consent":       {Sv: "Nästa steg: registrera samtycke: /sip samtycke %s %s", En: "Next: record consent: /sip consent %s %s"},
	"hint.consent.minor": {Sv: "skriftligt av=vårdnadshavare", En: "written by=guardian"},
	"hint.consent.adult": {Sv: "skriftligt av=individen", En: "written by=individual"},
	"next.meeting":       {Sv: "Nästa steg: sätt en tid: /sip möte %s 2026-12-10 13:00 video (eller förslag …)", En: "Next: set a time: /sip meeting %s 2026-12-10 13:00 video (or propose …)"},
	"next.pick":          {Sv: "Nästa steg: välj en tid: /sip möte %s välj N", En: "Next: pick a time: /sip meeting %s pick N"},
	"next.invite":        {Sv: "Nästa steg: kalla parterna: /sip bjud %s", En: "Next: invite the parties: /sip invite %s"},
	"next.wait":          {Sv: "Väntar på svar från de kallade.", En: "Waiting for answers from the invitees."},
	"next.replace":       {Sv: "Nästa steg: någon har tackat nej – bjud in en annan: /sip bjud %s PART", En: "Next: someone declined – invite another: /sip invite %s PARTY"},
	"next.plan":          {Sv: "Nästa steg: fyll i planen: /sip plan %s", En: "Next: complete the plan: /sip plan %s"},
	"next.none":          {Sv: "Inget att göra just nu.", En: "Nothing to do for now."},
	"next.held":          {Sv: "Nästa steg: när mötet är hållet: /sip möte %s hållet", En: "Next: once the meeting is held: /sip meeting %s held"},
	"next.establish":     {Sv: "Nästa steg: upprätta planen: /sip plan %s klar", En: "Next: establish the plan: /sip plan %s done"},
	"next.followup":      {Sv: "Nästa: uppföljning %[2]s (påminnelse en vecka före och samma dag); registrera den när den är hållen: /sip uppföljning %[1]s hållen", En: "Next: follow-up on %[2]s (reminders a week before and on the day); record it once held: /sip followup %[1]s held"},
	"next.nextfollowup":  {Sv: "Nästa steg: sätt nästa uppföljningsdatum: /sip uppföljning %[1]s ÅÅÅÅ-MM-DD – eller avsluta SIP:en: /sip avsluta %[1]s orsak=behov-tillgodosedda", En: "Next: set the next follow-up date: /sip followup %[1]s YYYY-MM-DD – or end the SIP: /sip close %[1]s reason=needs-met"},

	// Invitations and notices.
	"inv.title":             {Sv: "Kallelse till SIP-möte · %s", En: "Invitation to a SIP meeting · %s"},
	"inv.text":              {Sv: "%s%s kallar er (%s) till ett möte om en samordnad individuell plan (SIP).", En: "%s%s invites you (%s) to a coordinated individual plan (SIP) meeting."},
	"inv.private":           {Sv: "_Mer om behoven finns i ärendets rum när du har tackat ja._", En: "_More about the needs is in the case room once you accept._"},
	"b.attend":              {Sv: "Jag kommer", En: "I'll attend"},
	"b.video":               {Sv: "Via video", En: "By video"},
	"b.decline":             {Sv: "Kan inte", En: "Can't attend"},
	"b.delegate":            {Sv: "Skickar ersättare", En: "Sending a substitute"},
	"b.vote":                {Sv: "Passar: %d) %s", En: "Suits me: %d) %s"},
	"b.pick":                {Sv: "Välj %d", En: "Pick %d"},
	"b.agenda":              {Sv: "Föreslå dagordning", En: "Suggest an agenda"},
	"b.share":               {Sv: "Dela med deltagarna", En: "Share with participants"},
	"b.edit":                {Sv: "Redigera", En: "Edit"},
	"b.agenda.send":         {Sv: "Skicka till språkmodellen", En: "Send to the language model"},
	"b.agenda.template":     {Sv: "Använd mallen", En: "Use the template"},
	"p.decline.title":       {Sv: "Kan inte delta", En: "Cannot attend"},
	"p.decline.label":       {Sv: "Skäl (syns för den som kallar)", En: "Reason (shown to the convener)"},
	"p.delegate.title":      {Sv: "Skicka ersättare", En: "Send a substitute"},
	"p.delegate.label":      {Sv: "Vem går i ditt ställe?", En: "Who goes in your place?"},
	"p.delegate.mandate":    {Sv: "Med mandat att fatta beslut", En: "With a mandate to decide"},
	"p.edit.title":          {Sv: "Redigera dagordningen", En: "Edit the agenda"},
	"p.edit.label":          {Sv: "Ny dagordning", En: "New agenda"},
	"mandate.with":          {Sv: "med mandat att fatta beslut", En: "with a mandate to decide"},
	"mandate.without":       {Sv: "utan mandat att fatta beslut", En: "without a mandate to decide"},
	"route.self":            {Sv: "sammankallande", En: "convener"},
	"reason.self":           {Sv: "Du som kallar företräder själv parten.", En: "You, the convener, represent this party."},
	"invite.self":           {Sv: "%s → du själv (du företräder parten och är anmäld).", En: "%s → yourself (you represent this party and are down as attending)."},
	"reason.named":          {Sv: "Utsedd direkt av den som kallar.", En: "Chosen directly by the convener."},
	"reason.delegated":      {Sv: "Skickad som ersättare av %s, %s.", En: "Sent as substitute by %s, %s."},
	"cancel.title":          {Sv: "Kallelsen är återtagen · %s", En: "Invitation withdrawn · %s"},
	"cancel.text":           {Sv: "Kallelsen till %s är återtagen. Du behöver inte göra något.", En: "The invitation to %s is withdrawn. You need not do anything."},
	"closed.text":           {Sv: "%s är avslutat. Tack för din medverkan.", En: "%s is ended. Thank you for taking part."},
	"closed.unanswered":     {Sv: "%s är avslutat. Kallelsen gäller inte längre; du behöver inte göra något.", En: "%s is ended. The invitation no longer applies; you need not do anything."},
	"est.title":             {Sv: "Planen är upprättad · %s", En: "The plan is established · %s"},
	"est.text":              {Sv: "Planen för %s är upprättad. Uppföljning: %s. Övergripande ansvar: %s.", En: "The plan for %s is established. Follow-up: %s. Overall responsibility: %s."},
	"inv.answer":            {Sv: "*Ditt svar:* %s · %s", En: "*Your answer:* %s · %s"},
	"inv.ans.attending":     {Sv: "✓ kommer", En: "✓ attending"},
	"inv.ans.video":         {Sv: "✓ kommer (via video)", En: "✓ attending (by video)"},
	"inv.ans.declined":      {Sv: "✗ kan inte", En: "✗ cannot attend"},
	"inv.ans.reason":        {Sv: "✗ kan inte – %s", En: "✗ cannot attend – %s"},
	"inv.ans.delegated":     {Sv: "Du skickade %s, %s", En: "You sent %s, %s"},
	"inv.ans.change":        {Sv: "_Du kan ändra ditt svar med knapparna nedan._", En: "_You can change your answer with the buttons below._"},
	"inv.cancelled":         {Sv: "*Kallelsen är återtagen.* Du behöver inte göra något.", En: "*The invitation was withdrawn.* You need not do anything."},
	"inv.closed":            {Sv: "*Ärendet är avslutat.* Kallelsen gäller inte längre.", En: "*The case is closed.* The invitation no longer applies."},
	"mtg.title":             {Sv: "Ny tid · %s", En: "New time · %s"},
	"mtg.text":              {Sv: "Tiden för %s: %s.", En: "The time for %s: %s."},
	"mtg.video":             {Sv: "via video", En: "by video"},
	"mtg.proposal":          {Sv: "förslag:", En: "proposed:"},
	"mtg.none":              {Sv: "inte bestämd än", En: "not set yet"},
	"f.kommun":              {Sv: "Kommun", En: "Kommun"},
	"f.ageband":             {Sv: "Åldersgrupp", En: "Age group"},
	"f.parties":             {Sv: "Parter", En: "Parties"},
	"f.when":                {Sv: "Tid", En: "Time"},
	"f.why":                 {Sv: "Varför du", En: "Why you"},
	"f.consent":             {Sv: "Samtycke", En: "Consent"},
	"f.plan":                {Sv: "Plan", En: "Plan"},
	"f.needs":               {Sv: "Behov", En: "Needs"},
	"channel.slack":         {Sv: "Slack", En: "Slack"},
	"channel.mattermost":    {Sv: "Mattermost", En: "Mattermost"},
	"channel.email":         {Sv: "e-post", En: "e-mail"},
	"channel.phone":         {Sv: "telefon", En: "phone"},
	"channel.none":          {Sv: "ingen kanal", En: "no channel"},
	"invite.sent":           {Sv: "%s → %s%s via %s. _%s_", En: "%s → %s%s via %s. _%s_"},
	"invite.manual":         {Sv: "%s → %s%s: nås bara via %s – kontakta personligen: %s. _%s_", En: "%s → %s%s: reachable only by %s – contact them personally: %s. _%s_"},
	"invite.already":        {Sv: "%s: %s är redan kallad.", En: "%s: %s is already invited."},
	"invite.unreachable":    {Sv: "%s går inte att nå via katalogen.", En: "%s cannot be reached through the directory."},
	"invite.nomatch":        {Sv: "%s: ingen kontakt hittades.", En: "%s: no contact found."},
	"invite.alldeclined":    {Sv: "(Alla som hittades har redan tackat nej – bjud in en kontakt direkt: /sip bjud REF KONTAKT-ID.)", En: "(Everyone found has declined – invite a contact directly: /sip invite REF CONTACT-ID.)"},
	"withdraw.manual":       {Sv: "Kontakta personligen och meddela att kallelsen är återtagen: %s", En: "Contact personally to say the invitation is withdrawn: %s"},
	"consent.form.written":  {Sv: "skriftligt", En: "written"},
	"consent.form.oral":     {Sv: "muntligt", En: "oral"},
	"consent.form.none":     {Sv: "form ej angiven", En: "form not stated"},
	"consent.guardians":     {Sv: "av vårdnadshavare", En: "by the guardians"},
	"consent.by":            {Sv: "av %s", En: "by %s"},
	"consent.scope":         {Sv: "Omfattar: %s", En: "Covers: %s"},
	"consent.bothguardians": {Sv: "⚠ Samtycke från en vårdnadshavare: för ett barn behövs normalt båda. Registrera den andra: /sip samtycke %s skriftligt av=vårdnadshavare2", En: "⚠ Consent from one guardian: a child normally needs both. Record the other: /sip consent %s written by=guardian2"},
	"consent.ownview":       {Sv: "ℹ Från 15 år väger den unges egen inställning tungt. Registrera den unges samtycke: /sip samtycke %s av=individen", En: "ℹ From 15 the young person's own view weighs heavily. Record their consent: /sip consent %s by=individual"},
	"giver.individual":      {Sv: "den enskilde", En: "the individual"},
	"giver.guardian":        {Sv: "vårdnadshavare", En: "guardian"},
	"giver.guardian2":       {Sv: "vårdnadshavare 2", En: "guardian 2"},
	"giver.god-man":         {Sv: "god man", En: "god man (trustee)"},
	"giver.forvaltare":      {Sv: "förvaltare", En: "förvaltare (administrator)"},
	"invite.outofscope":     {Sv: "%[1]s: utanför samtycket – ingen kallelse. Utöka samtycket först: /sip samtycke %[2]s parter=%[3]s", En: "%[1]s: outside the consent – not invited. Extend the consent first: /sip consent %[2]s parties=%[3]s"},

	// Status.
	"age.years":                {Sv: "%d år", En: "age %d"},
	"st.invited":               {Sv: "Kallade", En: "Invited"},
	"st.noinvites":             {Sv: "Ingen kallad än.", En: "Nobody invited yet."},
	"st.missing":               {Sv: "Saknas: %s", En: "Missing: %s"},
	"st.notinvited":            {Sv: "inte kallad", En: "not invited"},
	"st.declinednoreplacement": {Sv: "tackade nej, ingen ersättare", En: "declined, no replacement"},
	"st.answeredby":            {Sv: "(svar från %s)", En: "(answered by %s)"},
	"st.nomandate":             {Sv: "⚠ %s företräds av %s utan mandat att fatta beslut – stäm av före mötet.", En: "⚠ %s is represented by %s without a mandate to decide – check before the meeting."},
	"st.next":                  {Sv: "➜ %s", En: "➜ %s"},
	"st.noconsent":             {Sv: "inte registrerat – inget skickas", En: "not recorded – nothing is sent"},
	"st.plan":                  {Sv: "%d av %d punkter klara", En: "%d of %d items done"},
	"st.slot":                  {Sv: "%d) %s – %d passar", En: "%d) %s – suits %d"},
	"st.closed":                {Sv: "*Avslutat* %s av %s", En: "*Ended* %s by %s"},
	"f.participation":          {Sv: "Deltar", En: "Taking part"},
	"part.none":                {Sv: "inte angivet (/sip deltar REF individen ja)", En: "not recorded (/sip participates REF individual yes)"},
	"part.individual.yes":      {Sv: "den enskilde deltar", En: "the individual takes part"},
	"part.individual.no":       {Sv: "den enskilde deltar inte", En: "the individual does not take part"},
	"part.relative.yes":        {Sv: "närstående deltar", En: "relatives take part"},
	"part.relative.no":         {Sv: "närstående deltar inte", En: "relatives do not take part"},
	"part.guardian.yes":        {Sv: "vårdnadshavare deltar", En: "guardians take part"},
	"part.guardian.no":         {Sv: "vårdnadshavare deltar inte", En: "guardians do not take part"},
	"part.god-man.yes":         {Sv: "god man deltar", En: "the god man takes part"},
	"part.god-man.no":          {Sv: "god man deltar inte", En: "the god man does not take part"},
	"ok.participates":          {Sv: "Deltagande i %s: %s.", En: "Taking part in %s: %s."},
	"plan.participation":       {Sv: "Deltar", En: "Taking part"},
	"plan.receipt":             {Sv: "Den enskilde har fått planen", En: "The individual has the plan"},
	"plan.received":            {Sv: "mottagen %s", En: "received %s"},
	"plan.notreceived":         {Sv: "inte än (/sip plan REF mottagen ÅÅÅÅ-MM-DD digitalt|papper)", En: "not yet (/sip plan REF received YYYY-MM-DD digital|paper)"},
	"received.digital":         {Sv: "digitalt", En: "digitally"},
	"received.paper":           {Sv: "på papper", En: "on paper"},
	"err.participant":          {Sv: "Okänt %q: ange individen, närstående, vårdnadshavare eller god-man (och ja eller nej).", En: "Unknown %q: say individual, relative, guardian or god-man (and yes or no)."},
	"err.receiptform":          {Sv: "Okänt %q: ange digitalt eller papper.", En: "Unknown %q: say digital or paper."},
	"ex.participates":          {Sv: "/sip deltar SIP-7K3QF2 individen ja  ·  /sip deltar SIP-7K3QF2 närstående nej", En: "/sip participates SIP-7K3QF2 individual yes  ·  /sip participates SIP-7K3QF2 relative no"},
	"f.stage":                  {Sv: "Skede", En: "Stage"},
	"stage.convening":          {Sv: "kallelse pågår", En: "convening"},
	"stage.meeting_booked":     {Sv: "möte bokat", En: "meeting booked"},
	"stage.meeting_held":       {Sv: "möte hållet", En: "meeting held"},
	"stage.plan_established":   {Sv: "plan upprättad", En: "plan established"},
	"stage.followed_up":        {Sv: "uppföljd", En: "followed up"},
	"stage.ended":              {Sv: "avslutad", En: "ended"},
	"stage.nextfollowup":       {Sv: "uppföljning %s", En: "follow-up %s"},
	"cause.needs-met":          {Sv: "behoven är tillgodosedda", En: "needs met"},
	"cause.consent-withdrawn":  {Sv: "samtycket återkallat", En: "consent withdrawn"},
	"cause.moved":              {Sv: "flyttat", En: "moved"},
	"cause.other":              {Sv: "annat", En: "other"},
	"state.pending":            {Sv: "⏳ inget svar än", En: "⏳ no answer yet"},
	"state.manual":             {Sv: "☎ kontakta personligen", En: "☎ contact personally"},
	"undeliv.title":            {Sv: "E-post kom inte fram: *%s*", En: "E-mail not delivered: *%s*"},
	"undeliv.text":             {Sv: "%s → %s%s kunde inte nås med e-post (adressen tar inte emot). Kontakta personligen: %s", En: "%s → %s%s could not be reached by e-mail (the address does not accept mail). Contact them personally: %s"},
	"state.attending":          {Sv: "✓ kommer", En: "✓ attending"},
	"state.video":              {Sv: "✓ via video", En: "✓ by video"},
	"state.declined":           {Sv: "✗ kan inte: %s", En: "✗ cannot: %s"},
	"state.delegated":          {Sv: "↪ skickar %s (%s)", En: "↪ sends %s (%s)"},
	"state.cancelled":          {Sv: "– återtagen", En: "– withdrawn"},

	// Mine, log, plan.
	"mine.none":          {Sv: "Du har inga öppna SIP-ärenden.", En: "You have no open SIP cases."},
	"mine.title":         {Sv: "Dina öppna ärenden (%d), det som behöver göras först:", En: "Your open cases (%d), most urgent first:"},
	"mine.convener":      {Sv: "du kallar", En: "you convene"},
	"mine.invited":       {Sv: "du är kallad", En: "you are invited"},
	"log.title":          {Sv: "*Logg för %s*", En: "*Log for %s*"},
	"plan.title":         {Sv: "Plan för %s – %d av %d klara", En: "Plan for %s – %d of %d done"},
	"plan.established":   {Sv: "upprättad %s", En: "established %s"},
	"plan.goals":         {Sv: "Den enskildes mål, med egna ord", En: "The individual's goals, in their own words"},
	"plan.nogoals":       {Sv: "inga angivna än", En: "none given yet"},
	"plan.needs":         {Sv: "Behov", En: "Needs"},
	"plan.efforts":       {Sv: "Insatser av huvudmännen", En: "Efforts by each huvudman"},
	"plan.nohuvudman":    {Sv: "ingen huvudman bland parterna", En: "no huvudman among the parties"},
	"plan.measures":      {Sv: "Åtgärder av andra", En: "Measures by others"},
	"plan.nomeasures":    {Sv: "inga (angivet)", En: "none (stated)"},
	"plan.unattributed":  {Sv: "utan angiven part", En: "no party given"},
	"plan.followup.held": {Sv: "uppföljning hållen %s", En: "follow-up held %s"},
	"plan.notset":        {Sv: "inte angivet", En: "not set"},
	"plan.responsible":   {Sv: "Övergripande ansvar", En: "Overall responsibility"},
	"plan.followup":      {Sv: "Uppföljningsdatum", En: "Follow-up date"},
	"plan.next":          {Sv: "Kallar till nästa möte", En: "Convenes the next meeting"},
	"plan.missing":       {Sv: "saknas", En: "missing"},
	"plan.howto":         {Sv: "Fyll i: /sip plan %[1]s mål \"…\" · behov \"…\" · insats PART \"…\" · åtgärd PART \"…\" (eller åtgärd ingen) · ansvar=ENHET · nästa=ENHET · /sip uppföljning %[1]s ÅÅÅÅ-MM-DD", En: "Fill in: /sip plan %[1]s goal \"…\" · needs \"…\" · effort PARTY \"…\" · measure PARTY \"…\" (or measure none) · responsible=UNIT · next=UNIT · /sip followup %[1]s YYYY-MM-DD"},

	// Directory look-ups.
	"who.title":    {Sv: "Vem når man för %s i %s:", En: "Who to reach for %s in %s:"},
	"who.none":     {Sv: "Ingen kontakt hittades.", En: "No contact found."},
	"search.title": {Sv: "Sökträffar för %q:", En: "Search results for %q:"},
	"search.none":  {Sv: "Inga träffar för %q.", En: "No results for %q."},

	// Agenda.
	"agenda.off":           {Sv: "Dagordningsstödet är inte påslaget här.", En: "The agenda step is not configured here."},
	"agenda.title":         {Sv: "Förslag till dagordning · %s", En: "Draft agenda · %s"},
	"agenda.email":         {Sv: "Det finns en dagordning för %s. Den skickas inte med e-post; fråga %s.", En: "There is an agenda for %s. It is not sent by e-mail; ask %s."},
	"agenda.model":         {Sv: "Utkast från språkmodell – granska innan du delar.", En: "Drafted by a language model – review before sharing."},
	"agenda.template":      {Sv: "Utkast från mall.", En: "Drafted from the template."},
	"agenda.preview.title": {Sv: "Skicka till språkmodellen? · %s", En: "Send to the language model? · %s"},
	"agenda.preview":       {Sv: "Detta är exakt vad som skickas till språkmodellen; «…» visar vad Samla har ersatt:\n\n%s\n\nSkicka till språkmodellen?", En: "This is exactly what goes to the language model; «…» shows what Samla replaced:\n\n%s\n\nSend to the language model?"},

	// Timeline events.
	"ev.created":                   {Sv: "ärendet skapat (%s, %s år, %s)", En: "case opened (%s, age %s, %s)"},
	"ev.consent":                   {Sv: "samtycke registrerat (%s)", En: "consent recorded (%s)"},
	"ev.withdrawn":                 {Sv: "samtycket återkallat", En: "consent withdrawn"},
	"ev.meeting":                   {Sv: "mötestid satt: %s", En: "meeting set: %s"},
	"ev.proposed":                  {Sv: "%s tidsförslag", En: "%s times proposed"},
	"ev.picked":                    {Sv: "tid vald: %s", En: "time picked: %s"},
	"ev.invited":                   {Sv: "kallelse %s → %s (%s)", En: "invitation %s → %s (%s)"},
	"ev.rsvp.attending":            {Sv: "kommer (%s)", En: "attending (%s)"},
	"ev.rsvp.video":                {Sv: "deltar via video (%s)", En: "joins by video (%s)"},
	"ev.rsvp.declined":             {Sv: "kan inte (%s): %s", En: "cannot attend (%s): %s"},
	"ev.rsvp.delegated":            {Sv: "skickar ersättare (%s): %s, %s", En: "sends substitute (%s): %s, %s"},
	"ev.vote":                      {Sv: "röstade på förslag %s", En: "voted for proposal %s"},
	"ev.plan.effort":               {Sv: "insats angiven för %s", En: "effort set for %s"},
	"ev.plan.effort.removed":       {Sv: "insats borttagen för %s", En: "effort removed for %s"},
	"ev.plan.measure":              {Sv: "åtgärd tillagd", En: "measure added"},
	"ev.plan.measure.removed":      {Sv: "åtgärd %s borttagen", En: "measure %s removed"},
	"ev.plan.responsible":          {Sv: "övergripande ansvar: %s", En: "overall responsibility: %s"},
	"ev.plan.next":                 {Sv: "kallar nästa gång: %s", En: "convenes next time: %s"},
	"ev.followup":                  {Sv: "uppföljning: %s", En: "follow-up: %s"},
	"ev.closed":                    {Sv: "avslutat %s", En: "closed %s"},
	"ev.ended":                     {Sv: "avslutat: %s %s", En: "ended: %s %s"},
	"ev.participates":              {Sv: "deltagande: %s", En: "taking part: %s"},
	"ev.plan.received":             {Sv: "planen mottagen av den enskilde %s%s", En: "plan received by the individual %s%s"},
	"ev.held":                      {Sv: "mötet hållet %s", En: "meeting held %s"},
	"ev.established":               {Sv: "planen upprättad (uppföljning %s, ansvar %s)", En: "plan established (follow-up %s, responsible %s)"},
	"ev.followup.held":             {Sv: "uppföljning hållen %s", En: "follow-up held %s"},
	"ev.plan.goal":                 {Sv: "mål tillagt", En: "goal added"},
	"ev.plan.goal.removed":         {Sv: "mål %s borttaget", En: "goal %s removed"},
	"ev.plan.need":                 {Sv: "behov tillagt", En: "need added"},
	"ev.plan.need.removed":         {Sv: "behov %s borttaget", En: "need %s removed"},
	"ev.plan.othermeasure":         {Sv: "åtgärd angiven för %s", En: "measure set for %s"},
	"ev.plan.othermeasure.removed": {Sv: "åtgärd borttagen för %s", En: "measure removed for %s"},
	"ev.plan.nomeasures":           {Sv: "inga åtgärder av andra", En: "no measures by others"},
	"ev.agenda.approved":           {Sv: "text till språkmodellen godkänd (sha256 %s)", En: "text for the language model approved (sha256 %s)"},
	"ev.agenda.drafted":            {Sv: "dagordning föreslagen", En: "agenda drafted"},
	"ev.agenda.edited":             {Sv: "dagordning redigerad", En: "agenda edited"},
	"ev.agenda.shared":             {Sv: "dagordning delad med %s", En: "agenda shared with %s"},

	"help": {Sv: `*Samla – kommandon för SIP*
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
Parter: bup, vuxenpsykiatri, primarvard, slutenvard, habilitering, beroendevard, hemsjukvard, hemtjanst, aldreomsorg, lss, socialtjanst-barn, socialtjanst-vuxen, ekonomiskt-bistand, skola, elevhalsa, forskola, sis, hvb, forsakringskassan, arbetsformedlingen, kriminalvarden`, En: `*Samla – SIP commands*
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
