package mattermost

import (
	"fmt"
	"sort"
	"strings"
)

// commandTokens gives each server its slash-command tokens and checks that
// every token names exactly one server: Mattermost's command token is the
// only thing that says which server a command comes from (and so whose
// user ids it carries), so a token shared by two servers would let anyone
// holding it act as a user of either. The shared Options.CommandToken is
// therefore only for a single server without its own.
func commandTokens(opts Options) (map[string][]string, error) {
	names := make([]string, 0, len(opts.Servers))
	for name := range opts.Servers {
		names = append(names, name)
	}
	sort.Strings(names)
	var shared []string
	for _, name := range names {
		if opts.Servers[name].CommandToken == "" {
			shared = append(shared, name)
		}
	}
	if len(shared) > 1 {
		return nil, fmt.Errorf("mattermost: SAMLA_MATTERMOST_COMMAND_TOKEN is shared by servers %s; give each its own token in SAMLA_MATTERMOST_COMMAND_TOKENS", strings.Join(shared, ", "))
	}
	out := make(map[string][]string, len(names))
	owner := map[string]string{} // token → server
	for _, name := range names {
		token := opts.Servers[name].CommandToken
		if token == "" {
			token = opts.CommandToken
		}
		tokens := strings.Fields(token)
		if len(tokens) == 0 {
			return nil, fmt.Errorf("mattermost: server %q has no slash-command token", name)
		}
		for _, t := range tokens {
			if other, ok := owner[t]; ok && other != name {
				return nil, fmt.Errorf("mattermost: servers %q and %q have the same slash-command token; a token must name one server (SAMLA_MATTERMOST_COMMAND_TOKENS)", other, name)
			}
			owner[t] = name
		}
		out[name] = tokens
	}
	return out, nil
}
