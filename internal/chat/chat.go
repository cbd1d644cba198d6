// Package chat is the small platform-neutral interface between the SIP core
// and the chat platforms (console, Slack, Mattermost): who is talking, what a
// message looks like, and how a platform delivers and updates it.
//
// A platform adapter turns inbound requests into Handler calls and
// implements Sender for outbound messages. The core never sees an SDK type.
package chat

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"
)

// Platform names.
const (
	Console    = "console"
	Slack      = "slack"
	Mattermost = "mattermost"
	Email      = "email" // Address.User is the e-mail address
)

// Address says where a message goes: a user's direct messages, or a
// channel, on one platform.
type Address struct {
	Platform  string `json:"platform"`
	Workspace string `json:"workspace,omitempty"` // Slack team id or Mattermost server name
	User      string `json:"user,omitempty"`      // platform user id (Slack) or username (Mattermost)
	Channel   string `json:"channel,omitempty"`   // channel id, when posting to a channel
	ContactID string `json:"contact_id,omitempty"`
}

// String is a short, log-safe form of the address.
func (a Address) String() string {
	target := a.User
	if a.Channel != "" {
		target = "#" + a.Channel
	}
	if a.Workspace != "" {
		return fmt.Sprintf("%s:%s/%s", a.Platform, a.Workspace, target)
	}
	return fmt.Sprintf("%s:%s", a.Platform, target)
}

// Message is a rich message: title, text, label/value fields and buttons.
// Text uses a markdown subset all platforms render: *bold*, _italic_,
// line breaks and "• " bullets.
type Message struct {
	Title   string   `json:"title,omitempty"`
	Text    string   `json:"text"`
	Fields  []Field  `json:"fields,omitempty"`
	Buttons []Button `json:"buttons,omitempty"`
	// Key names a logical message updated in place (e.g. the live status
	// message of a case); empty for ordinary one-off messages.
	Key string `json:"key,omitempty"`
	// Meeting, when set, is the calendar event the message is about.
	// Platforms with calendars (e-mail) attach it as an invitation; the
	// chat platforms show the text only.
	Meeting *Meeting `json:"meeting,omitempty"`
}

// Meeting is a SIP meeting as a calendar event. UID stays the same for the
// life of the meeting and Sequence rises with every change, so calendars
// replace the event instead of adding a second one.
type Meeting struct {
	UID      string    `json:"uid"`
	Sequence int       `json:"sequence"`
	Start    time.Time `json:"start"`
	End      time.Time `json:"end"`
	// Summary is the event's title: the case reference, never anything
	// about the individual.
	Summary  string `json:"summary"`
	Location string `json:"location,omitempty"`
	VideoURL string `json:"video_url,omitempty"`
	// Organizer is the convener's display name (the event is sent by
	// Samla on their behalf).
	Organizer string `json:"organizer,omitempty"`
	// Cancelled withdraws the event (the invitation was withdrawn or the
	// meeting cancelled).
	Cancelled bool `json:"cancelled,omitempty"`
}

// Field is one label/value row.
type Field struct {
	Label string `json:"label"`
	Value string `json:"value"`
}

// Button is an action the recipient can take.
type Button struct {
	Action string  `json:"action"` // e.g. "rsvp.attend"
	Label  string  `json:"label"`
	Value  string  `json:"value"`           // opaque to platforms; passed back in Action.Value
	Style  string  `json:"style,omitempty"` // "", "primary" or "danger"
	Prompt *Prompt `json:"prompt,omitempty"`
}

// Prompt asks the clicker for input before the action runs (a modal on
// Slack, a dialog on Mattermost, the next line in the console).
type Prompt struct {
	Title string `json:"title"`
	Label string `json:"label"`
	// Options, when set, makes the input a choice (e.g. a delegate from the
	// directory); Action.Input is then the chosen option's value.
	Options []Option `json:"options,omitempty"`
	// Optional is true when the input may be left empty.
	Optional bool `json:"optional,omitempty"`
	// Checkbox, when set, adds a yes/no question (Action.Flag).
	Checkbox string `json:"checkbox,omitempty"`
}

// Option is one choice in a prompt.
type Option struct {
	Value string `json:"value"`
	Label string `json:"label"`
}

// Actor is the person typing a command or pressing a button.
type Actor struct {
	Platform  string
	Workspace string
	UserID    string
	// ContactID is the directory contact the platform linked this user to,
	// or "" when unknown (the core then tries the directory itself).
	ContactID string
	// Email helps linking to the directory; a platform sets it only when
	// it vouches for the address (Slack: the workspace's profile e-mail;
	// Mattermost: verified, or a server the operator trusts).
	Email string
	// Unresolved is set when the platform could not look the user up just
	// now (rate limited, slow, failing): the core then uses the link it
	// stored earlier, or asks the user to try again.
	Unresolved bool
	// Channel is where the command was typed (for replies in place).
	Channel string
}

// Address is where direct messages to the actor go.
func (a Actor) Address() Address {
	return Address{Platform: a.Platform, Workspace: a.Workspace, User: a.UserID, ContactID: a.ContactID}
}

// Action is a button press, with the prompt's answer if it had one.
type Action struct {
	Name  string // Button.Action
	Value string // Button.Value
	Input string // prompt text or chosen option
	Flag  bool   // prompt checkbox
}

// Reply is the immediate, private answer to the actor.
//
// One rule for what is shown: a reply is one message, Body. When Message
// is set it is the whole answer and Text is not shown beside it (Text may
// only fill a Message that has neither title nor text); otherwise Text
// alone is the answer. Adapters show Body (or Body().Plain() where only
// plain text fits) and never read Text and Message themselves.
type Reply struct {
	Text    string   `json:"text"`
	Message *Message `json:"message,omitempty"` // richer form, when useful
	// Prompt asks the platform to collect input now and call Act with
	// Action{Name: PromptAction, Value: PromptValue, Input: ...}.
	Prompt       *Prompt `json:"prompt,omitempty"`
	PromptAction string  `json:"prompt_action,omitempty"`
	PromptValue  string  `json:"prompt_value,omitempty"`
	// Ref is the case the reply is about, when the command succeeded on
	// one (adapters use it instead of reading references from the text).
	Ref string `json:"ref,omitempty"`
}

// Body is the one message a reply shows (see Reply).
func (r Reply) Body() Message {
	if r.Message == nil {
		return Message{Text: r.Text}
	}
	m := *r.Message
	if m.Title == "" && m.Text == "" {
		m.Text = r.Text
	}
	return m
}

// Empty reports whether the reply shows nothing and asks nothing.
func (r Reply) Empty() bool {
	b := r.Body()
	return b.Title == "" && b.Text == "" && len(b.Fields) == 0 && len(b.Buttons) == 0 && r.Prompt == nil
}

// Plain flattens a message for places that show only text: the title in
// bold on its own line, the text, then one "Label: value" line per field.
// Buttons are left out.
func (m Message) Plain() string {
	var b strings.Builder
	if m.Title != "" {
		b.WriteString("*" + m.Title + "*\n")
	}
	b.WriteString(m.Text)
	for _, f := range m.Fields {
		b.WriteString("\n" + f.Label + ": " + f.Value)
	}
	return b.String()
}

// Handler is what platforms call with inbound commands and button presses.
// The SIP core implements it.
type Handler interface {
	// Command runs "/sip ..." text (without the leading "/sip").
	Command(ctx context.Context, who Actor, text string) Reply
	// Act runs a button press.
	Act(ctx context.Context, who Actor, act Action) Reply
}

// Ref identifies a delivered message so it can be updated in place.
type Ref struct {
	Platform  string `json:"platform"`
	Workspace string `json:"workspace,omitempty"`
	Channel   string `json:"channel"`
	ID        string `json:"id"` // Slack ts, Mattermost post id
}

// Sender delivers messages on one platform.
type Sender interface {
	// Platform returns the platform name this sender serves.
	Platform() string
	// Send delivers msg. key is the idempotency key of the delivery; a
	// platform that supports idempotency uses it, the others may ignore it.
	Send(ctx context.Context, to Address, msg Message, key string) (Ref, error)
	// Update replaces a delivered message in place.
	Update(ctx context.Context, ref Ref, msg Message) error
}

// ErrUnsupported is returned by a platform lacking a feature.
var ErrUnsupported = errors.New("chat: not supported by this platform")

// ErrPermanent marks a delivery that will never succeed (unknown user,
// channel gone); the outbox gives up instead of retrying.
var ErrPermanent = errors.New("chat: permanent delivery failure")

// RetryAfterError asks the caller to retry no sooner than After
// (Slack's and Mattermost's 429 Retry-After).
type RetryAfterError struct {
	After time.Duration
	Err   error
}

func (e *RetryAfterError) Error() string {
	return fmt.Sprintf("retry after %s: %v", e.After, e.Err)
}

func (e *RetryAfterError) Unwrap() error { return e.Err }
