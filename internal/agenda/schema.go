package agenda

import (
	"encoding/json"
	"strings"
)

// schemaName names the response schema sent with response_format.
const schemaName = "sip_agenda"

// agendaSchema is the JSON schema the model must answer with. It is strict:
// every property is required and no others are allowed; party ids must be
// among careLevels.
func agendaSchema(careLevels []string) json.RawMessage {
	strs := map[string]any{"type": "array", "items": map[string]any{"type": "string"}}
	parties := map[string]any{"type": "array", "items": map[string]any{"type": "string", "enum": careLevels}}
	schema := map[string]any{
		"type":                 "object",
		"additionalProperties": false,
		"required":             []string{"title", "goals", "topics", "questions", "suggested_parties"},
		"properties": map[string]any{
			"title": map[string]any{"type": "string"},
			"goals": strs,
			"topics": map[string]any{
				"type": "array",
				"items": map[string]any{
					"type":                 "object",
					"additionalProperties": false,
					"required":             []string{"title", "parties"},
					"properties": map[string]any{
						"title":   map[string]any{"type": "string"},
						"parties": parties,
					},
				},
			},
			"questions":         strs,
			"suggested_parties": parties,
		},
	}
	b, err := json.Marshal(schema)
	if err != nil {
		// Marshalling maps of strings and slices of strings cannot fail.
		return json.RawMessage(`{}`)
	}
	return b
}

// systemPrompt is the instruction to the model. It holds no case data.
func systemPrompt(lang string, careLevels []string, withSchema bool) string {
	language := text{Sv: "Swedish", En: "English"}.in(lang) // the model is always told in English
	var b strings.Builder
	b.WriteString("You help Swedish health and social care staff prepare a SIP meeting " +
		"(samordnad individuell plan) where kommun, region and other parties plan together " +
		"with the individual. From the convener's description of the needs, draft an agenda.\n")
	b.WriteString("Rules:\n")
	b.WriteString("- Write every text in " + language + ". Be brief and concrete.\n")
	b.WriteString("- goals: the individual's own goals, in their own words as far as the text gives them; they come first in the meeting. Do not invent goals; use an empty list if none are given.\n")
	b.WriteString("- topics: the needs to discuss, each with the care-level ids of the parties concerned. Introductions, roles (meeting leader, secretary) and closing are added automatically; do not include them.\n")
	b.WriteString("- questions: the decisions the meeting must settle, such as who does what, who has the overall responsibility for the plan, the follow-up date and who convenes the next meeting.\n")
	b.WriteString("- suggested_parties and topic parties: only these care-level ids: " + strings.Join(careLevels, ", ") + ".\n")
	b.WriteString("- The text has placeholders such as [NAMN-1] (a person), [PLATS-1] (a place), [ENHET-1] (a school or unit), [TELEFON], [ADRESS]. Keep them as they are; never guess what they stand for and never add names, personal identity numbers, diagnoses or other clinical detail.\n")
	if withSchema {
		b.WriteString("Answer with JSON only, no prose and no code fence, matching this JSON schema:\n")
		b.Write(agendaSchema(careLevels))
		b.WriteString("\n")
	}
	return b.String()
}

// userPrompt carries the redacted needs and the parties chosen on the case.
func userPrompt(redactedNeeds string, parties []string) string {
	var b strings.Builder
	if len(parties) > 0 {
		b.WriteString("Parties chosen on the case: " + strings.Join(parties, ", ") + "\n")
	}
	b.WriteString("Needs, as written by the convener (redacted):\n")
	b.WriteString(redactedNeeds)
	return b.String()
}
