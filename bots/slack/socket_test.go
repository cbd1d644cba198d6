package slack

import (
	"context"
	"encoding/json"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/slack-go/slack/socketmode"
)

// fakeSocket is a socketConn recording acknowledgements.
type fakeSocket struct {
	mu   sync.Mutex
	acks map[string][]any // envelope id → payload
}

func (f *fakeSocket) RunContext(ctx context.Context) error {
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
