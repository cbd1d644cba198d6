package email

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/samla-sip/samla/internal/chat"
)

// FuzzParseURL: any SAMLA_SMTP_URL is either refused or names a usable
// relay, and never one that would send a password in clear text.
func FuzzParseURL(f *testing.F) {
	for _, s := range []string{"smtp://relay:587", "smtps://u:p@relay", "smtp://127.0.0.1:25?tls=none",
		"smtp://u@h?tls=none", "smtp://:p@h", "smtp://h:0", "imap://h", "smtp://[::1]:2525", "smtp://%zz"} {
		f.Add(s, "")
		f.Add(s, "pw")
	}
	f.Fuzz(func(t *testing.T, raw, password string) {
		s, err := ParseURL(raw, password)
		if err != nil {
			return
		}
		if s.Host == "" || s.Port < 1 || s.Port > 65535 {
			t.Fatalf("%q: accepted %+v", raw, s)
		}
		switch s.TLS {
		case TLSStartTLS, TLSImplicit:
		case TLSNone:
			if s.Username != "" || s.Password != "" {
				t.Fatalf("%q: credentials without TLS: %+v", raw, s)
			}
		default:
			t.Fatalf("%q: TLS mode %q", raw, s.TLS)
		}
		if s.Password != "" && s.Username == "" {
			t.Fatalf("%q: a password without a user", raw)
		}
	})
}

// FuzzLinkToken: no token but one the key sealed opens; a sealed one
// opens to what was sealed.
func FuzzLinkToken(f *testing.F) {
	now := time.Date(2027, 1, 1, 12, 0, 0, 0, time.UTC)
	l, err := NewLinks("https://samla.example.se", []byte("fuzzing-link-key-0123"), 0, func() time.Time { return now })
	if err != nil {
		f.Fatal(err)
	}
	to := chat.Address{Platform: chat.Email, User: "a@b.se", ContactID: "c1"}
	// The seed is sealed with a fixed nonce, so every fuzzing process
	// knows the one valid token among the inputs.
	plain, err := json.Marshal(claims{Action: "rsvp.attend", Value: "SIP-ZDQYV3|i1", To: to.User, Expires: now.Add(time.Hour).Unix()})
	if err != nil {
		f.Fatal(err)
	}
	nonce := make([]byte, l.aead.NonceSize())
	good := base64.RawURLEncoding.EncodeToString(l.aead.Seal(nonce, nonce, plain, nil))
	f.Add(good, "")
	f.Add(good[:len(good)-1], "")
	f.Add("", "")
	f.Add("AAAA", "")
	f.Fuzz(func(t *testing.T, token, value string) {
		if c, err := l.open(token); err == nil && token != good {
			t.Fatalf("a token the key never sealed opened: %q → %+v", token, c)
		} else if err != nil && !errors.Is(err, ErrLinkInvalid) {
			t.Fatalf("%q: %v", token, err)
		}
		if !utf8.ValidString(value) {
			return // button values are text; JSON would replace bad bytes
		}
		u, ok := l.URL(to, chat.Button{Action: "x", Value: value}, value)
		if !ok {
			t.Fatal("no link")
		}
		c, err := l.open(u[len(l.base):])
		if err != nil || c.Action != "x" || c.Value != value || c.To != to.User || c.Contact != to.ContactID {
			t.Fatalf("round trip of %q: %+v %v", value, c, err)
		}
	})
}
