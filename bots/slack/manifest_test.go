package slack

import (
	"os"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

func TestManifest(t *testing.T) {
	raw, err := os.ReadFile("manifest.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var m struct {
		Features struct {
			SlashCommands []struct {
				Command   string
				URL       string `yaml:"url"`
				UsageHint string `yaml:"usage_hint"`
			} `yaml:"slash_commands"`
		}
		OAuth struct {
			Scopes struct{ Bot []string }
		} `yaml:"oauth_config"`
		Settings struct {
			Events struct {
				RequestURL string   `yaml:"request_url"`
				BotEvents  []string `yaml:"bot_events"`
			} `yaml:"event_subscriptions"`
			Interactivity struct {
				Enabled    bool   `yaml:"is_enabled"`
				RequestURL string `yaml:"request_url"`
			}
			SocketMode *bool `yaml:"socket_mode_enabled"`
		}
	}
	if err := yaml.Unmarshal(raw, &m); err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"commands", "chat:write", "im:write", "users:read", "users:read.email", "app_mentions:read"} {
		if !slices.Contains(m.OAuth.Scopes.Bot, s) {
			t.Errorf("scope %s missing", s)
		}
	}
	routes := (&Bot{}).Routes()
	hasRoute := func(url string) bool {
		path := url[strings.Index(url, "/slack/"):]
		_, ok := routes["POST "+path]
		return strings.HasPrefix(url, "https://samla.example.se/") && ok
	}
	if len(m.Features.SlashCommands) != 1 || m.Features.SlashCommands[0].Command != "/sip" ||
		!hasRoute(m.Features.SlashCommands[0].URL) || m.Features.SlashCommands[0].UsageHint == "" {
		t.Errorf("slash command %+v", m.Features.SlashCommands)
	}
	if !m.Settings.Interactivity.Enabled || !hasRoute(m.Settings.Interactivity.RequestURL) {
		t.Errorf("interactivity %+v", m.Settings.Interactivity)
	}
	if !hasRoute(m.Settings.Events.RequestURL) || !slices.Contains(m.Settings.Events.BotEvents, "app_mention") {
		t.Errorf("events %+v", m.Settings.Events)
	}
	if m.Settings.SocketMode == nil || *m.Settings.SocketMode {
		t.Error("socket_mode_enabled must be present and false")
	}
}
