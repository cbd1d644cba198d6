package slack

import (
	"context"
	"encoding/json"
	"log/slog"
	"maps"
	"math/rand/v2"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/samla-sip/samla/directory"
	"github.com/samla-sip/samla/examples"
	"github.com/samla-sip/samla/internal/chat"
	"github.com/samla-sip/samla/internal/outbox"
	"github.com/samla-sip/samla/internal/sip"
	"github.com/samla-sip/samla/internal/store"
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
	return tb.do(tb.signed("/slack/commands", []byte(form.Encode()))).Result()
}

// realFlow is a Bot on the real core, bbolt and the sample directory
// (Region Skåne's Slack workspace T0SKANE01), delivering through the real
// outbox.Worker.
type realFlow struct {
	*testBot
	core       *sip.Service
	mattermost *otherPlatform
	deliver    func() int
	say        func(user, text string) string
}

func newRealFlow(t *testing.T, st store.Store) *realFlow {
	t.Helper()
	return newRealFlowWith(t, st, nil)
}

// newRealFlowWith is newRealFlow with the core's Deps adjusted by mod.
func newRealFlowWith(t *testing.T, st store.Store, mod func(*sip.Deps)) *realFlow {
	t.Helper()
	ctx := context.Background()
	dir, err := directory.LoadFS(examples.Directory(), ".")
	if err != nil {
		t.Fatal(err)
	}
	holder := directory.NewHolder(dir)
	clock := func() time.Time { return testNow }
	locales := chat.Locales{} // as cmd/samla wires it: the bot, built after the core, tells locales
	deps := sip.Deps{Store: st, Directory: holder, Now: clock, Rand: rand.NewChaCha8([32]byte{5}), Lang: "sv", Locales: locales}
	if mod != nil {
		mod(&deps)
	}
	core := sip.New(deps)
	tb := newTestBot(t, func(o *Options) {
		o.Handler, o.Store, o.Directory = core, st, holder
		o.BotTokens = map[string]string{"T0SKANE01": "xoxb-skane"}
	})
	locales[chat.Slack] = tb.Bot
	f := &realFlow{testBot: tb, core: core, mattermost: &otherPlatform{name: chat.Mattermost}}
	worker := outbox.NewWorker(st, []chat.Sender{tb.Bot, f.mattermost}, outbox.Options{Now: clock, Log: slog.New(slog.DiscardHandler)})
	f.deliver = func() int {
		t.Helper()
		total := 0
		for {
			n, err := worker.DeliverDue(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if n == 0 {
				return total
			}
			total += n
		}
	}
	f.say = func(user, text string) string {
		t.Helper()
		resp := tb.commandAs("T0SKANE01", user, text)
		var body struct{ Text string }
		if err := json.NewDecoder(resp.Body).Decode(&body); err != nil || resp.StatusCode != http.StatusOK {
			t.Fatalf("/sip %s: %d %v", text, resp.StatusCode, err)
		}
		t.Logf("/sip %s → %s", text, body.Text)
		return body.Text
	}
	return f
}

// buttonValue finds the value of the button with actionID in the last
// message posted to channel.
func (f *realFlow) buttonIn(t *testing.T, channel, actionID string) string {
	t.Helper()
	value := ""
	for _, c := range f.api.callsTo("chat.postMessage") {
		if c.Form.Get("channel") != channel {
			continue
		}
		var blocks []map[string]any
		if err := json.Unmarshal([]byte(c.Form.Get("blocks")), &blocks); err != nil {
			t.Fatal(err)
		}
		for _, b := range blocks {
			els, _ := b["elements"].([]any)
			for _, e := range els {
				if el := e.(map[string]any); el["action_id"] == actionID {
					value = el["value"].(string)
				}
			}
		}
	}
	return value
}

// press sends a signed block_actions payload from user in T0SKANE01.
func (f *realFlow) press(t *testing.T, user, actionID, value, responseURL string) {
	t.Helper()
	p := map[string]any{
		"type": "block_actions", "team": map[string]any{"id": "T0SKANE01"}, "user": map[string]any{"id": user},
		"channel": map[string]any{"id": "D" + user}, "trigger_id": "trig-" + actionID, "response_url": responseURL,
		"actions": []map[string]any{{"action_id": actionID, "block_id": "samla-actions-0", "type": "button", "value": value, "action_ts": "1764000000.5"}},
	}
	raw, _ := json.Marshal(p)
	if w := f.interact(string(raw)); w.Code != http.StatusOK {
		t.Fatalf("press %s: %d", actionID, w.Code)
	}
}

// TestFullSlackFlow runs the real core on bbolt with the sample directory:
// a vårdcentral's fast vårdkontakt convenes in Slack, is stopped before
// consent, records consent, invites; BUP Lund's entry point gets a DM with
// buttons and presses "Jag kommer"; the convener's status message is
// updated in place (chat.update).
func TestFullSlackFlow(t *testing.T) {
	for name, open := range realStores() {
		t.Run(name, func(t *testing.T) { testFullSlackFlow(t, open(t)) })
	}
}

func testFullSlackFlow(t *testing.T, st store.Store) {
	f := newRealFlow(t, st)
	tb, say, deliver, mattermost := f.testBot, f.say, f.deliver, f.mattermost
	const convener, bup = "U0MARIAPERSSON", "U0BUPLUND"

	created := say(convener, "ny kommun=Lund ålder=14 parter=bup,socialtjanst-barn")
	ref := sip.FindRef(created)
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
	invitationValue := f.buttonIn(t, "D"+bup, "rsvp.attend")
	for _, action := range []string{"rsvp.video", "rsvp.decline", "rsvp.delegate"} {
		if f.buttonIn(t, "D"+bup, action) == "" {
			t.Errorf("invitation lacks %s", action)
		}
	}
	var statusChannel string
	for _, c := range tb.api.callsTo("chat.postMessage") {
		if c.Token != "xoxb-skane" {
			t.Errorf("posted with token %q", c.Token)
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
	f.press(t, bup, "rsvp.attend", invitationValue, sink.url())
	<-sink.got
	if answer := sink.all()[0]["text"].(string); !strings.Contains(answer, "Tack") {
		t.Errorf("answer to the press: %q", answer)
	}
	deliver()
	// Two messages are updated in place, in either order: the convener's
	// status and BUP's invitation, which now shows the answer.
	updated := map[string]string{} // channel → blocks
	for _, u := range tb.api.callsTo("chat.update")[updatesBefore:] {
		if u.Form.Get("ts") == "" {
			t.Error("chat.update without ts")
		}
		updated[u.Form.Get("channel")] = u.Form.Get("blocks")
	}
	status, ok := updated[statusChannel]
	if !ok {
		t.Fatalf("the status message was not updated in place; updated %v", slices.Collect(maps.Keys(updated)))
	}
	if !strings.Contains(status, "✓ kommer") {
		t.Errorf("status after the press does not show the answer: %s", status)
	}
	if inv := updated["D"+bup]; !strings.Contains(inv, "Ditt svar:") || !strings.Contains(inv, "✓ kommer") || !strings.Contains(inv, "rsvp.video") {
		t.Errorf("BUP's invitation was not updated in place with the answer and its buttons: %s", inv)
	}
	if len(updated) != 2 {
		t.Errorf("updated channels %v, want the status and the invitation only", slices.Collect(maps.Keys(updated)))
	}
}

// TestNewCaseModalOnRealCore submits the new-case modal (with a meeting
// time, then with proposals) to the real core: the command texts the
// modal builds are ones the core accepts.
func TestNewCaseModalOnRealCore(t *testing.T) {
	tests := []struct {
		name   string
		values map[string]map[string]any
		want   []string
	}{
		{"meeting by video", newCaseValues("Lund", "14", []string{"bup", "skola"}, `slutat gå till "skolan"`, "2026-12-10", "13:00", ""), []string{"skapat", "Mötet för", "video"}},
		{"proposals", newCaseValues("Eslöv", "45", []string{"beroendevard", "vuxenpsykiatri"}, "", "", "", "2026-12-10T13:00 2026-12-11T09:00"), []string{"skapat", "2 tidsförslag"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newRealFlow(t, openBbolt(t))
			sink := newResponseSink(t)
			meta, _ := viewMeta{ResponseURL: sink.url(), Channel: "C0GENERAL"}.encode()
			p := submission(callbackNew, meta, tt.values)
			p = strings.Replace(p, `"id":"T1"`, `"id":"T0SKANE01"`, 1)
			p = strings.Replace(p, `"id":"U1"`, `"id":"U0MARIAPERSSON"`, 1)
			w := f.interact(p)
			if !strings.Contains(w.Body.String(), `"response_action":"clear"`) {
				t.Fatalf("submission answered %s", w.Body)
			}
			<-sink.got
			text := sink.all()[0]["text"].(string)
			t.Log(text)
			for _, want := range tt.want {
				if !strings.Contains(text, want) {
					t.Errorf("answer lacks %q: %s", want, text)
				}
			}
			if sip.FindRef(text) == "" {
				t.Errorf("no case reference in %q", text)
			}
		})
	}
}

// TestDelegateByModalOnRealCore: the invitee presses "Skickar ersättare",
// picks a colleague from the directory in the modal with a mandate, and
// the convener's status shows the substitute.
func TestDelegateByModalOnRealCore(t *testing.T) {
	f := newRealFlow(t, openBbolt(t))
	const convener, bup = "U0MARIAPERSSON", "U0BUPLUND"
	ref := sip.FindRef(f.say(convener, "ny kommun=Lund ålder=14 parter=bup"))
	f.say(convener, "samtycke "+ref+" muntligt")
	f.say(convener, "bjud "+ref)
	f.deliver()
	value := f.buttonIn(t, "D"+bup, "rsvp.delegate")
	if _, prompt := parseButtonValue(value); prompt == nil || len(prompt.Options) == 0 || prompt.Checkbox == "" {
		t.Fatalf("delegate button carries no prompt with options: %q", value)
	}
	sink := newResponseSink(t)
	f.press(t, bup, "rsvp.delegate", value, sink.url())
	opened := f.api.callsTo("views.open")
	if len(opened) != 1 {
		t.Fatalf("%d views.open", len(opened))
	}
	view := opened[0].JSON["view"].(map[string]any)
	raw, _ := json.Marshal(view)
	if !strings.Contains(string(raw), "bup-lund-lakare-erik") {
		t.Fatalf("delegate modal lacks BUP Lund's läkare: %s", raw)
	}
	values := map[string]map[string]any{
		"input": {"choice": map[string]any{"type": "static_select", "selected_option": map[string]any{"value": "bup-lund-lakare-erik"}}},
		"flag":  {"flag": map[string]any{"type": "checkboxes", "selected_options": []map[string]any{{"value": "yes"}}}},
	}
	p := submission(callbackPrompt, view["private_metadata"].(string), values)
	p = strings.Replace(p, `"id":"T1"`, `"id":"T0SKANE01"`, 1)
	p = strings.Replace(p, `"id":"U1"`, `"id":"`+bup+`"`, 1)
	if w := f.interact(p); !strings.Contains(w.Body.String(), `"response_action":"clear"`) {
		t.Fatalf("submission answered %s", w.Body)
	}
	<-sink.got
	if answer := sink.all()[0]["text"].(string); !strings.Contains(answer, "i ditt ställe") {
		t.Errorf("answer %q", answer)
	}
	f.deliver()
	updates := f.api.callsTo("chat.update")
	if len(updates) == 0 || !strings.Contains(updates[len(updates)-1].Form.Get("blocks"), "↪") {
		t.Errorf("status not updated with the substitute: %+v", updates)
	}
	// The substitute got their own invitation.
	if f.buttonIn(t, "DU0ERIKHOLM", "rsvp.attend") == "" {
		t.Error("the substitute got no invitation")
	}
}
