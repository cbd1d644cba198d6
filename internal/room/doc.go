// Package room is the case room (issue 13): Samla's own web page per SIP.
// Chat is the doorbell — it carries only the case reference, logistics and
// a link — and everything about the person (needs, goals, the plan's text)
// lives behind the link, on pages rendered here with html/template.
//
// Staff get in from chat: every case message has an "Öppna ärendet" button
// whose press answers with a link signed for that chat identity and that
// case, valid for minutes and only once (the use is recorded in the store
// with a TTL, so every replica refuses a second use). Opening it creates a
// server-side session (store record with an idle TTL, an absolute limit,
// an HttpOnly SameSite=Lax cookie, Secure on https). Every request asks
// the core again whether the person may see the case: a party whose
// invitation was withdrawn, or everyone after consent was withdrawn, is
// out at once. A case that does not exist and one that may not be seen
// answer the same "not found".
//
// Every form carries a CSRF token bound to the session; every response has
// a Content-Security-Policy without inline scripts or styles, X-Frame-
// Options DENY and Referrer-Policy no-referrer (links carry tokens).
package room
