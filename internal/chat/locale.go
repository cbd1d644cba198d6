package chat

import "context"

// LocaleSource tells the locale a chat platform keeps for a person (Slack
// users.info with include_locale, Mattermost's user locale), as the
// platform spells it ("en-US", "sv"); "" when it keeps none. The core
// reads it with i18n.Parse and uses it for a person who has not chosen a
// language with /sip språk.
type LocaleSource interface {
	Locale(ctx context.Context, of Address) (string, error)
}

// Locales asks the platform of the address; platforms not in the map (the
// console, e-mail) keep no locale.
type Locales map[string]LocaleSource

// Locale implements LocaleSource.
func (l Locales) Locale(ctx context.Context, of Address) (string, error) {
	src, ok := l[of.Platform]
	if !ok || src == nil {
		return "", nil
	}
	return src.Locale(ctx, of)
}
