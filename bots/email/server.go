package email

import (
	"crypto/tls"
	"errors"
	"fmt"
	"net"
	"net/url"
	"strconv"
)

// TLS modes of a relay connection.
const (
	TLSStartTLS = "starttls" // smtp://: STARTTLS required (default)
	TLSImplicit = "implicit" // smtps://: TLS from the first byte
	TLSNone     = "none"     // smtp://…?tls=none: plain text, for a relay on localhost only
)

// Server is how Samla reaches its mail relay.
type Server struct {
	Host     string
	Port     int
	TLS      string // TLSStartTLS, TLSImplicit or TLSNone
	Username string
	Password string
	// TLSConfig overrides the TLS settings (tests trust their own CA);
	// nil verifies the relay's certificate against the system roots.
	TLSConfig *tls.Config
}

// ParseURL reads SAMLA_SMTP_URL: smtp://[user[:password]@]host[:port]
// (STARTTLS, port 587 by default; ?tls=none for a local relay without
// TLS) or smtps://… (implicit TLS, port 465). password, when not empty,
// replaces the one in the URL (SAMLA_SMTP_PASSWORD).
func ParseURL(raw, password string) (Server, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return Server{}, fmt.Errorf("email: SMTP URL: %w", err)
	}
	var s Server
	switch u.Scheme {
	case "smtp":
		s.TLS, s.Port = TLSStartTLS, 587
		switch mode := u.Query().Get("tls"); mode {
		case "", TLSStartTLS:
		case TLSNone:
			s.TLS = TLSNone
		default:
			return Server{}, fmt.Errorf("email: SMTP URL: tls=%q: want starttls or none", mode)
		}
	case "smtps":
		s.TLS, s.Port = TLSImplicit, 465
	default:
		return Server{}, fmt.Errorf("email: SMTP URL: scheme %q: want smtp:// or smtps://", u.Scheme)
	}
	s.Host = u.Hostname()
	if s.Host == "" {
		return Server{}, errors.New("email: SMTP URL: no host")
	}
	if p := u.Port(); p != "" {
		n, err := strconv.Atoi(p)
		if err != nil || n < 1 || n > 65535 {
			return Server{}, fmt.Errorf("email: SMTP URL: port %q", p)
		}
		s.Port = n
	}
	if u.User != nil {
		s.Username = u.User.Username()
		s.Password, _ = u.User.Password()
	}
	if password != "" {
		s.Password = password
	}
	if s.Password != "" && s.Username == "" {
		return Server{}, errors.New("email: SMTP URL: a password needs a user name (smtp://user@host)")
	}
	if s.TLS == TLSNone && s.Username != "" {
		return Server{}, errors.New("email: SMTP URL: tls=none would send the password in clear text")
	}
	return s, nil
}

// Addr is host:port.
func (s Server) Addr() string { return net.JoinHostPort(s.Host, strconv.Itoa(s.Port)) }
