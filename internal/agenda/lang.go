package agenda

// normLang returns "en" for English and "sv" (the default) otherwise.
func normLang(lang string) string {
	if lang == "en" {
		return "en"
	}
	return "sv"
}

// text is one user-facing message in Swedish and English.
type text struct{ sv, en string }

func (t text) in(lang string) string {
	if normLang(lang) == "en" {
		return t.en
	}
	return t.sv
}
