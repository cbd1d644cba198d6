package stats

import (
	"fmt"
	"net/url"
	"slices"
	"time"
)

// QueryError is a bad parameter, with a message for the user.
type QueryError struct {
	Code    string // bad_month | bad_dimension | bad_ageband | bad_type
	Message string // Swedish
}

func (e *QueryError) Error() string { return e.Message }

// ParseQuery reads Options from the parameters of the CLI and the API:
// from, to (YYYY-MM), by, kommun, region, ageband, type, care.
func ParseQuery(v url.Values) (Options, error) {
	o := Options{From: v.Get("from"), To: v.Get("to"), By: v.Get("by"),
		Kommun: v.Get("kommun"), Region: v.Get("region"), AgeBand: v.Get("ageband"),
		Type: v.Get("type"), Care: v.Get("care")}
	for _, m := range []string{o.From, o.To} {
		if _, err := time.Parse(layoutMonth, m); m != "" && err != nil {
			return o, &QueryError{"bad_month", fmt.Sprintf("Okänd månad %q: skriv ÅÅÅÅ-MM, t.ex. 2026-11.", m)}
		}
	}
	if o.From != "" && o.To != "" && o.From > o.To {
		return o, &QueryError{"bad_month", fmt.Sprintf("Från-månaden %s ligger efter till-månaden %s.", o.From, o.To)}
	}
	if o.By != "" && !slices.Contains(Dimensions, o.By) {
		return o, &QueryError{"bad_dimension", fmt.Sprintf("Okänd indelning %q: välj kommun, region, care, unit, ageband eller type.", o.By)}
	}
	if o.AgeBand != "" && !slices.Contains([]string{AgeChild, AgeAdult, AgeElderly}, o.AgeBand) {
		return o, &QueryError{"bad_ageband", fmt.Sprintf("Okänt åldersband %q: välj 0-18, 19-64 eller 65+.", o.AgeBand)}
	}
	if o.Type != "" && o.Type != TypeOrdinary && o.Type != TypeDischarge {
		return o, &QueryError{"bad_type", fmt.Sprintf("Okänd typ %q: välj ordinary eller discharge.", o.Type)}
	}
	return o, nil
}
