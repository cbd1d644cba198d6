// Package agenda drafts a SIP meeting agenda from the convener's free-text
// needs. An optional OpenAI-compatible language model turns the redacted
// text into a structured draft; a deterministic agenda following the
// meeting structure (mötescirkeln) is used whenever the model is off, slow,
// failing or invalid. Nothing leaves the process before Redact has replaced
// identity numbers, phone numbers, e-mail, street addresses and the names
// of people, places and units (every capitalised word that is not an
// ordinary Swedish word, by the embedded Hunspell word list), has
// generalised clinical terms, and the convener has approved exactly that
// text (Preview, Request.Approved). docs/agenda.md lists what is caught.
package agenda
