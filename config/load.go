package config

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"
)

// Error lists every problem found in the configuration.
type Error struct {
	Problems []string
}

func (e *Error) Error() string {
	return "invalid configuration:\n  " + strings.Join(e.Problems, "\n  ")
}

// Defaults returns the configuration with nothing set.
func Defaults() Config {
	var c Config
	for _, o := range options() {
		_ = o.set(&c, o.Default) // every default is checked by TestDefaultsAreValid
	}
	return c
}

// Load builds the configuration from the optional file (lines
// SAMLA_NAME=value, # comments; empty file name = none) and the
// environment, which overrides the file. Every problem is reported at once
// in an *Error; each names the variable and what is expected.
func Load(getenv func(string) string, file string) (Config, error) {
	var problems []string
	fromFile := map[string]string{}
	if file != "" {
		vals, errs, err := readFile(file)
		if err != nil {
			return Config{}, fmt.Errorf("config file: %w", err)
		}
		fromFile = vals
		problems = append(problems, errs...)
	}
	c := Config{}
	var invalid []string
	for _, o := range options() {
		raw, origin := o.Default, ""
		if v, ok := fromFile[o.Name]; ok && strings.TrimSpace(v) != "" {
			raw, origin = v, " (in "+file+")"
		}
		if v := getenv(o.Name); strings.TrimSpace(v) != "" {
			raw, origin = v, ""
		}
		if err := o.set(&c, raw); err != nil {
			problems = append(problems, fmt.Sprintf("%s%s: %v (example: %s=%s)", o.Name, origin, err, o.Name, o.Example))
			invalid = append(invalid, o.Name)
		}
	}
	problems = append(problems, withoutMentions(crossCheck(c), invalid)...)
	if len(problems) > 0 {
		return c, &Error{Problems: problems}
	}
	return c, nil
}

// withoutMentions drops cross-check problems that mention a setting
// already reported as invalid: the first message is the one to fix.
func withoutMentions(problems, names []string) []string {
	var out []string
next:
	for _, p := range problems {
		for _, n := range names {
			if mentions(p, n) {
				continue next
			}
		}
		out = append(out, p)
	}
	return out
}

// mentions reports whether text names the setting (not merely a longer
// name that starts with it).
func mentions(text, name string) bool {
	for i := strings.Index(text, name); i >= 0; {
		end := i + len(name)
		if end == len(text) || !(text[end] == '_' || text[end] >= 'A' && text[end] <= 'Z') {
			return true
		}
		j := strings.Index(text[end:], name)
		if j < 0 {
			return false
		}
		i = end + j
	}
	return false
}

// readFile reads SAMLA_NAME=value lines. It returns the values, one
// problem per malformed line (file:line: …), and an error only when the
// file cannot be read.
func readFile(name string) (map[string]string, []string, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	return parseFile(name, f)
}

func parseFile(name string, r io.Reader) (map[string]string, []string, error) {
	vals := map[string]string{}
	var problems []string
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1024*1024)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		line = strings.TrimPrefix(line, "export ")
		k, v, ok := strings.Cut(line, "=")
		k = strings.TrimSpace(k)
		if !ok || !strings.HasPrefix(k, "SAMLA_") || strings.ContainsAny(k, " \t") {
			problems = append(problems, fmt.Sprintf("%s:%d: expected SAMLA_NAME=value", name, n))
			continue
		}
		if _, dup := vals[k]; dup {
			problems = append(problems, fmt.Sprintf("%s:%d: %s is set twice", name, n, k))
		}
		vals[k] = unquote(strings.TrimSpace(v))
	}
	if err := sc.Err(); err != nil {
		return nil, nil, fmt.Errorf("reading %s: %w", name, err)
	}
	return vals, problems, nil
}

// unquote strips one pair of matching surrounding quotes.
func unquote(v string) string {
	if len(v) >= 2 && (v[0] == '"' || v[0] == '\'') && v[len(v)-1] == v[0] {
		return v[1 : len(v)-1]
	}
	return v
}
