package textgate

import (
	"fmt"
	"strconv"
	"strings"
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

// Message is the user-facing refusal in lang ("en" for English, anything
// else Swedish), the same on every platform.
func (e *Error) Message(lang string) string {
	en := lang == "en"
	switch e.Problem {
	case Personnummer:
		if en {
			return "Never type a personal identity number or coordination number into Samla. Nothing was saved. Use the case reference (SIP-…) instead."
		}
		return "Skriv aldrig personnummer eller samordningsnummer i Samla. Inget sparades. Använd ärendereferensen (SIP-…) i stället."
	default:
		if en {
			return fmt.Sprintf("%s is too long: at most %s characters, you wrote %s. Nothing was saved.",
				capitalize(e.Field.en), group(e.Field.Max, ","), group(e.Length, ","))
		}
		long := e.Field.long
		if long == "" {
			long = "lång"
		}
		return fmt.Sprintf("%s är för %s: högst %s tecken, du skrev %s. Inget sparades.",
			capitalize(e.Field.sv), long, group(e.Field.Max, "\u00a0"), group(e.Length, "\u00a0"))
	}
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
