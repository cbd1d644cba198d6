// Package emailtest is a real SMTP relay for tests (emersion/go-smtp on
// 127.0.0.1, STARTTLS with its own CA, AUTH PLAIN) that records what it
// accepts and answers each recipient as scripted.
package emailtest

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"io"
	"math/big"
	"net"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"

	"github.com/samla-sip/samla/bots/email"
)

// Relay is a running SMTP server. Rcpt, when set, decides the answer to
// each RCPT TO (attempt counts from 1 per address); set it before sending.
type Relay struct {
	srv  *smtp.Server
	addr string
	ca   *x509.CertPool

	open     bool // accepts mail without a login
	implicit bool // TLS from the first byte (smtps://)

	mu       sync.Mutex
	got      []Received
	attempts map[string]int
	rcpt     func(to string, attempt int) error
}

// Received is one accepted message: envelope and raw data.
type Received struct {
	From string
	To   []string
	Data []byte
}

// The relay's login.
const (
	User     = "samla"
	Password = "hemligt-lösen"
)

// Start runs a relay with STARTTLS and a login until the test ends.
func Start(t testing.TB) *Relay {
	t.Helper()
	return start(t, &Relay{})
}

// StartImplicitTLS runs a relay speaking TLS from the first byte
// (smtps://), with a login.
func StartImplicitTLS(t testing.TB) *Relay {
	t.Helper()
	return start(t, &Relay{implicit: true})
}

// StartOpen runs a relay that accepts mail without a login, as a relay on
// localhost does (SAMLA_SMTP_URL=smtp://host:port?tls=none).
func StartOpen(t testing.TB) *Relay {
	t.Helper()
	return start(t, &Relay{open: true})
}

func start(t testing.TB, r *Relay) *Relay {
	t.Helper()
	cert, pool := selfSigned(t)
	r.ca, r.attempts = pool, map[string]int{}
	r.srv = smtp.NewServer(smtp.BackendFunc(func(*smtp.Conn) (smtp.Session, error) {
		return &session{r: r}, nil
	}))
	r.srv.Domain = "relay.test"
	r.srv.TLSConfig = &tls.Config{Certificates: []tls.Certificate{cert}}
	r.srv.ReadTimeout, r.srv.WriteTimeout = 10*time.Second, 10*time.Second
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	r.addr = ln.Addr().String()
	if r.implicit {
		ln = tls.NewListener(ln, r.srv.TLSConfig)
	}
	go func() { _ = r.srv.Serve(ln) }()
	t.Cleanup(func() { _ = r.srv.Close() })
	return r
}

// Addr is the relay's host:port.
func (r *Relay) Addr() string { return r.addr }

// URL is the relay as SAMLA_SMTP_URL (the login's password apart; the
// relay's certificate is trusted only through TLSConfig).
func (r *Relay) URL() string {
	if r.implicit {
		return "smtps://" + User + "@" + r.addr
	}
	return "smtp://" + User + "@" + r.addr
}

// TLSConfig trusts the relay's certificate.
func (r *Relay) TLSConfig() *tls.Config {
	return &tls.Config{RootCAs: r.ca, ServerName: "127.0.0.1", MinVersion: tls.VersionTLS12}
}

// Server is how a Mailer reaches this relay (STARTTLS or implicit TLS,
// login).
func (r *Relay) Server(t testing.TB) email.Server {
	t.Helper()
	s, err := email.ParseURL(r.URL(), Password)
	if err != nil {
		t.Fatal(err)
	}
	s.TLSConfig = r.TLSConfig()
	return s
}

// SetRcpt scripts the answer to each RCPT TO; nil accepts everyone.
func (r *Relay) SetRcpt(decide func(to string, attempt int) error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.rcpt = decide
}

// Messages returns what the relay accepted so far.
func (r *Relay) Messages() []Received {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]Received(nil), r.got...)
}

type session struct {
	r      *Relay
	authed bool
	from   string
	to     []string
}

func (s *session) AuthMechanisms() []string { return []string{sasl.Plain} }

func (s *session) Auth(string) (sasl.Server, error) {
	return sasl.NewPlainServer(func(_, user, pass string) error {
		if user != User || pass != Password {
			return &smtp.SMTPError{Code: 535, EnhancedCode: smtp.EnhancedCode{5, 7, 8}, Message: "bad credentials"}
		}
		s.authed = true
		return nil
	}), nil
}

func (s *session) Mail(from string, _ *smtp.MailOptions) error {
	if !s.authed && !s.r.open {
		return &smtp.SMTPError{Code: 530, EnhancedCode: smtp.EnhancedCode{5, 7, 0}, Message: "authentication required"}
	}
	s.from = from
	return nil
}

func (s *session) Rcpt(to string, _ *smtp.RcptOptions) error {
	s.r.mu.Lock()
	s.r.attempts[to]++
	n, decide := s.r.attempts[to], s.r.rcpt
	s.r.mu.Unlock()
	if decide != nil {
		if err := decide(to, n); err != nil {
			return err
		}
	}
	s.to = append(s.to, to)
	return nil
}

func (s *session) Data(rd io.Reader) error {
	b, err := io.ReadAll(rd)
	if err != nil {
		return err
	}
	s.r.mu.Lock()
	defer s.r.mu.Unlock()
	s.r.got = append(s.r.got, Received{From: s.from, To: s.to, Data: b})
	return nil
}

func (s *session) Reset()        { s.from, s.to = "", nil }
func (s *session) Logout() error { return nil }

// TempFail and PermFail are answers to a recipient: 451 and 550.
var (
	TempFail error = &smtp.SMTPError{Code: 451, EnhancedCode: smtp.EnhancedCode{4, 3, 0}, Message: "try again later"}
	PermFail error = &smtp.SMTPError{Code: 550, EnhancedCode: smtp.EnhancedCode{5, 1, 1}, Message: "no such user"}
)

// Hanging accepts connections and never says a word; it returns its
// host:port.
func Hanging(t testing.TB) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var conns []net.Conn
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			mu.Lock()
			conns = append(conns, c)
			mu.Unlock()
		}
	}()
	t.Cleanup(func() {
		_ = ln.Close()
		mu.Lock()
		defer mu.Unlock()
		for _, c := range conns {
			_ = c.Close()
		}
	})
	return ln.Addr().String()
}

// selfSigned makes a certificate for 127.0.0.1 and a pool trusting it.
func selfSigned(t testing.TB) (tls.Certificate, *x509.CertPool) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "relay.test"},
		IPAddresses: []net.IP{net.ParseIP("127.0.0.1")},
		NotBefore:   time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		KeyUsage: x509.KeyUsageDigitalSignature, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		IsCA: true, BasicConstraintsValid: true,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	leaf, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	pool := x509.NewCertPool()
	pool.AddCert(leaf)
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key, Leaf: leaf}, pool
}
