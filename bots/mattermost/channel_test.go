package mattermost

import (
	"context"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/samla-sip/samla/internal/chat"
)

// TestChannelInvitationAnsweredByMember (issue 16, problem 4, on
// Mattermost): Malmö's home health care is invited in its team channel;
// a user of the server outside the channel gets what a made-up case
// gets, a member of the channel answers for the unit and the convener's
// status says who did.
func TestChannelInvitationAnsweredByMember(t *testing.T) {
	f := newCrossFixture(t)
	ctx := context.Background()
	convener := chat.Actor{Platform: chat.Slack, Workspace: "T0SKANE01", UserID: "U0SUSUTSKRIV", Channel: "C0SUSUTSKRIV"}
	ref := regexp.MustCompile(`SIP-[0-9A-Z]+`).FindString(f.core.Command(ctx, convener, "ny kommun=Malmö ålder=82 parter=hemsjukvard").Text)
	if ref == "" {
		t.Fatal("no case")
	}
	f.core.Command(ctx, convener, "samtycke "+ref+" skriftligt")
	f.core.Command(ctx, convener, "bjud "+ref)
	f.deliver()
	var inv string
	for _, id := range f.fake.order {
		if p := f.fake.post(id); strings.Contains(p.Message, ref) && p.ChannelId == "hemsjukvard-malmo" {
			if _, ok := button(p, "Jag kommer"); ok {
				inv = id
			}
		}
	}
	if inv == "" {
		t.Fatal("no invitation with buttons in the unit's channel")
	}
	f.fake.addUser(userID("olle"), "olle.sjuksk", "")
	f.fake.addUser(userID("mallory"), "mallory", "")
	f.fake.addMember("hemsjukvard-malmo", userID("olle"))

	p := f.fake.post(inv)
	code, body := postJSON(f.bot, "/mattermost/actions", pressRequest(p, "Jag kommer", userID("mallory"), "mallory"))
	if code != http.StatusOK || !strings.Contains(body, "hittades inte") {
		t.Errorf("a user outside the channel: %d %s", code, body)
	}
	if st := f.core.Command(ctx, convener, "status "+ref).Body().Plain(); strings.Contains(st, "✓ kommer") {
		t.Fatalf("an answer from outside the channel counted:\n%s", st)
	}
	code, body = postJSON(f.bot, "/mattermost/actions", pressRequest(p, "Jag kommer", userID("olle"), "olle.sjuksk"))
	if code != http.StatusOK || strings.Contains(body, "hittades inte") {
		t.Errorf("a member of the channel: %d %s", code, body)
	}
	if st := f.core.Command(ctx, convener, "status "+ref).Body().Plain(); !strings.Contains(st, "✓ kommer") || !strings.Contains(st, "svar från olle.sjuksk") {
		t.Errorf("status after a member answered:\n%s", st)
	}
}
