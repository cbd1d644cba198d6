package i18n

import "fmt"

// Text is one message in both languages. Either may hold fmt verbs; both
// take the same arguments in the same order (i18ntest checks).
type Text struct {
	Sv string
	En string
}

// In is the message in l: English for English, else Swedish.
func (t Text) In(l Lang) string {
	if l == English {
		return t.En
	}
	return t.Sv
}

// Catalogue is one package's messages by id.
type Catalogue map[string]Text

// T renders message id in l with args. A missing id renders as "!id" so
// the mistake shows instead of a blank; i18ntest.Check finds it first.
func (c Catalogue) T(l Lang, id string, args ...any) string {
	m, ok := c[id]
	if !ok {
		return "!" + id
	}
	f := m.In(l)
	if len(args) == 0 {
		return f
	}
	return fmt.Sprintf(f, args...)
}

// Has reports whether the catalogue has message id.
func (c Catalogue) Has(id string) bool {
	_, ok := c[id]
	return ok
}

// Both renders message id in every language, for a text decided before
// its reader is known (a routing reason, an error carried up); the reader
// picks with In.
func (c Catalogue) Both(id string, args ...any) Text {
	return Text{Sv: c.T(Swedish, id, args...), En: c.T(English, id, args...)}
}
