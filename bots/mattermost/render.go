package mattermost

import (
	"encoding/json"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/mattermost/mattermost/server/public/model"

	"github.com/samla-sip/samla/internal/chat"
)

// attachmentColor is Samla's accent on message attachments.
const attachmentColor = "#2f6f9f"

// render turns a chat message into a Mattermost post body: the title as the
// post's message (what notifications show) and one message attachment with
// the text, the fields and the buttons. Buttons are signed for user, the
// Mattermost user id allowed to press them ("*" for anyone).
func (b *Bot) render(srv, user string, msg chat.Message) (string, model.StringInterface) {
	text := markdown(msg.Text)
	if msg.Title == "" && len(msg.Fields) == 0 && len(msg.Buttons) == 0 {
		return text, model.StringInterface{}
	}
	att := &model.SlackAttachment{
		Fallback: fallback(msg),
		Color:    attachmentColor,
		Text:     text,
	}
	for _, f := range msg.Fields {
		att.Fields = append(att.Fields, &model.SlackAttachmentField{
			Title: f.Label,
			Value: markdown(f.Value),
			Short: model.SlackCompatibleBool(utf8.RuneCountInString(f.Value) <= 40),
		})
	}
	exp := b.opts.Now().Add(b.opts.ActionTTL)
	for i, btn := range msg.Buttons {
		att.Actions = append(att.Actions, b.button(srv, user, i, btn, exp))
	}
	message := ""
	if msg.Title != "" {
		message = "**" + inline(msg.Title) + "**"
	}
	return message, model.StringInterface{model.PostPropsAttachments: []*model.SlackAttachment{att}}
}

// button renders one signed button.
func (b *Bot) button(srv, user string, i int, btn chat.Button, exp time.Time) *model.PostAction {
	c := signed{Server: srv, Value: btn.Value, Action: btn.Action, User: user}
	if btn.Prompt != nil {
		p, _ := json.Marshal(btn.Prompt) // a Prompt always marshals
		c.Prompt = string(p)
	}
	c = b.sig.sign(c, exp)
	return &model.PostAction{
		Id:          actionID(i, btn.Action),
		Type:        model.PostActionTypeButton,
		Name:        btn.Label,
		Style:       buttonStyle(btn.Style),
		Integration: &model.PostActionIntegration{URL: b.actions, Context: c.toContext()},
	}
}

// actionID is a stable, unique, alphanumeric id (Mattermost's route for
// pressing a button accepts only [A-Za-z0-9]).
func actionID(i int, action string) string {
	var b strings.Builder
	for _, r := range action {
		if r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			b.WriteRune(r)
		}
	}
	b.WriteString(strconv.Itoa(i))
	return b.String()
}

func buttonStyle(s string) string {
	switch s {
	case "primary", "danger":
		return s
	}
	return "default"
}

// fallback is the plain-text form clients without attachments show.
func fallback(msg chat.Message) string {
	if msg.Title != "" {
		return msg.Title
	}
	line, _, _ := strings.Cut(msg.Text, "\n")
	return strings.ReplaceAll(line, "*", "")
}
