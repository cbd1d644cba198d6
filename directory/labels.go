package directory

import "github.com/samla-sip/samla/internal/i18n"

// careLabels names the care levels in Swedish and English.
var careLabels = map[string]i18n.Text{
	"bup":                {Sv: "BUP", En: "child and adolescent psychiatry"},
	"vuxenpsykiatri":     {Sv: "vuxenpsykiatri", En: "adult psychiatry"},
	"primarvard":         {Sv: "primärvård", En: "primary care"},
	"slutenvard":         {Sv: "slutenvård", En: "hospital care"},
	"habilitering":       {Sv: "habilitering", En: "habilitation"},
	"beroendevard":       {Sv: "beroendevård", En: "addiction care"},
	"hemsjukvard":        {Sv: "hemsjukvård", En: "home health care"},
	"hemtjanst":          {Sv: "hemtjänst", En: "home care"},
	"aldreomsorg":        {Sv: "äldreomsorg", En: "elderly care"},
	"lss":                {Sv: "LSS", En: "LSS disability support"},
	"socialtjanst-barn":  {Sv: "socialtjänst barn", En: "social services for children"},
	"socialtjanst-vuxen": {Sv: "socialtjänst vuxen", En: "social services for adults"},
	"ekonomiskt-bistand": {Sv: "ekonomiskt bistånd", En: "financial assistance"},
	"skola":              {Sv: "skola", En: "school"},
	"elevhalsa":          {Sv: "elevhälsa", En: "pupil health"},
	"forskola":           {Sv: "förskola", En: "preschool"},
	"sis":                {Sv: "SiS", En: "SiS youth home"},
	"hvb":                {Sv: "HVB", En: "residential care home"},
	"forsakringskassan":  {Sv: "Försäkringskassan", En: "Social Insurance Agency"},
	"arbetsformedlingen": {Sv: "Arbetsförmedlingen", En: "Public Employment Service"},
	"kriminalvarden":     {Sv: "Kriminalvården", En: "Prison and Probation Service"},
}

// roleLabels names the roles in Swedish and English.
var roleLabels = map[string]i18n.Text{
	"sip-samordnare":      {Sv: "SIP-samordnare", En: "SIP coordinator"},
	"motesledare":         {Sv: "mötesledare", En: "meeting leader"},
	"fast-vardkontakt":    {Sv: "fast vårdkontakt", En: "named care contact"},
	"socialsekreterare":   {Sv: "socialsekreterare", En: "social worker"},
	"bistandshandlaggare": {Sv: "biståndshandläggare", En: "needs assessor"},
	"kurator":             {Sv: "kurator", En: "school counsellor"},
	"skolskoterska":       {Sv: "skolsköterska", En: "school nurse"},
	"lakare":              {Sv: "läkare", En: "physician"},
	"enhetschef":          {Sv: "enhetschef", En: "unit manager"},
	"vag-in":              {Sv: "väg in", En: "entry point"},
}

// CareLabel names a care level in l; an unknown id is returned as is.
func CareLabel(id string, l i18n.Lang) string { return label(careLabels, id, l) }

// RoleLabel names a role in l; an unknown id is returned as is.
func RoleLabel(id string, l i18n.Lang) string { return label(roleLabels, id, l) }

func label(m map[string]i18n.Text, id string, l i18n.Lang) string {
	t, ok := m[id]
	if !ok {
		return id
	}
	return t.In(l)
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
