package directory

import (
	"fmt"
	"strings"
	"time"
)

// text is a Reason with a Swedish and an English wording.
type text struct{ sv, en string }

// Text returns the English wording for "en", else the Swedish.
func (t text) Text(lang string) string {
	if lang == "en" {
		return t.en
	}
	return t.sv
}

func says(sv, en string, args ...any) text {
	return text{fmt.Sprintf(sv, args...), fmt.Sprintf(en, args...)}
}

// join links reasons with "; " (the parts, in order).
func join(parts ...text) text {
	var sv, en []string
	for _, p := range parts {
		if p.sv != "" {
			sv = append(sv, p.sv)
			en = append(en, p.en)
		}
	}
	return text{strings.Join(sv, "; "), strings.Join(en, "; ")}
}

// then links a cause and its consequence with an arrow.
func then(cause, effect text) text {
	return text{cause.sv + " → " + effect.sv, cause.en + " → " + effect.en}
}

var svMonths = [...]string{"jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"}

// awayText says until when a contact is away.
func awayText(c *Contact) text {
	if c.Away == nil || c.Away.Until.IsZero() {
		return says("%s är borta tills vidare", "%s is away until further notice", c.Name)
	}
	u := c.Away.Until
	return text{
		fmt.Sprintf("%s är borta till %d %s", c.Name, u.Day(), svMonths[u.Month()-1]),
		fmt.Sprintf("%s is away until %d %s", c.Name, u.Day(), u.Month().String()[:3]),
	}
}

func dayOf(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}
