package directory

import "github.com/samla-sip/samla/internal/textgate"

// The personnummer detector is textgate's, the one every free-text field
// goes through (textgate imports nothing of Samla's). These names keep the
// directory's callers unchanged.

// FindPersonnummer returns the first personnummer or samordningsnummer in
// s, in any spelling textgate.FindPersonnummer knows.
func FindPersonnummer(s string) (match string, ok bool) { return textgate.FindPersonnummer(s) }

// RedactPersonnummer replaces every personnummer in s with
// "[personnummer]", e.g. before a message is logged.
func RedactPersonnummer(s string) string { return textgate.RedactPersonnummer(s) }

// ContainsPersonnummer reports whether s holds a personnummer.
func ContainsPersonnummer(s string) bool { return textgate.ContainsPersonnummer(s) }
