package config

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

func envOf(m map[string]string) func(string) string {
	return func(k string) string { return m[k] }
}

func TestDefaultsAreValid(t *testing.T) {
	c, err := Load(envOf(nil), "")
	if err != nil {
		t.Fatalf("Load with nothing set: %v", err)
	}
	want := Config{
		Listen: "127.0.0.1:8080", Store: "bbolt", Data: "./.data", RedisPrefix: "samla:",
		Lang: "sv", TimeZone: "Europe/Stockholm", LogLevel: "info",
		LLM: LLM{Timeout: 20 * time.Second, Clinical: "generalise"},
		Reminders: Reminders{NudgeWorkdays: 2, EscalateWorkdays: 2, DigestTime: "08:00",
			WorkdayStart: "08:00", WorkdayEnd: "17:00"},
		Room: Room{LinkTTL: 5 * time.Minute, IdleTimeout: 30 * time.Minute, SessionMax: 8 * time.Hour},
	}
	if !reflect.DeepEqual(c, want) {
		t.Errorf("defaults:\n got %+v\nwant %+v", c, want)
	}
	if !reflect.DeepEqual(Defaults(), want) {
		t.Errorf("Defaults() = %+v", Defaults())
	}
	if c.Location().String() != "Europe/Stockholm" {
		t.Errorf("Location = %v", c.Location())
	}
}

func TestParsesEverySetting(t *testing.T) {
	env := map[string]string{
		"SAMLA_LISTEN":                    "0.0.0.0:9090",
		"SAMLA_PUBLIC_URL":                "https://samla.example.se/",
		"SAMLA_API_TOKENS":                " tok-aaaaaaaa , tok-bbbbbbbb ",
		"SAMLA_LANG":                      "en",
		"SAMLA_TIMEZONE":                  "UTC",
		"SAMLA_LOG_LEVEL":                 "debug",
		"SAMLA_DIRECTORY":                 "a.yaml,dir/",
		"SAMLA_STORE":                     "redis",
		"SAMLA_DATA":                      "/var/lib/samla",
		"SAMLA_REDIS_URL":                 "redis://127.0.0.1:6379/2",
		"SAMLA_REDIS_PREFIX":              "x:",
		"SAMLA_INSTANCE_ID":               "samla-1",
		"SAMLA_SLACK_SIGNING_SECRET":      "s3cr3t",
		"SAMLA_SLACK_BOT_TOKENS":          "T0001=xoxb-1,T0002=xoxb-2",
		"SAMLA_SLACK_API_URL":             "http://127.0.0.1:1/api",
		"SAMLA_SLACK_APP_TOKEN":           "xapp-1",
		"SAMLA_MATTERMOST_SERVERS":        "skane=https://mm.example.se",
		"SAMLA_MATTERMOST_BOT_TOKENS":     "skane=bot",
		"SAMLA_MATTERMOST_COMMAND_TOKEN":  "cmd",
		"SAMLA_MATTERMOST_COMMAND_TOKENS": "skane=cmd2",
		"SAMLA_MATTERMOST_ACTION_KEY":     "0123456789abcdef",
		"SAMLA_MATTERMOST_EMAIL_TRUSTED":  "skane",
		"SAMLA_SMTP_URL":                  "smtps://samla@smtp.example.se",
		"SAMLA_SMTP_PASSWORD":             "pw",
		"SAMLA_MAIL_FROM":                 "Samla <samla@example.se>",
		"SAMLA_MAIL_REPLY_TO":             "sip@example.se",
		"SAMLA_MAIL_LINK_KEY":             "fedcba9876543210",
		"SAMLA_LLM_BASE_URL":              "http://127.0.0.1:11434/v1",
		"SAMLA_LLM_MODEL":                 "m",
		"SAMLA_LLM_API_KEY":               "k",
		"SAMLA_LLM_TIMEOUT":               "1m30s",
		"SAMLA_LLM_CLINICAL":              "allow",
		"SAMLA_NUDGE_WORKDAYS":            "3",
		"SAMLA_ESCALATE_WORKDAYS":         "4",
		"SAMLA_DIGEST_TIME":               "07:30",
		"SAMLA_WORKDAY_START":             "07:00",
		"SAMLA_WORKDAY_END":               "16:00",
		"SAMLA_ROOM_LINK_TTL":             "3m",
		"SAMLA_ROOM_IDLE_TIMEOUT":         "15m",
		"SAMLA_ROOM_SESSION_MAX":          "4h",
		"SAMLA_OIDC_ISSUER":               "https://idp.example.se/",
		"SAMLA_OIDC_CLIENT_ID":            "samla",
		"SAMLA_OIDC_CLIENT_SECRET":        "oidc-secret",
	}
	if len(env) != len(Names()) {
		t.Fatalf("test covers %d settings, table has %d", len(env), len(Names()))
	}
	c, err := Load(envOf(env), "")
	if err != nil {
		t.Fatal(err)
	}
	want := Config{
		Listen: "0.0.0.0:9090", PublicURL: "https://samla.example.se",
		Directory: []string{"a.yaml", "dir/"}, Store: "redis", Data: "/var/lib/samla",
		RedisURL: "redis://127.0.0.1:6379/2", RedisPrefix: "x:", InstanceID: "samla-1",
		APITokens: []string{"tok-aaaaaaaa", "tok-bbbbbbbb"}, Lang: "en", TimeZone: "UTC", LogLevel: "debug",
		Slack: Slack{SigningSecret: "s3cr3t", BotTokens: map[string]string{"T0001": "xoxb-1", "T0002": "xoxb-2"},
			APIURL: "http://127.0.0.1:1/api/", AppToken: "xapp-1"},
		Mattermost: Mattermost{Servers: map[string]string{"skane": "https://mm.example.se"},
			BotTokens: map[string]string{"skane": "bot"}, CommandToken: "cmd",
			CommandTokens: map[string]string{"skane": "cmd2"}, ActionKey: "0123456789abcdef", EmailTrusted: []string{"skane"}},
		Mail: Mail{SMTPURL: "smtps://samla@smtp.example.se", SMTPPassword: "pw", From: "Samla <samla@example.se>",
			ReplyTo: "sip@example.se", LinkKey: "fedcba9876543210"},
		LLM: LLM{BaseURL: "http://127.0.0.1:11434/v1", Model: "m", APIKey: "k", Timeout: 90 * time.Second, Clinical: "allow"},
		Reminders: Reminders{NudgeWorkdays: 3, EscalateWorkdays: 4, DigestTime: "07:30",
			WorkdayStart: "07:00", WorkdayEnd: "16:00"},
		Room: Room{LinkTTL: 3 * time.Minute, IdleTimeout: 15 * time.Minute, SessionMax: 4 * time.Hour,
			OIDCIssuer: "https://idp.example.se/", OIDCClientID: "samla", OIDCClientSecret: "oidc-secret"},
	}
	if !reflect.DeepEqual(c, want) {
		t.Errorf("\n got %+v\nwant %+v", c, want)
	}
}

func TestValidation(t *testing.T) {
	tests := []struct {
		name string
		env  map[string]string
		want string // substring of the one expected problem
	}{
		{"store", map[string]string{"SAMLA_STORE": "mongo"}, `SAMLA_STORE: must be bbolt or redis, got "mongo"`},
		{"listen no port", map[string]string{"SAMLA_LISTEN": "localhost"}, `SAMLA_LISTEN: must be host:port`},
		{"listen bad port", map[string]string{"SAMLA_LISTEN": ":http"}, `SAMLA_LISTEN: port must be a number`},
		{"public url", map[string]string{"SAMLA_PUBLIC_URL": "samla.example.se"}, `SAMLA_PUBLIC_URL: must be an http:// or https:// URL`},
		{"lang", map[string]string{"SAMLA_LANG": "de"}, `SAMLA_LANG: must be sv or en, got "de"`},
		{"room link ttl", map[string]string{"SAMLA_ROOM_LINK_TTL": "1h"}, `SAMLA_ROOM_LINK_TTL: must be between 1m0s and 15m0s`},
		{"oidc client", map[string]string{"SAMLA_OIDC_ISSUER": "https://idp.example.se/", "SAMLA_PUBLIC_URL": "https://samla.example.se"}, `SAMLA_OIDC_CLIENT_ID: required with SAMLA_OIDC_ISSUER`},
		{"log level", map[string]string{"SAMLA_LOG_LEVEL": "loud"}, `SAMLA_LOG_LEVEL: must be debug, info, warn or error`},
		{"time zone", map[string]string{"SAMLA_TIMEZONE": "Europe/Lund"}, `SAMLA_TIMEZONE: unknown time zone "Europe/Lund"`},
		{"api token short", map[string]string{"SAMLA_API_TOKENS": "abc"}, `SAMLA_API_TOKENS: token 1 is shorter than 8`},
		{"redis needs url", map[string]string{"SAMLA_STORE": "redis"}, `SAMLA_REDIS_URL: required when SAMLA_STORE=redis`},
		{"redis scheme", map[string]string{"SAMLA_REDIS_URL": "http://x"}, `SAMLA_REDIS_URL: scheme must be redis, rediss or unix`},
		{"redis no host", map[string]string{"SAMLA_REDIS_URL": "redis://"}, `SAMLA_REDIS_URL: needs a host`},
		{"redis unix path", map[string]string{"SAMLA_REDIS_URL": "unix://"}, `SAMLA_REDIS_URL: needs a socket path`},
		{"redis prefix braces", map[string]string{"SAMLA_REDIS_PREFIX": "{samla}"}, `SAMLA_REDIS_PREFIX: must not contain braces or white space, got "{samla}"`},
		{"instance id with a slash", map[string]string{"SAMLA_INSTANCE_ID": "web/1"}, `SAMLA_INSTANCE_ID: only letters, digits, '.', '_', ':' and '-' are allowed, got "web/1"`},
		{"smtp scheme", map[string]string{"SAMLA_SMTP_URL": "imap://x", "SAMLA_MAIL_FROM": "a@b.se"}, `SAMLA_SMTP_URL: scheme must be smtp (STARTTLS) or smtps`},
		{"smtp no host", map[string]string{"SAMLA_SMTP_URL": "smtp://", "SAMLA_MAIL_FROM": "a@b.se"}, `SAMLA_SMTP_URL: needs a host`},
		{"smtp tls mode", map[string]string{"SAMLA_SMTP_URL": "smtp://x?tls=maybe", "SAMLA_MAIL_FROM": "a@b.se"}, `SAMLA_SMTP_URL: tls= must be starttls or none`},
		{"smtp needs from", map[string]string{"SAMLA_SMTP_URL": "smtp://x"}, `SAMLA_MAIL_FROM: required with SAMLA_SMTP_URL`},
		{"mail from", map[string]string{"SAMLA_MAIL_FROM": "samla"}, `SAMLA_MAIL_FROM: not an e-mail address`},
		{"mail link key needs public url", map[string]string{"SAMLA_MAIL_LINK_KEY": "0123456789abcdef"}, `SAMLA_PUBLIC_URL: required with SAMLA_MAIL_LINK_KEY`},
		{"blank value keeps the default", map[string]string{"SAMLA_DATA": " "}, ``},
		{"slack tokens format", map[string]string{"SAMLA_SLACK_SIGNING_SECRET": "s", "SAMLA_SLACK_BOT_TOKENS": "T0001"}, `SAMLA_SLACK_BOT_TOKENS: entry 1 is not name=value`},
		{"slack token prefix", map[string]string{"SAMLA_SLACK_SIGNING_SECRET": "s", "SAMLA_SLACK_BOT_TOKENS": "T0001=xoxp-1"}, `token of workspace "T0001" must start with "xoxb-"`},
		{"slack duplicate team", map[string]string{"SAMLA_SLACK_SIGNING_SECRET": "s", "SAMLA_SLACK_BOT_TOKENS": "T1=xoxb-1,T1=xoxb-2"}, `"T1" is listed twice`},
		{"slack needs tokens", map[string]string{"SAMLA_SLACK_SIGNING_SECRET": "s"}, `SAMLA_SLACK_BOT_TOKENS: required when Slack is enabled`},
		{"slack needs secret", map[string]string{"SAMLA_SLACK_BOT_TOKENS": "T1=xoxb-1"}, `SAMLA_SLACK_SIGNING_SECRET: required with SAMLA_SLACK_BOT_TOKENS`},
		{"slack api url", map[string]string{"SAMLA_SLACK_API_URL": "ftp://x"}, `SAMLA_SLACK_API_URL: must be an http:// or https:// URL`},
		{"slack app token", map[string]string{"SAMLA_SLACK_APP_TOKEN": "xoxb-1", "SAMLA_SLACK_BOT_TOKENS": "T1=xoxb-1"}, `SAMLA_SLACK_APP_TOKEN: must start with "xapp-"`},
		{"mm server url", map[string]string{"SAMLA_MATTERMOST_SERVERS": "skane=mm.example.se"}, `SAMLA_MATTERMOST_SERVERS: server "skane": must be an http:// or https:// URL`},
		{"mm bot token missing", mmEnv("SAMLA_MATTERMOST_BOT_TOKENS", ""), `no bot token for server "skane"`},
		{"mm command token missing", mmEnv("SAMLA_MATTERMOST_COMMAND_TOKENS", ""), `no slash-command token for server "skane"`},
		{"mm shared command token", map[string]string{"SAMLA_MATTERMOST_SERVERS": "skane=https://a.example.se,vgr=https://b.example.se",
			"SAMLA_MATTERMOST_BOT_TOKENS": "skane=b1,vgr=b2", "SAMLA_MATTERMOST_COMMAND_TOKEN": "shared", "SAMLA_MATTERMOST_ACTION_KEY": "0123456789abcdef",
			"SAMLA_PUBLIC_URL": "https://samla.example.se"}, `SAMLA_MATTERMOST_COMMAND_TOKEN: shared by servers skane, vgr`},
		{"mm same command token", map[string]string{"SAMLA_MATTERMOST_SERVERS": "skane=https://a.example.se,vgr=https://b.example.se",
			"SAMLA_MATTERMOST_BOT_TOKENS": "skane=b1,vgr=b2", "SAMLA_MATTERMOST_COMMAND_TOKENS": "skane=t1,vgr=t1", "SAMLA_MATTERMOST_ACTION_KEY": "0123456789abcdef",
			"SAMLA_PUBLIC_URL": "https://samla.example.se"}, `servers "skane" and "vgr" have the same token`},
		{"mm e-mail trust for unknown server", mmEnv("SAMLA_MATTERMOST_EMAIL_TRUSTED", "gotland"), `SAMLA_MATTERMOST_EMAIL_TRUSTED: server "gotland" is not in SAMLA_MATTERMOST_SERVERS`},
		{"mm action key missing", mmEnv("SAMLA_MATTERMOST_ACTION_KEY", ""), `SAMLA_MATTERMOST_ACTION_KEY: required with Mattermost`},
		{"mm action key short", mmEnv("SAMLA_MATTERMOST_ACTION_KEY", "short"), `SAMLA_MATTERMOST_ACTION_KEY: must be at least 16 characters`},
		{"mm public url missing", mmEnv("SAMLA_PUBLIC_URL", ""), `SAMLA_PUBLIC_URL: required with Mattermost`},
		{"mm token for unknown server", mmEnv("SAMLA_MATTERMOST_BOT_TOKENS", "skane=a,gotland=b"), `SAMLA_MATTERMOST_BOT_TOKENS: server "gotland" is not in SAMLA_MATTERMOST_SERVERS`},
		{"llm url", map[string]string{"SAMLA_LLM_BASE_URL": "localhost:11434", "SAMLA_LLM_MODEL": "m"}, `SAMLA_LLM_BASE_URL: must be an http:// or https:// URL`},
		{"llm needs model", map[string]string{"SAMLA_LLM_BASE_URL": "http://127.0.0.1:1/v1"}, `SAMLA_LLM_MODEL: required when SAMLA_LLM_BASE_URL is set`},
		{"llm timeout unit", map[string]string{"SAMLA_LLM_TIMEOUT": "20"}, `SAMLA_LLM_TIMEOUT: must be a positive duration like 20s, got "20"`},
		{"llm clinical", map[string]string{"SAMLA_LLM_CLINICAL": "yes"}, `SAMLA_LLM_CLINICAL: must be generalise or allow, got "yes"`},
		{"llm timeout negative", map[string]string{"SAMLA_LLM_TIMEOUT": "-1s"}, `SAMLA_LLM_TIMEOUT: must be a positive duration`},
		{"nudge not number", map[string]string{"SAMLA_NUDGE_WORKDAYS": "two"}, `SAMLA_NUDGE_WORKDAYS: must be a whole number ≥ 1, got "two"`},
		{"escalate zero", map[string]string{"SAMLA_ESCALATE_WORKDAYS": "0"}, `SAMLA_ESCALATE_WORKDAYS: must be a whole number ≥ 1`},
		{"digest time", map[string]string{"SAMLA_DIGEST_TIME": "8:00"}, `SAMLA_DIGEST_TIME: must be a time HH:MM (00:00–23:59), got "8:00"`},
		{"digest time sign", map[string]string{"SAMLA_DIGEST_TIME": "+8:00"}, `SAMLA_DIGEST_TIME: must be a time HH:MM`},
		{"workday start", map[string]string{"SAMLA_WORKDAY_START": "24:00"}, `SAMLA_WORKDAY_START: must be a time HH:MM`},
		{"workday order", map[string]string{"SAMLA_WORKDAY_START": "17:00", "SAMLA_WORKDAY_END": "08:00"}, `SAMLA_WORKDAY_END: must be after SAMLA_WORKDAY_START (17:00), got "08:00"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load(envOf(tt.env), "")
			if tt.want == "" {
				if err != nil {
					t.Fatalf("unexpected error: %v", err)
				}
				return
			}
			var ce *Error
			if !errors.As(err, &ce) {
				t.Fatalf("want *Error, got %v", err)
			}
			if len(ce.Problems) != 1 || !strings.Contains(ce.Problems[0], tt.want) {
				t.Errorf("problems = %q\nwant one containing %q", ce.Problems, tt.want)
			}
			if !strings.Contains(ce.Problems[0], "SAMLA_") {
				t.Errorf("problem does not name a variable: %q", ce.Problems[0])
			}
		})
	}
}

// mmEnv is a valid Mattermost configuration with one setting replaced.
func mmEnv(name, value string) map[string]string {
	env := map[string]string{
		"SAMLA_MATTERMOST_SERVERS":        "skane=https://mm.example.se",
		"SAMLA_MATTERMOST_BOT_TOKENS":     "skane=bot",
		"SAMLA_MATTERMOST_COMMAND_TOKENS": "skane=cmd",
		"SAMLA_MATTERMOST_ACTION_KEY":     "0123456789abcdef",
		"SAMLA_PUBLIC_URL":                "https://samla.example.se",
	}
	env[name] = value
	return env
}

func TestValidMattermost(t *testing.T) {
	if _, err := Load(envOf(mmEnv("SAMLA_LANG", "sv")), ""); err != nil {
		t.Fatal(err)
	}
}

func TestReportsAllProblemsAtOnce(t *testing.T) {
	_, err := Load(envOf(map[string]string{
		"SAMLA_STORE": "mongo", "SAMLA_LANG": "de", "SAMLA_LLM_TIMEOUT": "soon", "SAMLA_DIGEST_TIME": "noon",
	}), "")
	var ce *Error
	if !errors.As(err, &ce) || len(ce.Problems) != 4 {
		t.Fatalf("want 4 problems, got %v", err)
	}
	for i, name := range []string{"SAMLA_LANG", "SAMLA_STORE", "SAMLA_LLM_TIMEOUT", "SAMLA_DIGEST_TIME"} {
		if !strings.HasPrefix(ce.Problems[i], name+":") {
			t.Errorf("problem %d = %q, want it about %s", i, ce.Problems[i], name)
		}
	}
	if !strings.Contains(err.Error(), "example: SAMLA_STORE=redis") {
		t.Errorf("error has no example: %v", err)
	}
}

func writeFile(t *testing.T, body string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "samla.env")
	if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestFileAndEnvironmentPrecedence(t *testing.T) {
	file := writeFile(t, `# Samla settings
SAMLA_LISTEN=127.0.0.1:9000
export SAMLA_LANG="en"

SAMLA_LOG_LEVEL = 'debug'
SAMLA_REDIS_PREFIX=from-file:
`)
	c, err := Load(envOf(map[string]string{"SAMLA_LISTEN": "127.0.0.1:7000", "SAMLA_REDIS_PREFIX": "  "}), file)
	if err != nil {
		t.Fatal(err)
	}
	if c.Listen != "127.0.0.1:7000" {
		t.Errorf("environment must override the file: Listen = %q", c.Listen)
	}
	if c.Lang != "en" || c.LogLevel != "debug" {
		t.Errorf("file values not used: Lang=%q LogLevel=%q", c.Lang, c.LogLevel)
	}
	if c.RedisPrefix != "from-file:" {
		t.Errorf("blank environment value must not override the file: %q", c.RedisPrefix)
	}
	if c.Store != "bbolt" {
		t.Errorf("default not kept: Store=%q", c.Store)
	}
}

func TestFileProblems(t *testing.T) {
	file := writeFile(t, "SAMLA_LANG=sv\nnot a setting\nOTHER=1\nSAMLA_LANG=en\nSAMLA_STORE=mongo\n")
	_, err := Load(envOf(nil), file)
	var ce *Error
	if !errors.As(err, &ce) {
		t.Fatalf("want *Error, got %v", err)
	}
	want := []string{
		file + ":2: expected SAMLA_NAME=value",
		file + ":3: expected SAMLA_NAME=value",
		file + ":4: SAMLA_LANG is set twice",
		`SAMLA_STORE (in ` + file + `): must be bbolt or redis, got "mongo"`,
	}
	if len(ce.Problems) != len(want) {
		t.Fatalf("problems = %q", ce.Problems)
	}
	for i := range want {
		if !strings.HasPrefix(ce.Problems[i], want[i]) {
			t.Errorf("problem %d = %q, want prefix %q", i, ce.Problems[i], want[i])
		}
	}
}

func TestMissingFile(t *testing.T) {
	_, err := Load(envOf(nil), filepath.Join(t.TempDir(), "nope.env"))
	if !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("want ErrNotExist, got %v", err)
	}
}

const canary = "CANARY-7f3a9c"

// secretEnv sets every secret setting to a valid value holding the canary.
func secretEnv() map[string]string {
	return map[string]string{
		"SAMLA_API_TOKENS":                canary + "-api",
		"SAMLA_STORE":                     "redis",
		"SAMLA_REDIS_URL":                 "redis://user:" + canary + "@127.0.0.1:6379/0?password=" + canary,
		"SAMLA_SLACK_SIGNING_SECRET":      canary,
		"SAMLA_SLACK_BOT_TOKENS":          "T0001=xoxb-" + canary,
		"SAMLA_SLACK_APP_TOKEN":           "xapp-" + canary,
		"SAMLA_MATTERMOST_SERVERS":        "skane=https://mm.example.se",
		"SAMLA_MATTERMOST_BOT_TOKENS":     "skane=" + canary,
		"SAMLA_MATTERMOST_COMMAND_TOKEN":  canary,
		"SAMLA_MATTERMOST_COMMAND_TOKENS": "skane=" + canary,
		"SAMLA_MATTERMOST_ACTION_KEY":     canary + canary,
		"SAMLA_PUBLIC_URL":                "https://samla.example.se",
		"SAMLA_LLM_BASE_URL":              "http://127.0.0.1:1/v1",
		"SAMLA_LLM_MODEL":                 "m",
		"SAMLA_LLM_API_KEY":               canary,
		"SAMLA_SMTP_URL":                  "smtp://samla:" + canary + "@smtp.example.se:587",
		"SAMLA_SMTP_PASSWORD":             canary,
		"SAMLA_MAIL_FROM":                 "samla@example.se",
		"SAMLA_MAIL_LINK_KEY":             canary + canary,
		"SAMLA_OIDC_ISSUER":               "https://idp.example.se/",
		"SAMLA_OIDC_CLIENT_ID":            "samla",
		"SAMLA_OIDC_CLIENT_SECRET":        canary,
	}
}

func TestShowMasksSecrets(t *testing.T) {
	env := secretEnv()
	c, err := Load(envOf(env), "")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := Show(&buf, c); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if strings.Contains(out, canary) {
		t.Fatalf("Show printed a secret:\n%s", out)
	}
	for _, o := range options() {
		if o.Secret && env[o.Name] == "" {
			t.Errorf("test does not set secret %s", o.Name)
		}
	}
	for _, want := range []string{
		"SAMLA_SLACK_SIGNING_SECRET=****** (set)\n",
		"SAMLA_SLACK_BOT_TOKENS=T0001=******\n",
		"SAMLA_API_TOKENS=****** (1 set)\n",
		"SAMLA_REDIS_URL=redis://******@127.0.0.1:6379/0?******\n",
		"SAMLA_SMTP_URL=smtp://******@smtp.example.se:587\n",
		"SAMLA_MATTERMOST_SERVERS=skane=https://mm.example.se\n",
		"SAMLA_LISTEN=127.0.0.1:8080 (default)\n",
		"SAMLA_DIRECTORY= (not set)\n",
		"# Slack\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("Show output lacks %q:\n%s", want, out)
		}
	}
	for _, n := range Names() {
		if !strings.Contains(out, "\n"+n+"=") && !strings.HasPrefix(out, n+"=") {
			t.Errorf("Show output lacks %s", n)
		}
	}
}

func TestErrorsNeverQuoteSecrets(t *testing.T) {
	env := map[string]string{
		"SAMLA_API_TOKENS":            canary + " x",
		"SAMLA_REDIS_URL":             "ftp://" + canary,
		"SAMLA_SLACK_BOT_TOKENS":      "T0001=" + canary,
		"SAMLA_SLACK_APP_TOKEN":       canary,
		"SAMLA_MATTERMOST_BOT_TOKENS": canary,
		"SAMLA_MATTERMOST_ACTION_KEY": "C",
	}
	_, err := Load(envOf(env), writeFile(t, "SAMLA_MATTERMOST_COMMAND_TOKENS="+canary+"\n"))
	var ce *Error
	if !errors.As(err, &ce) || len(ce.Problems) < len(env) {
		t.Fatalf("want at least %d problems, got %v", len(env), err)
	}
	if strings.Contains(err.Error(), canary) {
		t.Errorf("error quotes a secret:\n%v", err)
	}
}

func TestUnknown(t *testing.T) {
	file := writeFile(t, "SAMLA_STOR=redis\nSAMLA_LANG=sv\n")
	got := Unknown([]string{"SAMLA_LISTEN=x", "SAMLA_LSITEN=x", "SAMLA_TEST_REDIS_URL=x", "SAMLA_E2E_CACHE=x", "HOME=/", "SAMLA_WHATEVER_ELSE=1"}, file)
	want := []string{
		"unknown setting SAMLA_LSITEN in the environment; did you mean SAMLA_LISTEN?",
		"unknown setting SAMLA_WHATEVER_ELSE in the environment",
		"unknown setting SAMLA_STOR in " + file + "; did you mean SAMLA_STORE?",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Unknown =\n%q\nwant\n%q", got, want)
	}
}

func TestTableIsConsistent(t *testing.T) {
	seen := map[string]bool{}
	var c Config
	for _, o := range options() {
		if seen[o.Name] {
			t.Errorf("%s listed twice", o.Name)
		}
		seen[o.Name] = true
		if o.Doc == "" || o.Example == "" || o.Group == "" {
			t.Errorf("%s lacks doc, example or group", o.Name)
		}
		if o.Default != "" && o.Secret {
			t.Errorf("%s: a secret must not have a default", o.Name)
		}
		if o.check != nil && o.Default != "" {
			if err := o.check(o.Default); err != nil {
				t.Errorf("%s: default %q invalid: %v", o.Name, o.Default, err)
			}
		}
		if o.check != nil && !strings.Contains(o.Example, "$(") && !strings.Contains(o.Example, "…") {
			if err := o.check(o.Example); err != nil {
				t.Errorf("%s: example %q invalid: %v", o.Name, o.Example, err)
			}
		}
		if err := o.set(&c, "1"); err != nil && strings.Contains(err.Error(), "internal") {
			t.Errorf("%s: %v", o.Name, err)
		}
	}
}
