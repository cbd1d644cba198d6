package email

import (
	"errors"
	"fmt"

	mail "github.com/wneessen/go-mail"

	"github.com/samla-sip/samla/internal/chat"
)

// classify turns a failed SMTP delivery into the error the outbox acts on.
// A 5xx answer to the recipient or the message (RCPT TO, DATA, the end of
// DATA) wraps chat.ErrPermanent: no retry will deliver it, so the outbox
// dead-letters it. Everything else is retried with backoff: 4xx answers,
// timeouts, a relay that cannot be reached, and failures before the
// recipient is named (greeting, TLS, login, MAIL FROM) — those concern
// every message alike and are an operator's to fix, not a reason to give
// up on this party.
func classify(err error) error {
	var se *mail.SendError
	if errors.As(err, &se) && !se.IsTemp() && se.ErrorCode() >= 500 {
		switch se.Reason {
		case mail.ErrSMTPRcptTo, mail.ErrSMTPData, mail.ErrSMTPDataClose:
			return fmt.Errorf("email: %w: %w", chat.ErrPermanent, err)
		}
	}
	return fmt.Errorf("email: %w", err)
}

// Code is the SMTP reply code of a failed delivery (0 when the relay did
// not answer with one), for operators and the convener's notice.
func Code(err error) int {
	var se *mail.SendError
	if errors.As(err, &se) {
		return se.ErrorCode()
	}
	return 0
}
