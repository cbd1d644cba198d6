package agenda

// Agenda is a structured draft agenda. Party ids are care-level ids
// (directory.CareLevels). Texts may hold redaction placeholders such as
// [NAMN-1]; they are never filled back in.
type Agenda struct {
	Title            string   `json:"title"`
	Goals            []string `json:"goals"` // the individual's goals in their own words
	Topics           []Topic  `json:"topics"`
	Questions        []string `json:"questions"` // decisions the meeting must settle
	SuggestedParties []string `json:"suggested_parties"`
}

// Topic is one agenda item and the parties it concerns.
type Topic struct {
	Title   string   `json:"title"`
	Parties []string `json:"parties"`
}

// Source tells where a draft came from.
type Source string

// The two sources of a draft.
const (
	SourceModel    Source = "model"
	SourceFallback Source = "fallback"
)

// Draft is the result of drafting: the agenda, where it came from, and
// why the fallback was used (in the request's language).
type Draft struct {
	Agenda   Agenda   `json:"agenda"`
	Source   Source   `json:"source"`
	Reason   string   `json:"reason,omitempty"`
	Lang     string   `json:"lang"`
	Parties  []string `json:"parties"` // care-level ids chosen on the case
	Redacted Report   `json:"redacted"`
}

// FromModel reports whether the agenda was written by the language model.
func (d Draft) FromModel() bool { return d.Source == SourceModel }
