package config

import (
	"fmt"
	"io"
	"net/url"
	"strings"
)

// Show writes the effective configuration, one SAMLA_NAME=value line per
// setting, with secrets masked and defaults marked.
func Show(w io.Writer, c Config) error {
	def := Defaults()
	group := ""
	for _, o := range options() {
		if o.Group != group {
			if group != "" {
				fmt.Fprintln(w)
			}
			group = o.Group
			fmt.Fprintf(w, "# %s\n", group)
		}
		v := o.format(&c)
		if v != " (not set)" && v == o.format(&def) {
			v += " (default)"
		}
		if _, err := fmt.Fprintf(w, "%s=%s\n", o.Name, v); err != nil {
			return err
		}
	}
	return nil
}

// maskSecret hides a secret. A URL keeps its scheme, host and path so the
// operator can see where it points; its user info and query are hidden.
func maskSecret(name, v string) string {
	if name == "SAMLA_REDIS_URL" || name == "SAMLA_SMTP_URL" {
		if u, err := url.Parse(v); err == nil && u.Scheme != "" {
			s := (&url.URL{Scheme: u.Scheme, Host: u.Host, Path: u.Path}).String()
			if u.User != nil {
				s = strings.Replace(s, "://", "://******@", 1)
			}
			if u.RawQuery != "" {
				s += "?******"
			}
			return s
		}
	}
	return "****** (set)"
}
