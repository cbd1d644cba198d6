package config

import (
	"errors"
	"fmt"
	"net"
	"net/mail"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// Validators get the raw, non-empty value. Validators used by secret
// options never quote the value in their message.

func oneOf(allowed ...string) func(string) error {
	return func(v string) error {
		for _, a := range allowed {
			if v == a {
				return nil
			}
		}
		return fmt.Errorf("must be %s, got %q", orList(allowed), v)
	}
}

func orList(s []string) string {
	if len(s) == 1 {
		return s[0]
	}
	return strings.Join(s[:len(s)-1], ", ") + " or " + s[len(s)-1]
}

func checkListen(v string) error {
	_, port, err := net.SplitHostPort(v)
	if err != nil {
		return fmt.Errorf("must be host:port, got %q", v)
	}
	if n, err := strconv.Atoi(port); err != nil || n < 0 || n > 65535 {
		return fmt.Errorf("port must be a number 0–65535, got %q", port)
	}
	return nil
}

func checkHTTPURL(v string) error {
	u, err := url.Parse(v)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("must be an http:// or https:// URL, got %q", v)
	}
	return nil
}

// checkRedisURL never quotes the value: it may hold a password.
func checkRedisURL(v string) error {
	u, err := url.Parse(v)
	if err != nil {
		return errors.New("not a valid URL")
	}
	switch u.Scheme {
	case "redis", "rediss":
		if u.Host == "" {
			return errors.New("needs a host, e.g. redis://127.0.0.1:6379/0")
		}
	case "unix":
		if u.Path == "" {
			return errors.New("needs a socket path, e.g. unix:///run/redis.sock")
		}
	default:
		return fmt.Errorf("scheme must be redis, rediss or unix, got %q", u.Scheme)
	}
	return nil
}

// checkSMTPURL accepts smtp:// and smtps:// URLs with a host.
func checkSMTPURL(v string) error {
	u, err := url.Parse(v)
	if err != nil {
		return errors.New("not a valid URL")
	}
	if u.Scheme != "smtp" && u.Scheme != "smtps" {
		return fmt.Errorf("scheme must be smtp (STARTTLS) or smtps, got %q", u.Scheme)
	}
	if u.Hostname() == "" {
		return errors.New("needs a host, e.g. smtp://smtp.kommun.example.se:587")
	}
	if t := u.Query().Get("tls"); t != "" && t != "starttls" && t != "none" {
		return fmt.Errorf("tls= must be starttls or none, got %q", t)
	}
	return nil
}

// checkMailAddress accepts "address" and "Name <address>".
func checkMailAddress(v string) error {
	if _, err := mail.ParseAddress(v); err != nil {
		return errors.New("not an e-mail address, e.g. Samla <samla@kommun.example.se>")
	}
	return nil
}

// checkRedisPrefix keeps the prefix usable as a Redis Cluster hash tag.
func checkRedisPrefix(v string) error {
	if strings.ContainsAny(v, "{} \t") {
		return fmt.Errorf("must not contain braces or white space, got %q", v)
	}
	return nil
}

func checkInstanceID(v string) error {
	for _, r := range v {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("._:-", r)) {
			return fmt.Errorf("only letters, digits, '.', '_', ':' and '-' are allowed, got %q", v)
		}
	}
	if len(v) > 100 {
		return fmt.Errorf("at most 100 characters, got %d", len(v))
	}
	return nil
}

func checkTimeZone(v string) error {
	if _, err := time.LoadLocation(v); err != nil {
		return fmt.Errorf("unknown time zone %q", v)
	}
	return nil
}

func checkClock(v string) error {
	if _, err := parseClock(v); err != nil {
		return err
	}
	return nil
}

// parseClock turns "HH:MM" into minutes after midnight.
func parseClock(v string) (int, error) {
	h, m, ok := strings.Cut(v, ":")
	if ok && len(h) == 2 && len(m) == 2 && allDigits(h+m) {
		hh, err1 := strconv.Atoi(h)
		mm, err2 := strconv.Atoi(m)
		if err1 == nil && err2 == nil && hh >= 0 && hh < 24 && mm >= 0 && mm < 60 {
			return hh*60 + mm, nil
		}
	}
	return 0, fmt.Errorf("must be a time HH:MM (00:00–23:59), got %q", v)
}

func allDigits(s string) bool {
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

func intAtLeast(min int) func(string) error {
	return func(v string) error {
		n, err := strconv.Atoi(v)
		if err != nil || n < min {
			return fmt.Errorf("must be a whole number ≥ %d, got %q", min, v)
		}
		return nil
	}
}

func prefix(p string) func(string) error {
	return func(v string) error {
		if !strings.HasPrefix(v, p) {
			return fmt.Errorf("must start with %q", p)
		}
		return nil
	}
}

func minLen(n int) func(string) error {
	return func(v string) error {
		if len(v) < n {
			return fmt.Errorf("must be at least %d characters long (has %d)", n, len(v))
		}
		return nil
	}
}

func checkTokens(v string) error {
	for i, t := range splitList(v) {
		if strings.ContainsAny(t, " \t") {
			return fmt.Errorf("token %d contains white space", i+1)
		}
		if len(t) < 8 {
			return fmt.Errorf("token %d is shorter than 8 characters", i+1)
		}
	}
	return nil
}

// checkPairs checks a "name=value,…" list; names are shown, values never.
func checkPairs(v string) error {
	_, err := parsePairs(v)
	return err
}

func checkSlackBotTokens(v string) error {
	m, err := parsePairs(v)
	if err != nil {
		return err
	}
	for _, team := range sortedKeys(m) {
		if !strings.HasPrefix(m[team], "xoxb-") {
			return fmt.Errorf("token of workspace %q must start with \"xoxb-\"", team)
		}
	}
	return nil
}

func checkServerURLs(v string) error {
	m, err := parsePairs(v)
	if err != nil {
		return err
	}
	for _, name := range sortedKeys(m) {
		if err := checkHTTPURL(m[name]); err != nil {
			return fmt.Errorf("server %q: %w", name, err)
		}
	}
	return nil
}

func trimSlash(v string) string { return strings.TrimRight(v, "/") }

func addSlash(v string) string {
	if v == "" || strings.HasSuffix(v, "/") {
		return v
	}
	return v + "/"
}

// durationBetween accepts a Go duration from lo to hi.
func durationBetween(lo, hi time.Duration) func(string) error {
	return func(v string) error {
		d, err := time.ParseDuration(v)
		if err != nil {
			return fmt.Errorf("not a duration like 5m or 1h30m")
		}
		if d < lo || d > hi {
			return fmt.Errorf("must be between %s and %s", lo, hi)
		}
		return nil
	}
}
