package mattermost

import (
	"context"
	"encoding/json"
	"time"
	"unicode/utf8"

	"github.com/mattermost/mattermost/server/public/model"

	"github.com/samla-sip/samla/internal/chat"
)

// dialogTTL is how long an opened dialog may be submitted.
const dialogTTL = time.Hour

// Dialog element names.
const (
	fieldInput = "input"
	fieldFlag  = "flag"
)

// openDialog asks Mattermost to show d to the user who caused trigger.
func (b *Bot) openDialog(ctx context.Context, s *server, trigger string, d model.Dialog) error {
	resp, err := s.api.OpenInteractiveDialog(ctx, model.OpenDialogRequest{TriggerId: trigger, URL: b.dialogs, Dialog: d})
	if err != nil {
		return classify(resp, err, "open dialog")
	}
	return nil
}

// promptState signs what a prompt dialog's submission will run, for user.
func (b *Bot) promptState(srv, userID, action, value string) string {
	return b.state(signed{Server: srv, User: userID, Action: action, Value: value})
}

func (b *Bot) state(c signed) string {
	st, _ := json.Marshal(b.sig.sign(c, b.opts.Now().Add(dialogTTL))) // plain strings always marshal
	return string(st)
}

// promptDialog asks for a prompt's input: a choice when it has options,
// else free text; plus its yes/no question, if any.
func (b *Bot) promptDialog(p chat.Prompt, state string) model.Dialog {
	lang := b.opts.Lang
	input := model.DialogElement{
		Name:     fieldInput,
		Optional: p.Optional,
	}
	input.DisplayName, input.HelpText = fit(p.Label, text(lang, "prompt.answer"))
	if len(p.Options) > 0 {
		input.Type = "select"
		for _, o := range p.Options {
			input.Options = append(input.Options, &model.PostActionOptions{Text: o.Label, Value: o.Value})
		}
	} else {
		input.Type = "textarea"
		input.MaxLength = 1000
	}
	d := model.Dialog{
		CallbackId:  "samla-prompt",
		SubmitLabel: text(lang, "prompt.submit"),
		State:       state,
		Elements:    []model.DialogElement{input},
	}
	d.Title, d.IntroductionText = fit(p.Title, text(lang, "prompt.title"))
	if p.Checkbox != "" {
		flag := model.DialogElement{Name: fieldFlag, Type: "bool", Optional: true, Default: "false"}
		flag.DisplayName, _ = fit(p.Checkbox, text(lang, "prompt.flag"))
		flag.Placeholder = truncate(p.Checkbox, model.DialogElementBoolMaxLength)
		d.Elements = append(d.Elements, flag)
	}
	return d
}

// fit returns s as a short label when it fits Mattermost's 24-byte limit;
// otherwise short and s as the longer help or introduction text.
func fit(s, short string) (label, long string) {
	if s == "" {
		return short, ""
	}
	if len(s) <= model.DialogTitleMaxLength {
		return s, ""
	}
	return short, truncate(s, model.DialogElementHelpTextMaxLength)
}

// truncate cuts s to at most n bytes on a rune boundary.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}
