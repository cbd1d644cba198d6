package mattermost

import (
	"reflect"
	"strings"
	"testing"
)

func TestServers(t *testing.T) {
	urls := map[string]string{"skane": "https://mm.skane.example.se", "vgr": "https://chat.vgr.example.se"}
	tests := []struct {
		name    string
		bots    map[string]string
		cmds    map[string]string
		trusted []string
		want    map[string]ServerConfig
		wantErr string
	}{
		{"complete", map[string]string{"skane": "b1", "vgr": "b2"}, map[string]string{"skane": "c1"}, []string{"vgr"},
			map[string]ServerConfig{
				"skane": {URL: "https://mm.skane.example.se", BotToken: "b1", CommandToken: "c1"},
				"vgr":   {URL: "https://chat.vgr.example.se", BotToken: "b2", EmailTrusted: true},
			}, ""},
		{"missing bot token", map[string]string{"skane": "b1"}, nil, nil, nil, `"vgr" has no bot token`},
		{"bot token for unknown server", map[string]string{"skane": "b1", "vgr": "b2", "gotland": "b3"}, nil, nil, nil, "BOT_TOKENS names servers not in SAMLA_MATTERMOST_SERVERS: [gotland]"},
		{"command token for unknown server", map[string]string{"skane": "b1", "vgr": "b2"}, map[string]string{"skåne": "c"}, nil, nil, "COMMAND_TOKENS names servers"},
		{"e-mail trust for unknown server", map[string]string{"skane": "b1", "vgr": "b2"}, nil, []string{"gotland"}, nil, `EMAIL_TRUSTED names server "gotland"`},
	}
	for _, tt := range tests {
		got, err := Servers(urls, tt.bots, tt.cmds, tt.trusted)
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("%s: error %v, want %q", tt.name, err, tt.wantErr)
			}
			if err != nil && strings.Contains(err.Error(), "b1") {
				t.Errorf("%s: the error shows a secret: %v", tt.name, err)
			}
			continue
		}
		if err != nil || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: got %+v, %v; want %+v", tt.name, got, err, tt.want)
		}
	}
}
