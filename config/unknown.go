package config

import "strings"

// Unknown returns a warning for every SAMLA_* name in environ ("K=V"
// entries, as from os.Environ) and in the optional file that is not a
// setting, with the closest known name when one is near (typo protection).
// Names starting with SAMLA_TEST_ or SAMLA_E2E_ belong to the test scripts,
// SAMLA_LDAP_ to samla directory import (the bind of an operator's run,
// never the server's); they are not reported.
func Unknown(environ []string, file string) []string {
	known := map[string]bool{}
	for _, n := range Names() {
		known[n] = true
	}
	var warnings []string
	check := func(name, where string) {
		if !strings.HasPrefix(name, "SAMLA_") || strings.HasPrefix(name, "SAMLA_TEST_") || strings.HasPrefix(name, "SAMLA_E2E_") || strings.HasPrefix(name, "SAMLA_LDAP_") || known[name] {
			return
		}
		w := "unknown setting " + name + " " + where
		if s := closest(name); s != "" {
			w += "; did you mean " + s + "?"
		}
		warnings = append(warnings, w)
	}
	for _, kv := range environ {
		k, _, _ := strings.Cut(kv, "=")
		check(k, "in the environment")
	}
	if file != "" {
		if vals, _, err := readFile(file); err == nil {
			for _, k := range sortedKeys(vals) {
				check(k, "in "+file)
			}
		}
	}
	return warnings
}

// closest returns the known name within edit distance 3 of name, if any.
func closest(name string) string {
	best, bestD := "", 4
	for _, n := range Names() {
		if d := editDistance(name, n); d < bestD {
			best, bestD = n, d
		}
	}
	return best
}

func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
