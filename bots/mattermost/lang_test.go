package mattermost

import (
	"context"
	"encoding/json"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/samla-sip/samla/internal/chat"
)

// TestInvitationInInviteesMattermostLanguage runs the real core: a
// Swedish convener on Slack invites Malmö's home care, whose väg in,
// Fatima, keeps her Mattermost in English. The convener is answered in
// Swedish; Fatima's invitation and the answer to her press are English.
func TestInvitationInInviteesMattermostLanguage(t *testing.T) {
	f := newCrossFixture(t)
	ctx := context.Background()
	f.fake.setLocale(userID("fatima"), "en")
	convener := chat.Actor{Platform: chat.Slack, Workspace: "T0SKANE01", UserID: "U0SUSUTSKRIV", Channel: "C0SUSUTSKRIV"}
	ref := regexp.MustCompile(`SIP-[0-9A-Z]+`).FindString(f.core.Command(ctx, convener, "ny kommun=Malmö ålder=82 parter=hemtjanst").Text)
	f.core.Command(ctx, convener, "samtycke "+ref+" skriftligt")
	if reply := f.core.Command(ctx, convener, "bjud "+ref).Body().Plain(); !strings.Contains(reply, "Kallelser för") {
		t.Errorf("the Swedish convener was answered %q", reply)
	}
	f.deliver()
	var inv string
	for _, id := range f.fake.order {
		if p := f.fake.post(id); strings.Contains(p.Message, ref) && len(p.Attachments()) > 0 {
			if _, ok := button(p, "I'll attend"); ok {
				inv = id
			}
			if _, ok := button(p, "Jag kommer"); ok {
				t.Errorf("Fatima got a Swedish invitation: %s", postText(p))
			}
		}
	}
	if inv == "" {
		t.Fatalf("no English invitation to Fatima on Mattermost (%d posts)", f.fake.postCount())
	}
	code, body := postJSON(f.bot, "/mattermost/actions", pressRequest(f.fake.post(inv), "I'll attend", userID("fatima"), "fatima.said"))
	if code != http.StatusOK || !strings.Contains(body, "Thanks") {
		t.Errorf("Fatima's press answered %d %s, want English", code, body)
	}
}

// TestMattermostConvenerInOwnLanguage is the other direction: Fatima, in
// English on Mattermost, convenes; she is answered in English while the
// Slack invitee, whose platform keeps no locale, gets SAMLA_LANG Swedish.
func TestMattermostConvenerInOwnLanguage(t *testing.T) {
	f := newCrossFixture(t)
	f.fake.setLocale(userID("fatima"), "en")
	say := func(text string) string {
		t.Helper()
		form := commandForm("tok-kommun", text)
		form.Set("user_id", userID("fatima"))
		form.Set("user_name", "fatima.said")
		rec := serve(f.bot, "POST", "/mattermost/commands", "application/x-www-form-urlencoded", strings.NewReader(form.Encode()))
		var got commandResponse
		if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil || rec.Code != http.StatusOK {
			t.Fatalf("/sip %s: %d %s", text, rec.Code, rec.Body)
		}
		return got.Text
	}
	ref := regexp.MustCompile(`SIP-[0-9A-Z]+`).FindString(say("new kommun=Malmö age=82 parties=primarvard"))
	say("consent " + ref + " written")
	if reply := say("invite " + ref); !strings.Contains(reply, "Invitations for") {
		t.Errorf("the English convener was answered %q", reply)
	}
	f.deliver()
	found := false
	for _, s := range f.slack.Sent() {
		if s.To.User == "U0VCMALMO" && len(s.Msg.Buttons) > 0 {
			found = true
			if s.Msg.Buttons[0].Label != "Jag kommer" {
				t.Errorf("the Slack invitee's invitation is not Swedish: %+v", s.Msg)
			}
		}
	}
	if !found {
		t.Fatalf("no invitation on Slack; sent %+v", f.slack.Sent())
	}
}
