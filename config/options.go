package config

import "time"

// option is one SAMLA_* setting: its name, default, whether it is secret,
// how it is parsed into Config and how it is documented. The table below is
// the single source for Load, Show and the README reference.
type option struct {
	Name    string
	Group   string
	Default string
	Secret  bool
	Example string // shown in error messages and docs
	Doc     string
	// field returns a pointer to the Config field: *string, *[]string,
	// *map[string]string, *int or *time.Duration.
	field func(*Config) any
	// check validates the raw, non-empty value beyond its type (may be nil).
	check func(string) error
	// normalize rewrites the parsed string value (may be nil).
	normalize func(string) string
}

// options lists every setting in documentation order.
func options() []option {
	return []option{
		{Name: "SAMLA_LISTEN", Group: "Server", Default: "127.0.0.1:8080", Example: "0.0.0.0:8080",
			Doc:   "HTTP listen address (host:port) of `samla serve`.",
			field: func(c *Config) any { return &c.Listen }, check: checkListen},
		{Name: "SAMLA_PUBLIC_URL", Group: "Server", Example: "https://samla.example.se",
			Doc:   "Public base URL the chat platforms call back (needed for Mattermost buttons); set, it also turns on the case room under /rum/ (chat links to it instead of showing the needs).",
			field: func(c *Config) any { return &c.PublicURL }, check: checkHTTPURL, normalize: trimSlash},
		{Name: "SAMLA_API_TOKENS", Group: "Server", Secret: true, Example: "f3b1c2d4e5a6,9a8b7c6d5e4f",
			Doc:   "Comma-separated bearer tokens for the directory API. Empty = API refuses every request.",
			field: func(c *Config) any { return &c.APITokens }, check: checkTokens},
		{Name: "SAMLA_LANG", Group: "Server", Default: "sv", Example: "en",
			Doc:   "Language of messages, `sv` or `en`, for a person who has not chosen one with `/sip språk` and whose Slack or Mattermost keeps no locale Samla speaks.",
			field: func(c *Config) any { return &c.Lang }, check: oneOf("sv", "en")},
		{Name: "SAMLA_TIMEZONE", Group: "Server", Default: "Europe/Stockholm", Example: "Europe/Stockholm",
			Doc:   "IANA time zone for dates, workdays and reminders.",
			field: func(c *Config) any { return &c.TimeZone }, check: checkTimeZone},
		{Name: "SAMLA_LOG_LEVEL", Group: "Server", Default: "info", Example: "debug",
			Doc:   "Log level of the JSON log on stderr: `debug`, `info`, `warn` or `error`.",
			field: func(c *Config) any { return &c.LogLevel }, check: oneOf("debug", "info", "warn", "error")},

		{Name: "SAMLA_DIRECTORY", Group: "Directory", Example: "/etc/samla/directory",
			Doc:   "Comma-separated directory YAML files or folders. Empty = the embedded sample directory.",
			field: func(c *Config) any { return &c.Directory }},

		{Name: "SAMLA_STORE", Group: "Store", Default: "bbolt", Example: "redis",
			Doc:   "Where state is kept: `bbolt` (one file, single node) or `redis` (shared by replicas).",
			field: func(c *Config) any { return &c.Store }, check: oneOf("bbolt", "redis")},
		{Name: "SAMLA_DATA", Group: "Store", Default: "./.data", Example: "/var/lib/samla",
			Doc:   "Folder of the bbolt file `samla.db`; relative paths are relative to the working directory.",
			field: func(c *Config) any { return &c.Data }},
		{Name: "SAMLA_REDIS_URL", Group: "Store", Secret: true, Example: "redis://:password@127.0.0.1:6379/0",
			Doc:   "Redis URL (`redis://`, `rediss://` or `unix://`); required when SAMLA_STORE=redis.",
			field: func(c *Config) any { return &c.RedisURL }, check: checkRedisURL},
		{Name: "SAMLA_REDIS_PREFIX", Group: "Store", Default: "samla:", Example: "samla-prod:",
			Doc:   "Prefix of every Redis key, so several installations can share one Redis.",
			field: func(c *Config) any { return &c.RedisPrefix }, check: checkRedisPrefix},
		{Name: "SAMLA_INSTANCE_ID", Group: "Store", Example: "samla-1",
			Doc:   "Stable id of this replica (letters, digits, `.`, `_`, `:`, `-`), unique among replicas: after a restart it takes back at once the messages and reminders it had claimed, while other replicas wait for the lease (1 minute) to expire. Empty = the host name and a hash of SAMLA_DATA.",
			field: func(c *Config) any { return &c.InstanceID }, check: checkInstanceID},

		{Name: "SAMLA_SLACK_SIGNING_SECRET", Group: "Slack", Secret: true, Example: "8f14e45fceea167a5a36dedd4bea2543",
			Doc:   "Slack app signing secret; enables the Slack endpoints under /slack/.",
			field: func(c *Config) any { return &c.Slack.SigningSecret }},
		{Name: "SAMLA_SLACK_BOT_TOKENS", Group: "Slack", Secret: true, Example: "T0001=xoxb-1-abc,T0002=xoxb-2-def",
			Doc:   "Bot token per workspace (team id).",
			field: func(c *Config) any { return &c.Slack.BotTokens }, check: checkSlackBotTokens},
		{Name: "SAMLA_SLACK_API_URL", Group: "Slack", Example: "http://127.0.0.1:9999/api/",
			Doc:   "Overrides the Slack Web API base URL (tests, proxies). Default https://slack.com/api/.",
			field: func(c *Config) any { return &c.Slack.APIURL }, check: checkHTTPURL, normalize: addSlash},
		{Name: "SAMLA_SLACK_APP_TOKEN", Group: "Slack", Secret: true, Example: "xapp-1-A0001-abc",
			Doc:   "App-level token; enables Socket Mode (no public URL needed).",
			field: func(c *Config) any { return &c.Slack.AppToken }, check: prefix("xapp-")},

		{Name: "SAMLA_MATTERMOST_SERVERS", Group: "Mattermost", Example: "skane=https://mm.example.se",
			Doc:   "Mattermost servers by name; enables the endpoints under /mattermost/.",
			field: func(c *Config) any { return &c.Mattermost.Servers }, check: checkServerURLs},
		{Name: "SAMLA_MATTERMOST_BOT_TOKENS", Group: "Mattermost", Secret: true, Example: "skane=abc123",
			Doc:   "Bot access token per server name.",
			field: func(c *Config) any { return &c.Mattermost.BotTokens }, check: checkPairs},
		{Name: "SAMLA_MATTERMOST_COMMAND_TOKEN", Group: "Mattermost", Secret: true, Example: "abc123",
			Doc:   "Slash-command token of the one server without its own in _TOKENS (a token names one server; with several servers, give each its own).",
			field: func(c *Config) any { return &c.Mattermost.CommandToken }},
		{Name: "SAMLA_MATTERMOST_COMMAND_TOKENS", Group: "Mattermost", Secret: true, Example: "skane=abc123",
			Doc:   "Slash-command token per server name.",
			field: func(c *Config) any { return &c.Mattermost.CommandTokens }, check: checkPairs},
		{Name: "SAMLA_MATTERMOST_ACTION_KEY", Group: "Mattermost", Secret: true, Example: "$(openssl rand -hex 32)",
			Doc:   "HMAC key (at least 16 characters) that signs button contexts; required with Mattermost.",
			field: func(c *Config) any { return &c.Mattermost.ActionKey }, check: minLen(16)},
		{Name: "SAMLA_MATTERMOST_EMAIL_TRUSTED", Group: "Mattermost", Example: "skane",
			Doc:   "Comma-separated servers whose users' e-mail addresses the operator vouches for (accounts managed by LDAP/SAML). Elsewhere a user is linked to a contact by e-mail only when Mattermost has verified the address.",
			field: func(c *Config) any { return &c.Mattermost.EmailTrusted }},

		{Name: "SAMLA_SMTP_URL", Group: "E-mail", Secret: true, Example: "smtp://samla@smtp.kommun.example.se:587",
			Doc:   "Mail relay; enables the e-mail channel. `smtp://` (STARTTLS required, port 587; `?tls=none` only for a relay on localhost) or `smtps://` (port 465); user and password may be in the URL.",
			field: func(c *Config) any { return &c.Mail.SMTPURL }, check: checkSMTPURL},
		{Name: "SAMLA_SMTP_PASSWORD", Group: "E-mail", Secret: true, Example: "s3cret",
			Doc:   "Password of the relay login, instead of in SAMLA_SMTP_URL.",
			field: func(c *Config) any { return &c.Mail.SMTPPassword }},
		{Name: "SAMLA_MAIL_FROM", Group: "E-mail", Example: "Samla Lunds kommun <samla@lund.example.se>",
			Doc:   "Sender of every e-mail and organizer of its calendar invitations; required with SAMLA_SMTP_URL.",
			field: func(c *Config) any { return &c.Mail.From }, check: checkMailAddress},
		{Name: "SAMLA_MAIL_REPLY_TO", Group: "E-mail", Example: "sip-stod@lund.example.se",
			Doc:   "Where replies to e-mails go (e.g. the SIP support mailbox). Empty = no Reply-To.",
			field: func(c *Config) any { return &c.Mail.ReplyTo }, check: checkMailAddress},
		{Name: "SAMLA_MAIL_LINK_KEY", Group: "E-mail", Secret: true, Example: "$(openssl rand -hex 32)",
			Doc:   "Key (at least 16 characters) that seals the answer links in e-mails; with SAMLA_PUBLIC_URL set, e-mails carry one-click answer links.",
			field: func(c *Config) any { return &c.Mail.LinkKey }, check: minLen(16)},

		{Name: "SAMLA_ROOM_LINK_TTL", Group: "Case room", Default: "5m", Example: "3m",
			Doc:   "How long an \"Öppna ärendet\" link from chat opens (once), between 1m and 15m.",
			field: func(c *Config) any { return &c.Room.LinkTTL }, check: durationBetween(time.Minute, 15*time.Minute)},
		{Name: "SAMLA_ROOM_IDLE_TIMEOUT", Group: "Case room", Default: "30m", Example: "15m",
			Doc:   "A case-room session unused this long ends (between 1m and 12h).",
			field: func(c *Config) any { return &c.Room.IdleTimeout }, check: durationBetween(time.Minute, 12*time.Hour)},
		{Name: "SAMLA_ROOM_SESSION_MAX", Group: "Case room", Default: "8h", Example: "4h",
			Doc:   "Every case-room session ends this long after it began, used or not (between 5m and 24h).",
			field: func(c *Config) any { return &c.Room.SessionMax }, check: durationBetween(5*time.Minute, 24*time.Hour)},

		{Name: "SAMLA_OIDC_ISSUER", Group: "Case room", Example: "https://idp.region.example.se/realms/vard",
			Doc:   "OpenID Connect provider staff may sign in to the case room with (matched to directory contacts by verified e-mail or HSA-id). Empty = staff come in from chat only.",
			field: func(c *Config) any { return &c.Room.OIDCIssuer }, check: checkHTTPURL},
		{Name: "SAMLA_OIDC_CLIENT_ID", Group: "Case room", Example: "samla",
			Doc:   "Client id of Samla at the OpenID Connect provider; required with SAMLA_OIDC_ISSUER. The redirect URI to register is SAMLA_PUBLIC_URL + /rum/oidc.",
			field: func(c *Config) any { return &c.Room.OIDCClientID }},
		{Name: "SAMLA_OIDC_CLIENT_SECRET", Group: "Case room", Secret: true, Example: "s3cret",
			Doc:   "Client secret of Samla at the OpenID Connect provider.",
			field: func(c *Config) any { return &c.Room.OIDCClientSecret }},

		{Name: "SAMLA_LLM_BASE_URL", Group: "Language model", Example: "http://127.0.0.1:11434/v1",
			Doc:   "OpenAI-compatible endpoint for the optional agenda step. Empty = off (deterministic drafts only).",
			field: func(c *Config) any { return &c.LLM.BaseURL }, check: checkHTTPURL},
		{Name: "SAMLA_LLM_MODEL", Group: "Language model", Example: "llama3.1:8b",
			Doc:   "Model name; required when SAMLA_LLM_BASE_URL is set.",
			field: func(c *Config) any { return &c.LLM.Model }},
		{Name: "SAMLA_LLM_API_KEY", Group: "Language model", Secret: true, Example: "sk-…",
			Doc:   "API key of the endpoint, if it needs one.",
			field: func(c *Config) any { return &c.LLM.APIKey }},
		{Name: "SAMLA_LLM_TIMEOUT", Group: "Language model", Default: "20s", Example: "20s",
			Doc:   "Time limit of one model call; on timeout the deterministic draft is used.",
			field: func(c *Config) any { return &c.LLM.Timeout }},
		{Name: "SAMLA_LLM_CLINICAL", Group: "Language model", Default: "generalise", Example: "allow",
			Doc: "Clinical terms in the text sent to the model: `generalise` (self-harm, substances, diagnoses, abuse, " +
				"medicines become general words, see docs/agenda.md) or `allow` (keep them; only for an endpoint inside your own care network).",
			field: func(c *Config) any { return &c.LLM.Clinical }, check: oneOf("generalise", "allow")},

		{Name: "SAMLA_NUDGE_WORKDAYS", Group: "Reminders", Default: "2", Example: "2",
			Doc:   "Workdays without an answer before an invitee is nudged.",
			field: func(c *Config) any { return &c.Reminders.NudgeWorkdays }, check: intAtLeast(1)},
		{Name: "SAMLA_ESCALATE_WORKDAYS", Group: "Reminders", Default: "2", Example: "2",
			Doc:   "Workdays after the nudge before the unit's väg in is asked.",
			field: func(c *Config) any { return &c.Reminders.EscalateWorkdays }, check: intAtLeast(1)},
		{Name: "SAMLA_DIGEST_TIME", Group: "Reminders", Default: "08:00", Example: "08:00",
			Doc:   "Local time (HH:MM) of the daily digest.",
			field: func(c *Config) any { return &c.Reminders.DigestTime }, check: checkClock},
		{Name: "SAMLA_WORKDAY_START", Group: "Reminders", Default: "08:00", Example: "08:00",
			Doc:   "Start of the working day (HH:MM); reminders are only sent in working hours.",
			field: func(c *Config) any { return &c.Reminders.WorkdayStart }, check: checkClock},
		{Name: "SAMLA_WORKDAY_END", Group: "Reminders", Default: "17:00", Example: "17:00",
			Doc:   "End of the working day (HH:MM).",
			field: func(c *Config) any { return &c.Reminders.WorkdayEnd }, check: checkClock},
	}
}

// Names lists every setting's name in documentation order.
func Names() []string {
	opts := options()
	names := make([]string, len(opts))
	for i, o := range opts {
		names[i] = o.Name
	}
	return names
}
