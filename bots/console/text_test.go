package console

import (
	"testing"

	"github.com/samla-sip/samla/internal/i18n/i18ntest"
)

func TestTexts(t *testing.T) {
	dynamic := []string{}
	for _, f := range newCaseFields {
		dynamic = append(dynamic, f.label) // the form's field labels
	}
	i18ntest.Check(t, texts, i18ntest.Uses{Funcs: []string{"text"}, Dynamic: dynamic})
}
