package dirimport

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"net"
	"net/url"
	"time"

	"github.com/go-ldap/ldap/v3"
)

// Source is where and how to read: the server's URL (ldaps:// or ldap://
// with StartTLS; never in the clear), the search base, the bind DN and
// password (empty: anonymous), extra trusted CAs (PEM) and the page size.
type Source struct {
	URL      string
	Base     string
	BindDN   string
	Password string
	CAPEM    []byte
	PageSize uint32
	Timeout  time.Duration
}

// Read binds and runs the mapping's filter under the base with a paged
// search (subtree), returning every entry.
func Read(ctx context.Context, src Source, m Mapping) ([]Entry, error) {
	conn, err := dial(ctx, src)
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	if src.BindDN != "" {
		if err := conn.Bind(src.BindDN, src.Password); err != nil {
			return nil, fmt.Errorf("ldap bind as %s: %w", src.BindDN, err)
		}
	}
	page := src.PageSize
	if page == 0 {
		page = 200
	}
	req := ldap.NewSearchRequest(src.Base, ldap.ScopeWholeSubtree, ldap.NeverDerefAliases, 0, 0, false, m.Filter, m.attributes(), nil)
	res, err := conn.SearchWithPaging(req, page)
	if err != nil {
		return nil, fmt.Errorf("ldap search %s under %s: %w", m.Filter, src.Base, err)
	}
	out := make([]Entry, 0, len(res.Entries))
	for _, e := range res.Entries {
		en := Entry{DN: e.DN, Attrs: map[string][]string{}}
		for _, a := range e.Attributes {
			en.Attrs[a.Name] = a.Values
		}
		out = append(out, en)
	}
	return out, nil
}

func dial(ctx context.Context, src Source) (*ldap.Conn, error) {
	u, err := url.Parse(src.URL)
	if err != nil {
		return nil, fmt.Errorf("ldap url: %w", err)
	}
	cfg := &tls.Config{ServerName: u.Hostname(), MinVersion: tls.VersionTLS12}
	if len(src.CAPEM) > 0 {
		pool, err := x509.SystemCertPool()
		if err != nil {
			pool = x509.NewCertPool()
		}
		if !pool.AppendCertsFromPEM(src.CAPEM) {
			return nil, errors.New("ldap: no certificate in the CA file")
		}
		cfg.RootCAs = pool
	}
	timeout := src.Timeout
	if timeout == 0 {
		timeout = 30 * time.Second
	}
	if d, ok := ctx.Deadline(); ok {
		timeout = min(timeout, time.Until(d))
	}
	switch u.Scheme {
	case "ldaps":
		return ldap.DialURL(src.URL, ldap.DialWithTLSConfig(cfg), ldap.DialWithDialer(dialer(timeout)))
	case "ldap":
		conn, err := ldap.DialURL(src.URL, ldap.DialWithDialer(dialer(timeout)))
		if err != nil {
			return nil, err
		}
		if err := conn.StartTLS(cfg); err != nil {
			conn.Close()
			return nil, fmt.Errorf("ldap StartTLS (Samla never binds in the clear): %w", err)
		}
		return conn, nil
	}
	return nil, fmt.Errorf("ldap url %q: use ldaps:// or ldap:// (with StartTLS)", src.URL)
}

func dialer(timeout time.Duration) *net.Dialer { return &net.Dialer{Timeout: timeout} }
