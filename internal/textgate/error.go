package textgate

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/samla-sip/samla/internal/i18n"
)

// Problem is why a field was refused.
type Problem int

const (
	// Personnummer: the text holds a personnummer or samordningsnummer.
	Personnummer Problem = iota + 1
	// TooLong: the text has more characters than the field's cap.
	TooLong
)

// Error is a refused field. It never holds the refused text.
type Error struct {
	Field   Field
	Problem Problem
	Length  int // characters typed, for TooLong
}

func (e *Error) Error() string {
	switch e.Problem {
	case Personnummer:
		return fmt.Sprintf("textgate: %s holds a personnummer", e.Field.Name)
	default:
		return fmt.Sprintf("textgate: %s is %d characters, cap %d", e.Field.Name, e.Length, e.Field.Max)
	}
}

// messages are the refusals, the same on every platform.
var messages = i18n.Catalogue{
	"personnummer": {
		Sv: "Skriv aldrig personnummer eller samordningsnummer i Samla. Inget sparades. Använd ärendereferensen (SIP-…) i stället.",
		En: "Never type a personal identity number or coordination number into Samla. Nothing was saved. Use the case reference (SIP-…) instead.",
	},
	"toolong": {
		Sv: "%s är för %s: högst %s tecken, du skrev %s. Inget sparades.",
		En: "%s is too %s: at most %s characters, you wrote %s. Nothing was saved.",
	},
}

// Message is the user-facing refusal in l.
func (e *Error) Message(l i18n.Lang) string {
	if e.Problem == Personnummer {
		return messages.T(l, "personnummer")
	}
	name, long, sep := e.Field.sv, e.Field.long, "\u00a0"
	if long == "" {
		long = "lång"
	}
	if l == i18n.English {
		name, long, sep = e.Field.en, "long", ","
	}
	return messages.T(l, "toolong", capitalize(name), long, group(e.Field.Max, sep), group(e.Length, sep))
}

func capitalize(s string) string {
	for i := range s {
		if i > 0 {
			return strings.ToUpper(s[:i]) + s[i:]
		}
	}
	return strings.ToUpper(s)
}

// group writes n with sep between groups of three digits: 4000 → "4 000".
func group(n int, sep string) string {
	s := strconv.Itoa(n)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(c)
	}
	return b.String()
}
