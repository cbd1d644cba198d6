// Package i18n is Samla's one text catalogue: the language as a type
// (Swedish or English), and message tables of one shape. Every package
// that shows text to a person owns a Catalogue of its own messages, each
// once in Swedish and once in English, and checks it the same way with
// i18ntest.Check: a test fails when a translation is missing, when the
// two languages take different arguments, when the code asks for a
// message that does not exist, or when a message is never used.
//
// Which language a person gets is decided per person, not per service:
// their own choice (/sip språk), else the locale their chat platform
// reports, else SAMLA_LANG. Parse reads all three.
package i18n
