// Package email is Samla's e-mail channel: a chat.Sender that delivers the
// outbox's messages over SMTP to contacts who are on neither Slack nor
// Mattermost. A message becomes a multipart text + HTML e-mail; a message
// about a meeting also carries an iCalendar invitation (RFC 5545/5546) as a
// text/calendar part and an .ics attachment, so it lands in the recipient's
// calendar and later versions update or cancel the same event.
//
// Addresses are chat.Address{Platform: "email", User: "name@example.se"}.
// Temporary SMTP failures (4xx, timeouts, a relay that cannot be reached)
// are plain errors the outbox retries with backoff; permanent ones (5xx)
// wrap chat.ErrPermanent and are dead-lettered.
//
// An e-mail carries what the chat message carries — the case reference and
// the logistics — and never more: it is rendered from the same
// chat.Message the chat platforms get.
package email
