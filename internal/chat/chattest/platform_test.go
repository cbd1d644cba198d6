package chattest

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/samla-sip/samla/internal/chat"
)

var to = chat.Address{Platform: chat.Slack, Workspace: "T1", User: "U1"}

func TestFailuresInOrder(t *testing.T) {
	ctx := context.Background()
	p := New(chat.Slack)
	p.FailNext(1, nil)
	p.RateLimitNext(1, 3*time.Second)
	p.PermanentNext(1)

	_, err := p.Send(ctx, to, chat.Message{Text: "a"}, "k")
	if !errors.Is(err, ErrInjected) {
		t.Fatalf("1st: %v", err)
	}
	_, err = p.Send(ctx, to, chat.Message{Text: "a"}, "k")
	var ra *chat.RetryAfterError
	if !errors.As(err, &ra) || ra.After != 3*time.Second {
		t.Fatalf("2nd: %v, want retry after 3s", err)
	}
	_, err = p.Send(ctx, to, chat.Message{Text: "a"}, "k")
	if !errors.Is(err, chat.ErrPermanent) {
		t.Fatalf("3rd: %v", err)
	}
	if _, err := p.Send(ctx, to, chat.Message{Text: "a"}, "k"); err != nil {
		t.Fatalf("4th: %v", err)
	}
	if p.Count("k") != 1 || len(p.Sent()) != 1 {
		t.Fatalf("count %d sent %d, want 1 and 1", p.Count("k"), len(p.Sent()))
	}
}

func TestDedupe(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name   string
		opts   []Option
		wantN  int
		sameID bool
	}{
		{"without dedupe", nil, 2, false},
		{"with dedupe", []Option{WithDedupe()}, 1, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := New(chat.Mattermost, tc.opts...)
			r1, err1 := p.Send(ctx, to, chat.Message{Text: "a"}, "k")
			r2, err2 := p.Send(ctx, to, chat.Message{Text: "a"}, "k")
			if err1 != nil || err2 != nil {
				t.Fatal(err1, err2)
			}
			if p.Count("k") != tc.wantN || (r1 == r2) != tc.sameID || p.Calls("k") != 2 {
				t.Fatalf("count %d refs %v %v", p.Count("k"), r1, r2)
			}
		})
	}
}

func TestUpdate(t *testing.T) {
	ctx := context.Background()
	p := New(chat.Slack)
	ref, err := p.Send(ctx, to, chat.Message{Text: "v1"}, "k")
	if err != nil {
		t.Fatal(err)
	}
	if err := p.Update(ctx, ref, chat.Message{Text: "v2"}); err != nil {
		t.Fatal(err)
	}
	if m, ok := p.Last(ref); !ok || m.Text != "v2" {
		t.Fatalf("last = %q %v", m.Text, ok)
	}
	p.Delete(ref)
	if err := p.Update(ctx, ref, chat.Message{Text: "v3"}); !errors.Is(err, chat.ErrPermanent) {
		t.Fatalf("update of deleted: %v", err)
	}
}

func TestLatencyHonoursContext(t *testing.T) {
	p := New(chat.Slack, WithLatency(time.Hour))
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Millisecond)
	defer cancel()
	if _, err := p.Send(ctx, to, chat.Message{}, "k"); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("send: %v", err)
	}
	if len(p.Sent()) != 0 || p.Interrupted() != 1 {
		t.Fatalf("cancelled send: %d accepted, %d interrupted", len(p.Sent()), p.Interrupted())
	}
}

func TestConcurrentSends(t *testing.T) {
	p := New(chat.Slack)
	var wg sync.WaitGroup
	for i := range 50 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, _ = p.Send(context.Background(), to, chat.Message{}, string(rune('a'+i%26)))
		}()
	}
	wg.Wait()
	total := 0
	for _, n := range p.Keys() {
		total += n
	}
	if total != 50 || len(p.Sent()) != 50 {
		t.Fatalf("total %d sent %d", total, len(p.Sent()))
	}
}
