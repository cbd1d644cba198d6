package config

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"
)

// splitList splits "a, b,,c" into [a b c].
func splitList(v string) []string {
	var out []string
	for _, p := range strings.Split(v, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// parsePairs parses "name=value,name=value". Error messages name the
// entry by position or name, never by value (values are often secrets).
func parsePairs(v string) (map[string]string, error) {
	m := map[string]string{}
	for i, p := range splitList(v) {
		k, val, ok := strings.Cut(p, "=")
		k, val = strings.TrimSpace(k), strings.TrimSpace(val)
		if !ok || k == "" || val == "" {
			return nil, fmt.Errorf("entry %d is not name=value", i+1)
		}
		if strings.ContainsAny(k, " \t") {
			return nil, fmt.Errorf("entry %d: name %q contains white space", i+1, k)
		}
		if _, dup := m[k]; dup {
			return nil, fmt.Errorf("%q is listed twice", k)
		}
		m[k] = val
	}
	return m, nil
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// set parses raw into the option's field. An empty raw value leaves the
// zero value. Secret values are never quoted in errors.
func (o option) set(c *Config, raw string) error {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return nil
	}
	if o.check != nil {
		if err := o.check(raw); err != nil {
			return err
		}
	}
	if o.normalize != nil {
		raw = o.normalize(raw)
	}
	quoted := strconv.Quote(raw)
	if o.Secret {
		quoted = "(secret, not shown)"
	}
	switch p := o.field(c).(type) {
	case *string:
		*p = raw
	case *[]string:
		*p = splitList(raw)
	case *map[string]string:
		m, err := parsePairs(raw)
		if err != nil {
			return err
		}
		*p = m
	case *int:
		n, err := strconv.Atoi(raw)
		if err != nil {
			return fmt.Errorf("must be a whole number, got %s", quoted)
		}
		*p = n
	case *time.Duration:
		d, err := time.ParseDuration(raw)
		if err != nil || d <= 0 {
			return fmt.Errorf("must be a positive duration like %s, got %s", o.Example, quoted)
		}
		*p = d
	default:
		return errors.New("internal: unsupported field type")
	}
	return nil
}

// format renders the field's current value for Show; secrets are masked.
func (o option) format(c *Config) string {
	var s string
	set := true
	switch p := o.field(c).(type) {
	case *string:
		s, set = *p, *p != ""
		if o.Secret && set {
			s = maskSecret(o.Name, *p)
		}
	case *[]string:
		s, set = strings.Join(*p, ","), len(*p) > 0
		if o.Secret && set {
			s = fmt.Sprintf("****** (%d set)", len(*p))
		}
	case *map[string]string:
		set = len(*p) > 0
		parts := make([]string, 0, len(*p))
		for _, k := range sortedKeys(*p) {
			v := (*p)[k]
			if o.Secret {
				v = "******"
			}
			parts = append(parts, k+"="+v)
		}
		s = strings.Join(parts, ",")
	case *int:
		s = strconv.Itoa(*p)
	case *time.Duration:
		s = p.String()
	}
	if !set {
		return " (not set)"
	}
	return s
}
