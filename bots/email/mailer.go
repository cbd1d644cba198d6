package email

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	netmail "net/mail"
	"strings"
	"time"

	mail "github.com/wneessen/go-mail"

	"github.com/samla-sip/samla/internal/chat"
)

// DefaultTimeout bounds one SMTP conversation when the caller's context
// sets no deadline.
const DefaultTimeout = 30 * time.Second

// Options configure a Mailer.
type Options struct {
	// From is the sender, "Samla <samla@kommun.se>" (SAMLA_MAIL_FROM).
	From string
	// ReplyTo, when set, is where replies go (SAMLA_MAIL_REPLY_TO).
	ReplyTo string
	// Lang is the language of the lines the e-mail adds ("sv" or "en").
	Lang string
	// Location is the time zone of meeting times (default Europe/Stockholm).
	Location *time.Location
	// Links turns buttons into answer links; nil leaves them out.
	Links *Links
	// StopAction is the button action that stops reminders; its link is
	// also offered as List-Unsubscribe (RFC 2369, one-click per RFC 8058).
	StopAction string
	// Timeout bounds one SMTP conversation (default DefaultTimeout, or
	// less when the context's deadline is sooner).
	Timeout time.Duration
	// Now is the clock (Date header, DTSTAMP; default time.Now).
	Now func() time.Time
	// OnUndeliverable, when set, is called when a message can never be
	// delivered to to (the relay refused the address or the message for
	// good, or the address is malformed), before the outbox dead-letters
	// it; key is the outbox's idempotency key (it starts with the job id).
	OnUndeliverable func(ctx context.Context, to chat.Address, key string)
}

// Mailer is the e-mail chat.Sender.
type Mailer struct {
	srv  Server
	o    Options
	from *netmail.Address
}

var _ chat.Sender = (*Mailer)(nil)

// New returns a Mailer sending through srv.
func New(srv Server, o Options) (*Mailer, error) {
	from, err := netmail.ParseAddress(o.From)
	if err != nil {
		return nil, fmt.Errorf("email: sender address %q: %w", o.From, err)
	}
	if o.ReplyTo != "" {
		if _, err := netmail.ParseAddress(o.ReplyTo); err != nil {
			return nil, fmt.Errorf("email: reply-to address %q: %w", o.ReplyTo, err)
		}
	}
	if o.Location == nil {
		loc, err := time.LoadLocation("Europe/Stockholm")
		if err != nil {
			return nil, fmt.Errorf("email: %w", err)
		}
		o.Location = loc
	}
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	return &Mailer{srv: srv, o: o, from: from}, nil
}

// Platform is chat.Email.
func (m *Mailer) Platform() string { return chat.Email }

// Send delivers msg to to.User. The Message-ID is derived from key, so a
// repeated delivery of the same outbox job carries the same Message-ID and
// mail systems can recognise the duplicate.
func (m *Mailer) Send(ctx context.Context, to chat.Address, msg chat.Message, key string) (chat.Ref, error) {
	if _, err := netmail.ParseAddress(to.User); err != nil {
		return chat.Ref{}, m.undeliverable(ctx, to, key, fmt.Errorf("email: recipient address: %w", chat.ErrPermanent))
	}
	mm, id, err := m.compose(to, msg, key)
	if err != nil {
		return chat.Ref{}, fmt.Errorf("email: compose: %w: %w", chat.ErrPermanent, err)
	}
	if _, err := m.deliver(ctx, mm); err != nil {
		if err = classify(err); errors.Is(err, chat.ErrPermanent) {
			return chat.Ref{}, m.undeliverable(ctx, to, key, err)
		}
		return chat.Ref{}, err
	}
	return chat.Ref{Platform: chat.Email, ID: id}, nil
}

// undeliverable reports a message that can never be delivered and
// returns err.
func (m *Mailer) undeliverable(ctx context.Context, to chat.Address, key string, err error) error {
	if m.o.OnUndeliverable != nil {
		m.o.OnUndeliverable(ctx, to, key)
	}
	return err
}

// Update is not possible: a sent e-mail cannot be changed. The outbox
// then sends the new version as a new e-mail, which is what a time change
// or a cancellation needs (the calendar part updates the same event).
func (m *Mailer) Update(context.Context, chat.Ref, chat.Message) error {
	return chat.ErrUnsupported
}

// Test sends a short test message to addr and returns the relay's answer
// to it (`samla mail test`).
func (m *Mailer) Test(ctx context.Context, addr string) (string, error) {
	msg := chat.Message{Title: tr(m.o.Lang, "test.subj"), Text: tr(m.o.Lang, "test.text")}
	mm, _, err := m.compose(chat.Address{Platform: chat.Email, User: addr}, msg, "")
	if err != nil {
		return "", err
	}
	return m.deliver(ctx, mm)
}

// deliver runs one SMTP conversation and returns the relay's last answer.
func (m *Mailer) deliver(ctx context.Context, mm *mail.Msg) (string, error) {
	timeout := m.o.Timeout
	if d, ok := ctx.Deadline(); ok {
		timeout = min(timeout, time.Until(d))
	}
	if timeout <= 0 {
		return "", context.DeadlineExceeded
	}
	dial, stop := dialCancelable(ctx)
	defer stop()
	opts := []mail.Option{mail.WithPort(m.srv.Port), mail.WithTimeout(timeout)}
	switch m.srv.TLS {
	case TLSImplicit:
		// go-mail wraps TLS itself only with its own dialer, so an
		// implicit-TLS conversation is bounded by the timeout alone.
		opts = append(opts, mail.WithSSL())
	case TLSNone:
		opts = append(opts, mail.WithTLSPolicy(mail.NoTLS), mail.WithDialContextFunc(dial))
	default:
		opts = append(opts, mail.WithTLSPolicy(mail.TLSMandatory), mail.WithDialContextFunc(dial))
	}
	if m.srv.TLSConfig != nil {
		opts = append(opts, mail.WithTLSConfig(m.srv.TLSConfig))
	}
	if m.srv.Username != "" {
		opts = append(opts, mail.WithSMTPAuth(mail.SMTPAuthAutoDiscover),
			mail.WithUsername(m.srv.Username), mail.WithPassword(m.srv.Password))
	}
	c, err := mail.NewClient(m.srv.Host, opts...)
	if err != nil {
		return "", err
	}
	if err := c.DialAndSendWithContext(ctx, mm); err != nil {
		return "", err
	}
	return mm.ServerResponse(), nil
}

// dialCancelable dials TCP and closes the connection when ctx (the whole
// delivery's context) ends, so a stopping outbox does not wait for a
// hanging relay's timeout: go-mail uses its context for dialling only.
// stop releases the watch once the delivery is over.
func dialCancelable(ctx context.Context) (dial mail.DialContextFunc, stop func()) {
	var stops []func() bool
	dial = func(dialCtx context.Context, network, addr string) (net.Conn, error) {
		var d net.Dialer
		conn, err := d.DialContext(dialCtx, network, addr)
		if err != nil {
			return nil, err
		}
		stops = append(stops, context.AfterFunc(ctx, func() { _ = conn.Close() }))
		return conn, nil
	}
	return dial, func() {
		for _, s := range stops {
			s()
		}
	}
}

// messageID is the Message-ID for an idempotency key (random without one).
func (m *Mailer) messageID(key string) string {
	var b []byte
	if key != "" {
		sum := sha256.Sum256([]byte("samla mail\x00" + key))
		b = sum[:16]
	} else {
		b = make([]byte, 16)
		if _, err := rand.Read(b); err != nil {
			b = []byte(m.o.Now().Format(time.RFC3339Nano))
		}
	}
	_, domain, _ := strings.Cut(m.from.Address, "@")
	return "samla." + hex.EncodeToString(b) + "@" + domain
}

// errNoRecipient is returned for an address without an e-mail address.
var errNoRecipient = errors.New("no recipient address")
