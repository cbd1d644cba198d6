package sip

// Quote renders s as one value of the /sip command language, the way its
// tokenizer reads it back: bare when it is one plain word, else quoted.
// Platforms use it to turn a form (a Slack modal, a Mattermost dialog) into
// the equivalent command text.
func Quote(s string) string { return quoteIfNeeded(s) }

// FindRef returns the first case reference (SIP-XXXXXX) in text, in its
// canonical form, or "" when there is none.
func FindRef(text string) string {
	ref, _ := normalizeRef(textRefRE.FindString(text))
	return ref
}
