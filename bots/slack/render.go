package slack

import (
	"encoding/json"
	"strconv"
	"strings"
	"unicode/utf8"

	slackgo "github.com/slack-go/slack"

	"github.com/samla-sip/samla/internal/chat"
	"github.com/samla-sip/samla/internal/textgate"
)

// Block Kit limits.
const (
	maxHeader       = 150
	maxSectionText  = 3000
	maxFieldText    = 2000
	maxFieldsPerSec = 10
	maxButtonLabel  = 75
	maxButtonValue  = 2000
	maxActionsBlock = 25
	maxFallbackText = 3000
)

// promptPrefix marks a button value that carries a Prompt to open.
const promptPrefix = "samla-prompt:"

// escape makes text safe for mrkdwn: no links, mentions or @channel can be
// injected, while *bold* and _italic_ still render; bidi controls and
// invisible characters are dropped (textgate.Strip).
func escape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(textgate.Strip(s))
}

// truncate cuts s to at most n runes, marking the cut with "…".
func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

// messageBlocks renders a chat.Message as Block Kit blocks.
func messageBlocks(m chat.Message) []slackgo.Block {
	var blocks []slackgo.Block
	if m.Title != "" {
		blocks = append(blocks, slackgo.NewHeaderBlock(
			slackgo.NewTextBlockObject(slackgo.PlainTextType, truncate(m.Title, maxHeader), false, false)))
	}
	for _, chunk := range splitText(escape(m.Text), maxSectionText) {
		blocks = append(blocks, slackgo.NewSectionBlock(
			slackgo.NewTextBlockObject(slackgo.MarkdownType, chunk, false, false), nil, nil))
	}
	for i := 0; i < len(m.Fields); i += maxFieldsPerSec {
		var fields []*slackgo.TextBlockObject
		for _, f := range m.Fields[i:min(i+maxFieldsPerSec, len(m.Fields))] {
			text := "*" + escape(f.Label) + "*\n" + escape(f.Value)
			fields = append(fields, slackgo.NewTextBlockObject(slackgo.MarkdownType, truncate(text, maxFieldText), false, false))
		}
		blocks = append(blocks, slackgo.NewSectionBlock(nil, fields, nil))
	}
	for i := 0; i < len(m.Buttons); i += maxActionsBlock {
		part := m.Buttons[i:min(i+maxActionsBlock, len(m.Buttons))]
		blocks = append(blocks, slackgo.NewActionBlock("samla-actions-"+strconv.Itoa(i/maxActionsBlock), buttonElements(part)...))
	}
	return blocks
}

// buttonElements renders buttons. The action_id is Button.Action; a repeated
// action in one block gets a "#n" suffix (action ids must be unique per block)
// that actionName strips again.
func buttonElements(buttons []chat.Button) []slackgo.BlockElement {
	seen := map[string]int{}
	var els []slackgo.BlockElement
	for _, btn := range buttons {
		id := btn.Action
		if n := seen[btn.Action]; n > 0 {
			id += "#" + strconv.Itoa(n)
		}
		seen[btn.Action]++
		el := slackgo.NewButtonBlockElement(id, buttonValue(btn),
			slackgo.NewTextBlockObject(slackgo.PlainTextType, truncate(btn.Label, maxButtonLabel), false, false))
		switch btn.Style {
		case "primary":
			el.Style = slackgo.StylePrimary
		case "danger":
			el.Style = slackgo.StyleDanger
		}
		els = append(els, el)
	}
	return els
}

// actionName is the chat action of a Slack action_id.
func actionName(actionID string) string {
	name, _, _ := strings.Cut(actionID, "#")
	return name
}

// promptButton is the value of a button that opens a prompt first.
type promptButton struct {
	Value  string      `json:"v"`
	Prompt chat.Prompt `json:"p"`
}

// buttonValue is Button.Value, or for a button with a Prompt the value and
// the prompt encoded together (options dropped from the end if the 2,000
// character limit requires it).
func buttonValue(btn chat.Button) string {
	if btn.Prompt == nil {
		return btn.Value
	}
	pb := promptButton{Value: btn.Value, Prompt: *btn.Prompt}
	for {
		raw, err := json.Marshal(pb)
		if err == nil && len(promptPrefix)+len(raw) <= maxButtonValue {
			return promptPrefix + string(raw)
		}
		if len(pb.Prompt.Options) == 0 {
			// Unreachable in practice; a prompt without options is tiny.
			return btn.Value
		}
		pb.Prompt.Options = pb.Prompt.Options[:len(pb.Prompt.Options)-1]
	}
}

// parseButtonValue splits a button value into the chat value and the
// prompt it carries (nil for a plain button).
func parseButtonValue(v string) (string, *chat.Prompt) {
	raw, ok := strings.CutPrefix(v, promptPrefix)
	if !ok {
		return v, nil
	}
	var pb promptButton
	if err := json.Unmarshal([]byte(raw), &pb); err != nil {
		return v, nil
	}
	return pb.Value, &pb.Prompt
}

// splitText splits s into chunks of at most n runes, preferring line breaks.
func splitText(s string, n int) []string {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	var out []string
	for utf8.RuneCountInString(s) > n {
		r := []rune(s)
		cut := n
		if i := strings.LastIndex(string(r[:n]), "\n"); i > 0 {
			cut = utf8.RuneCountInString(string(r[:n])[:i])
		}
		out = append(out, string(r[:cut]))
		s = strings.TrimLeft(string(r[cut:]), "\n")
	}
	if s != "" {
		out = append(out, s)
	}
	return out
}

// fallbackText is the plain notification text of a message.
func fallbackText(m chat.Message) string {
	s := m.Title
	if m.Text != "" {
		if s != "" {
			s += "\n"
		}
		s += m.Text
	}
	return truncate(escape(s), maxFallbackText)
}

// withLine is r with line added below its body's text.
func withLine(r chat.Reply, line string) chat.Reply {
	m := r.Body()
	m.Text = strings.TrimSpace(m.Text + "\n" + line)
	r.Text, r.Message = "", &m
	return r
}

// ephemeral is the JSON body of an in-channel private answer (slash
// command response or response_url post).
type ephemeral struct {
	ResponseType    string          `json:"response_type"`
	ReplaceOriginal bool            `json:"replace_original"`
	Text            string          `json:"text"`
	Blocks          []slackgo.Block `json:"blocks,omitempty"`
}

// replyBody renders a reply as an ephemeral answer.
func replyBody(r chat.Reply) ephemeral {
	m := r.Body()
	return ephemeral{ResponseType: "ephemeral", Text: fallbackText(m), Blocks: messageBlocks(m)}
}

// textBody is an ephemeral answer with plain text.
func textBody(s string) ephemeral {
	return replyBody(chat.Reply{Text: s})
}
