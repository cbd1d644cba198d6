package slack

import (
	"context"
	"encoding/json"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/samla-sip/samla/internal/chat"
	"github.com/samla-sip/samla/internal/sip"
	"github.com/samla-sip/samla/internal/testutil"
)

// TestNoPersonalDataInLogs types a personnummer everywhere a user can type
// in Slack, makes every Web API call fail (so error paths log), and checks
// the debug log holds neither the number nor the needs text.
func TestNoPersonalDataInLogs(t *testing.T) {
	const pnr, secret = "19121212-1212", "hemlig-behovstext"
	logs := &testutil.SyncBuffer{}
	tb := newTestBot(t, func(o *Options) {
		o.Log = slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
		o.InlineWait = 10 * time.Millisecond
	})
	for _, m := range []string{"views.open", "users.info", "chat.postEphemeral", "conversations.open"} {
		tb.api.failNext(m, failure{code: "invalid_auth"}, failure{status: 500}, failure{code: "invalid_auth"})
	}
	tb.handler.delay = 30 * time.Millisecond // answers go the late way
	tb.command("ny kommun=Lund ålder=14 parter=bup behov="+pnr, "http://127.0.0.1:1/unreachable")
	tb.command("ny", "")
	meta, _ := viewMeta{ResponseURL: "http://127.0.0.1:1/unreachable", Channel: "C1"}.encode()
	tb.interact(submission(callbackNew, meta, newCaseValues("Lund", "14", []string{"bup"}, secret+" "+pnr, "", "", "")))
	tb.interact(submission(callbackNew, meta, newCaseValues("Lund", "14", []string{"bup"}, secret, "", "", "")))
	tb.interact(blockAction("rsvp.decline", buttonValue(invitation.Buttons[2]), "http://127.0.0.1:1/unreachable"))
	pmeta, _ := viewMeta{Action: "rsvp.decline", Value: "SIP-7K3QF2|inv1"}.encode()
	tb.interact(submission(callbackPrompt, pmeta, map[string]map[string]any{"input": {"text": map[string]any{"type": "plain_text_input", "value": secret + " " + pnr}}}))
	ctx, cancel := contextWithTimeout(5 * time.Second)
	defer cancel()
	if err := tb.Close(ctx); err != nil {
		t.Fatal(err)
	}
	out := logs.String()
	if out == "" {
		t.Fatal("nothing logged: the error paths were not exercised")
	}
	for _, bad := range []string{pnr, "191212121212", secret, "unreachable"} {
		if strings.Contains(out, bad) {
			t.Errorf("log contains %q:\n%s", bad, out)
		}
	}
}

// roomLinks is a case room that makes recognisable links.
type roomLinks struct{}

func (roomLinks) Link(ctx context.Context, who chat.Actor, ref string) (string, error) {
	return "https://samla.test/rum/in?t=" + ref, nil
}

// TestNoCaseTextReachesSlack (issue 13): a convening on the real core with
// a case room, whose needs and plan hold canaries, as seen by Slack —
// every Web API call and every response_url answer — never carries them;
// messages carry the room's button and replies its link instead.
func TestNoCaseTextReachesSlack(t *testing.T) {
	const canary = "KANARIE pappa oroar sig"
	f := newRealFlowWith(t, openBbolt(t), func(d *sip.Deps) { d.Room = roomLinks{} })
	const convener, bup = "U0MARIAPERSSON", "U0BUPLUND"
	var replies []string
	say := func(text string) { replies = append(replies, f.say(convener, text)) }
	say(`ny kommun=Lund ålder=14 parter=bup,socialtjanst-barn behov="` + canary + `"`)
	ref := sip.FindRef(replies[0])
	say("samtycke " + ref + " skriftligt vardnadshavare")
	say("bjud " + ref)
	f.deliver()
	sink := newResponseSink(t)
	f.press(t, bup, "rsvp.attend", f.buttonIn(t, "D"+bup, "rsvp.attend"), sink.url())
	<-sink.got
	say(`plan ` + ref + ` insats bup "` + canary + ` insats"`)
	say(`plan ` + ref + ` mål "` + canary + ` mål"`)
	say("status " + ref)
	say("plan " + ref)
	f.deliver()
	var seen strings.Builder
	for _, r := range replies {
		seen.WriteString(r + "\n")
	}
	for _, a := range sink.all() {
		b, _ := json.Marshal(a)
		seen.Write(b)
	}
	room := 0
	for _, c := range f.api.allCalls() {
		seen.WriteString(c.Form.Encode() + "\n")
		b, _ := json.Marshal(c.JSON)
		seen.Write(b)
		if strings.Contains(c.Form.Get("blocks"), `"room.open"`) {
			room++
		}
	}
	if strings.Contains(seen.String(), "KANARIE") {
		t.Errorf("the canary reached Slack:\n%s", seen.String())
	}
	if room == 0 || !strings.Contains(seen.String(), "https://samla.test/rum/in?t="+ref) {
		t.Errorf("no room button (%d) or link in what Slack got", room)
	}
}

// allCalls is every call the fake received, in order.
func (f *fakeAPI) allCalls() []apiCall {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]apiCall(nil), f.calls...)
}
