package agenda

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
)

// Markdown renders a draft in the chat Markdown subset (*bold*, "• "
// bullets): introductions and roles, the individual's goals first, the
// topics, the decisions to take and the closing.
func Markdown(d Draft) string {
	lang := normLang(d.Lang)
	a := d.Agenda
	var b strings.Builder
	fmt.Fprintf(&b, "*%s*\n", a.Title)
	if len(d.Parties) > 0 {
		fmt.Fprintf(&b, "%s %s\n", text{"Parter:", "Parties:"}.in(lang), partyList(d.Parties, lang))
	}
	n := 0
	section := func(title string, items ...string) {
		n++
		fmt.Fprintf(&b, "\n*%d. %s*\n", n, title)
		for _, it := range items {
			fmt.Fprintf(&b, "• %s\n", it)
		}
	}
	section(text{"Inledning och roller", "Introductions and roles"}.in(lang),
		text{"Presentation av deltagarna och deras uppdrag", "Introduction of the participants and their missions"}.in(lang),
		text{"Mötesledare och sekreterare", "Meeting leader and secretary"}.in(lang),
		text{"Mötets syfte; samtycke och vilka som deltar", "Purpose of the meeting; consent and who takes part"}.in(lang),
	)
	goals := a.Goals
	if len(goals) == 0 {
		goals = []string{text{"Individen berättar med egna ord vad hen vill uppnå", "The individual tells, in their own words, what they want to achieve"}.in(lang)}
	}
	section(text{"Individens mål – med egna ord", "The individual's goals – in their own words"}.in(lang), goals...)
	topics := make([]string, 0, len(a.Topics))
	for _, t := range a.Topics {
		topics = append(topics, topicLine(t, d.Parties, lang))
	}
	section(text{"Nuläge, behov och insatser", "Current situation, needs and efforts"}.in(lang), topics...)
	if len(a.Questions) > 0 {
		section(text{"Beslut", "Decisions"}.in(lang), a.Questions...)
	}
	section(text{"Avslut", "Closing"}.in(lang),
		text{"Sammanfattning: vem gör vad, när och vem som har det övergripande ansvaret", "Summary: who does what, when, and who has the overall responsibility"}.in(lang),
		text{"Datum för uppföljning och vem som kallar", "Follow-up date and who convenes"}.in(lang),
	)
	var more []string
	for _, p := range a.SuggestedParties {
		if !slices.Contains(d.Parties, p) {
			more = append(more, p)
		}
	}
	if len(more) > 0 {
		fmt.Fprintf(&b, "\n%s %s\n", text{"Föreslagna fler parter:", "Suggested further parties:"}.in(lang), partyList(more, lang))
	}
	return b.String()
}

// JSON renders a draft as indented JSON.
func JSON(d Draft) ([]byte, error) {
	b, err := json.MarshalIndent(d, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("agenda: encode draft: %w", err)
	}
	return append(b, '\n'), nil
}

func partyList(ids []string, lang string) string {
	names := make([]string, len(ids))
	for i, id := range ids {
		names[i] = careName(id, lang)
	}
	return strings.Join(names, ", ")
}

// topicLine is "Title — Party, Party". A party's own item ("Skola: …")
// does not repeat its name, and an item for all the case's parties does
// not list them again.
func topicLine(t Topic, caseParties []string, lang string) string {
	switch {
	case len(t.Parties) == 0,
		len(t.Parties) == 1 && strings.HasPrefix(t.Title, careName(t.Parties[0], lang)),
		len(t.Parties) > 1 && sameSet(t.Parties, caseParties):
		return t.Title
	}
	return t.Title + " — " + partyList(t.Parties, lang)
}

func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for _, x := range a {
		if !slices.Contains(b, x) {
			return false
		}
	}
	return true
}
