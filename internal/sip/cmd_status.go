package sip

import (
	"context"

	"github.com/samla-sip/samla/internal/chat"
)

// cmdStatus shows the case to anyone involved; the needs text and exact
// age only to the convener and invitees who accepted.
func (s *Service) cmdStatus(ctx context.Context, r *request, cmd Cmd) (chat.Reply, error) {
	c, err := s.visible(ctx, r, cmd.Args[0])
	if err != nil {
		return chat.Reply{}, err
	}
	msg := s.renderStatus(r.lang, c, s.viewFor(c, r.me.Key))
	return chat.Reply{Text: messageText(msg), Message: &msg}, nil
}

// messageText flattens a message for platforms that show only text.
func messageText(m chat.Message) string {
	text := ""
	if m.Title != "" {
		text = "*" + m.Title + "*\n"
	}
	text += m.Text
	for _, f := range m.Fields {
		text += "\n" + f.Label + ": " + f.Value
	}
	return text
}
