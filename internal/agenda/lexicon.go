package agenda

import (
	"strings"
	"sync"

	"github.com/samla-sip/samla/directory"
)

// keepWords are capitalised words that are never names: care levels,
// organisation kinds, authorities, regions and countries, laws, and the
// apps young people talk about. Folded. A keep word is still redacted as
// part of a directory unit's distinctive name, never on its own.
var keepWords = setOf(
	// care levels and organisation kinds
	"bup", "bvc", "mvc", "vc", "vårdcentral", "vårdcentralen", "region", "regionen", "regionens",
	"kommun", "kommunen", "kommunens", "socialtjänst", "socialtjänsten", "socialtjänstens", "soc", "socialen",
	"försäkringskassan", "försäkringskassans", "fk", "arbetsförmedlingen", "af", "kriminalvården",
	"frivården", "polisen", "migrationsverket", "skolverket", "kronofogden", "skatteverket",
	"transportstyrelsen", "pensionsmyndigheten", "socialstyrelsen", "inspektionen", "ivo", "sis", "hvb", "lss", "lvu", "lvm",
	"lpt", "sol", "hsl", "sip", "sipen", "sip-mötet", "elevhälsan", "elevhälsoteamet", "eht", "ehm",
	"habiliteringen", "habilitering", "psykiatrin", "vuxenpsykiatrin", "barnpsykiatrin", "bup-mottagningen",
	"beroendecentrum", "beroendevården", "hemtjänsten", "hemsjukvården", "äldreomsorgen", "primärvården",
	"slutenvården", "akuten", "barnahus", "barnahuset", "familjehem", "familjehemmet", "stödboende",
	"skolan", "skola", "förskolan", "gymnasiet", "grundskolan", "grundsärskolan", "anpassad", "komvux", "sfi",
	"elevhälsa", "skolhälsovården", "ungdomsmottagningen", "mini-maria", "socialjouren",
	"överförmyndaren", "tingsrätten", "förvaltningsrätten", "jobbcentrum", "ekonomiskt", "bistånd",
	"vuxenenheten", "familjeomsorgen", "ifo", "bbic", "kbt", "vob", "ssk", "hsa", "vårdguiden",
	"vab", "fn", "svt", "sr", "smhi", "scb", "csn", "sj", "sl", "nato", "who", "hbtq", "rfsl", "bris",
	"npf", "ehm", "eht", "dsm", "icd", "kvå", "ksi", "lrv", "sfb", "ssa", "skr", "gdpr", "osl", "tv",
	"dvd", "pc", "sms",
	// letters and greetings
	"dr", "leg", "mvh", "mfg", "hej", "hejsan", "obs", "ps", "tack", "hälsningar", "vänliga",
	"mötescirkeln",
	// regions, län and countries are not identifying
	"sverige", "sveriges", "norge", "danmark", "finland", "island", "tyskland", "polen", "ukraina",
	"ryssland", "syrien", "irak", "iran", "afghanistan", "somalia", "eritrea", "etiopien", "turkiet",
	"bosnien", "serbien", "kosovo", "albanien", "rumänien", "bulgarien", "thailand", "vietnam", "kina",
	"indien", "pakistan", "marocko", "egypten", "libanon", "palestina", "jemen", "sudan", "chile",
	"colombia", "europa", "afrika", "asien", "eu", "norden", "skåne", "skånes",
	"västra", "götaland", "götalands", "norrland", "län", "läns", "irland", "storbritannien",
	"england", "frankrike", "spanien", "italien", "grekland", "nederländerna", "estland", "lettland",
	"litauen", "ungern", "kroatien", "makedonien", "georgien", "armenien", "azerbajdzjan", "kurdistan",
	"libyen", "tunisien", "algeriet", "nigeria", "ghana", "kenya", "uganda", "kongo", "gambia",
	"burundi", "rwanda", "filippinerna", "indonesien", "bangladesh", "mongoliet", "usa", "kanada",
	"brasilien", "peru", "bolivia", "mexiko", "kuba",
	// words of contact lines
	"tel", "tfn", "mobil", "mejl", "e-post", "telefon",
	// apps and services
	"teams", "zoom", "skype", "instagram", "snapchat", "tiktok", "discord", "fortnite", "minecraft",
	"roblox", "youtube", "netflix", "google", "facebook", "whatsapp", "messenger", "ipad", "iphone",
	"playstation", "xbox", "swish", "bankid", "spotify", "twitch",
	// English sentence words that the Swedish list lacks
	"the", "and", "we", "he", "she", "they", "his", "her", "their", "our", "my", "mum", "dad",
)

// givenNames are common first names that are also ordinary Swedish words
// ("lisa", "björn", "klara"). At the start of a sentence, where every word
// is capitalised, they are still taken as names. Words whose ordinary
// sense dominates there ("Hans mamma", "Inga insatser", "Per vecka") are
// deliberately missing ("Matte är svårt" too): they count as names only
// next to another name.
var givenNames = setOf(
	"alf", "ann", "ava", "axel", "björn", "bo", "britt", "dan", "ebba", "egon", "ester", "frans",
	"helga", "ida", "inge", "inger", "jack", "kaj", "kalle", "karl", "klara", "lena", "lina",
	"linda", "linnea", "lisa", "lucia", "malte", "mats", "max", "milan", "nisse", "olle", "pippi",
	"rosa", "ron", "sanna", "snorre", "sten", "stig", "sven", "tage", "tilde", "tina", "tindra",
	"tom", "valborg", "viktoria", "viola", "urban", "vera", "rut", "liv", "sol", "sam", "leo",
	"oliver", "tuva", "malva", "lo", "vilda", "vide", "lilja", "lova", "jasmin",
	"mio", "nils", "elsa", "saga", "stella", "alice", "hugo", "ture", "love", "ines", "noa",
	"nova", "ellie", "juni", "iris", "siv", "maj", "signe", "moa", "isa", "hedda", "greta",
	"nora", "emir", "mira", "ale", "eda", "tova", "veronika", "april", "dahlia", "fia", "flora",
	"gloria", "hulda", "lysa", "mila", "ante", "ask", "frank", "gorm", "hannes", "jarl", "jon",
	"kasper", "knut",
	// nicknames that are words
	"junior", "lillen", "prinsen",
)

// triggerWords are relations and roles that a name directly follows:
// "pappa Anders", "mamman Lisa", "kuratorn Sara Lindberg". The word after
// them is redacted when it is capitalised, or a name in lower case.
var triggerWords = setOf(
	"pappa", "pappan", "mamma", "mamman", "far", "fadern", "farsan", "mor", "modern", "morsan",
	"bror", "brodern", "brorsan", "lillebror", "storebror", "halvbror", "halvbrodern",
	"syster", "systern", "syrran", "lillasyster", "storasyster", "halvsyster", "halvsystern",
	"styvpappa", "styvpappan", "styvmamma", "styvmamman", "bonuspappa", "bonuspappan",
	"bonusmamma", "bonusmamman", "farmor", "farfar", "mormor", "morfar", "moster", "mostern",
	"faster", "fastern", "morbror", "farbror", "kusin", "kusinen", "sambo", "sambon", "make",
	"maken", "maka", "makan", "fru", "frun", "son", "sonen", "dotter", "dottern", "barnet",
	"barnbarnet", "flickvän", "flickvännen", "pojkvän", "pojkvännen", "partner", "partnern",
	"kompis", "kompisen", "kamrat", "kamraten", "vän", "vännen", "granne", "grannen",
	"vårdnadshavare", "vårdnadshavaren", "förälder", "föräldern", "fosterpappa", "fostermamma",
	"familjehemspappa", "familjehemsmamma", "familjehemsföräldern",
	"kurator", "kuratorn", "lärare", "läraren", "mentor", "mentorn", "rektor", "rektorn",
	"skolsköterska", "skolsköterskan", "psykolog", "psykologen", "läkare", "läkaren", "doktor",
	"doktorn", "sjuksköterska", "sjuksköterskan", "handläggare", "handläggaren",
	"socialsekreterare", "socialsekreteraren", "assistent", "assistenten", "elevassistent",
	"elevassistenten", "kontaktperson", "kontaktpersonen", "förvaltare", "förvaltaren",
	"boendestödjare", "boendestödjaren", "specialpedagog", "specialpedagogen", "logoped",
	"logopeden", "arbetsterapeut", "arbetsterapeuten", "fysioterapeut", "fysioterapeuten",
	"tränare", "tränaren", "behandlare", "behandlaren", "terapeut", "terapeuten", "samordnare",
	"samordnaren", "chef", "chefen", "enhetschef", "enhetschefen", "ledsagare", "ledsagaren",
	"avlösare", "avlösaren", "personlig", "tolk", "tolken", "killen", "tjejen", "pojken", "flickan",
	"eleven", "patienten", "klienten", "brukaren", "kollegan", "kollega",
	"dad", "mum", "mom", "mother", "father", "brother", "sister", "son", "daughter", "uncle", "aunt",
)

// placeBefore are the words after which an unknown capitalised word is a
// place rather than a person: "bor i Rosengård". ("från" is not one: "ett
// mejl från Jens".)
var placeBefore = setOf("i", "in")

// unitSuffixes end the names of schools and units: a capitalised word that
// is not an ordinary word and ends in one ("Polhemskolan",
// "Tornhagsgymnasiet") is a unit.
var unitSuffixes = []string{
	"skolan", "skola", "skolans", "gymnasiet", "gymnasiets", "förskolan", "förskola",
	"vårdcentral", "vårdcentralen", "boendet", "boende", "gården", "gårdens", "hemmet",
	"mottagningen", "kliniken", "klinik", "centret", "center", "enheten", "akademin", "gymnasium",
	"sjukhuset", "huset", "stiftelsen",
}

// listJoiners join list items, whose capitals do not make names.
var listJoiners = setOf("och", "eller", "samt", "and", "or")

// unitKindsAfter are lower-case words that follow a unit's own name:
// "Solgårdens boende", "Tallbackens äldreboende".
var unitKindsAfter = setOf(
	"boende", "äldreboende", "gruppbostad", "gruppboende", "förskola", "skola", "vårdcentral",
	"fritidsgård", "hvb-hem", "behandlingshem", "korttidsboende", "serviceboende", "särskilda",
	"gymnasium", "friskola", "mottagning", "daglig", "dagverksamhet", "ungdomshem", "hvb", "lss-boende",
	"elevhem", "stödboende", "skyddat", "sjukhus", "särskilt", "vårdcentralen", "if", "ik", "bk", "fk",
)

// unitKinds are the words that name a kind of unit ("Förskolan Lunden",
// "Vårdcentralen Västhamnen"); the capitalised word after one is the
// unit's own name.
var unitKinds = setOf(
	"förskolan", "skolan", "gymnasiet", "vårdcentralen", "boendet", "gruppboendet", "hvb-hemmet",
	"daglig", "dagliga", "mottagningen", "enheten", "korttidsboendet", "korttids", "fritids",
	"fritidsgården", "träffpunkt", "träffpunkten", "kyrkan", "församlingen", "föreningen", "klubben",
)

func setOf(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

func hasUnitSuffix(f string) bool {
	for _, s := range unitSuffixes {
		if strings.HasSuffix(f, s) && len(f) > len(s)+1 {
			return true
		}
	}
	return false
}

// kommunWords returns the folded words of the kommun names (and their
// genitives): the words redacted as [PLATS-n]. Region and län words are
// kept (keepWords).
var kommunWords = sync.OnceValue(func() map[string]bool {
	m := make(map[string]bool)
	for _, k := range directory.Kommuner() {
		if strings.ContainsRune(k.Name, ' ') {
			continue // "Upplands Väsby": each word alone is not the kommun
		}
		f := fold(k.Name)
		if keepWords[f] {
			continue
		}
		m[f] = true
		if !strings.HasSuffix(f, "s") {
			m[f+"s"] = true
		}
	}
	return m
})
