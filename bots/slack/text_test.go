package slack

import (
	"testing"

	"github.com/samla-sip/samla/internal/i18n/i18ntest"
)

func TestTexts(t *testing.T) {
	i18ntest.Check(t, texts, i18ntest.Uses{Funcs: []string{"t"}})
}
