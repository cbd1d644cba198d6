// Package console is Samla's terminal chat platform: a chat.Sender that
// prints every message with its recipient, fields and numbered buttons,
// and a Session that reads lines (commands, button clicks, prompt
// answers) as any contact of the directory. `samla try` runs it; tests
// drive it with scripts and compare the output with golden files.
package console

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"

	"github.com/samla-sip/samla/internal/chat"
)

// Screen prints deliveries for every platform and remembers the buttons
// it showed, so a Session can press them.
type Screen struct {
	mu      sync.Mutex
	w       io.Writer
	nextBtn int
	nextMsg int
	buttons map[string]shownButton // "b3" → button
	msgs    map[string]chat.Address
}

// shownButton is a button as delivered: to whom and on which message.
// After the message is updated, an old id stays pressable if the new
// version has the same button (same action and value) — as on Slack,
// where the replaced message's buttons are the same actions — and is
// stale, refused with a clear line, if the new version dropped it.
type shownButton struct {
	chat.Button
	to    chat.Address
	msgID string
	stale bool
}

// NewScreen prints to w.
func NewScreen(w io.Writer) *Screen {
	return &Screen{w: w, buttons: map[string]shownButton{}, msgs: map[string]chat.Address{}}
}

// Senders returns a chat.Sender for each platform the console stands in
// for: console, slack and mattermost.
func (s *Screen) Senders() []chat.Sender {
	return []chat.Sender{
		&platform{name: chat.Console, screen: s},
		&platform{name: chat.Slack, screen: s},
		&platform{name: chat.Mattermost, screen: s},
	}
}

// platform is one platform's Sender printing to the shared screen.
type platform struct {
	name   string
	screen *Screen
}

var _ chat.Sender = (*platform)(nil)

func (p *platform) Platform() string { return p.name }

// Send prints the message: "→ recipient [platform]", then the body.
func (p *platform) Send(ctx context.Context, to chat.Address, msg chat.Message, key string) (chat.Ref, error) {
	s := p.screen
	s.mu.Lock()
	defer s.mu.Unlock()
	s.nextMsg++
	id := fmt.Sprintf("m%d", s.nextMsg)
	s.msgs[id] = to
	fmt.Fprintf(s.w, "→ %s [%s]\n", recipient(to), p.name)
	s.printBody(to, id, msg)
	return chat.Ref{Platform: p.name, Workspace: to.Workspace, Channel: recipient(to), ID: id}, nil
}

// Update prints the new version of a delivered message: "✎ recipient".
func (p *platform) Update(ctx context.Context, ref chat.Ref, msg chat.Message) error {
	s := p.screen
	s.mu.Lock()
	defer s.mu.Unlock()
	to, ok := s.msgs[ref.ID]
	if !ok {
		return fmt.Errorf("console: update of unknown message %s: %w", ref.ID, chat.ErrPermanent)
	}
	for id, b := range s.buttons {
		if b.msgID != ref.ID || b.stale {
			continue
		}
		i := slices.IndexFunc(msg.Buttons, func(nb chat.Button) bool { return nb.Action == b.Action && nb.Value == b.Value })
		if i < 0 {
			b.stale = true
		} else {
			b.Button = msg.Buttons[i]
		}
		s.buttons[id] = b
	}
	fmt.Fprintf(s.w, "✎ %s [%s] (uppdaterat/updated)\n", recipient(to), p.name)
	s.printBody(to, ref.ID, msg)
	return nil
}

func recipient(to chat.Address) string {
	switch {
	case to.ContactID != "":
		return to.ContactID
	case to.Channel != "":
		return "#" + to.Channel
	default:
		return to.User
	}
}

// printBody prints title, text, fields and buttons, indented.
func (s *Screen) printBody(to chat.Address, msgID string, msg chat.Message) {
	if msg.Title != "" {
		fmt.Fprintf(s.w, "  *%s*\n", msg.Title)
	}
	for _, line := range strings.Split(msg.Text, "\n") {
		if line != "" {
			fmt.Fprintf(s.w, "  %s\n", line)
		}
	}
	for _, f := range msg.Fields {
		fmt.Fprintf(s.w, "  %s: %s\n", f.Label, f.Value)
	}
	if len(msg.Buttons) == 0 {
		return
	}
	var bs []string
	for _, b := range msg.Buttons {
		s.nextBtn++
		id := fmt.Sprintf("b%d", s.nextBtn)
		s.buttons[id] = shownButton{Button: b, to: to, msgID: msgID}
		label := b.Label
		if b.Prompt != nil {
			label += "…"
		}
		bs = append(bs, fmt.Sprintf("[%s] %s", id, label))
	}
	fmt.Fprintf(s.w, "  %s\n", strings.Join(bs, "  "))
}

// button returns a shown button by its short id.
func (s *Screen) button(id string) (shownButton, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	b, ok := s.buttons[id]
	return b, ok
}

// printReply prints a private reply to the actor: its one body
// (chat.Reply.Body) as a message when it has a title, fields or buttons
// (registering the buttons), else as lines of text.
func (s *Screen) printReply(to chat.Address, reply chat.Reply) {
	s.mu.Lock()
	defer s.mu.Unlock()
	body := reply.Body()
	if body.Title != "" || len(body.Fields) > 0 || len(body.Buttons) > 0 {
		s.nextMsg++
		id := fmt.Sprintf("m%d", s.nextMsg)
		s.msgs[id] = to
		fmt.Fprintf(s.w, "↩\n")
		s.printBody(to, id, body)
		return
	}
	lines := strings.Split(body.Text, "\n")
	fmt.Fprintf(s.w, "↩ %s\n", lines[0])
	for _, l := range lines[1:] {
		fmt.Fprintf(s.w, "  %s\n", l)
	}
}

// println prints a line of the console itself.
func (s *Screen) println(format string, args ...any) {
	s.mu.Lock()
	defer s.mu.Unlock()
	fmt.Fprintf(s.w, format+"\n", args...)
}
