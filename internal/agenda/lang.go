package agenda

import "github.com/samla-sip/samla/internal/i18n"

// normLang returns "en" for English and "sv" (the default) otherwise.
func normLang(lang string) string {
	l, _ := i18n.Parse(lang)
	return l.Or(i18n.Swedish).String()
}

// text is one user-facing message in Swedish and English.
type text i18n.Text

func (t text) in(lang string) string { return i18n.Text(t).In(i18n.Lang(normLang(lang))) }
