package email

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/samla-sip/samla/internal/chat"
)

// LinkPath is where answer links point, under the public URL. The sealed
// token is the query parameter t: access logs record paths, never query
// strings.
const LinkPath = "/mail/a"

// DefaultLinkTTL is how long an answer link works: longer than the weeks
// of notice units ask for before a meeting.
const DefaultLinkTTL = 60 * 24 * time.Hour

// Errors of a link that cannot be used.
var (
	ErrLinkInvalid = errors.New("email: answer link invalid")
	ErrLinkExpired = errors.New("email: answer link expired")
	ErrLinkUsed    = errors.New("email: answer link already used")
)

// Links turns a message's buttons into answer links for one recipient.
// A link is sealed (AES-GCM), so it can neither be forged nor read: it
// holds the button's action and value and the recipient's address and
// contact id, which must not show in a URL that proxies and scanners log.
// A link works until it expires and only once (see Answers).
type Links struct {
	base string
	aead cipher.AEAD
	ttl  time.Duration
	now  func() time.Time
}

// NewLinks returns the links of a Samla reachable at publicURL, sealed
// with key (at least 16 bytes; SAMLA_MAIL_LINK_KEY). ttl ≤ 0 means
// DefaultLinkTTL; now nil means time.Now.
func NewLinks(publicURL string, key []byte, ttl time.Duration, now func() time.Time) (*Links, error) {
	if len(key) < 16 {
		return nil, errors.New("email: link key shorter than 16 bytes")
	}
	if publicURL == "" {
		return nil, errors.New("email: answer links need the public URL")
	}
	sum := sha256.Sum256(append([]byte("samla mail links\x00"), key...))
	block, err := aes.NewCipher(sum[:])
	if err != nil {
		return nil, fmt.Errorf("email: link key: %w", err)
	}
	aead, err := cipher.NewGCM(block)
	if err != nil {
		return nil, fmt.Errorf("email: link key: %w", err)
	}
	if ttl <= 0 {
		ttl = DefaultLinkTTL
	}
	if now == nil {
		now = time.Now
	}
	return &Links{base: strings.TrimSuffix(publicURL, "/") + LinkPath + "?t=", aead: aead, ttl: ttl, now: now}, nil
}

// claims is what a link holds.
type claims struct {
	Action  string       `json:"a"`
	Value   string       `json:"v"`
	Label   string       `json:"l"`
	About   string       `json:"s,omitempty"` // the e-mail's subject
	To      string       `json:"t"`
	Contact string       `json:"c,omitempty"`
	Prompt  *promptClaim `json:"p,omitempty"`
	Expires int64        `json:"e"`
	// ID names the link for its single use.
	ID string `json:"-"`
}

// promptClaim is a free-text prompt asked on the confirmation page.
type promptClaim struct {
	Title    string `json:"t"`
	Label    string `json:"l"`
	Optional bool   `json:"o,omitempty"`
	Checkbox string `json:"c,omitempty"`
}

// URL is the answer link of button b for recipient to in the e-mail about
// (its subject, shown on the confirmation page), or false when the button
// cannot be answered from e-mail (a choice among options, which only the
// chat platforms offer).
func (l *Links) URL(to chat.Address, b chat.Button, about string) (string, bool) {
	c := claims{Action: b.Action, Value: b.Value, Label: b.Label, About: about, To: to.User, Contact: to.ContactID,
		Expires: l.now().Add(l.ttl).Unix()}
	if p := b.Prompt; p != nil {
		if len(p.Options) > 0 {
			return "", false
		}
		c.Prompt = &promptClaim{Title: p.Title, Label: p.Label, Optional: p.Optional, Checkbox: p.Checkbox}
	}
	plain, err := json.Marshal(c)
	if err != nil {
		return "", false
	}
	nonce := make([]byte, l.aead.NonceSize())
	if _, err := rand.Read(nonce); err != nil {
		return "", false
	}
	sealed := l.aead.Seal(nonce, nonce, plain, nil)
	return l.base + base64.RawURLEncoding.EncodeToString(sealed), true
}

// open reads a link's token; it does not check single use.
func (l *Links) open(token string) (claims, error) {
	raw, err := base64.RawURLEncoding.DecodeString(token)
	if err != nil || len(raw) < l.aead.NonceSize() {
		return claims{}, ErrLinkInvalid
	}
	nonce, sealed := raw[:l.aead.NonceSize()], raw[l.aead.NonceSize():]
	plain, err := l.aead.Open(nil, nonce, sealed, nil)
	if err != nil {
		return claims{}, ErrLinkInvalid
	}
	var c claims
	if err := json.Unmarshal(plain, &c); err != nil || c.Action == "" || c.To == "" {
		return claims{}, ErrLinkInvalid
	}
	if l.now().Unix() > c.Expires {
		return claims{}, ErrLinkExpired
	}
	sum := sha256.Sum256(nonce)
	c.ID = base64.RawURLEncoding.EncodeToString(sum[:12])
	return c, nil
}
