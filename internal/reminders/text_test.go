package reminders

import (
	"testing"

	"github.com/samla-sip/samla/internal/i18n/i18ntest"
)

func TestCatalogue(t *testing.T) {
	// Titles and texts picked into variables by kind (render.go).
	dynamic := []string{
		"meeting.day.title", "meeting.day.text", "meeting.hr.title", "meeting.hr.text",
		"follow.week.title", "follow.week.text", "follow.day.title", "follow.day.text",
		"esc.note.title", "esc.unanswered.title",
	}
	i18ntest.Check(t, catalogue, i18ntest.Uses{Funcs: []string{"tr"}, Dynamic: dynamic})
}
