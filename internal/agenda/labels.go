package agenda

import "slices"

// careNames are the display names of the care-level ids of
// directory.CareLevels in Swedish and English.
var careNames = map[string]text{
	"bup":                {"BUP", "Child and adolescent psychiatry (BUP)"},
	"vuxenpsykiatri":     {"Vuxenpsykiatri", "Adult psychiatry"},
	"primarvard":         {"Primärvård", "Primary care"},
	"slutenvard":         {"Slutenvård", "Hospital care"},
	"habilitering":       {"Habilitering", "Habilitation"},
	"beroendevard":       {"Beroendevård", "Addiction care"},
	"hemsjukvard":        {"Hemsjukvård", "Home health care"},
	"hemtjanst":          {"Hemtjänst", "Home care"},
	"aldreomsorg":        {"Äldreomsorg", "Elderly care"},
	"lss":                {"LSS", "Disability support (LSS)"},
	"socialtjanst-barn":  {"Socialtjänsten (barn och unga)", "Social services (children and youth)"},
	"socialtjanst-vuxen": {"Socialtjänsten (vuxna)", "Social services (adults)"},
	"ekonomiskt-bistand": {"Ekonomiskt bistånd", "Financial assistance"},
	"skola":              {"Skola", "School"},
	"elevhalsa":          {"Elevhälsa", "Pupil health"},
	"forskola":           {"Förskola", "Preschool"},
	"sis":                {"SiS", "SiS youth homes"},
	"hvb":                {"HVB-hem", "Residential care home (HVB)"},
	"forsakringskassan":  {"Försäkringskassan", "Social Insurance Agency"},
	"arbetsformedlingen": {"Arbetsförmedlingen", "Public Employment Service"},
	"kriminalvarden":     {"Kriminalvården", "Prison and Probation Service"},
}

// careName returns the display name of a care-level id, or the id itself.
func careName(id, lang string) string {
	if t, ok := careNames[id]; ok {
		return t.in(lang)
	}
	return id
}

// knownCareLevel reports whether id is one of the ids in careLevels.
func knownCareLevel(careLevels []string, id string) bool {
	return slices.Contains(careLevels, id)
}
