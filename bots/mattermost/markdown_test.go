package mattermost

import (
	"strings"
	"testing"
	"unicode"

	"github.com/mattermost/mattermost/server/public/model"
	mmmarkdown "github.com/mattermost/mattermost/server/public/shared/markdown"

	"github.com/samla-sip/samla/internal/chat"
	"github.com/samla-sip/samla/internal/textgate"
)

func TestMarkdown(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", "plain"},
		{"*fet* och _kursiv_", "**fet** och _kursiv_"},
		{"redan **fet**", "redan **fet**"},
		{"• *BUP Lund*: kommer\n• Skola: väntar", "• **BUP Lund**: kommer\n• Skola: väntar"},
		{"", ""},
		// issue 16, problem 6: what people type is shown, never acted on
		{"[Klicka](https://evil.example/x)", `\[Klicka\](https://evil.example/x)`},
		{"![px](https://evil.example/p.png)", `!\[px\](https://evil.example/p.png)`},
		{"[ref]: https://evil.example\n[ref]", "\\[ref\\]: https://evil.example\n\\[ref\\]"},
		{"<https://evil.example>", `\<https://evil.example>`},
		{"@channel titta", "@\u200bchannel titta"},
		{"plats: @all, @here och @anna.berg", "plats: @\u200ball, @\u200bhere och @\u200banna.berg"},
		{"(@channel) _@all_ x.@here", "(@\u200bchannel) _@\u200ball_ x.@\u200bhere"},
		{"anna.berg@lund.example.se", "anna.berg@lund.example.se"},
		{"# Rubrik\n## Två\n> citat\n- punkt\n+ punkt\n===\n---", "\\# Rubrik\n\\## Två\n\\> citat\n\\- punkt\n\\+ punkt\n\\===\n\\---"},
		{"| a | b |\n|---|---|\n| 1 | 2 |", "\\| a \\| b \\|\n\\|---\\|---\\|\n\\| 1 \\| 2 \\|"},
		{"a | b\n--- | ---", "a \\| b\n\\--- \\| ---"},
		{"```\nkod\n```", "\\`\\`\\`\nkod\n\\`\\`\\`"},
		{"~~struken~~ `kod`", "\\~\\~struken\\~\\~ \\`kod\\`"},
		{`\[inte\] en länk`, `\\\[inte\\\] en länk`},
		{"  # indragen", "  \\# indragen"},
		{"Rum 4 - plan 2, kl. 13#", "Rum 4 - plan 2, kl. 13#"},
		{"Rum\u202e 4\u200b\u2066", "Rum 4"}, // invisible characters dropped, even in old records
	}
	for _, tt := range tests {
		if got := markdown(tt.in); got != tt.want {
			t.Errorf("markdown(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestInlineTitle(t *testing.T) {
	if got := inline("SIP *x* [a](b) @all\nrad"); got != `SIP \*x\* \[a\](b) @`+"\u200b"+`all rad` {
		t.Errorf("inline = %q", got)
	}
}

// attacks are texts a party could type into a place, a reason, needs or
// an agenda, to reach every other party's client.
var attacks = []string{
	"[Klicka](https://evil.example/login)",
	"![px](https://evil.example/p.png)",
	"@channel", "@all", "@here", "@anna.berg",
}

// TestRenderEscapesUserText: message text, attachment text, field values
// and the title reach Mattermost with no link, image or mention, as
// Mattermost's own parser (the one that sends mention notifications) reads
// them.
func TestRenderEscapesUserText(t *testing.T) {
	b := testBot(t, newFakeMM(t), &recorder{}, nil)
	for _, attack := range attacks {
		if unsafeMarkdown(attack) == "" {
			t.Fatalf("the check itself misses %q", attack)
		}
		plain, _ := b.render("skane", anyUser, chat.Message{Text: "Plats: " + attack})
		message, props := b.render("skane", anyUser, chat.Message{
			Title:  "SIP-7K3QF2 " + attack,
			Text:   "Mötet flyttas. Plats: " + attack,
			Fields: []chat.Field{{Label: "Plats", Value: attack}, {Label: "Orsak", Value: "kan inte – " + attack}},
		})
		att := props[model.PostPropsAttachments].([]*model.SlackAttachment)[0]
		texts := map[string]string{"plain message": plain, "message": message, "attachment text": att.Text}
		for _, f := range att.Fields {
			texts["field "+f.Title] = f.Value.(string)
		}
		for where, s := range texts {
			if bad := unsafeMarkdown(s); bad != "" {
				t.Errorf("%q in the %s: %s in %q", attack, where, bad, s)
			}
		}
	}
}

// TestCommandReplyEscaped: a command's answer (which can echo what was
// typed) is escaped too.
func TestCommandReplyEscaped(t *testing.T) {
	for _, attack := range attacks {
		got := markdown(chat.Reply{Text: "Mötet är bokat, plats " + attack}.Body().Plain())
		if bad := unsafeMarkdown(got); bad != "" {
			t.Errorf("%q: %s in %q", attack, bad, got)
		}
	}
}

// unsafeMarkdown reports what in s Mattermost would act on: a link or an
// image (by Mattermost's parser) or a mention (by its notification rule:
// a word of letters, digits and ".-_:" starting with @).
func unsafeMarkdown(s string) string {
	bad := ""
	var text strings.Builder
	mmmarkdown.Inspect(s, func(node any) bool {
		switch n := node.(type) {
		case *mmmarkdown.InlineLink, *mmmarkdown.InlineImage, *mmmarkdown.ReferenceLink, *mmmarkdown.ReferenceImage:
			bad = "a link or image"
		case *mmmarkdown.Autolink:
			if strings.Contains(s, "<"+n.Destination()) {
				bad = "an autolink"
			}
		case *mmmarkdown.Text:
			text.WriteString(n.Text)
		default:
			text.WriteString(" ")
		}
		return true
	})
	if bad != "" {
		return bad
	}
	words := strings.FieldsFunc(text.String(), func(c rune) bool {
		return !(c == ':' || c == '.' || c == '-' || c == '_' || c == '@' || unicode.IsLetter(c) || unicode.IsNumber(c))
	})
	for _, w := range words {
		for _, part := range strings.FieldsFunc(w, func(c rune) bool { return c == '.' || c == '-' || c == ':' || c == '_' }) {
			if len(part) > 1 && part[0] == '@' {
				return "a mention " + part
			}
		}
		if w = strings.TrimLeft(w, ":.-_"); len(w) > 1 && w[0] == '@' {
			return "a mention " + w
		}
	}
	return ""
}

func FuzzMarkdown(f *testing.F) {
	for _, s := range append([]string{"*a*", "**", "a*b**c***", "å*ä*ö", "# x\n| a |", "x@y.se", `\@all`}, attacks...) {
		f.Add(s)
	}
	bare := strings.NewReplacer(`\`, "", "*", "", "\u200b", "")
	f.Fuzz(func(t *testing.T, s string) {
		got := markdown(s)
		if bare.Replace(got) != bare.Replace(textgate.Strip(s)) {
			t.Fatalf("markdown(%q) = %q changed more than escapes and asterisks", s, got)
		}
		if strings.Count(got, "*") < strings.Count(s, "*") {
			t.Fatalf("markdown(%q) = %q lost asterisks", s, got)
		}
		if bad := unsafeMarkdown(got); bad != "" {
			t.Fatalf("markdown(%q) = %q: %s", s, got, bad)
		}
	})
}
