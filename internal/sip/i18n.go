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

	// Parse and input errors.
	"err.encoding":             {"Texten innehåller ogiltiga tecken.", "The text contains invalid characters."},
	"err.noverb":               {"Kommandot ska börja med ett ord, t.ex. ny eller status.", "The command must start with a word such as new or status."},
	"err.verb":                 {"Okänt kommando %q.", "Unknown command %q."},
	"err.key":                  {"Okänd eller otillåten nyckel %q här.", "Unknown or unexpected key %q here."},
	"err.dupkey":               {"Nyckeln %q står två gånger.", "The key %q is given twice."},
	"err.nokey":                {"Ett likhetstecken saknar nyckel framför sig.", "An equals sign has no key before it."},
	"err.quote":                {"Citattecken mitt i ett ord (vid %q) – sätt citattecken runt hela värdet.", "A quote inside a word (at %q) – put quotes around the whole value."},
	"err.afterquote":           {"Efter ett citat måste det komma ett mellanslag.", "A closing quote must be followed by a space."},
	"err.unterminated":         {"Ett citattecken avslutas aldrig.", "A quote is never closed."},
	"err.noref":                {"Ärendereferensen saknas.", "The case reference is missing."},
	"err.ref":                  {"%q är ingen ärendereferens (de ser ut som SIP-7K3QF2).", "%q is not a case reference (they look like SIP-7K3QF2)."},
	"err.extra":                {"Oväntat ord %q.", "Unexpected word %q."},
	"err.missing.kommun":       {"Kommun saknas.", "The kommun is missing."},
	"err.missing.age":          {"Ålder saknas.", "The age is missing."},
	"err.missing.parties":      {"Parter saknas.", "The parties are missing."},
	"err.age":                  {"Åldern %q är inget heltal mellan 0 och 130.", "The age %q is not a whole number from 0 to 130."},
	"err.party":                {"Okänd part %q (använd id:n som bup, skola, socialtjanst-barn – se /sip hjälp).", "Unknown party %q (use ids such as bup, skola, socialtjanst-barn – see /sip help)."},
	"err.consentword":          {"Okänt ord %q: ange skriftligt eller muntligt, och vårdnadshavare om de gav samtycket.", "Unknown word %q: say written or oral, and guardians if they gave consent."},
	"err.meeting":              {"Ange tid, förslag eller välj.", "Give a time, propose or pick."},
	"err.pick":                 {"Ange vilket förslag som ska gälla, 1–3.", "Say which proposal to pick, 1–3."},
	"err.proposeplace":         {"Plats anges när tiden är bestämd, inte med förslag.", "Give the place when the time is fixed, not with proposals."},
	"err.slots":                {"Ange 1–%d tider.", "Give 1–%d times."},
	"err.datetime":             {"%q är ingen tid i formen 2026-12-10 13:00.", "%q is not a time like 2026-12-10 13:00."},
	"err.past":                 {"Tiden %q har redan passerat eller är ogiltig.", "The time %q has passed or is invalid."},
	"err.planword":             {"Okänt ord %q i plan: använd insats, åtgärd, ansvar= eller nästa=.", "Unknown word %q in plan: use effort, measure, responsible= or next=."},
	"err.effort":               {"Ange part och text för insatsen.", "Give the party and the text of the effort."},
	"err.measure":              {"Ange texten för åtgärden.", "Give the text of the measure."},
	"err.nomeasure":            {"Det finns ingen åtgärd nummer %d.", "There is no measure number %d."},
	"err.orgref":               {"%q finns varken som enhet eller kontakt i katalogen (sök med /sip sök).", "%q is neither a unit nor a contact in the directory (try /sip search)."},
	"err.date":                 {"%q är inget datum i formen 2027-03-01.", "%q is not a date like 2027-03-01."},
	"err.pastdate":             {"Datumet %s har redan passerat.", "The date %s has passed."},
	"err.noreason":             {"Skriv varför du tackar nej.", "Say why you decline."},
	"err.both":                 {"Ange antingen en mötestid eller förslag på tider, inte båda.", "Give either a meeting time or proposed times, not both."},
	"err.emptyreason":          {"Orsaken är tom.", "The reason is empty."},
	"err.who":                  {"Ange vårdnivå och kommun.", "Give the care level and the kommun."},
	"err.search":               {"Ange vad du söker.", "Say what to search for."},
	"err.lang":                 {"Välj sv eller en.", "Choose sv or en."},
	"err.kommun":               {"Hittar ingen kommun som heter %q.", "No kommun called %q."},
	"err.kommunparties":        {"Ange vilka parter som ska nås i den kommunen.", "Say which parties to reach in that kommun."},
	"err.invitee":              {"%q är varken en part (som bup) eller en kontakt i katalogen.", "%q is neither a party (like bup) nor a contact in the directory."},
	"err.internal":             {"Något gick fel hos Samla. Försök igen om en stund.", "Something went wrong in Samla. Please try again shortly."},
	"err.notfound":             {"Ärendet hittades inte.", "Case not found."},
	"err.notconvener":          {"Bara den som kallar kan ändra ärendet.", "Only the convener can change the case."},
	"err.closed":               {"%s är avslutat.", "%s is closed."},
	"err.noconsent.invite":     {"Inga kallelser skickas för %[1]s: samtycke är inte registrerat, och ingen annan organisation får kontaktas innan dess. Inhämta samtycket och registrera det: /sip samtycke %[1]s %[2]s", "No invitations sent for %[1]s: consent is not recorded, and no other organisation may be contacted before it is. Obtain consent and record it: /sip consent %[1]s %[2]s"},
	"err.noconsent.withdraw":   {"%s har inget registrerat samtycke att återkalla.", "%s has no recorded consent to withdraw."},
	"err.noslot":               {"Det finns inget förslag nummer %d.", "There is no proposal number %d."},
	"err.novote":               {"Det förslaget finns inte längre.", "That proposal no longer exists."},
	"err.cancelled":            {"Kallelsen till %s är återtagen.", "The invitation to %s was withdrawn."},
	"err.delegated":            {"Du har redan skickat %s som ersättare.", "You already sent %s in your place."},
	"err.delegate":             {"Välj en ersättare bland alternativen (%q finns inte).", "Choose a substitute from the options (%q is not one)."},
	"err.delegate.already":     {"%s är redan kallad.", "%s is already invited."},
	"err.delegate.unreachable": {"%s går inte att nå via katalogen.", "%s cannot be reached through the directory."},
	"err.noagenda":             {"%s har ingen dagordning än: /sip agenda %[1]s", "%s has no agenda yet: /sip agenda %[1]s"},
	"err.agenda.personnummer":  {"Utkastet innehöll ett personnummer och visas inte.", "The draft contained a personal identity number and is not shown."},
	"err.noaccepted":           {"Ingen har tackat ja till %s än; dagordningen delas med dem som kommer.", "Nobody has accepted %s yet; the agenda goes to those who attend."},
	"err.action":               {"Knappen känns inte igen.", "Unknown button."},
	"err.close":                {"Ärendet kan inte avslutas: %s saknas. Fyll i med /sip plan och /sip uppföljning, eller ange skäl: orsak=\"…\".", "The case cannot be closed: %s missing. Fill it in with /sip plan and /sip followup, or give a reason: reason=\"…\"."},

	// Examples after a mistake.
	"ex.prefix":   {"Exempel: %s", "Example: %s"},
	"ex.general":  {"/sip ny kommun=Lund ålder=14 parter=bup,skola (mer: /sip hjälp)", "/sip new kommun=Lund age=14 parties=bup,skola (more: /sip help)"},
	"ex.new":      {"/sip ny kommun=Lund ålder=14 parter=bup,skola,socialtjanst-barn behov=\"…\"", "/sip new kommun=Lund age=14 parties=bup,skola,socialtjanst-barn needs=\"…\""},
	"ex.consent":  {"/sip samtycke SIP-7K3QF2 skriftligt vårdnadshavare", "/sip consent SIP-7K3QF2 written guardians"},
	"ex.withdraw": {"/sip återkalla SIP-7K3QF2", "/sip withdraw SIP-7K3QF2"},
	"ex.meeting":  {"/sip möte SIP-7K3QF2 2026-12-10 13:00 video  ·  /sip möte SIP-7K3QF2 förslag 2026-12-10T13:00 2026-12-11T09:00  ·  /sip möte SIP-7K3QF2 välj 2", "/sip meeting SIP-7K3QF2 2026-12-10 13:00 video  ·  /sip meeting SIP-7K3QF2 propose 2026-12-10T13:00 2026-12-11T09:00  ·  /sip meeting SIP-7K3QF2 pick 2"},
	"ex.invite":   {"/sip bjud SIP-7K3QF2  ·  /sip bjud SIP-7K3QF2 hvb skola kommun=Eslöv", "/sip invite SIP-7K3QF2  ·  /sip invite SIP-7K3QF2 hvb skola kommun=Eslöv"},
	"ex.status":   {"/sip status SIP-7K3QF2", "/sip status SIP-7K3QF2"},
	"ex.log":      {"/sip logg SIP-7K3QF2", "/sip log SIP-7K3QF2"},
	"ex.agenda":   {"/sip agenda SIP-7K3QF2", "/sip agenda SIP-7K3QF2"},
	"ex.plan":     {"/sip plan SIP-7K3QF2 insats bup \"samtal varannan vecka\"  ·  /sip plan SIP-7K3QF2 ansvar=bup-lund", "/sip plan SIP-7K3QF2 effort bup \"talks every other week\"  ·  /sip plan SIP-7K3QF2 responsible=bup-lund"},
	"ex.followup": {"/sip uppföljning SIP-7K3QF2 2027-03-01", "/sip followup SIP-7K3QF2 2027-03-01"},
	"ex.close":    {"/sip avsluta SIP-7K3QF2  ·  /sip avsluta SIP-7K3QF2 orsak=\"flyttat från kommunen\"", "/sip close SIP-7K3QF2  ·  /sip close SIP-7K3QF2 reason=\"moved away\""},
	"ex.who":      {"/sip vem bup Lund 14", "/sip who bup Lund 14"},
	"ex.search":   {"/sip sök kurator eslöv", "/sip search kurator eslöv"},
	"ex.lang":     {"/sip språk en", "/sip lang sv"},
	"ex.mine":     {"/sip mina", "/sip mine"},

	// Replies.
	"ok.new":         {"Ärende *%s* skapat: %s, %d år, parter: %s.", "Case *%s* opened: %s, age %d, parties: %s."},
	"ok.consent":     {"Samtycke registrerat för %s (%s).", "Consent recorded for %s (%s)."},
	"ok.withdraw":    {"Samtycket för %s är återkallat. Kallelser som var i gång är återtagna och mottagarna har fått besked, utan detaljer.", "Consent for %s is withdrawn. Invitations in play are cancelled and their recipients told, without detail."},
	"ok.meeting":     {"Mötet för %s: %s.", "The meeting for %s: %s."},
	"ok.proposed":    {"%s: %d tidsförslag skickas till de kallade när de bjuds in; välj sedan med /sip möte %[1]s välj N.", "%s: %d proposed times go to the invitees; then pick with /sip meeting %[1]s pick N."},
	"ok.invite":      {"Kallelser för %s:", "Invitations for %s:"},
	"ok.attending":   {"Tack! Du är anmäld till %s: %s.", "Thanks! You are down for %s: %s."},
	"ok.video":       {"Tack! Du deltar via video i %s: %s.", "Thanks! You join %s by video: %s."},
	"ok.declined":    {"Noterat att du inte kan delta i %s. Den som kallar har fått besked.", "Noted that you cannot take part in %s. The convener has been told."},
	"ok.delegated":   {"%s har fått kallelsen i ditt ställe (%s).", "%s has been invited in your place (%s)."},
	"ok.voted":       {"Noterat: förslag %d (%s) passar dig.", "Noted: proposal %d (%s) suits you."},
	"ok.unvoted":     {"Noterat: förslag %d (%s) passar dig inte.", "Noted: proposal %d (%s) does not suit you."},
	"ok.followup":    {"Uppföljning för %s: %s.", "Follow-up for %s: %s."},
	"ok.close":       {"%s är avslutat.", "%s is closed."},
	"ok.unchanged":   {"Ditt svar är redan registrerat.", "Your answer is already recorded."},
	"ok.lang":        {"Samla svarar dig nu på svenska.", "Samla now answers you in English."},
	"ok.shared":      {"Dagordningen skickades till %d deltagare.", "The agenda was sent to %d participants."},
	"note.unknown":   {"(Du finns inte i kontaktkatalogen. Du kan kalla och söka, men andra hittar dig inte via katalogen.)", "(You are not in the contact directory. You can convene and search, but others cannot find you through it.)"},
	"note.declined":  {"%s kan inte delta för %s: %s. Bjud in någon annan: /sip bjud %s %s", "%s cannot take part for %s: %s. Invite someone else: /sip invite %s %s"},
	"note.delegated": {"%s (%s) skickar %s i sitt ställe, %s.\n%s", "%s (%s) sends %s in their place, %s.\n%s"},

	// Next steps.
	"next.consent":       {"Nästa steg: registrera samtycke: /sip samtycke %s %s", "Next: record consent: /sip consent %s %s"},
	"hint.consent.minor": {"skriftligt vårdnadshavare", "written guardians"},
	"hint.consent.adult": {"skriftligt", "written"},
	"next.meeting":       {"Nästa steg: sätt en tid: /sip möte %s 2026-12-10 13:00 video (eller förslag …)", "Next: set a time: /sip meeting %s 2026-12-10 13:00 video (or propose …)"},
	"next.pick":          {"Nästa steg: välj en tid: /sip möte %s välj N", "Next: pick a time: /sip meeting %s pick N"},
	"next.invite":        {"Nästa steg: kalla parterna: /sip bjud %s", "Next: invite the parties: /sip invite %s"},
	"next.wait":          {"Väntar på svar från de kallade.", "Waiting for answers from the invitees."},
	"next.replace":       {"Nästa steg: någon har tackat nej – bjud in en annan: /sip bjud %s PART", "Next: someone declined – invite another: /sip invite %s PARTY"},
	"next.plan":          {"Nästa steg: fyll i planen: /sip plan %s", "Next: complete the plan: /sip plan %s"},
	"next.none":          {"Allt är klart; avsluta med /sip avsluta %s när planen är upprättad.", "All done; close with /sip close %s once the plan is drawn up."},

	// Invitations and notices.
	"inv.title":            {"Kallelse till SIP-möte · %s", "Invitation to a SIP meeting · %s"},
	"inv.text":             {"%s%s kallar er (%s) till ett möte om en samordnad individuell plan (SIP).", "%s%s invites you (%s) to a coordinated individual plan (SIP) meeting."},
	"inv.private":          {"_Mer om behoven finns i ärendets rum när du har tackat ja._", "_More about the needs is in the case room once you accept._"},
	"b.attend":             {"Jag kommer", "I'll attend"},
	"b.video":              {"Via video", "By video"},
	"b.decline":            {"Kan inte", "Can't attend"},
	"b.delegate":           {"Skickar ersättare", "Sending a substitute"},
	"b.vote":               {"Passar: %d) %s", "Suits me: %d) %s"},
	"b.pick":               {"Välj %d", "Pick %d"},
	"b.agenda":             {"Föreslå dagordning", "Suggest an agenda"},
	"b.share":              {"Dela med deltagarna", "Share with participants"},
	"b.edit":               {"Redigera", "Edit"},
	"b.agenda.send":        {"Skicka till språkmodellen", "Send to the language model"},
	"b.agenda.template":    {"Använd mallen", "Use the template"},
	"p.decline.title":      {"Kan inte delta", "Cannot attend"},
	"p.decline.label":      {"Skäl (syns för den som kallar)", "Reason (shown to the convener)"},
	"p.delegate.title":     {"Skicka ersättare", "Send a substitute"},
	"p.delegate.label":     {"Vem går i ditt ställe?", "Who goes in your place?"},
	"p.delegate.mandate":   {"Med mandat att fatta beslut", "With a mandate to decide"},
	"p.edit.title":         {"Redigera dagordningen", "Edit the agenda"},
	"p.edit.label":         {"Ny dagordning", "New agenda"},
	"mandate.with":         {"med mandat att fatta beslut", "with a mandate to decide"},
	"mandate.without":      {"utan mandat att fatta beslut", "without a mandate to decide"},
	"route.self":           {"sammankallande", "convener"},
	"reason.self":          {"Du som kallar företräder själv parten.", "You, the convener, represent this party."},
	"invite.self":          {"%s → du själv (du företräder parten och är anmäld).", "%s → yourself (you represent this party and are down as attending)."},
	"reason.named":         {"Utsedd direkt av den som kallar.", "Chosen directly by the convener."},
	"reason.delegated":     {"Skickad som ersättare av %s, %s.", "Sent as substitute by %s, %s."},
	"cancel.title":         {"Kallelsen är återtagen · %s", "Invitation withdrawn · %s"},
	"cancel.text":          {"Kallelsen till %s är återtagen. Du behöver inte göra något.", "The invitation to %s is withdrawn. You need not do anything."},
	"closed.text":          {"%s är avslutat. Tack för din medverkan.", "%s is closed. Thank you for taking part."},
	"inv.answer":           {"*Ditt svar:* %s · %s", "*Your answer:* %s · %s"},
	"inv.ans.attending":    {"✓ kommer", "✓ attending"},
	"inv.ans.video":        {"✓ kommer (via video)", "✓ attending (by video)"},
	"inv.ans.declined":     {"✗ kan inte", "✗ cannot attend"},
	"inv.ans.reason":       {"✗ kan inte – %s", "✗ cannot attend – %s"},
	"inv.ans.delegated":    {"Du skickade %s, %s", "You sent %s, %s"},
	"inv.ans.change":       {"_Du kan ändra ditt svar med knapparna nedan._", "_You can change your answer with the buttons below._"},
	"inv.cancelled":        {"*Kallelsen är återtagen.* Du behöver inte göra något.", "*The invitation was withdrawn.* You need not do anything."},
	"inv.closed":           {"*Ärendet är avslutat.* Kallelsen gäller inte längre.", "*The case is closed.* The invitation no longer applies."},
	"mtg.title":            {"Ny tid · %s", "New time · %s"},
	"mtg.text":             {"Tiden för %s: %s.", "The time for %s: %s."},
	"mtg.video":            {"via video", "by video"},
	"mtg.proposal":         {"förslag:", "proposed:"},
	"mtg.none":             {"inte bestämd än", "not set yet"},
	"f.kommun":             {"Kommun", "Kommun"},
	"f.ageband":            {"Åldersgrupp", "Age group"},
	"f.parties":            {"Parter", "Parties"},
	"f.when":               {"Tid", "Time"},
	"f.why":                {"Varför du", "Why you"},
	"f.consent":            {"Samtycke", "Consent"},
	"f.plan":               {"Plan", "Plan"},
	"f.needs":              {"Behov", "Needs"},
	"channel.slack":        {"Slack", "Slack"},
	"channel.mattermost":   {"Mattermost", "Mattermost"},
	"channel.email":        {"e-post", "e-mail"},
	"channel.phone":        {"telefon", "phone"},
	"channel.none":         {"ingen kanal", "no channel"},
	"invite.sent":          {"%s → %s%s via %s. _%s_", "%s → %s%s via %s. _%s_"},
	"invite.manual":        {"%s → %s%s: nås bara via %s – kontakta personligen: %s. _%s_", "%s → %s%s: reachable only by %s – contact them personally: %s. _%s_"},
	"invite.already":       {"%s: %s är redan kallad.", "%s: %s is already invited."},
	"invite.unreachable":   {"%s går inte att nå via katalogen.", "%s cannot be reached through the directory."},
	"invite.nomatch":       {"%s: ingen kontakt hittades.", "%s: no contact found."},
	"invite.alldeclined":   {"(Alla som hittades har redan tackat nej – bjud in en kontakt direkt: /sip bjud REF KONTAKT-ID.)", "(Everyone found has declined – invite a contact directly: /sip invite REF CONTACT-ID.)"},
	"withdraw.manual":      {"Kontakta personligen och meddela att kallelsen är återtagen: %s", "Contact personally to say the invitation is withdrawn: %s"},
	"consent.form.written": {"skriftligt", "written"},
	"consent.form.oral":    {"muntligt", "oral"},
	"consent.form.none":    {"form ej angiven", "form not stated"},
	"consent.guardians":    {"av vårdnadshavare", "by the guardians"},

	// Status.
	"age.years":                {"%d år", "age %d"},
	"st.invited":               {"Kallade", "Invited"},
	"st.noinvites":             {"Ingen kallad än.", "Nobody invited yet."},
	"st.missing":               {"Saknas: %s", "Missing: %s"},
	"st.notinvited":            {"inte kallad", "not invited"},
	"st.declinednoreplacement": {"tackade nej, ingen ersättare", "declined, no replacement"},
	"st.nomandate":             {"⚠ %s företräds av %s utan mandat att fatta beslut – stäm av före mötet.", "⚠ %s is represented by %s without a mandate to decide – check before the meeting."},
	"st.next":                  {"➜ %s", "➜ %s"},
	"st.noconsent":             {"inte registrerat – inget skickas", "not recorded – nothing is sent"},
	"st.plan":                  {"%d av %d punkter klara", "%d of %d items done"},
	"st.slot":                  {"%d) %s – %d passar", "%d) %s – suits %d"},
	"st.closed":                {"*Avslutat* %s av %s", "*Closed* %s by %s"},
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
	"mine.none":        {"Du har inga öppna SIP-ärenden.", "You have no open SIP cases."},
	"mine.title":       {"Dina öppna ärenden (%d), det som behöver göras först:", "Your open cases (%d), most urgent first:"},
	"mine.convener":    {"du kallar", "you convene"},
	"mine.invited":     {"du är kallad", "you are invited"},
	"log.title":        {"*Logg för %s*", "*Log for %s*"},
	"plan.title":       {"Plan för %s – %d av %d klara", "Plan for %s – %d of %d done"},
	"plan.efforts":     {"Insatser och vem som gör vad", "Efforts and who does what"},
	"plan.measures":    {"Åtgärder av andra", "Measures by others"},
	"plan.nomeasures":  {"inga angivna", "none given"},
	"plan.responsible": {"Övergripande ansvar", "Overall responsibility"},
	"plan.followup":    {"Uppföljningsdatum", "Follow-up date"},
	"plan.next":        {"Kallar till nästa möte", "Convenes the next meeting"},
	"plan.missing":     {"saknas", "missing"},
	"plan.howto": {"Fyll i: /sip plan %[1]s insats PART \"…\" · /sip plan %[1]s åtgärd \"…\" · /sip plan %[1]s ansvar=ENHET · /sip plan %[1]s nästa=KONTAKT · /sip uppföljning %[1]s ÅÅÅÅ-MM-DD",
		"Fill in: /sip plan %[1]s effort PARTY \"…\" · /sip plan %[1]s measure \"…\" · /sip plan %[1]s responsible=UNIT · /sip plan %[1]s next=CONTACT · /sip followup %[1]s YYYY-MM-DD"},

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
	"ev.created":              {"ärendet skapat (%s, %s år, %s)", "case opened (%s, age %s, %s)"},
	"ev.consent":              {"samtycke registrerat (%s)", "consent recorded (%s)"},
	"ev.withdrawn":            {"samtycket återkallat", "consent withdrawn"},
	"ev.meeting":              {"mötestid satt: %s", "meeting set: %s"},
	"ev.proposed":             {"%s tidsförslag", "%s times proposed"},
	"ev.picked":               {"tid vald: %s", "time picked: %s"},
	"ev.invited":              {"kallelse %s → %s (%s)", "invitation %s → %s (%s)"},
	"ev.rsvp.attending":       {"kommer (%s)", "attending (%s)"},
	"ev.rsvp.video":           {"deltar via video (%s)", "joins by video (%s)"},
	"ev.rsvp.declined":        {"kan inte (%s): %s", "cannot attend (%s): %s"},
	"ev.rsvp.delegated":       {"skickar ersättare (%s): %s, %s", "sends substitute (%s): %s, %s"},
	"ev.vote":                 {"röstade på förslag %s", "voted for proposal %s"},
	"ev.plan.effort":          {"insats angiven för %s", "effort set for %s"},
	"ev.plan.effort.removed":  {"insats borttagen för %s", "effort removed for %s"},
	"ev.plan.measure":         {"åtgärd tillagd", "measure added"},
	"ev.plan.measure.removed": {"åtgärd %s borttagen", "measure %s removed"},
	"ev.plan.responsible":     {"övergripande ansvar: %s", "overall responsibility: %s"},
	"ev.plan.next":            {"kallar nästa gång: %s", "convenes next time: %s"},
	"ev.followup":             {"uppföljning: %s", "follow-up: %s"},
	"ev.closed":               {"avslutat %s", "closed %s"},
	"ev.agenda.approved":      {"text till språkmodellen godkänd (sha256 %s)", "text for the language model approved (sha256 %s)"},
	"ev.agenda.drafted":       {"dagordning föreslagen", "agenda drafted"},
	"ev.agenda.edited":        {"dagordning redigerad", "agenda edited"},
	"ev.agenda.shared":        {"dagordning delad med %s", "agenda shared with %s"},

	"help": {`*Samla – kommandon för SIP*
• /sip ny kommun=Lund ålder=14 parter=bup,skola,socialtjanst-barn [behov="…"] – öppna ett ärende (aldrig namn eller personnummer)
• /sip samtycke REF [skriftligt|muntligt] [vårdnadshavare] – registrera samtycke (inget skickas innan)
• /sip återkalla REF – samtycket återkallat: kallelser tas tillbaka
• /sip möte REF 2026-12-10 13:00 [video] [plats="…"] – sätt tid
• /sip möte REF förslag 2026-12-10T13:00 2026-12-11T09:00 – föreslå upp till 3 tider · /sip möte REF välj 2
• /sip bjud REF [PART|KONTAKT-ID …] [kommun=…] – kalla parterna via katalogen (kommun= för parter i en annan kommun)
• /sip status REF · /sip mina · /sip logg REF
• /sip plan REF – checklistan; fyll i med: insats PART "…" (- tar bort) · åtgärd "…" (-2 tar bort nr 2) · ansvar=ENHET|KONTAKT · nästa=KONTAKT
• /sip uppföljning REF 2027-03-01 · /sip avsluta REF [orsak="…"]
• /sip agenda REF – förslag till dagordning
• /sip vem bup Lund 14 · /sip sök kurator eslöv · /sip språk sv|en
Parter: bup, vuxenpsykiatri, primarvard, slutenvard, habilitering, beroendevard, hemsjukvard, hemtjanst, aldreomsorg, lss, socialtjanst-barn, socialtjanst-vuxen, ekonomiskt-bistand, skola, elevhalsa, forskola, sis, hvb, forsakringskassan, arbetsformedlingen, kriminalvarden`,
		`*Samla – SIP commands*
• /sip new kommun=Lund age=14 parties=bup,skola,socialtjanst-barn [needs="…"] – open a case (never a name or personal number)
• /sip consent REF [written|oral] [guardians] – record consent (nothing is sent before)
• /sip withdraw REF – consent withdrawn: invitations are cancelled
• /sip meeting REF 2026-12-10 13:00 [video] [place="…"] – set the time
• /sip meeting REF propose 2026-12-10T13:00 2026-12-11T09:00 – propose up to 3 times · /sip meeting REF pick 2
• /sip invite REF [PARTY|CONTACT-ID …] [kommun=…] – invite the parties through the directory (kommun= for parties in another kommun)
• /sip status REF · /sip mine · /sip log REF
• /sip plan REF – the checklist; fill it with: effort PARTY "…" (- removes) · measure "…" (-2 removes no. 2) · responsible=UNIT|CONTACT · next=CONTACT
• /sip followup REF 2027-03-01 · /sip close REF [reason="…"]
• /sip agenda REF – draft agenda
• /sip who bup Lund 14 · /sip search kurator eslöv · /sip lang sv|en
Parties: bup, vuxenpsykiatri, primarvard, slutenvard, habilitering, beroendevard, hemsjukvard, hemtjanst, aldreomsorg, lss, socialtjanst-barn, socialtjanst-vuxen, ekonomiskt-bistand, skola, elevhalsa, forskola, sis, hvb, forsakringskassan, arbetsformedlingen, kriminalvarden`},
}
