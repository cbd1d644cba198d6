package mattermost

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/samla-sip/samla/internal/chat"
)

func commandForm(token, text string) url.Values {
	return url.Values{
		"token": {token}, "team_id": {"team1"}, "channel_id": {"chan1"},
		"user_id": {userID("anna")}, "user_name": {"anna"}, "command": {"/sip"},
		"text": {text}, "trigger_id": {"trigger-1"},
	}
}

func TestCommandRefusesWrongToken(t *testing.T) {
	tests := []struct {
		name   string
		query  string
		token  string
		status int
	}{
		{"missing token", "", "", http.StatusUnauthorized},
		{"wrong token", "", "tok-nope", http.StatusUnauthorized},
		{"token of another server", "?server=vgr", "tok-skane", http.StatusUnauthorized},
		{"unknown server", "?server=gotland", "tok-skane", http.StatusUnauthorized},
		{"prefix of the token", "", "tok-ska", http.StatusUnauthorized},
		{"token with suffix", "", "tok-skanex", http.StatusUnauthorized},
		{"right token", "", "tok-skane", http.StatusOK},
		{"right token, named server", "?server=skane", "tok-skane", http.StatusOK},
		{"second team's token", "", "tok-skane-team2", http.StatusOK},
		{"both tokens as one", "", "tok-skane tok-skane-team2", http.StatusUnauthorized},
		{"global token, named server", "?server=vgr", "tok-global", http.StatusOK},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fake := newFakeMM(t)
			h := &recorder{reply: chat.Reply{Text: "ok"}}
			b := testBot(t, fake, h, nil)
			rec := serve(b, "POST", "/mattermost/commands"+tt.query, "application/x-www-form-urlencoded",
				strings.NewReader(commandForm(tt.token, "status SIP-7K3QF2").Encode()))
			if rec.Code != tt.status {
				t.Fatalf("status %d, want %d (%s)", rec.Code, tt.status, rec.Body)
			}
			want := 0
			if tt.status == http.StatusOK {
				want = 1
			}
			if h.calls() != want {
				t.Fatalf("handler saw %d calls, want %d", h.calls(), want)
			}
			if fake.postCount() != 0 {
				t.Fatalf("%d posts sent", fake.postCount())
			}
		})
	}
}

func TestCommandRunsHandler(t *testing.T) {
	fake := newFakeMM(t)
	fake.addUser(userID("anna"), "anna", "")
	h := &recorder{reply: chat.Reply{Text: "Ärende *SIP-7K3QF2*: väntar på samtycke."}}
	b := testBot(t, fake, h, nil)
	rec := serve(b, "POST", "/mattermost/commands", "application/x-www-form-urlencoded",
		strings.NewReader(commandForm("tok-skane", "  status SIP-7K3QF2 ").Encode()))
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	want := recordedCommand{
		Who:  chat.Actor{Platform: chat.Mattermost, Workspace: "skane", UserID: "anna", Channel: "chan1"},
		Text: "status SIP-7K3QF2",
	}
	if len(h.commands) != 1 || h.commands[0] != want {
		t.Fatalf("handler saw %+v, want %+v", h.commands, want)
	}
	var got map[string]any
	if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	golden(t, "command_reply", got)
}

// TestCommandTokenNamesOneServer: a command token is bound to one server
// (issue 16, problem 7): the shared token cannot serve two servers, and no
// two servers may list the same token, so ?server= cannot move a command
// to another server.
func TestCommandTokenNamesOneServer(t *testing.T) {
	fake := newFakeMM(t)
	opts := func(servers map[string]ServerConfig, shared string) Options {
		return Options{Servers: servers, CommandToken: shared, ActionKey: []byte("0123456789abcdef"),
			PublicURL: "https://samla.example.se", Handler: &recorder{}}
	}
	clients := map[string]client{"a": nil, "b": nil}
	tests := []struct {
		name    string
		servers map[string]ServerConfig
		shared  string
		want    string
	}{
		{"shared by two servers", map[string]ServerConfig{"a": {URL: fake.srv.URL}, "b": {URL: fake.srv.URL}}, "shared",
			"SAMLA_MATTERMOST_COMMAND_TOKEN is shared by servers a, b"},
		{"the same token listed twice", map[string]ServerConfig{"a": {CommandToken: "x y"}, "b": {CommandToken: "y"}}, "",
			`servers "a" and "b" have the same slash-command token`},
		{"own token equal to the shared one", map[string]ServerConfig{"a": {CommandToken: "s"}, "b": {}}, "s",
			`servers "a" and "b" have the same slash-command token`},
	}
	for _, tt := range tests {
		if _, err := newBot(opts(tt.servers, tt.shared), clients); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: %v, want %q", tt.name, err, tt.want)
		}
	}
	// The shared token serves one server; ?server= cannot take it elsewhere.
	b, err := newBot(opts(map[string]ServerConfig{"a": {CommandToken: "ta"}, "b": {}}, "shared"), clients)
	if err != nil {
		t.Fatal(err)
	}
	if s, ok := b.authenticate("", "shared"); !ok || s.name != "b" {
		t.Errorf("the shared token: %v, %v", s, ok)
	}
	if _, ok := b.authenticate("a", "shared"); ok {
		t.Error("?server=a with b's token was accepted")
	}
	if _, ok := b.authenticate("b", "ta"); ok {
		t.Error("?server=b with a's token was accepted")
	}
}

func TestCommandBareNewOpensDialog(t *testing.T) {
	for _, text := range []string{"ny", "NY", "new"} {
		fake := newFakeMM(t)
		h := &recorder{}
		b := testBot(t, fake, h, nil)
		rec := serve(b, "POST", "/mattermost/commands", "application/x-www-form-urlencoded",
			strings.NewReader(commandForm("tok-skane", text).Encode()))
		if rec.Code != http.StatusOK {
			t.Fatalf("%q: status %d: %s", text, rec.Code, rec.Body)
		}
		if h.calls() != 0 {
			t.Fatalf("%q: the handler was called: %+v", text, h.commands)
		}
		d := fake.lastDialog()
		if d.TriggerId != "trigger-1" || d.URL != "https://samla.example.se/mattermost/dialogs" {
			t.Fatalf("%q: dialog request %+v", text, d)
		}
		d.Dialog.State = "(signed)"
		golden(t, "dialog_new_case", d)
	}
}

func TestCommandWithArgumentsDoesNotOpenDialog(t *testing.T) {
	fake := newFakeMM(t)
	h := &recorder{reply: chat.Reply{Text: "ok"}}
	b := testBot(t, fake, h, nil)
	serve(b, "POST", "/mattermost/commands", "application/x-www-form-urlencoded",
		strings.NewReader(commandForm("tok-skane", "ny kommun=Lund ålder=14 parter=bup").Encode()))
	if len(h.commands) != 1 || h.commands[0].Text != "ny kommun=Lund ålder=14 parter=bup" {
		t.Fatalf("handler saw %+v", h.commands)
	}
	if len(fake.dialogs) != 0 {
		t.Fatalf("a dialog was opened: %+v", fake.dialogs)
	}
}

func TestCommandBodyTooLarge(t *testing.T) {
	fake := newFakeMM(t)
	h := &recorder{}
	b := testBot(t, fake, h, nil)
	form := commandForm("tok-skane", strings.Repeat("x", maxBody))
	rec := serve(b, "POST", "/mattermost/commands", "application/x-www-form-urlencoded", strings.NewReader(form.Encode()))
	if rec.Code != http.StatusRequestEntityTooLarge {
		t.Fatalf("status %d, want 413", rec.Code)
	}
	if h.calls() != 0 {
		t.Fatal("the handler was called")
	}
}
