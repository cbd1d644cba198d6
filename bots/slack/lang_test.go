package slack

import (
	"strings"
	"testing"

	"github.com/samla-sip/samla/internal/sip"
	"github.com/samla-sip/samla/internal/store/bboltstore"
)

// TestInvitationInInviteesSlackLanguage runs the real core: the convener's
// Slack is in Swedish and BUP Lund's entry point's in English (users.info
// with include_locale). The convener is answered in Swedish; the
// invitation reaches BUP in English, and its answer too.
func TestInvitationInInviteesSlackLanguage(t *testing.T) {
	st, err := bboltstore.Open(t.TempDir() + "/samla.db")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = st.Close() })
	f := newRealFlow(t, st)
	const convener, bup = "U0MARIAPERSSON", "U0BUPLUND"
	f.api.locales[convener] = "sv-SE"
	f.api.locales[bup] = "en-US"

	ref := sip.FindRef(f.say(convener, "ny kommun=Lund ålder=14 parter=bup,socialtjanst-barn"))
	f.say(convener, "samtycke "+ref+" skriftligt vardnadshavare")
	if reply := f.say(convener, "bjud "+ref); !strings.Contains(reply, "Kallelser för") {
		t.Errorf("the Swedish convener was answered %q", reply)
	}
	f.deliver()
	var invitation string
	for _, c := range f.api.callsTo("chat.postMessage") {
		if c.Form.Get("channel") == "D"+bup {
			invitation = c.Form.Get("blocks")
		}
	}
	if !strings.Contains(invitation, "Invitation to a SIP meeting") || !strings.Contains(invitation, "I'll attend") || strings.Contains(invitation, "Jag kommer") {
		t.Errorf("BUP's invitation is not in English: %s", invitation)
	}
	for _, c := range f.api.callsTo("users.info") {
		if c.Form.Get("include_locale") != "true" {
			t.Errorf("users.info without include_locale: %v", c.Form)
		}
	}

	sink := newResponseSink(t)
	f.press(t, bup, "rsvp.attend", f.buttonIn(t, "D"+bup, "rsvp.attend"), sink.url())
	<-sink.got
	if answer := sink.all()[0]["text"].(string); !strings.Contains(answer, "Thank") {
		t.Errorf("BUP's press was answered %q, want English", answer)
	}
}
