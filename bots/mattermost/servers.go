package mattermost

import (
	"fmt"
	"sort"
)

// Servers builds the per-server settings from the three name-keyed maps of
// the configuration (SAMLA_MATTERMOST_SERVERS, _BOT_TOKENS and
// _COMMAND_TOKENS) and the servers whose e-mail addresses are trusted
// (SAMLA_MATTERMOST_EMAIL_TRUSTED). Every server needs a bot token; a bot or command token
// for a server that is not listed is an error (a typo would otherwise
// silently disable it). Command tokens are optional per server: New falls
// back to Options.CommandToken.
func Servers(urls, botTokens, commandTokens map[string]string, emailTrusted []string) (map[string]ServerConfig, error) {
	out := make(map[string]ServerConfig, len(urls))
	for name, url := range urls {
		token, ok := botTokens[name]
		if !ok || token == "" {
			return nil, fmt.Errorf("mattermost: server %q has no bot token (SAMLA_MATTERMOST_BOT_TOKENS)", name)
		}
		out[name] = ServerConfig{URL: url, BotToken: token, CommandToken: commandTokens[name]}
	}
	for _, name := range emailTrusted {
		sc, ok := out[name]
		if !ok {
			return nil, fmt.Errorf("mattermost: SAMLA_MATTERMOST_EMAIL_TRUSTED names server %q, not in SAMLA_MATTERMOST_SERVERS", name)
		}
		sc.EmailTrusted = true
		out[name] = sc
	}
	for _, m := range []struct {
		setting string
		names   map[string]string
	}{{"SAMLA_MATTERMOST_BOT_TOKENS", botTokens}, {"SAMLA_MATTERMOST_COMMAND_TOKENS", commandTokens}} {
		var unknown []string
		for name := range m.names {
			if _, ok := urls[name]; !ok {
				unknown = append(unknown, name)
			}
		}
		if len(unknown) > 0 {
			sort.Strings(unknown)
			return nil, fmt.Errorf("mattermost: %s names servers not in SAMLA_MATTERMOST_SERVERS: %v", m.setting, unknown)
		}
	}
	return out, nil
}
