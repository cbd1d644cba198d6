package textgate

// Field is a kind of free text, with its length cap and its name in
// messages.
type Field struct {
	Name string // stable id, e.g. "place" (what sip.InputError.Field holds)
	Max  int    // the most characters (runes) accepted after cleaning
	sv   string // "platsen": the field in a Swedish sentence, definite form
	long string // "lång" or, for a neuter noun ("kommandot"), "långt"
	en   string // "the place"
}

// The fields Samla accepts free text in, with their caps.
var (
	// Command is a whole command line (/sip …) before it is parsed.
	Command = Field{Name: "command", Max: 6000, sv: "kommandot", long: "långt", en: "the command"}
	// Answer is the answer typed into a prompt or dialog field whose own
	// field is not known (the core checks it again per field).
	Answer = Field{Name: "answer", Max: 6000, sv: "svaret", long: "långt", en: "the answer"}
	// Needs is the convener's description of the individual's needs.
	Needs = Field{Name: "needs", Max: 2000, sv: "behovsbeskrivningen", en: "the needs text"}
	// Place is a meeting place.
	Place = Field{Name: "place", Max: 200, sv: "mötesplatsen", en: "the meeting place"}
	// Reason is a close or decline reason.
	Reason = Field{Name: "reason", Max: 500, sv: "orsaken", en: "the reason"}
	// Agenda is an agenda text (Markdown).
	Agenda = Field{Name: "agenda", Max: 4000, sv: "agendan", en: "the agenda"}
	// Effort is one party's effort in the plan.
	Effort = Field{Name: "effort", Max: 1000, sv: "insatsen", en: "the effort"}
	// Measure is a measure by others in the plan.
	Measure = Field{Name: "measure", Max: 1000, sv: "åtgärden", en: "the measure"}
	// Search is a directory search or route query.
	Search = Field{Name: "search", Max: 200, sv: "sökningen", en: "the search"}
)
