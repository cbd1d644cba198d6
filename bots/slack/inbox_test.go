package slack

import (
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/samla-sip/samla/internal/chat"
	"github.com/samla-sip/samla/internal/store/bboltstore"
)

// mentionEvent is a signed-ready app_mention event body.
func mentionEvent(id, text string) []byte {
	return []byte(`{"type":"event_callback","team_id":"T1","event_id":"` + id +
		`","event":{"type":"app_mention","user":"U1","channel":"C9","text":"<@UBOT> ` + text + `"}}`)
}

// acceptedRequests are the requests that change something, each sent to
// a test bot with a response_url; send returns the HTTP status.
var acceptedRequests = []struct {
	name string
	send func(tb *testBot, responseURL string) int
	// seen reports whether the replaying bot's core got the request.
	seen func(h *fakeHandler) bool
	// answered reports whether the replayed request's answer went out.
	answered func(tb *testBot, sink *responseSink) bool
}{
	{
		name: "button press",
		send: func(tb *testBot, u string) int {
			return tb.interact(blockAction("rsvp.attend", "SIP-7K3QF2|inv1", u)).Code
		},
		seen: func(h *fakeHandler) bool {
			_, acts := h.calls()
			return len(acts) == 1 && acts[0].Act == chat.Action{Name: "rsvp.attend", Value: "SIP-7K3QF2|inv1"}
		},
		answered: func(_ *testBot, sink *responseSink) bool { return len(sink.all()) == 1 },
	},
	{
		name: "slow slash command",
		send: func(tb *testBot, u string) int { return tb.command("bjud SIP-7K3QF2", u).Code },
		seen: func(h *fakeHandler) bool {
			cmds, _ := h.calls()
			return len(cmds) == 1 && cmds[0].Text == "bjud SIP-7K3QF2"
		},
		answered: func(_ *testBot, sink *responseSink) bool { return len(sink.all()) == 1 },
	},
	{
		name: "mention event",
		send: func(tb *testBot, _ string) int {
			return tb.do(tb.signed("/slack/events", mentionEvent("Ev1", "status SIP-7K3QF2"))).Code
		},
		seen: func(h *fakeHandler) bool {
			cmds, _ := h.calls()
			return len(cmds) == 1 && cmds[0].Text == "status SIP-7K3QF2" && cmds[0].Who.Channel == "C9"
		},
		answered: func(tb *testBot, _ *responseSink) bool { return len(tb.api.callsTo("chat.postEphemeral")) == 1 },
	},
}

// TestAcceptedRequestSurvivesCrash: a request that got its 200 while the
// core was still working is in the store when the process dies; after a
// restart on the same bbolt file it runs once, and its answer goes out.
func TestAcceptedRequestSurvivesCrash(t *testing.T) {
	for _, tt := range acceptedRequests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "samla.db")
			stA, err := bboltstore.Open(path)
			if err != nil {
				t.Fatal(err)
			}
			hung := make(chan struct{}) // the dying process's core never answers
			hA := &fakeHandler{release: hung, act: func(chat.Action) chat.Reply { <-hung; return chat.Reply{Text: "tack"} }}
			sink := newResponseSink(t)
			a := newTestBot(t, func(o *Options) { o.Store, o.Handler, o.InlineWait = stA, hA, 10*time.Millisecond })
			t.Cleanup(func() { close(hung) })
			if code := tt.send(a, sink.url()); code != http.StatusOK {
				t.Fatalf("status %d, want 200", code)
			}
			waitFor(t, "the core to get the request", func() bool {
				cmds, acts := hA.calls()
				return len(cmds)+len(acts) == 1
			})
			// kill -9: the store file is all that is left.
			if err := stA.Close(); err != nil {
				t.Fatal(err)
			}

			stB, err := bboltstore.Open(path)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { _ = stB.Close() })
			hB := &fakeHandler{}
			now := testNow
			b := newTestBot(t, func(o *Options) {
				o.Store, o.Handler, o.Now = stB, hB, func() time.Time { return now }
			})
			ctx, cancel := contextWithTimeout(5 * time.Second)
			defer cancel()
			if n := b.replayDue(ctx); n != 0 {
				t.Fatalf("replayed %d requests at once; a live process may still be on them", n)
			}
			now = testNow.Add(replayAfter + time.Second)
			if n := b.replayDue(ctx); n != 1 {
				t.Fatalf("replayed %d requests after the crash, want 1", n)
			}
			if !tt.seen(hB) {
				cmds, acts := hB.calls()
				t.Errorf("the restarted core got commands %+v, actions %+v", cmds, acts)
			}
			waitFor(t, "the answer", func() bool { return tt.answered(b, sink) })
			if n := b.replayDue(ctx); n != 0 {
				t.Errorf("replayed %d requests a second time", n)
			}
		})
	}
}

// TestAnsweredRequestIsNotReplayed: a request the core answered before
// the crash leaves nothing behind to run again.
func TestAnsweredRequestIsNotReplayed(t *testing.T) {
	for _, tt := range acceptedRequests {
		t.Run(tt.name, func(t *testing.T) {
			sink := newResponseSink(t)
			now := testNow
			tb := newTestBot(t, func(o *Options) { o.Now = func() time.Time { return now } })
			if code := tt.send(tb, sink.url()); code != http.StatusOK {
				t.Fatalf("status %d, want 200", code)
			}
			ctx, cancel := contextWithTimeout(5 * time.Second)
			defer cancel()
			if err := tb.Close(ctx); err != nil { // waits for the core and the settle
				t.Fatal(err)
			}
			if !tt.seen(tb.handler) {
				t.Fatal("the core did not get the request")
			}
			now = testNow.Add(replayAfter + time.Second)
			if n := tb.replayDue(ctx); n != 0 {
				t.Errorf("replayed %d answered requests", n)
			}
		})
	}
}

// failingCommits is a store whose replay check works but whose writes
// fail: Redis going away between two requests.
func failingCommits(tb *testBot) { tb.dedup.err = errStoreDown; tb.dedup.onceOK = true }

// TestUnsavedRequestIsNotAcknowledged: when the request cannot be saved
// the core never runs it and the user is told, not answered by a silent
// 200: a press gets 503 and "press again" by response_url, an event 503
// (Slack delivers it again), a command and a form say to try again.
func TestUnsavedRequestIsNotAcknowledged(t *testing.T) {
	t.Run("button press", func(t *testing.T) {
		tb := newTestBot(t)
		failingCommits(tb)
		sink := newResponseSink(t)
		if w := tb.interact(blockAction("rsvp.attend", "SIP-7K3QF2|inv1", sink.url())); w.Code != http.StatusServiceUnavailable {
			t.Errorf("status %d, want 503", w.Code)
		}
		waitFor(t, "the message to press again", func() bool { return len(sink.all()) == 1 })
		if got, _ := sink.all()[0]["text"].(string); !strings.Contains(got, "Tryck på knappen igen") {
			t.Errorf("response_url got %q", got)
		}
		assertCoreIdle(t, tb)
	})
	t.Run("mention event", func(t *testing.T) {
		tb := newTestBot(t)
		failingCommits(tb)
		if w := tb.do(tb.signed("/slack/events", mentionEvent("Ev2", "mina"))); w.Code != http.StatusServiceUnavailable {
			t.Errorf("status %d, want 503", w.Code)
		}
		assertCoreIdle(t, tb)
	})
	t.Run("slash command", func(t *testing.T) {
		tb := newTestBot(t)
		failingCommits(tb)
		w := tb.command("bjud SIP-7K3QF2", "")
		if w.Code != http.StatusOK || !strings.Contains(w.Body.String(), "inget har hänt") {
			t.Errorf("%d %s", w.Code, w.Body)
		}
		assertCoreIdle(t, tb)
	})
	t.Run("new-case form", func(t *testing.T) {
		tb := newTestBot(t)
		failingCommits(tb)
		w := tb.interact(submission(callbackNew, "", newCaseValues("Lund", "14", []string{"bup"}, "", "", "", "")))
		if !strings.Contains(w.Body.String(), `"response_action":"errors"`) || !strings.Contains(w.Body.String(), "inget har hänt") {
			t.Errorf("%d %s", w.Code, w.Body)
		}
		if got := tb.handler.newCaseCalls(); len(got) != 0 {
			t.Errorf("core got %+v", got)
		}
	})
}

func assertCoreIdle(t *testing.T, tb *testBot) {
	t.Helper()
	time.Sleep(50 * time.Millisecond)
	if cmds, acts := tb.handler.calls(); len(cmds)+len(acts) != 0 {
		t.Errorf("the core ran %+v %+v without the request saved", cmds, acts)
	}
}
