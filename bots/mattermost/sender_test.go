package mattermost

import (
	"errors"
	"net/http"
	"testing"
	"time"

	"github.com/mattermost/mattermost/server/public/model"

	"github.com/samla-sip/samla/internal/chat"
)

func TestSendDirectMessage(t *testing.T) {
	fake := newFakeMM(t)
	b := testBot(t, fake, &recorder{}, nil)
	p := sendInvitation(t, b, fake)
	if want := model.GetDMNameFromIds(fakeBotID, userID("bertil")); p.ChannelId != want {
		t.Errorf("channel %q, want the DM channel %q", p.ChannelId, want)
	}
	if p.PendingPostId == "" || p.PendingPostId != pendingID("inv1") {
		t.Errorf("pending_post_id %q, want the idempotency key's %q", p.PendingPostId, pendingID("inv1"))
	}
	for _, a := range p.Attachments()[0].Actions {
		c := fromContext(a.Integration.Context)
		if c.User != userID("bertil") || c.Server != "skane" {
			t.Errorf("button %q signed for %q on %q", a.Name, c.User, c.Server)
		}
		if err := b.sig.verify(c, testNow); err != nil {
			t.Errorf("button %q: %v", a.Name, err)
		}
	}
	golden(t, "post_invitation", map[string]any{"message": p.Message, "props": p.GetProps()})
}

func TestSendByUserIDAndToChannel(t *testing.T) {
	fake := newFakeMM(t)
	b := testBot(t, fake, &recorder{}, nil)
	fake.addUser(userID("bertil"), "bertil", "")
	ref, err := b.Send(t.Context(), chat.Address{Workspace: "skane", User: userID("bertil")}, chat.Message{Text: "hej"}, "")
	if err != nil {
		t.Fatal(err)
	}
	if ref.Channel != model.GetDMNameFromIds(fakeBotID, userID("bertil")) || ref.Platform != chat.Mattermost || ref.Workspace != "skane" {
		t.Errorf("ref %+v", ref)
	}
	ref, err = b.Send(t.Context(), chat.Address{Workspace: "skane", Channel: "teamchannel"}, invitation, "k2")
	if err != nil {
		t.Fatal(err)
	}
	p := fake.post(ref.ID)
	if p.ChannelId != "teamchannel" {
		t.Errorf("channel %q", p.ChannelId)
	}
	if c := fromContext(p.Attachments()[0].Actions[0].Integration.Context); c.User != anyUser {
		t.Errorf("a channel post's buttons are for %q, want anyone", c.User)
	}
}

func TestSendErrors(t *testing.T) {
	tests := []struct {
		name      string
		route     string
		status    int
		header    map[string]string
		retry     time.Duration // > 0: want *chat.RetryAfterError with this After
		permanent bool
	}{
		{"429 Retry-After", "POST /posts", http.StatusTooManyRequests, map[string]string{"Retry-After": "7"}, 7 * time.Second, false},
		{"429 X-Ratelimit-Reset", "POST /posts", http.StatusTooManyRequests, map[string]string{"X-Ratelimit-Reset": "3"}, 3 * time.Second, false},
		{"429 no header", "POST /posts", http.StatusTooManyRequests, nil, defaultRetryAfter, false},
		{"500", "POST /posts", http.StatusInternalServerError, nil, 0, false},
		{"503 on DM channel", "POST /channels/direct", http.StatusServiceUnavailable, nil, 0, false},
		{"404 user", "GET /users/username", http.StatusNotFound, nil, 0, true},
		{"403 post", "POST /posts", http.StatusForbidden, nil, 0, true},
		{"429 on user lookup", "GET /users/username", http.StatusTooManyRequests, map[string]string{"Retry-After": "2"}, 2 * time.Second, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fake := newFakeMM(t)
			b := testBot(t, fake, &recorder{}, nil)
			fake.addUser(userID("bertil"), "bertil", "")
			fake.failNext(tt.route, tt.status, tt.header)
			_, err := b.Send(t.Context(), chat.Address{Workspace: "skane", User: "bertil"}, chat.Message{Text: "hej"}, "k")
			if err == nil {
				t.Fatal("no error")
			}
			var ra *chat.RetryAfterError
			if got := errors.As(err, &ra); got != (tt.retry > 0) {
				t.Fatalf("RetryAfterError: %v, want %v (%v)", got, tt.retry > 0, err)
			}
			if ra != nil && ra.After != tt.retry {
				t.Errorf("After %v, want %v", ra.After, tt.retry)
			}
			if got := errors.Is(err, chat.ErrPermanent); got != tt.permanent {
				t.Errorf("permanent: %v, want %v (%v)", got, tt.permanent, err)
			}
			// The failure was transient for the fake: a retry succeeds
			// unless it was permanent.
			if !tt.permanent {
				if _, err := b.Send(t.Context(), chat.Address{Workspace: "skane", User: "bertil"}, chat.Message{Text: "hej"}, "k"); err != nil {
					t.Fatalf("retry: %v", err)
				}
			}
		})
	}
}

func TestSendPermanentWithoutCalls(t *testing.T) {
	fake := newFakeMM(t)
	b := testBot(t, fake, &recorder{}, nil)
	for _, to := range []chat.Address{
		{Workspace: "gotland", User: "bertil"},
		{Workspace: "skane"},
	} {
		if _, err := b.Send(t.Context(), to, chat.Message{Text: "hej"}, ""); !errors.Is(err, chat.ErrPermanent) {
			t.Errorf("%v: %v, want ErrPermanent", to, err)
		}
	}
	if len(fake.requests) != 0 {
		t.Errorf("API calls made: %v", fake.requests)
	}
}

func TestUpdateInPlace(t *testing.T) {
	fake := newFakeMM(t)
	b := testBot(t, fake, &recorder{}, nil)
	fake.addUser(userID("anna"), "anna", "")
	status := chat.Message{Key: "status", Title: "SIP-7K3QF2", Text: "• BUP Lund: *inbjuden*"}
	ref, err := b.Send(t.Context(), chat.Address{Workspace: "skane", User: "anna"}, status, "s1")
	if err != nil {
		t.Fatal(err)
	}
	b2 := testBot(t, fake, &recorder{}, nil) // a fresh replica: no caches
	status.Text = "• BUP Lund: *kommer*"
	status.Buttons = []chat.Button{{Action: "case.remind", Label: "Påminn", Value: "SIP-7K3QF2"}}
	if err := b2.Update(t.Context(), ref, status); err != nil {
		t.Fatal(err)
	}
	p := fake.post(ref.ID)
	if fake.postCount() != 1 {
		t.Fatalf("%d posts, want the one updated in place", fake.postCount())
	}
	atts := p.Attachments()
	if len(atts) != 1 || atts[0].Text != "• BUP Lund: **kommer**" {
		t.Fatalf("attachments %+v", atts)
	}
	if c := fromContext(atts[0].Actions[0].Integration.Context); c.User != userID("anna") {
		t.Errorf("updated button signed for %q, want the DM's user", c.User)
	}
	fake.failNext("PUT /posts/patch", http.StatusNotFound, nil)
	if err := b2.Update(t.Context(), ref, status); !errors.Is(err, chat.ErrPermanent) {
		t.Errorf("update of a deleted post: %v, want ErrPermanent", err)
	}
}

func TestSendToUserIDTransientLookupFailure(t *testing.T) {
	fake := newFakeMM(t)
	b := testBot(t, fake, &recorder{}, nil)
	fake.addUser(userID("bertil"), "bertil", "")
	fake.failNext("GET /users/id", http.StatusBadGateway, nil)
	_, err := b.Send(t.Context(), chat.Address{Workspace: "skane", User: userID("bertil")}, chat.Message{Text: "hej"}, "")
	if err == nil || errors.Is(err, chat.ErrPermanent) {
		t.Fatalf("a 502 looking up a user id gave %v, want a transient error", err)
	}
}
