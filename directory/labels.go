package directory

// careLabels names the care levels in Swedish and English.
var careLabels = map[string][2]string{
	"bup":                {"BUP", "child and adolescent psychiatry"},
	"vuxenpsykiatri":     {"vuxenpsykiatri", "adult psychiatry"},
	"primarvard":         {"primärvård", "primary care"},
	"slutenvard":         {"slutenvård", "hospital care"},
	"habilitering":       {"habilitering", "habilitation"},
	"beroendevard":       {"beroendevård", "addiction care"},
	"hemsjukvard":        {"hemsjukvård", "home health care"},
	"hemtjanst":          {"hemtjänst", "home care"},
	"aldreomsorg":        {"äldreomsorg", "elderly care"},
	"lss":                {"LSS", "LSS disability support"},
	"socialtjanst-barn":  {"socialtjänst barn", "social services for children"},
	"socialtjanst-vuxen": {"socialtjänst vuxen", "social services for adults"},
	"ekonomiskt-bistand": {"ekonomiskt bistånd", "financial assistance"},
	"skola":              {"skola", "school"},
	"elevhalsa":          {"elevhälsa", "pupil health"},
	"forskola":           {"förskola", "preschool"},
	"sis":                {"SiS", "SiS youth home"},
	"hvb":                {"HVB", "residential care home"},
	"forsakringskassan":  {"Försäkringskassan", "Social Insurance Agency"},
	"arbetsformedlingen": {"Arbetsförmedlingen", "Public Employment Service"},
	"kriminalvarden":     {"Kriminalvården", "Prison and Probation Service"},
}

// roleLabels names the roles in Swedish and English.
var roleLabels = map[string][2]string{
	"sip-samordnare":      {"SIP-samordnare", "SIP coordinator"},
	"motesledare":         {"mötesledare", "meeting leader"},
	"fast-vardkontakt":    {"fast vårdkontakt", "named care contact"},
	"socialsekreterare":   {"socialsekreterare", "social worker"},
	"bistandshandlaggare": {"biståndshandläggare", "needs assessor"},
	"kurator":             {"kurator", "school counsellor"},
	"skolskoterska":       {"skolsköterska", "school nurse"},
	"lakare":              {"läkare", "physician"},
	"enhetschef":          {"enhetschef", "unit manager"},
	"vag-in":              {"väg in", "entry point"},
}

// CareLabel names a care level in lang ("sv" default, "en"); an unknown
// id is returned as is.
func CareLabel(id, lang string) string { return label(careLabels, id, lang) }

// RoleLabel names a role in lang ("sv" default, "en").
func RoleLabel(id, lang string) string { return label(roleLabels, id, lang) }

func label(m map[string][2]string, id, lang string) string {
	l, ok := m[id]
	if !ok {
		return id
	}
	if lang == "en" {
		return l[1]
	}
	return l[0]
}

// huvudman tells which kinds of organisation are responsible for a care
// level; state and private care levels have none.
var huvudman = map[string][]string{
	"bup": {"region"}, "vuxenpsykiatri": {"region"}, "primarvard": {"region"},
	"slutenvard": {"region"}, "habilitering": {"region"},
	"beroendevard": {"region", "kommun"},
	"hemsjukvard":  {"kommun"}, "hemtjanst": {"kommun"}, "aldreomsorg": {"kommun"}, "lss": {"kommun"},
	"socialtjanst-barn": {"kommun"}, "socialtjanst-vuxen": {"kommun"}, "ekonomiskt-bistand": {"kommun"},
	"skola": {"kommun"}, "elevhalsa": {"kommun"}, "forskola": {"kommun"},
}

// Huvudman lists the organisation kinds ("region", "kommun") responsible
// for a care level; nil for state and private bodies.
func Huvudman(care string) []string { return huvudman[care] }
