package slack

import (
	"encoding/json"
	"flag"
	"path/filepath"
	"strings"
	"testing"

	slackgo "github.com/slack-go/slack"

	"github.com/samla-sip/samla/internal/chat"
	"github.com/samla-sip/samla/internal/testutil"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata")

var (
	declinePrompt  = &chat.Prompt{Title: "Kan inte komma", Label: "Varför kan du inte komma?"}
	delegatePrompt = &chat.Prompt{
		Title: "Skicka ersättare",
		Label: "Vem skickar du i stället?",
		Options: []chat.Option{
			{Value: "bup-lund-lakare", Label: "Läkare, BUP Lund"},
			{Value: "bup-lund-kurator", Label: "Kurator, BUP Lund"},
		},
		Checkbox: "Med mandat att fatta beslut",
	}
	invitation = chat.Message{
		Title: "Kallelse till SIP SIP-7K3QF2",
		Text:  "Du är inbjuden till ett SIP-möte för ett barn (0–18 år) i *Lund*.\nKallad av Karin Kurator, Elevhälsan Lund.",
		Fields: []chat.Field{
			{Label: "Möte", Value: "tors 10 dec 2026 13:00, via video möjligt"},
			{Label: "Parter", Value: "BUP, skola, socialtjänst barn"},
		},
		Buttons: []chat.Button{
			{Action: "rsvp.attend", Label: "Jag kommer", Value: "SIP-7K3QF2|inv1", Style: "primary"},
			{Action: "rsvp.video", Label: "Via video", Value: "SIP-7K3QF2|inv1"},
			{Action: "rsvp.decline", Label: "Kan inte", Value: "SIP-7K3QF2|inv1", Style: "danger", Prompt: declinePrompt},
			{Action: "rsvp.delegate", Label: "Skickar ersättare", Value: "SIP-7K3QF2|inv1", Prompt: delegatePrompt},
		},
	}
	statusMessage = chat.Message{
		Key:   "status/SIP-7K3QF2",
		Title: "SIP-7K3QF2 – status",
		Text:  "Samtycke: skriftligt, vårdnadshavare (23 nov)\nMöte: tors 10 dec 13:00\n• BUP Lund – *kommer via video*\n• Socialtjänsten barn – _väntar på svar_",
		Fields: []chat.Field{
			{Label: "Inbjudna", Value: "3"}, {Label: "Svar", Value: "1"}, {Label: "Saknas", Value: "2"},
		},
	}
)

func TestGoldenMessages(t *testing.T) {
	tests := []struct {
		name string
		v    any
	}{
		{"invitation", messageBlocks(invitation)},
		{"status", messageBlocks(statusMessage)},
		{"reply", replyBody(chat.Reply{Text: "Ärendet *SIP-7K3QF2* är skapat. Nästa steg: `/sip samtycke SIP-7K3QF2 skriftligt`"})},
		{"reply_message", replyBody(chat.Reply{Text: "SIP-7K3QF2", Message: &statusMessage})},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { golden(t, "message_"+tt.name, tt.v) })
	}
}

func TestGoldenModals(t *testing.T) {
	tb := newTestBot(t)
	meta := viewMeta{ResponseURL: "https://hooks.slack.com/commands/T1/1/abc", Channel: "C1"}
	ny, err := tb.newCaseModal(meta)
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "modal_ny", ny)
	decline, err := tb.promptModal(*declinePrompt, "", viewMeta{Action: "rsvp.decline", Value: "SIP-7K3QF2|inv1", Channel: "D1"})
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "modal_decline", decline)
	delegate, err := tb.promptModal(*delegatePrompt, "", viewMeta{Action: "rsvp.delegate", Value: "SIP-7K3QF2|inv1", Channel: "D1"})
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "modal_delegate", delegate)
	asked, err := tb.promptModal(chat.Prompt{Title: "Avsluta utan uppföljning", Label: "Orsak", Optional: false},
		"SIP-7K3QF2 saknar uppföljningsdatum. Ange varför ärendet ändå avslutas.", viewMeta{Action: "case.close", Value: "SIP-7K3QF2", Channel: "C1"})
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "modal_reply_prompt", asked)
	golden(t, "message_working", textBody(tb.t("working")))
}

func TestGoldenNewCaseModalEnglish(t *testing.T) {
	tb := newTestBot(t, func(o *Options) { o.Lang = "en" })
	ny, err := tb.newCaseModal(viewMeta{Channel: "C1"})
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "modal_ny_en", ny)
}

func TestRenderEscapesMarkup(t *testing.T) {
	m := chat.Message{Text: "<!channel> <https://evil|klicka> & *fet*", Fields: []chat.Field{{Label: "<@U1>", Value: "a>b"}}}
	raw, err := json.Marshal(messageBlocks(m))
	if err != nil {
		t.Fatal(err)
	}
	s := string(raw)
	for _, bad := range []string{"<!channel>", "<https://evil", "<@U1>"} {
		if strings.Contains(s, bad) {
			t.Errorf("rendered %s contains unescaped %q", s, bad)
		}
	}
	if !strings.Contains(s, "*fet*") {
		t.Errorf("bold markup lost: %s", s)
	}
}

func TestRenderLimits(t *testing.T) {
	var buttons []chat.Button
	for range 30 {
		buttons = append(buttons, chat.Button{Action: "slot.vote", Label: strings.Repeat("x", 100), Value: "v"})
	}
	var fields []chat.Field
	for range 12 {
		fields = append(fields, chat.Field{Label: "l", Value: "v"})
	}
	m := chat.Message{Title: strings.Repeat("T", 200), Text: strings.Repeat("rad\n", 1000), Fields: fields, Buttons: buttons}
	blocks := messageBlocks(m)
	var sections, actions int
	for _, b := range blocks {
		switch blk := b.(type) {
		case *slackgo.HeaderBlock:
			if n := len([]rune(blk.Text.Text)); n > maxHeader {
				t.Errorf("header of %d runes", n)
			}
		case *slackgo.SectionBlock:
			sections++
			if blk.Text != nil && len([]rune(blk.Text.Text)) > maxSectionText {
				t.Errorf("section of %d runes", len([]rune(blk.Text.Text)))
			}
			if len(blk.Fields) > maxFieldsPerSec {
				t.Errorf("%d fields in one section", len(blk.Fields))
			}
		case *slackgo.ActionBlock:
			actions++
			ids := map[string]bool{}
			for _, el := range blk.Elements.ElementSet {
				btn := el.(*slackgo.ButtonBlockElement)
				if ids[btn.ActionID] {
					t.Errorf("duplicate action_id %q in one block", btn.ActionID)
				}
				ids[btn.ActionID] = true
				if actionName(btn.ActionID) != "slot.vote" {
					t.Errorf("action_id %q does not map back to slot.vote", btn.ActionID)
				}
				if len([]rune(btn.Text.Text)) > maxButtonLabel {
					t.Errorf("button label of %d runes", len([]rune(btn.Text.Text)))
				}
			}
		}
	}
	if actions != 2 {
		t.Errorf("%d action blocks for 30 buttons, want 2", actions)
	}
	if sections < 3 {
		t.Errorf("%d sections, want text split over several plus 2 field sections", sections)
	}
}

func TestButtonValueRoundTrip(t *testing.T) {
	big := &chat.Prompt{Title: "Välj", Label: "Vem?"}
	for i := range 200 {
		big.Options = append(big.Options, chat.Option{Value: strings.Repeat("k", 20) + string(rune('a'+i%26)), Label: strings.Repeat("Namn ", 6)})
	}
	tests := []chat.Button{
		{Action: "rsvp.attend", Value: "SIP-7K3QF2|inv1"},
		{Action: "rsvp.decline", Value: "SIP-7K3QF2|inv1", Prompt: declinePrompt},
		{Action: "rsvp.delegate", Value: "SIP-7K3QF2|inv1", Prompt: delegatePrompt},
		{Action: "rsvp.delegate", Value: "SIP-7K3QF2|inv2", Prompt: big},
	}
	for _, btn := range tests {
		v := buttonValue(btn)
		if len(v) > maxButtonValue {
			t.Errorf("%s: value of %d chars", btn.Action, len(v))
		}
		value, prompt := parseButtonValue(v)
		if value != btn.Value {
			t.Errorf("%s: value %q, want %q", btn.Action, value, btn.Value)
		}
		if (prompt == nil) != (btn.Prompt == nil) {
			t.Fatalf("%s: prompt %v, want %v", btn.Action, prompt, btn.Prompt)
		}
		if prompt != nil && (prompt.Title != btn.Prompt.Title || prompt.Checkbox != btn.Prompt.Checkbox || len(prompt.Options) == 0 && len(btn.Prompt.Options) > 0) {
			t.Errorf("%s: prompt %+v lost data", btn.Action, prompt)
		}
	}
}

func FuzzParseButtonValue(f *testing.F) {
	f.Add(buttonValue(invitation.Buttons[3]))
	f.Add("SIP-7K3QF2|inv1")
	f.Add(promptPrefix + "{")
	f.Fuzz(func(t *testing.T, v string) {
		value, prompt := parseButtonValue(v)
		if prompt == nil && value != v {
			t.Fatalf("plain value changed: %q → %q", v, value)
		}
	})
}

// golden compares v, as indented JSON, with testdata/name.json.
func golden(t *testing.T, name string, v any) {
	t.Helper()
	testutil.GoldenJSON(t, filepath.Join("testdata", name+".json"), v, *update)
}
