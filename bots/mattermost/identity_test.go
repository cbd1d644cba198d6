package mattermost

import (
	"encoding/json"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/samla-sip/samla/internal/chat"
)

// TestForgedUserNameIgnored: the unsigned user_name of a slash command or
// a button press never decides who acts; the server-asserted user_id does,
// resolved through the API (issue 16, problem 7).
func TestForgedUserNameIgnored(t *testing.T) {
	t.Run("command, real core", func(t *testing.T) {
		f := newCrossFixture(t)
		f.fake.addUser(userID("mallory"), "mallory", "mallory@example.se")
		say := func(id, name, text string) string {
			t.Helper()
			form := commandForm("tok-kommun", text)
			form.Set("user_id", id)
			form.Set("user_name", name)
			rec := serve(f.bot, "POST", "/mattermost/commands", "application/x-www-form-urlencoded", strings.NewReader(form.Encode()))
			var got commandResponse
			if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil || rec.Code != http.StatusOK {
				t.Fatalf("/sip %s: %d %s", text, rec.Code, rec.Body)
			}
			return got.Text
		}
		if out := say(userID("fatima"), "fatima.said", "ny kommun=Malmö ålder=82 parter=primarvard"); !strings.Contains(out, "skapat") {
			t.Fatalf("Fatima's case: %q", out)
		}
		if out := say(userID("mallory"), "fatima.said", "mina"); sipRef.MatchString(out) {
			t.Errorf("mallory, calling herself fatima.said, sees Fatima's cases: %q", out)
		}
		if out := say(userID("fatima"), "mallory", "mina"); !strings.Contains(out, "(1)") {
			t.Errorf("Fatima, whatever user_name says, sees her case: %q", out)
		}
	})
	t.Run("button", func(t *testing.T) {
		fake := newFakeMM(t)
		h := &recorder{}
		b := testBot(t, fake, h, nil)
		p := sendInvitation(t, b, fake)
		if code, body := postJSON(b, "/mattermost/actions", pressRequest(p, "Jag kommer", userID("bertil"), "fatima.said")); code != http.StatusOK {
			t.Fatalf("status %d: %s", code, body)
		}
		if len(h.acts) != 1 || h.acts[0].Who != (chat.Actor{Platform: chat.Mattermost, Workspace: "skane", UserID: "bertil", Channel: p.ChannelId}) {
			t.Errorf("handler saw %+v", h.acts)
		}
	})
}

var sipRef = regexp.MustCompile(`SIP-[0-9A-Z]{6}`)
