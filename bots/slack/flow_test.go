package slack

import (
	"context"
	"encoding/json"
	"math/rand/v2"
	"net/http"
	"net/url"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/samla-sip/samla/bots/console"
	"github.com/samla-sip/samla/directory"
	"github.com/samla-sip/samla/examples"
	"github.com/samla-sip/samla/internal/chat"
	"github.com/samla-sip/samla/internal/sip"
	"github.com/samla-sip/samla/internal/store/bboltstore"
)

// otherPlatform records messages for the non-Slack parties of a case.
type otherPlatform struct {
	name string
	mu   sync.Mutex
	sent []chat.Message
}

func (p *otherPlatform) Platform() string { return p.name }

func (p *otherPlatform) Send(ctx context.Context, to chat.Address, msg chat.Message, key string) (chat.Ref, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.sent = append(p.sent, msg)
	return chat.Ref{Platform: p.name, Channel: to.User, ID: key}, nil
}

func (p *otherPlatform) Update(ctx context.Context, ref chat.Ref, msg chat.Message) error {
	return nil
}

// commandAs posts a signed /sip command from a Slack user.
func (tb *testBot) commandAs(team, user, text string) *http.Response {
	form := url.Values{
		"team_id": {team}, "user_id": {user}, "channel_id": {"C0GENERAL"}, "command": {"/sip"},
		"text": {text}, "trigger_id": {"trig"},
	}
	return tb.do(signedRequest("/slack/commands", []byte(form.Encode()), testNow, testSecret)).Result()
}

// TestFullSlackFlow runs the real core on bbolt with the sample directory:
// a vårdcentral's fast vårdkontakt convenes in Slack, records consent,
// invites; BUP Lund's entry point gets a DM with buttons and presses
// "Jag kommer"; the convener's status message is updated in place.
func TestFullSlackFlow(t *testing.T) {
	ctx := context.Background()
	st, err := bboltstore.Open(filepath.Join(t.TempDir(), "samla.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = st.Close() })
	dir, err := directory.LoadFS(examples.Directory(), ".")
	if err != nil {
		t.Fatal(err)
	}
	holder := directory.NewHolder(dir)
	clock := func() time.Time { return testNow }
	core := sip.New(sip.Deps{Store: st, Directory: holder, Now: clock, Rand: rand.NewChaCha8([32]byte{5}), Lang: "sv"})
	tb := newTestBot(t, func(o *Options) {
		o.Handler, o.Dedup, o.Directory = core, st, holder
		o.BotTokens = map[string]string{"T0SKANE01": "xoxb-skane"}
	})
	mattermost := &otherPlatform{name: chat.Mattermost}
	outbox := &console.Outbox{Store: st, Senders: []chat.Sender{tb.Bot, mattermost}, Now: clock}
	deliver := func() int {
		t.Helper()
		n, err := outbox.DeliverDue(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	say := func(user, text string) string {
		t.Helper()
		resp := tb.commandAs("T0SKANE01", user, text)
		var body struct{ Text string }
		if err := json.NewDecoder(resp.Body).Decode(&body); err != nil || resp.StatusCode != http.StatusOK {
			t.Fatalf("/sip %s: %d %v", text, resp.StatusCode, err)
		}
		t.Logf("/sip %s → %s", text, body.Text)
		return body.Text
	}
	const convener, bup = "U0MARIAPERSSON", "U0BUPLUND"

	created := say(convener, "ny kommun=Lund ålder=14 parter=bup,socialtjanst-barn")
	ref := caseRef.FindString(created)
	if ref == "" {
		t.Fatalf("no case reference in %q", created)
	}
	if text := say(convener, "bjud "+ref); !strings.Contains(strings.ToLower(text), "samtycke") {
		t.Errorf("bjud before consent answered %q, want it to explain consent", text)
	}
	deliver()
	for _, c := range tb.api.callsTo("chat.postMessage") {
		if strings.Contains(c.Form.Get("blocks"), "rsvp.") {
			t.Fatalf("an invitation went out before consent: %v", c.Form)
		}
	}
	say(convener, "samtycke "+ref+" skriftligt vardnadshavare")
	say(convener, "bjud "+ref)
	if n := deliver(); n == 0 {
		t.Fatal("nothing delivered after bjud")
	}

	// BUP Lund's entry point got the invitation as a DM with four buttons.
	var invitationValue string
	var statusChannel string
	for _, c := range tb.api.callsTo("chat.postMessage") {
		if c.Token != "xoxb-skane" {
			t.Errorf("posted with token %q", c.Token)
		}
		var blocks []map[string]any
		if err := json.Unmarshal([]byte(c.Form.Get("blocks")), &blocks); err != nil {
			t.Fatal(err)
		}
		for _, b := range blocks {
			els, _ := b["elements"].([]any)
			for _, e := range els {
				el := e.(map[string]any)
				if el["action_id"] == "rsvp.attend" && c.Form.Get("channel") == "D"+bup {
					invitationValue = el["value"].(string)
				}
			}
		}
		if c.Form.Get("channel") == "D"+convener {
			statusChannel = c.Form.Get("channel")
		}
	}
	if invitationValue == "" {
		t.Fatalf("no invitation with a Jag kommer button to %s; posts: %+v", bup, tb.api.callsTo("chat.postMessage"))
	}
	if statusChannel == "" {
		t.Fatal("the convener got no status message")
	}
	if len(mattermost.sent) == 0 {
		t.Error("the socialtjänst party (Mattermost) got nothing")
	}
	updatesBefore := len(tb.api.callsTo("chat.update"))

	// BUP presses "Jag kommer".
	sink := newResponseSink(t)
	press := map[string]any{
		"type": "block_actions", "team": map[string]any{"id": "T0SKANE01"}, "user": map[string]any{"id": bup},
		"channel": map[string]any{"id": "D" + bup}, "trigger_id": "trig-press", "response_url": sink.url(),
		"actions": []map[string]any{{"action_id": "rsvp.attend", "block_id": "samla-actions-0", "type": "button", "value": invitationValue, "action_ts": "1764000000.5"}},
	}
	raw, _ := json.Marshal(press)
	if w := tb.interact(string(raw)); w.Code != http.StatusOK {
		t.Fatalf("press: %d", w.Code)
	}
	<-sink.got
	if answer := sink.all()[0]["text"].(string); !strings.Contains(answer, "Tack") {
		t.Errorf("answer to the press: %q", answer)
	}
	deliver()
	updates := tb.api.callsTo("chat.update")
	if len(updates) <= updatesBefore {
		t.Fatal("the status message was not updated in place")
	}
	last := updates[len(updates)-1]
	if last.Form.Get("channel") != statusChannel {
		t.Errorf("updated %s, want the convener's DM %s", last.Form.Get("channel"), statusChannel)
	}
	if last.Form.Get("ts") == "" {
		t.Error("chat.update without ts")
	}
	if blocks := last.Form.Get("blocks"); !strings.Contains(blocks, "✓ kommer") {
		t.Errorf("status after the press does not show the answer: %s", blocks)
	}
}
