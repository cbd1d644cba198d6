package room

import (
	"log/slog"
	"strings"
	"testing"

	"github.com/samla-sip/samla/internal/chat"
	"github.com/samla-sip/samla/internal/chat/chattest"
	"github.com/samla-sip/samla/internal/outbox"
)

// TestPersonLinkByEmail: /sip länk REF individen epost=… sends the
// personal link by e-mail through the outbox; the chat reply gives the
// code only; the address is in neither the reply, the log nor the case's
// timeline, and the mailed link with the code opens the individual's page.
func TestPersonLinkByEmail(t *testing.T) {
	e := newEnv(t)
	e.room.opts.Email = true
	ref := e.invitedCase()
	const addr = "anna.privat@example.se"
	reply, ok := e.room.Command(e.ctx, actor(kurator), "länk "+ref+" individen epost="+addr)
	if !ok {
		t.Fatal("länk not handled by the room")
	}
	code := regexpFind(`Kod: \*([A-Z0-9]{6})\*`, reply.Text)
	if code == "" || strings.Contains(reply.Text, "http") {
		t.Fatalf("reply %q: want the code and no link", reply.Text)
	}
	mailbox := chattest.New(chat.Email)
	w := outbox.NewWorker(e.room.opts.Store, []chat.Sender{mailbox}, outbox.Options{Now: e.clock.Now, Log: slog.New(slog.DiscardHandler)})
	if _, err := w.DeliverDue(e.ctx); err != nil {
		t.Fatal(err)
	}
	var link string
	for _, s := range mailbox.Sent() {
		if s.To.User == addr {
			link = regexpFind(`(https?://\S+)`, s.Msg.Text)
		}
	}
	if link == "" {
		t.Fatalf("no e-mail with the link to %s: %+v", addr, mailbox.Sent())
	}
	c, err := e.svc.Case(e.ctx, ref)
	if err != nil {
		t.Fatal(err)
	}
	var timeline strings.Builder
	for _, ev := range c.Timeline {
		timeline.WriteString(ev.Kind + " " + ev.Actor + " " + strings.Join(ev.Args, " ") + "\n")
	}
	for what, s := range map[string]string{"reply": reply.Text, "log": e.logs.String(), "timeline": timeline.String()} {
		if strings.Contains(s, addr) || strings.Contains(s, "anna.privat") {
			t.Errorf("the address is in the %s:\n%s", what, s)
		}
	}
	if status, page := e.signIn(e.browser(), link, code); status != 200 || !strings.Contains(page, ref) {
		t.Errorf("the mailed link with the code: %d\n%s", status, page)
	}
	// Without the e-mail channel the argument is refused, nothing is sent.
	e.room.opts.Email = false
	if reply, _ := e.room.Command(e.ctx, actor(kurator), "länk "+ref+" individen epost="+addr); strings.Contains(reply.Text, "Kod") {
		t.Errorf("epost= without the e-mail channel: %q", reply.Text)
	}
}
