package slack

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/samla-sip/samla/internal/chat"
)

func TestSendOpensDMAndPosts(t *testing.T) {
	tb := newTestBot(t)
	ref, err := tb.Send(context.Background(), chat.Address{Platform: "slack", Workspace: "T2", User: "U7"}, invitation, "inv|SIP-7K3QF2|inv1|v1")
	if err != nil {
		t.Fatal(err)
	}
	if ref.Platform != "slack" || ref.Workspace != "T2" || ref.Channel != "DU7" || ref.ID == "" {
		t.Errorf("ref %+v", ref)
	}
	open := tb.api.callsTo("conversations.open")
	if len(open) != 1 || open[0].Form.Get("users") != "U7" || open[0].Token != "xoxb-team-2" {
		t.Fatalf("conversations.open %+v", open)
	}
	post := tb.api.callsTo("chat.postMessage")
	if len(post) != 1 || post[0].Form.Get("channel") != "DU7" || post[0].Token != "xoxb-team-2" {
		t.Fatalf("chat.postMessage %+v", post)
	}
	if blocks := post[0].Form.Get("blocks"); !strings.Contains(blocks, `"action_id":"rsvp.attend"`) {
		t.Errorf("blocks %s", blocks)
	}
	if text := post[0].Form.Get("text"); !strings.HasPrefix(text, "Kallelse till SIP") {
		t.Errorf("fallback text %q", text)
	}

	if err := tb.Update(context.Background(), ref, statusMessage); err != nil {
		t.Fatal(err)
	}
	upd := tb.api.callsTo("chat.update")
	if len(upd) != 1 || upd[0].Form.Get("channel") != "DU7" || upd[0].Form.Get("ts") != ref.ID {
		t.Fatalf("chat.update %+v", upd)
	}
}

func TestSendToChannel(t *testing.T) {
	tb := newTestBot(t)
	ref, err := tb.Send(context.Background(), chat.Address{Platform: "slack", Workspace: "T1", Channel: "C42"}, statusMessage, "k")
	if err != nil {
		t.Fatal(err)
	}
	if ref.Channel != "C42" || len(tb.api.callsTo("conversations.open")) != 0 {
		t.Errorf("ref %+v, opens %d", ref, len(tb.api.callsTo("conversations.open")))
	}
}

func TestSendErrorMapping(t *testing.T) {
	tests := []struct {
		name      string
		method    string
		fail      failure
		to        chat.Address
		permanent bool
		retry     time.Duration // >0: want *chat.RetryAfterError with this After
	}{
		{name: "429 with Retry-After", method: "chat.postMessage", fail: failure{status: 429, retryAfter: "7"}, retry: 7 * time.Second},
		{name: "429 without Retry-After", method: "chat.postMessage", fail: failure{status: 429}, retry: defaultRetryAfter},
		{name: "503", method: "chat.postMessage", fail: failure{status: 503}},
		{name: "500 on open", method: "conversations.open", fail: failure{status: 500}},
		{name: "user_not_found", method: "conversations.open", fail: failure{code: "user_not_found"}, permanent: true},
		{name: "channel_not_found", method: "chat.postMessage", fail: failure{code: "channel_not_found"}, permanent: true},
		{name: "not_in_channel", method: "chat.postMessage", fail: failure{code: "not_in_channel"}, permanent: true},
		{name: "account_inactive", method: "chat.postMessage", fail: failure{code: "account_inactive"}, permanent: true},
		{name: "invalid_auth", method: "conversations.open", fail: failure{code: "invalid_auth"}, permanent: true},
		{name: "internal_error is retried", method: "chat.postMessage", fail: failure{code: "internal_error"}},
		{name: "unknown workspace", to: chat.Address{Platform: "slack", Workspace: "T404", User: "U1"}, permanent: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tb := newTestBot(t)
			if tt.method != "" {
				tb.api.failNext(tt.method, tt.fail)
			}
			to := tt.to
			if to.Workspace == "" {
				to = chat.Address{Platform: "slack", Workspace: "T1", User: "U1"}
			}
			_, err := tb.Send(context.Background(), to, invitation, "k")
			if err == nil {
				t.Fatal("no error")
			}
			var ra *chat.RetryAfterError
			isRetry := errors.As(err, &ra)
			if got := errors.Is(err, chat.ErrPermanent); got != tt.permanent {
				t.Errorf("permanent = %v, want %v (%v)", got, tt.permanent, err)
			}
			if tt.retry > 0 && (!isRetry || ra.After != tt.retry) {
				t.Errorf("err %v, want RetryAfter %s", err, tt.retry)
			}
			if tt.retry == 0 && isRetry {
				t.Errorf("unexpected RetryAfter %v", err)
			}
		})
	}
}

func TestUpdateErrorMapping(t *testing.T) {
	tb := newTestBot(t)
	tb.api.failNext("chat.update", failure{code: "message_not_found"}, failure{status: http.StatusTooManyRequests, retryAfter: "3"})
	ref := chat.Ref{Platform: "slack", Workspace: "T1", Channel: "D1", ID: "1.1"}
	if err := tb.Update(context.Background(), ref, statusMessage); !errors.Is(err, chat.ErrPermanent) {
		t.Errorf("message_not_found: %v", err)
	}
	var ra *chat.RetryAfterError
	if err := tb.Update(context.Background(), ref, statusMessage); !errors.As(err, &ra) || ra.After != 3*time.Second {
		t.Errorf("429: %v", err)
	}
	if err := tb.Update(context.Background(), chat.Ref{Workspace: "T9"}, statusMessage); !errors.Is(err, chat.ErrPermanent) {
		t.Errorf("unknown workspace: %v", err)
	}
}

// TestDMChannelCachedPerUser: many messages to one user cost one
// conversations.open (Slack allows about 50 a minute), and a DM channel
// that stops working is opened again (issue 17, problem 8).
func TestDMChannelCachedPerUser(t *testing.T) {
	tb := newTestBot(t)
	ctx := context.Background()
	u7 := chat.Address{Platform: "slack", Workspace: "T2", User: "U7"}
	for range 5 {
		if _, err := tb.Send(ctx, u7, invitation, "k"); err != nil {
			t.Fatal(err)
		}
	}
	if err := tb.directMessage(ctx, chat.Actor{Platform: "slack", Workspace: "T2", UserID: "U7"}, invitation); err != nil {
		t.Fatal(err)
	}
	if _, err := tb.Send(ctx, chat.Address{Platform: "slack", Workspace: "T1", User: "U7"}, invitation, "k"); err != nil {
		t.Fatal(err)
	}
	if n := len(tb.api.callsTo("conversations.open")); n != 2 {
		t.Errorf("%d conversations.open for 7 messages to 2 users, want 2", n)
	}
	tb.api.failNext("chat.postMessage", failure{code: "channel_not_found"})
	if _, err := tb.Send(ctx, u7, invitation, "k"); err == nil {
		t.Fatal("a failed post reported as sent")
	}
	if _, err := tb.Send(ctx, u7, invitation, "k"); err != nil {
		t.Fatal(err)
	}
	if n := len(tb.api.callsTo("conversations.open")); n != 3 {
		t.Errorf("%d conversations.open, want 3: the failed channel opened again", n)
	}
}
