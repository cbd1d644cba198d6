package slack

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/slack-go/slack/socketmode"
)

// fakeSocket is a socketConn recording acknowledgements. Its runs fail
// with the queued errors first, then block until the context ends.
type fakeSocket struct {
	mu   sync.Mutex
	acks map[string][]any // envelope id → payload
	errs []error
	runs int
}

func (f *fakeSocket) RunContext(ctx context.Context) error {
	f.mu.Lock()
	f.runs++
	if len(f.errs) > 0 {
		err := f.errs[0]
		f.errs = f.errs[1:]
		f.mu.Unlock()
		return err
	}
	f.mu.Unlock()
	<-ctx.Done()
	return ctx.Err()
}

func (f *fakeSocket) Ack(req socketmode.Request, payload ...any) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.acks == nil {
		f.acks = map[string][]any{}
	}
	f.acks[req.EnvelopeID] = payload
	return nil
}

func (f *fakeSocket) ack(id string) ([]any, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	p, ok := f.acks[id]
	return p, ok
}

func TestSocketModeDispatch(t *testing.T) {
	tb := newTestBot(t)
	conn := &fakeSocket{}
	events := make(chan socketmode.Event)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- tb.runSocket(ctx, conn, events) }()

	cmd, _ := json.Marshal(map[string]string{"team_id": "T1", "user_id": "U1", "channel_id": "C1", "command": "/sip", "text": "hjälp", "trigger_id": "t1"})
	events <- socketmode.Event{Type: socketmode.EventTypeSlashCommand, Request: &socketmode.Request{EnvelopeID: "e1", Payload: cmd}}
	sink := newResponseSink(t)
	events <- socketmode.Event{Type: socketmode.EventTypeInteractive, Request: &socketmode.Request{EnvelopeID: "e2", Payload: json.RawMessage(blockAction("rsvp.video", "SIP-7K3QF2|inv1", sink.url()))}}
	ev := `{"type":"event_callback","team_id":"T1","event_id":"Ev9","event":{"type":"app_mention","user":"U1","channel":"C1","text":"<@UB> mina"}}`
	events <- socketmode.Event{Type: socketmode.EventTypeEventsAPI, Request: &socketmode.Request{EnvelopeID: "e3", Payload: json.RawMessage(ev)}}
	events <- socketmode.Event{Type: socketmode.EventTypeConnected} // no request: ignored

	waitFor(t, "all acks", func() bool {
		_, a := conn.ack("e1")
		_, b := conn.ack("e2")
		_, c := conn.ack("e3")
		return a && b && c
	})
	p, _ := conn.ack("e1")
	if len(p) != 1 {
		t.Fatalf("slash command ack payload %v", p)
	}
	raw, _ := json.Marshal(p[0])
	if !strings.Contains(string(raw), "ok: hjälp") {
		t.Errorf("slash command ack %s", raw)
	}
	<-sink.got
	waitFor(t, "mention handled", func() bool { return len(tb.api.callsTo("chat.postEphemeral")) == 1 })
	cmds, acts := tb.handler.calls()
	if len(cmds) != 2 || len(acts) != 1 || acts[0].Act.Name != "rsvp.video" {
		t.Errorf("core got commands %+v acts %+v", cmds, acts)
	}

	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("runSocket: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("runSocket did not stop with its context")
	}
}

func TestRunSocketModeNeedsAppToken(t *testing.T) {
	tb := newTestBot(t)
	if err := tb.RunSocketMode(context.Background()); err == nil {
		t.Error("no error without an app token")
	}
}

// TestRunSocketModeStopsWithContext runs the real socketmode client against
// the fake Web API (apps.connections.open fails, so it keeps retrying) and
// checks that cancelling the context stops it.
func TestRunSocketModeStopsWithContext(t *testing.T) {
	tb := newTestBot(t, func(o *Options) { o.AppToken = "xapp-1-A1-test" })
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- tb.RunSocketMode(ctx) }()
	waitFor(t, "a connection attempt", func() bool { return len(tb.api.callsTo("apps.connections.open")) > 0 })
	if got := tb.api.callsTo("apps.connections.open")[0].Token; got != "xapp-1-A1-test" {
		t.Errorf("connected with token %q, want the app token", got)
	}
	cancel()
	select {
	case err := <-done:
		t.Logf("RunSocketMode: %v", err)
	case <-time.After(5 * time.Second):
		t.Fatal("RunSocketMode did not stop with its context")
	}
}

func TestSocketModeFatalErrorEndsRun(t *testing.T) {
	tb := newTestBot(t)
	conn := &fakeSocket{errs: []error{errors.New("invalid_auth")}}
	err := tb.runSocket(context.Background(), conn, make(chan socketmode.Event))
	if err == nil || !strings.Contains(err.Error(), "invalid_auth") {
		t.Errorf("runSocket = %v, want invalid_auth", err)
	}
}

func TestSocketModeReconnectsAfterTransientError(t *testing.T) {
	tb := newTestBot(t)
	tb.socketRetry = time.Millisecond
	conn := &fakeSocket{errs: []error{errors.New("read: connection reset by peer")}}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- tb.runSocket(ctx, conn, make(chan socketmode.Event)) }()
	waitFor(t, "a second connection", func() bool {
		conn.mu.Lock()
		defer conn.mu.Unlock()
		return conn.runs >= 2
	})
	cancel()
	if err := <-done; err != nil {
		t.Errorf("runSocket = %v after cancel, want nil", err)
	}
}
