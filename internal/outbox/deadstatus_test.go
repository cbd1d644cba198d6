package outbox_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/samla-sip/samla/internal/chat"
	"github.com/samla-sip/samla/internal/outbox"
)

// A dead letter and its log line carry the platform's HTTP status and
// error id (a 403 is not a 404), and never the message text.
func TestDeadLetterCarriesStatusAndErrorID(t *testing.T) {
	r := newRig(t, tempBolt(t), outbox.Options{})
	refusal := &chat.PlatformError{Status: 403, ID: "api.context.permissions.app_error", Err: fmt.Errorf("forbidden")}
	r.mm.FailNext(1, fmt.Errorf("mattermost: post: %w: %w", refusal, chat.ErrPermanent))
	r.enqueue(t, "inv|SIP-ABC123|polhem", addr(chat.Mattermost, "polhem-elevhalsa"), chat.Message{Text: "Kallelse till SIP om hemlig sak"})
	r.pass(t, 1)

	dead, err := outbox.DeadLetters(context.Background(), r.st)
	if err != nil {
		t.Fatal(err)
	}
	if len(dead) != 1 || dead[0].Status != 403 || dead[0].ErrorID != "api.context.permissions.app_error" || dead[0].Class != "permanent" {
		t.Fatalf("dead letters = %+v, want one permanent with status 403 and the error id", dead)
	}
	logs := r.logs.String()
	if !strings.Contains(logs, "status=403") || !strings.Contains(logs, "error_id=api.context.permissions.app_error") {
		t.Errorf("dead-letter log lacks status and error id:\n%s", logs)
	}
	if strings.Contains(logs, "hemlig") || strings.Contains(logs, "forbidden") {
		t.Errorf("log carries message or error text:\n%s", logs)
	}
}
