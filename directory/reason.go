package directory

import (
	"strings"
	"time"

	"github.com/samla-sip/samla/internal/i18n"
)

// text is a Reason rendered in both languages from the catalogue.
type text i18n.Text

// Text is the reason in l.
func (t text) Text(l i18n.Lang) string { return i18n.Text(t).In(l) }

// says renders message id in both languages with args.
func says(id string, args ...any) text { return text(messages.Both(id, args...)) }

// saysIn renders message id in both languages with arguments that are
// themselves in the language (care and role labels).
func saysIn(id string, args func(l i18n.Lang) []any) text {
	return text{Sv: messages.T(i18n.Swedish, id, args(i18n.Swedish)...), En: messages.T(i18n.English, id, args(i18n.English)...)}
}

// join links reasons with "; " (the parts, in order).
func join(parts ...text) text {
	var sv, en []string
	for _, p := range parts {
		if p.Sv != "" {
			sv = append(sv, p.Sv)
			en = append(en, p.En)
		}
	}
	return text{Sv: strings.Join(sv, "; "), En: strings.Join(en, "; ")}
}

// then links a cause and its consequence with an arrow.
func then(cause, effect text) text {
	return text{Sv: cause.Sv + " → " + effect.Sv, En: cause.En + " → " + effect.En}
}

// monthIDs are the catalogue ids of the short month names.
var monthIDs = [...]string{"month.jan", "month.feb", "month.mar", "month.apr", "month.may", "month.jun",
	"month.jul", "month.aug", "month.sep", "month.oct", "month.nov", "month.dec"}

// awayText says until when a contact is away and, when the absence was
// reported in chat or both sources apply, where it came from: "Anna är
// borta till 6 jan (anmält i chatten; katalogfilen: till 3 jan)".
func awayText(c *Contact, a absence) text {
	t := untilText(c.Name, a.Away)
	if !a.fromChat && a.other == nil {
		return t
	}
	src := sourceText(a.fromChat)
	if a.other != nil {
		o := *a.other
		other := sourceText(!a.fromChat)
		var also text
		if o.Until.IsZero() {
			also = saysIn("src.open", func(l i18n.Lang) []any { return []any{other.Text(l)} })
		} else {
			also = saysIn("src.until", func(l i18n.Lang) []any {
				return []any{other.Text(l), o.Until.Day(), messages.T(l, monthIDs[o.Until.Month()-1])}
			})
		}
		src = text{Sv: src.Sv + "; " + also.Sv, En: src.En + "; " + also.En}
	}
	return text{Sv: t.Sv + " (" + src.Sv + ")", En: t.En + " (" + src.En + ")"}
}

func untilText(name string, a Away) text {
	if a.Until.IsZero() {
		return says("away", name)
	}
	u := a.Until
	return saysIn("away.until", func(l i18n.Lang) []any { return []any{name, u.Day(), messages.T(l, monthIDs[u.Month()-1])} })
}

func sourceText(fromChat bool) text {
	if fromChat {
		return says("src.chat")
	}
	return says("src.file")
}

func dayOf(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}
