// Package textgate is the one input-hygiene gate for free text that people
// type into Samla, from every chat platform and the web: a command line, a
// needs text, a meeting place, a close reason, an agenda edit, a prompt
// answer.
//
// Clean refuses a field that holds a Swedish personnummer or
// samordningsnummer in any spelling people or their keyboards produce
// (en dash, no-break or zero-width space, full-width digits, "." or " - "
// separators, 10 or 12 digits), refuses a field longer than its cap, and
// removes bidi controls, zero-width and other invisible format characters
// from what is stored and shown. Detection runs on an NFKC-normalised
// skeleton of the text, so look-alike digits, dashes and spaces count as
// the ASCII ones; the stored text keeps the user's own characters.
//
// The refusal is an *Error whose Message is the same text on every
// platform, in Swedish or English.
//
// The package imports nothing of Samla's, so every package (the directory
// included) can use the one detector.
package textgate
