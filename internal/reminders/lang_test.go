package reminders

import (
	"context"
	"strings"
	"testing"

	"github.com/samla-sip/samla/internal/chat"
	"github.com/samla-sip/samla/internal/i18n"
)

// fakeLangs is each person's language by contact id.
type fakeLangs map[string]i18n.Lang

func (f fakeLangs) LangOf(_ context.Context, key string, to chat.Address) i18n.Lang {
	if key == "" {
		key = to.ContactID
	}
	return f[key].Or(i18n.Swedish)
}

// TestRemindersInRecipientsLanguage: a Swedish convener and an English
// invitee each get their reminders in their own language, whatever the
// service language.
func TestRemindersInRecipientsLanguage(t *testing.T) {
	w := testHours(t)
	c := baseCase(t, w) // convener conv-karin, invitee bup-berit (pending)
	rd := renderer{set: testSettings(t), dir: testDir(), langs: fakeLangs{"bup-berit": i18n.English, "conv-karin": i18n.Swedish}}
	ctx := context.Background()

	nudge := rd.render(ctx, c, Reminder{Kind: KindNudge, Case: c.Ref, Recipient: "bup-berit", Invitation: "i1"})
	if len(nudge) != 1 || nudge[0].to.ContactID != "bup-berit" {
		t.Fatalf("nudge %+v, want one message to bup-berit", nudge)
	}
	if got, want := nudge[0].msg.Title, tr("en", "nudge.title"); got != want {
		t.Errorf("nudge to the English invitee titled %q, want %q", got, want)
	}
	if got, want := nudge[0].msg.Buttons[0].Label, tr("en", "btn.snooze1d"); got != want {
		t.Errorf("nudge button %q, want %q", got, want)
	}

	esc := rd.render(ctx, c, Reminder{Kind: KindEscalate, Case: c.Ref, Recipient: "bup-berit", Invitation: "i1"})
	var note *outMsg
	for i := range esc {
		if esc[i].suffix == "convener" {
			note = &esc[i]
		}
	}
	if note == nil {
		t.Fatalf("escalation %+v has no note to the convener", esc)
	}
	if got, want := note.msg.Title, tr("sv", "esc.note.title", c.Ref); got != want {
		t.Errorf("escalation note to the Swedish convener titled %q, want %q", got, want)
	}

	rd.langs = fakeLangs{"bup-berit": i18n.Swedish, "conv-karin": i18n.English}
	nudge = rd.render(ctx, c, Reminder{Kind: KindNudge, Case: c.Ref, Recipient: "bup-berit", Invitation: "i1"})
	if got := nudge[0].msg.Title; got != tr("sv", "nudge.title") {
		t.Errorf("nudge to a Swedish invitee titled %q", got)
	}
	after := rd.render(ctx, c, Reminder{Kind: KindAfterMeeting, Case: c.Ref, Recipient: "conv-karin"})
	if len(after) != 1 || !strings.HasPrefix(after[0].msg.Title, strings.Split(tr("en", "after.title", c.Ref), c.Ref)[0]) {
		t.Errorf("after-meeting message to an English convener: %+v", after)
	}
}
