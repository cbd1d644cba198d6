package slack

import (
	"log/slog"
	"strings"
	"testing"
	"time"

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
