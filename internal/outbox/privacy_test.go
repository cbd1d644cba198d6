package outbox_test

import (
	"strings"
	"testing"
	"time"

	"github.com/samla-sip/samla/internal/chat"
	"github.com/samla-sip/samla/internal/outbox"
)

// The outbox logs, at every level down to debug, job ids, platforms,
// classes and status codes: never a message's text, nor its recipient,
// on any path (sent, updated, retried, rate limited, given up on).
func TestLogsCarryNoMessageTextOrRecipient(t *testing.T) {
	const secret, user = "hemlig uppgift om barnet", "U0SECRETUSER"
	r := newRig(t, tempBolt(t), outbox.Options{MaxAttempts: 3}) // the rig logs at debug
	to := addr(chat.Slack, user)

	r.slack.FailNext(1, nil)                          // transient
	r.enqueue(t, "a", to, chat.Message{Text: secret}) // then sent
	r.pass(t, 1)
	r.clock.Set(t0.Add(time.Minute))
	r.pass(t, 1)

	r.enqueue(t, "status|SIP-1", to, chat.Message{Text: secret + " v1", Key: "status|SIP-1"})
	r.pass(t, 1)
	r.enqueue(t, "status|SIP-1", to, chat.Message{Text: secret + " v2", Key: "status|SIP-1"}) // updated
	r.pass(t, 1)

	r.mm.RateLimitNext(1, time.Second)
	r.enqueue(t, "b", addr(chat.Mattermost, user), chat.Message{Text: secret})
	r.pass(t, 1)
	r.mm.PermanentNext(1)
	r.clock.Set(t0.Add(2 * time.Minute))
	r.pass(t, 1) // given up on

	if err := r.st.Schedule(t.Context(), jobWithPayload("garbled", []byte(`{"to":`+secret))); err != nil {
		t.Fatal(err)
	}
	r.pass(t, 1) // undecodable: dead letter

	logs := r.logs.String()
	if !strings.Contains(logs, "outbox: delivery given up") || !strings.Contains(logs, "outbox: delivery deferred") {
		t.Fatalf("the scenario did not log its outcomes:\n%s", logs)
	}
	for _, leak := range []string{"hemlig", user} {
		if strings.Contains(logs, leak) {
			t.Errorf("log carries %q:\n%s", leak, logs)
		}
	}
}
