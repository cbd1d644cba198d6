package directory

import "github.com/samla-sip/samla/internal/i18n"

// messages are the directory's texts: why a contact was chosen, and what
// to try when nothing matched.
var messages = i18n.Catalogue{
	"route.unknowncare":   {Sv: "Okänd vårdnivå %q. Välj en av: %s.", En: "Unknown care level %q. Choose one of: %s."},
	"route.unknownkommun": {Sv: "Okänd kommun %q. Skriv kommunens namn eller SCB-kod, t.ex. Lund eller 1281.", En: "Unknown kommun %q. Give the kommun's name or SCB code, e.g. Lund or 1281."},
	"why.areawide":        {Sv: "ingen enhet i %s ger %s → %s för hela %s område", En: "no unit in %s gives %s → %s for all of %s area"},
	"why.role":            {Sv: "%s på %s", En: "%s at %s"},
	"why.norole":          {Sv: "ingen på %s har rollen %s → enhetens väg in", En: "nobody at %s holds the role %s → the unit's entry point"},
	"why.roleaway":        {Sv: "ingen med rollen är på plats på %s → enhetens väg in", En: "nobody holding the role is in at %s → the unit's entry point"},
	"why.entry":           {Sv: "enhetens väg in på %s", En: "the unit's entry point at %s"},
	"why.entry.chat":      {Sv: "väg in omdirigerad i chatten till %d %s", En: "entry point redirected in chat until %d %s"},
	"why.coordinator":     {Sv: "ingen enhet i %s ger %s → %s SIP-samordnare", En: "no unit in %s gives %s → %s SIP coordinator"},
	"delegate":            {Sv: "ersättare %s", En: "delegate %s"},
	"delegate.none":       {Sv: "ingen ersättare på plats", En: "no delegate in"},
	"away":                {Sv: "%s är borta tills vidare", En: "%s is away until further notice"},
	"away.until":          {Sv: "%s är borta till %d %s", En: "%s is away until %d %s"},
	"src.chat":            {Sv: "anmält i chatten", En: "reported in chat"},
	"src.file":            {Sv: "katalogfilen", En: "directory file"},
	"src.until":           {Sv: "%s: till %d %s", En: "%s: until %d %s"},
	"src.open":            {Sv: "%s: tills vidare", En: "%s: until further notice"},
	"nomatch":             {Sv: "Ingen enhet i %s ger %s och ingen SIP-samordnare finns för området.", En: "No unit in %s gives %s and no SIP coordinator covers the area."},
	"nomatch.try":         {Sv: "Prova: %s.", En: "Try: %s."},
	"nomatch.search":      {Sv: "Eller sök: samla directory search %s", En: "Or search: samla directory search %s"},
	"month.jan":           {Sv: "jan", En: "Jan"},
	"month.feb":           {Sv: "feb", En: "Feb"},
	"month.mar":           {Sv: "mar", En: "Mar"},
	"month.apr":           {Sv: "apr", En: "Apr"},
	"month.may":           {Sv: "maj", En: "May"},
	"month.jun":           {Sv: "jun", En: "Jun"},
	"month.jul":           {Sv: "jul", En: "Jul"},
	"month.aug":           {Sv: "aug", En: "Aug"},
	"month.sep":           {Sv: "sep", En: "Sep"},
	"month.oct":           {Sv: "okt", En: "Oct"},
	"month.nov":           {Sv: "nov", En: "Nov"},
	"month.dec":           {Sv: "dec", En: "Dec"},
}

// possessive is an organisation's name owning something: "Region Skånes"
// (the Swedish genitive), "Region Skåne's".
func possessive(l i18n.Lang, name string) string {
	if l == i18n.English {
		return name + "'s"
	}
	return genitive(name)
}
