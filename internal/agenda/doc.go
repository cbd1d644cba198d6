// Package agenda drafts a SIP meeting agenda from the convener's free-text
// needs. An optional OpenAI-compatible language model turns the redacted
// text into a structured draft; a deterministic agenda following the
// meeting structure (mötescirkeln) is used whenever the model is off, slow,
// failing or invalid. Nothing leaves the process before Redact has replaced
// identity numbers, phone numbers, e-mail and street addresses and names.
package agenda
