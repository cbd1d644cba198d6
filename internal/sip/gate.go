package sip

import (
	"errors"
	"strings"

	"github.com/samla-sip/samla/internal/i18n"
	"github.com/samla-sip/samla/internal/textgate"
)

// Free text enters the core only through textgate, the one input-hygiene
// gate of every platform and the web: a personnummer in any spelling or a
// text over its field's cap is refused with the gate's message (the same
// words everywhere), and what is kept has no bidi controls or invisible
// characters.

// cleanText passes one free-text field (trimmed) through the gate; field
// and verb say where a refusal is shown.
func cleanText(f textgate.Field, field, verb, s string) (string, *InputError) {
	out, err := textgate.Clean(f, strings.TrimSpace(s))
	if err != nil {
		return "", gateErr(err, field, verb)
	}
	return out, nil
}

// gateErr is a gate refusal as an InputError on field.
func gateErr(err error, field, verb string) *InputError {
	var ge *textgate.Error
	if !errors.As(err, &ge) {
		ge = &textgate.Error{Problem: textgate.Personnummer}
	}
	return &InputError{ID: "err.gate", Field: field, Verb: verb, gate: ge}
}

// text is the mistake in lang: the gate's own words for a gate refusal,
// else the catalogue's.
func (e *InputError) text(lang string) string {
	if e.gate != nil {
		return e.gate.Message(i18n.Lang(lang))
	}
	args := make([]any, len(e.Args))
	for i, a := range e.Args {
		if l, ok := a.(localized); ok {
			a = l.text(lang)
		}
		args[i] = a
	}
	return t(lang, e.ID, args...)
}

// localized is an InputError argument rendered in the reader's language.
type localized interface{ text(lang string) string }
