package slack

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	slackgo "github.com/slack-go/slack"

	"github.com/samla-sip/samla/internal/chat"
)

// Callback ids of the modals the bot opens.
const (
	callbackNew    = "samla.ny"
	callbackPrompt = "samla.prompt"
)

// maxMetadata is Slack's private_metadata limit.
const maxMetadata = 3000

// maxFreeText is the longest free text (needs, reason) the core accepts.
const maxFreeText = 500

// viewMeta is the private_metadata of a modal: the action a prompt answers
// and where the final reply goes.
type viewMeta struct {
	Action      string `json:"a,omitempty"`
	Value       string `json:"v,omitempty"`
	ResponseURL string `json:"u,omitempty"`
	Channel     string `json:"c,omitempty"`
}

// encode returns the metadata as a string within Slack's limit (the
// response_url is dropped first if needed; the reply then goes by DM).
func (m viewMeta) encode() (string, error) {
	raw, err := json.Marshal(m)
	if err != nil {
		return "", fmt.Errorf("slack: encode metadata: %w", err)
	}
	if len(raw) > maxMetadata && m.ResponseURL != "" {
		m.ResponseURL = ""
		return m.encode()
	}
	if len(raw) > maxMetadata {
		return "", fmt.Errorf("slack: metadata of %d bytes exceeds %d", len(raw), maxMetadata)
	}
	return string(raw), nil
}

// decodeViewMeta reads private_metadata; garbage yields the zero value.
func decodeViewMeta(s string) viewMeta {
	var m viewMeta
	if s != "" {
		_ = json.Unmarshal([]byte(s), &m) // written by us; zero value on garbage
	}
	return m
}

// plain and md build text objects.
func plain(s string) *slackgo.TextBlockObject {
	return slackgo.NewTextBlockObject(slackgo.PlainTextType, s, false, false)
}

func md(s string) *slackgo.TextBlockObject {
	return slackgo.NewTextBlockObject(slackgo.MarkdownType, s, false, false)
}

// promptModal is the modal collecting a chat.Prompt's input: a text field
// or a choice among the options, plus the optional checkbox. intro is
// shown above (the core's reply text when it asked).
func (b *Bot) promptModal(p chat.Prompt, intro string, meta viewMeta) (slackgo.ModalViewRequest, error) {
	pm, err := meta.encode()
	if err != nil {
		return slackgo.ModalViewRequest{}, err
	}
	var blocks []slackgo.Block
	if intro != "" {
		blocks = append(blocks, slackgo.NewSectionBlock(md(truncate(escape(intro), maxSectionText)), nil, nil))
	}
	label := p.Label
	if label == "" {
		label = b.t("prompt_input")
	}
	var el slackgo.BlockElement
	if len(p.Options) > 0 {
		var opts []*slackgo.OptionBlockObject
		for _, o := range p.Options[:min(len(p.Options), 100)] {
			opts = append(opts, slackgo.NewOptionBlockObject(truncate(o.Value, 150), plain(truncate(o.Label, 75)), nil))
		}
		el = slackgo.NewOptionsSelectBlockElement(slackgo.OptTypeStatic, plain(b.t("prompt_choose")), "choice", opts...)
	} else {
		in := slackgo.NewPlainTextInputBlockElement(nil, "text")
		in.Multiline = true
		in.MaxLength = maxFreeText
		el = in
	}
	input := slackgo.NewInputBlock("input", plain(truncate(label, 2000)), nil, el)
	input.Optional = p.Optional
	blocks = append(blocks, input)
	if p.Checkbox != "" {
		box := slackgo.NewCheckboxGroupsBlockElement("flag",
			slackgo.NewOptionBlockObject("yes", plain(truncate(p.Checkbox, 75)), nil))
		flag := slackgo.NewInputBlock("flag", plain(truncate(p.Checkbox, 2000)), nil, box)
		flag.Optional = true
		blocks = append(blocks, flag)
	}
	title := p.Title
	if title == "" {
		title = "Samla"
	}
	return slackgo.ModalViewRequest{
		Type:            slackgo.VTModal,
		CallbackID:      callbackPrompt,
		Title:           plain(truncate(title, 24)),
		Submit:          plain(b.t("submit")),
		Close:           plain(b.t("cancel")),
		Blocks:          slackgo.Blocks{BlockSet: blocks},
		PrivateMetadata: pm,
	}, nil
}

// ackWindow is how long after a request arrived views.open may still run:
// Slack's 3 s for the answer (and the trigger_id), less a margin to write
// the answer.
const ackWindow = 2800 * time.Millisecond

// openView opens a modal with a trigger_id (valid for 3 s after the user's
// action), using what is left of the window of the request that arrived
// at received.
func (b *Bot) openView(ctx context.Context, team, trigger string, view slackgo.ModalViewRequest, received time.Time) error {
	api, err := b.client(team)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithDeadline(ctx, received.Add(ackWindow))
	defer cancel()
	if _, err := api.OpenViewContext(ctx, trigger, view); err != nil {
		return classify("views.open", err)
	}
	return nil
}

// promptAnswer reads a submitted prompt modal into the chat.Action input.
func promptAnswer(state *slackgo.ViewState) (input string, flag bool) {
	if state == nil {
		return "", false
	}
	if a, ok := state.Values["input"]["text"]; ok {
		input = a.Value
	}
	if a, ok := state.Values["input"]["choice"]; ok {
		input = a.SelectedOption.Value
	}
	if a, ok := state.Values["flag"]["flag"]; ok {
		flag = len(a.SelectedOptions) > 0
	}
	return input, flag
}
