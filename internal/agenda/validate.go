package agenda

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/samla-sip/samla/directory"
)

// Limits on what the model may return; anything larger is invalid.
const (
	maxTitle     = 200
	maxItem      = 400
	maxListItems = 20
)

// errInvalid marks an answer that breaks the schema or the rules; the
// drafter retries once and then falls back.
var errInvalid = errors.New("invalid agenda")

// parseAgenda decodes and validates the model's answer. Unknown fields,
// missing fields, unknown care levels, empty or oversized texts and
// personal identity numbers make it invalid.
func parseAgenda(content string, careLevels []string) (Agenda, error) {
	raw := []byte(stripFence(content))
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(raw, &fields); err != nil {
		return Agenda{}, fmt.Errorf("%w: not a JSON object: %w", errInvalid, err)
	}
	for _, k := range []string{"title", "goals", "topics", "questions", "suggested_parties"} {
		if _, ok := fields[k]; !ok {
			return Agenda{}, fmt.Errorf("%w: missing %q", errInvalid, k)
		}
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	var a Agenda
	if err := dec.Decode(&a); err != nil {
		return Agenda{}, fmt.Errorf("%w: %w", errInvalid, err)
	}
	if err := validateAgenda(&a, careLevels); err != nil {
		return Agenda{}, err
	}
	return a, nil
}

// validateAgenda checks a decoded agenda and trims its texts in place.
func validateAgenda(a *Agenda, careLevels []string) error {
	var err error
	if a.Title, err = checkText("title", a.Title, maxTitle); err != nil {
		return err
	}
	if a.Goals, err = checkTexts("goals", a.Goals); err != nil {
		return err
	}
	if a.Questions, err = checkTexts("questions", a.Questions); err != nil {
		return err
	}
	if len(a.Topics) == 0 || len(a.Topics) > maxListItems {
		return fmt.Errorf("%w: %d topics", errInvalid, len(a.Topics))
	}
	for i := range a.Topics {
		tp := &a.Topics[i]
		if tp.Title, err = checkText("topic title", tp.Title, maxItem); err != nil {
			return err
		}
		if tp.Parties, err = checkParties(tp.Parties, careLevels); err != nil {
			return err
		}
	}
	a.SuggestedParties, err = checkParties(a.SuggestedParties, careLevels)
	return err
}

func checkText(field, s string, limit int) (string, error) {
	s = plainText(s)
	switch {
	case s == "":
		return "", fmt.Errorf("%w: empty %s", errInvalid, field)
	case utf8.RuneCountInString(s) > limit:
		return "", fmt.Errorf("%w: %s longer than %d", errInvalid, field, limit)
	case directory.ContainsPersonnummer(s):
		return "", fmt.Errorf("%w: %s holds a personnummer", errInvalid, field)
	}
	return s, nil
}

// checkTexts checks a list of texts; a null list is an empty one.
func checkTexts(field string, list []string) ([]string, error) {
	if len(list) > maxListItems {
		return nil, fmt.Errorf("%w: %d %s", errInvalid, len(list), field)
	}
	out := make([]string, 0, len(list))
	for _, s := range list {
		s, err := checkText(field, s, maxItem)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, nil
}

// checkParties rejects unknown care-level ids and drops duplicates.
func checkParties(ids, careLevels []string) ([]string, error) {
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		if !knownCareLevel(careLevels, id) {
			return nil, fmt.Errorf("%w: unknown care level %q", errInvalid, id)
		}
		if !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out, nil
}

// plainText makes a model text safe for one chat line: no line breaks or
// control characters, no Markdown or mention markup ("*", "`", "<!here>",
// "@channel"), single spaces.
func plainText(s string) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '*' || r == '`' || r == '<' || r == '>' || r == '~':
			return -1
		case r == '@':
			return '＠'
		case unicode.IsSpace(r):
			return ' '
		case unicode.IsControl(r) || unicode.Is(unicode.Cf, r):
			return -1
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// stripFence removes a Markdown code fence some local models wrap JSON in.
func stripFence(s string) string {
	s = strings.TrimSpace(s)
	if !strings.HasPrefix(s, "```") {
		return s
	}
	s = strings.TrimPrefix(s, "```")
	s = strings.TrimPrefix(s, "json")
	s = strings.TrimSuffix(strings.TrimSpace(s), "```")
	return strings.TrimSpace(s)
}
