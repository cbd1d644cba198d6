// Package config reads Samla's settings from SAMLA_* environment variables
// and an optional file, validates each with a clear message, and prints the
// effective configuration with secrets masked. It imports nothing of Samla's.
package config

import "time"

// Config is the effective configuration.
type Config struct {
	Listen      string   // SAMLA_LISTEN, default "127.0.0.1:8080"
	PublicURL   string   // SAMLA_PUBLIC_URL, base URL platforms call back (Mattermost actions)
	Directory   []string // SAMLA_DIRECTORY, comma-separated files or folders; empty = embedded sample
	Store       string   // SAMLA_STORE: "bbolt" (default) or "redis"
	Data        string   // SAMLA_DATA, bbolt data folder
	RedisURL    string   // SAMLA_REDIS_URL (secret: may hold a password)
	RedisPrefix string   // SAMLA_REDIS_PREFIX, default "samla:"
	InstanceID  string   // SAMLA_INSTANCE_ID, stable replica id; "" = host name + data folder
	APITokens   []string // SAMLA_API_TOKENS, comma-separated bearer tokens (secret)
	Lang        string   // SAMLA_LANG: "sv" (default) or "en"
	TimeZone    string   // SAMLA_TIMEZONE, default "Europe/Stockholm"
	LogLevel    string   // SAMLA_LOG_LEVEL: debug | info | warn | error

	Slack      Slack
	Mattermost Mattermost
	Mail       Mail
	LLM        LLM
	Reminders  Reminders
	Room       Room
}

// Room settings of the case room (on when PublicURL is set).
type Room struct {
	LinkTTL     time.Duration // SAMLA_ROOM_LINK_TTL, default 5m
	IdleTimeout time.Duration // SAMLA_ROOM_IDLE_TIMEOUT, default 30m
	SessionMax  time.Duration // SAMLA_ROOM_SESSION_MAX, default 8h
	// OpenID Connect sign-in for staff (optional).
	OIDCIssuer       string // SAMLA_OIDC_ISSUER
	OIDCClientID     string // SAMLA_OIDC_CLIENT_ID
	OIDCClientSecret string // SAMLA_OIDC_CLIENT_SECRET (secret)
}

// RoomEnabled reports whether the case room is served (it needs the public URL).
func (c Config) RoomEnabled() bool { return c.PublicURL != "" }

// Slack settings.
type Slack struct {
	SigningSecret string            // SAMLA_SLACK_SIGNING_SECRET (secret)
	BotTokens     map[string]string // SAMLA_SLACK_BOT_TOKENS "T0001=xoxb-…,T0002=xoxb-…" (secret)
	APIURL        string            // SAMLA_SLACK_API_URL, overrides https://slack.com/api/
	AppToken      string            // SAMLA_SLACK_APP_TOKEN, enables Socket Mode (secret)
}

// Enabled reports whether Slack is configured.
func (s Slack) Enabled() bool { return s.SigningSecret != "" || s.AppToken != "" }

// Mattermost settings.
type Mattermost struct {
	Servers       map[string]string // SAMLA_MATTERMOST_SERVERS "skane=https://mm.example.se,…"
	BotTokens     map[string]string // SAMLA_MATTERMOST_BOT_TOKENS "skane=token,…" (secret)
	CommandToken  string            // SAMLA_MATTERMOST_COMMAND_TOKEN (secret)
	CommandTokens map[string]string // SAMLA_MATTERMOST_COMMAND_TOKENS "skane=token,…" (secret)
	ActionKey     string            // SAMLA_MATTERMOST_ACTION_KEY, HMAC key for button contexts (secret)
	EmailTrusted  []string          // SAMLA_MATTERMOST_EMAIL_TRUSTED: servers whose e-mail addresses the operator vouches for
}

// Enabled reports whether Mattermost is configured.
func (m Mattermost) Enabled() bool { return len(m.Servers) > 0 }

// Mail settings of the e-mail channel.
type Mail struct {
	SMTPURL      string // SAMLA_SMTP_URL, smtp:// or smtps:// (secret: may hold a password)
	SMTPPassword string // SAMLA_SMTP_PASSWORD (secret)
	From         string // SAMLA_MAIL_FROM, "Name <address>"
	ReplyTo      string // SAMLA_MAIL_REPLY_TO, optional
	LinkKey      string // SAMLA_MAIL_LINK_KEY, seals answer links (secret)
}

// Enabled reports whether the e-mail channel is configured.
func (m Mail) Enabled() bool { return m.SMTPURL != "" }

// LLM settings for the optional agenda step.
type LLM struct {
	BaseURL string        // SAMLA_LLM_BASE_URL; empty = off
	Model   string        // SAMLA_LLM_MODEL
	APIKey  string        // SAMLA_LLM_API_KEY (secret)
	Timeout time.Duration // SAMLA_LLM_TIMEOUT, default 20s
	// Clinical is SAMLA_LLM_CLINICAL: "generalise" (default) or "allow".
	Clinical string
}

// Enabled reports whether the language-model step is on.
func (l LLM) Enabled() bool { return l.BaseURL != "" }

// AllowClinical reports whether clinical terms may reach the model.
func (l LLM) AllowClinical() bool { return l.Clinical == "allow" }

// Reminders settings.
type Reminders struct {
	NudgeWorkdays    int    // SAMLA_NUDGE_WORKDAYS, default 2
	EscalateWorkdays int    // SAMLA_ESCALATE_WORKDAYS, default 2 (after the nudge)
	DigestTime       string // SAMLA_DIGEST_TIME, default "08:00"
	WorkdayStart     string // SAMLA_WORKDAY_START, default "08:00"
	WorkdayEnd       string // SAMLA_WORKDAY_END, default "17:00"
}
