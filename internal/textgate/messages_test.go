package textgate

import (
	"testing"

	"github.com/samla-sip/samla/internal/i18n/i18ntest"
)

func TestMessages(t *testing.T) {
	i18ntest.Check(t, messages, i18ntest.Uses{Funcs: []string{"T"}})
}
