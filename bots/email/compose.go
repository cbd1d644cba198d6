package email

import (
	"strings"

	mail "github.com/wneessen/go-mail"

	"github.com/samla-sip/samla/internal/chat"
	"github.com/samla-sip/samla/internal/i18n"
)

// Headers Samla adds to every e-mail.
const (
	headerAutoSubmitted = mail.Header("Auto-Submitted")
	calendarFile        = "invite.ics"
)

// compose builds the e-mail of msg for to: a text and an HTML part, and
// for a meeting a text/calendar part and the same object as an .ics
// attachment. It returns the e-mail and its Message-ID.
func (m *Mailer) compose(to chat.Address, msg chat.Message, key string) (*mail.Msg, string, error) {
	if to.User == "" {
		return nil, "", errNoRecipient
	}
	mm := mail.NewMsg(mail.WithNoDefaultUserAgent())
	mm.FromMailAddress(m.from)
	if err := mm.To(to.User); err != nil {
		return nil, "", err
	}
	if m.o.ReplyTo != "" {
		if err := mm.ReplyTo(m.o.ReplyTo); err != nil {
			return nil, "", err
		}
	}
	id := m.messageID(key)
	mm.SetMessageIDWithValue(id)
	mm.SetDateWithValue(m.o.Now().In(m.o.Location))
	subject := subjectOf(msg.Title, msg.Text)
	mm.Subject(subject)
	mm.SetGenHeader(headerAutoSubmitted, "auto-generated")
	mm.SetGenHeader(mail.HeaderXAutoResponseSuppress, "All")
	mm.SetGenHeader(mail.HeaderContentLang, lang(m.o.Lang))

	b := body{Lang: lang(m.o.Lang), Title: msg.Title, Text: msg.Text, Fields: msg.Fields, Footer: tr(m.o.Lang, "footer")}
	if m.o.Links != nil {
		for _, btn := range msg.Buttons {
			u, ok := m.o.Links.URL(to, btn, subject)
			if !ok {
				continue
			}
			b.Links = append(b.Links, link{Label: btn.Label, URL: u})
			if btn.Action == m.o.StopAction && m.o.StopAction != "" {
				mm.SetGenHeader(mail.HeaderListUnsubscribe, "<"+u+">")
				mm.SetGenHeader(mail.HeaderListUnsubscribePost, "List-Unsubscribe=One-Click")
			}
		}
	}
	html, err := b.htmlPart()
	if err != nil {
		return nil, "", err
	}
	mm.SetBodyString(mail.TypeTextPlain, b.textPart())
	mm.AddAlternativeString(mail.TypeTextHTML, html)

	if msg.Meeting != nil {
		inv := invitation{Meeting: *msg.Meeting, Organizer: m.from.Address, Attendee: to.User,
			Loc: m.o.Location, Stamp: m.o.Now(), Description: plain(msg.Text)}
		cal := inv.render()
		ct := mail.ContentType("text/calendar; method=" + string(inv.method()))
		mm.AddAlternativeString(ct, cal, mail.WithPartEncoding(mail.EncodingB64))
		if err := mm.AttachReader(calendarFile, strings.NewReader(cal),
			mail.WithFileContentType("application/ics")); err != nil {
			return nil, "", err
		}
	}
	return mm, id, nil
}

// lang is the language code a text in l is written in.
func lang(l string) string {
	parsed, _ := i18n.Parse(l)
	return parsed.Or(i18n.Swedish).String()
}
