package reminders

import (
	"testing"

	"github.com/samla-sip/samla/internal/i18n/i18ntest"
)

func TestCatalogue(t *testing.T) {
	// Titles and texts picked into variables by kind (render.go), and the
	// description of every registration code.
	dynamic := []string{
		"meeting.day.title", "meeting.day.text", "meeting.hr.title", "meeting.hr.text",
		"follow.week.title", "follow.week.text", "follow.day.title", "follow.day.text",
	}
	for _, kind := range []string{"region", "kommun"} {
		for _, discharge := range []bool{false, true} {
			for _, followUp := range []bool{false, true} {
				if code := RegistrationCode(kind, discharge, followUp); code != "" {
					dynamic = append(dynamic, "code."+code)
				}
			}
		}
	}
	i18ntest.Check(t, catalogue, i18ntest.Uses{Funcs: []string{"tr"}, Dynamic: dynamic})
}
