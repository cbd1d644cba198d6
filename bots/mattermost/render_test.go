package mattermost

import (
	"strings"
	"testing"

	"github.com/mattermost/mattermost/server/public/model"

	"github.com/samla-sip/samla/internal/chat"
	"github.com/samla-sip/samla/internal/i18n"
)

func TestRenderPlainAndPromptDialogs(t *testing.T) {
	fake := newFakeMM(t)
	b := testBot(t, fake, &recorder{}, nil)
	msg, props := b.render("skane", anyUser, chat.Message{Text: "Ärende *SIP-7K3QF2* stängt."})
	if msg != "Ärende **SIP-7K3QF2** stängt." || len(props) != 0 {
		t.Errorf("plain message rendered as %q, %v", msg, props)
	}
	tests := []struct {
		name   string
		prompt chat.Prompt
	}{
		{"dialog_reason", chat.Prompt{Title: "Kan inte komma", Label: "Varför kan du inte komma?", Optional: true}},
		{"dialog_long_labels", chat.Prompt{
			Title: "En mycket lång rubrik som inte får plats", Label: strings.Repeat("lång etikett ", 20),
			Checkbox: "Ersättaren har mandat att fatta beslut för enheten",
		}},
	}
	for _, tt := range tests {
		d := b.promptDialog(tt.prompt, "(signed)")
		if err := d.IsValid(); err != nil {
			t.Errorf("%s: Mattermost would refuse the dialog: %v", tt.name, err)
		}
		golden(t, tt.name, d)
	}
	if err := (&model.OpenDialogRequest{URL: "x", TriggerId: "t", Dialog: b.newCaseDialog("s")}).IsValid(); err != nil {
		t.Errorf("new-case dialog: %v", err)
	}
	for _, a := range func() []*model.PostAction {
		_, props := b.render("skane", "u", invitation)
		return props[model.PostPropsAttachments].([]*model.SlackAttachment)[0].Actions
	}() {
		if err := a.IsValid(); err != nil {
			t.Errorf("button %q: %v", a.Name, err)
		}
	}
}

func TestDialogsValidInBothLanguages(t *testing.T) {
	for _, lang := range i18n.Langs() {
		fake := newFakeMM(t)
		b := testBot(t, fake, &recorder{}, nil)
		b.opts.Lang = lang
		for name, d := range map[string]model.Dialog{
			"new case": b.newCaseDialog("s"),
			"prompt":   b.promptDialog(chat.Prompt{Checkbox: "x", Options: []chat.Option{{Value: "a", Label: "A"}}}, "s"),
		} {
			if err := d.IsValid(); err != nil {
				t.Errorf("%s %s: %v", lang, name, err)
			}
		}
	}
}
