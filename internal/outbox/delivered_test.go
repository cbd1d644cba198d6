package outbox_test

import (
	"context"
	"testing"

	"github.com/samla-sip/samla/internal/chat"
	"github.com/samla-sip/samla/internal/outbox"
)

func TestDelivered(t *testing.T) {
	ctx := context.Background()
	r := newRig(t, tempBolt(t), outbox.Options{})
	to, other := addr(chat.Slack, "U1"), addr(chat.Slack, "U2")
	r.enqueue(t, "inv-1", to, chat.Message{Text: "kallelse", Key: "inv/SIP-AAAAAA/1"})

	if ok, err := outbox.Delivered(ctx, r.st, "inv/SIP-AAAAAA/1", to); err != nil || ok {
		t.Fatalf("before delivery: Delivered = %v, %v", ok, err)
	}
	r.pass(t, 1)
	if ok, err := outbox.Delivered(ctx, r.st, "inv/SIP-AAAAAA/1", to); err != nil || !ok {
		t.Fatalf("after delivery: Delivered = %v, %v", ok, err)
	}
	if ok, _ := outbox.Delivered(ctx, r.st, "inv/SIP-AAAAAA/1", other); ok {
		t.Error("delivered to another address")
	}
	if ok, _ := outbox.Delivered(ctx, r.st, "inv/SIP-AAAAAA/2", to); ok {
		t.Error("another key counted as delivered")
	}
}
