package email

import (
	"testing"

	"github.com/samla-sip/samla/internal/i18n/i18ntest"
)

func TestCatalogue(t *testing.T) {
	// refused (answers.go) picks the page title into a variable.
	i18ntest.Check(t, catalogue, i18ntest.Uses{Funcs: []string{"tr"}, Dynamic: []string{"link.invalid", "link.expired", "link.used"}})
}
