package config

import (
	"fmt"
	"strings"
	"time"
)

// crossCheck validates settings that depend on each other.
func crossCheck(c Config) []string {
	var p []string
	add := func(format string, args ...any) { p = append(p, fmt.Sprintf(format, args...)) }

	if c.Store == "redis" && c.RedisURL == "" {
		add("SAMLA_REDIS_URL: required when SAMLA_STORE=redis (example: SAMLA_REDIS_URL=redis://127.0.0.1:6379/0)")
	}

	if c.Slack.Enabled() && len(c.Slack.BotTokens) == 0 {
		add("SAMLA_SLACK_BOT_TOKENS: required when Slack is enabled (example: SAMLA_SLACK_BOT_TOKENS=T0001=xoxb-…)")
	}
	if len(c.Slack.BotTokens) > 0 && !c.Slack.Enabled() {
		add("SAMLA_SLACK_SIGNING_SECRET: required with SAMLA_SLACK_BOT_TOKENS (or set SAMLA_SLACK_APP_TOKEN for Socket Mode)")
	}

	mm := c.Mattermost
	if mm.Enabled() {
		for _, name := range sortedKeys(mm.Servers) {
			if mm.BotTokens[name] == "" {
				add("SAMLA_MATTERMOST_BOT_TOKENS: no bot token for server %q (example: SAMLA_MATTERMOST_BOT_TOKENS=%s=token)", name, name)
			}
			if mm.CommandToken == "" && mm.CommandTokens[name] == "" {
				add("SAMLA_MATTERMOST_COMMAND_TOKENS: no slash-command token for server %q (or set SAMLA_MATTERMOST_COMMAND_TOKEN)", name)
			}
		}
		// A command token names its server: shared by two, anyone holding
		// it could act as a user of either.
		var shared []string
		owner := map[string]string{}
		for _, name := range sortedKeys(mm.Servers) {
			token := mm.CommandTokens[name]
			if token == "" {
				shared = append(shared, name)
				continue
			}
			for _, t := range strings.Fields(token) {
				if other, ok := owner[t]; ok && other != name {
					add("SAMLA_MATTERMOST_COMMAND_TOKENS: servers %q and %q have the same token; each server needs its own", other, name)
				}
				owner[t] = name
			}
		}
		if mm.CommandToken != "" && len(shared) > 1 {
			add("SAMLA_MATTERMOST_COMMAND_TOKEN: shared by servers %s; give each its own in SAMLA_MATTERMOST_COMMAND_TOKENS (example: SAMLA_MATTERMOST_COMMAND_TOKENS=%s=token1,%s=token2)", strings.Join(shared, ", "), shared[0], shared[1])
		}
		if mm.ActionKey == "" {
			add("SAMLA_MATTERMOST_ACTION_KEY: required with Mattermost (example: SAMLA_MATTERMOST_ACTION_KEY=$(openssl rand -hex 32))")
		}
		if c.PublicURL == "" {
			add("SAMLA_PUBLIC_URL: required with Mattermost, buttons call back to it (example: SAMLA_PUBLIC_URL=https://samla.example.se)")
		}
	}
	for _, m := range []struct {
		name string
		vals map[string]string
	}{{"SAMLA_MATTERMOST_BOT_TOKENS", mm.BotTokens}, {"SAMLA_MATTERMOST_COMMAND_TOKENS", mm.CommandTokens}, {"SAMLA_MATTERMOST_EMAIL_TRUSTED", setOf(mm.EmailTrusted)}} {
		for _, name := range sortedKeys(m.vals) {
			if _, ok := mm.Servers[name]; !ok {
				add("%s: server %q is not in SAMLA_MATTERMOST_SERVERS", m.name, name)
			}
		}
	}

	if c.Mail.Enabled() && c.Mail.From == "" {
		add("SAMLA_MAIL_FROM: required with SAMLA_SMTP_URL (example: SAMLA_MAIL_FROM=Samla <samla@kommun.example.se>)")
	}
	if c.Mail.LinkKey != "" && c.PublicURL == "" {
		add("SAMLA_PUBLIC_URL: required with SAMLA_MAIL_LINK_KEY, answer links point to it (example: SAMLA_PUBLIC_URL=https://samla.example.se)")
	}

	if c.Room.OIDCIssuer != "" && c.Room.OIDCClientID == "" {
		add("SAMLA_OIDC_CLIENT_ID: required with SAMLA_OIDC_ISSUER (example: SAMLA_OIDC_CLIENT_ID=samla)")
	}
	if c.Room.OIDCIssuer != "" && c.PublicURL == "" {
		add("SAMLA_PUBLIC_URL: required with SAMLA_OIDC_ISSUER, the sign-in returns to it (example: SAMLA_PUBLIC_URL=https://samla.example.se)")
	}
	if c.LLM.Enabled() && c.LLM.Model == "" {
		add("SAMLA_LLM_MODEL: required when SAMLA_LLM_BASE_URL is set (example: SAMLA_LLM_MODEL=llama3.1:8b)")
	}

	start, err1 := parseClock(c.Reminders.WorkdayStart)
	end, err2 := parseClock(c.Reminders.WorkdayEnd)
	if err1 == nil && err2 == nil && start >= end {
		add("SAMLA_WORKDAY_END: must be after SAMLA_WORKDAY_START (%s), got %q", c.Reminders.WorkdayStart, c.Reminders.WorkdayEnd)
	}
	return p
}

// Location returns the configured time zone (UTC if it cannot be loaded,
// which Load has already reported).
func (c Config) Location() *time.Location {
	loc, err := time.LoadLocation(c.TimeZone)
	if err != nil {
		return time.UTC
	}
	return loc
}

// setOf is names as the keys of a map (for the unknown-server check).
func setOf(names []string) map[string]string {
	m := make(map[string]string, len(names))
	for _, n := range names {
		m[n] = ""
	}
	return m
}
