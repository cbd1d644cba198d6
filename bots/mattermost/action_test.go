package mattermost

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/mattermost/mattermost/server/public/model"

	"github.com/samla-sip/samla/internal/chat"
)

// invitation is a message with a plain button and a prompting one.
var invitation = chat.Message{
	Title: "Inbjudan till SIP-7K3QF2",
	Text:  "Du är inbjuden till ett *SIP-möte* som företrädare för _BUP Lund_.\n• Kommun: Lund\n• Ålder: 14",
	Fields: []chat.Field{
		{Label: "Möte", Value: "2026-12-10 13:00, video"},
		{Label: "Sammankallande", Value: "Kurator, Lunds kommun"},
	},
	Buttons: []chat.Button{
		{Action: "rsvp.attend", Label: "Jag kommer", Value: "SIP-7K3QF2/inv1", Style: "primary"},
		{Action: "rsvp.video", Label: "Via video", Value: "SIP-7K3QF2/inv1"},
		{Action: "rsvp.decline", Label: "Kan inte", Value: "SIP-7K3QF2/inv1", Style: "danger",
			Prompt: &chat.Prompt{Title: "Kan inte komma", Label: "Varför kan du inte komma?"}},
		{Action: "rsvp.delegate", Label: "Skickar ersättare", Value: "SIP-7K3QF2/inv1",
			Prompt: &chat.Prompt{Title: "Skicka ersättare", Label: "Ersättare",
				Options:  []chat.Option{{Value: "bup-lund-ek", Label: "Eva Ek, BUP Lund"}, {Value: "bup-lund-vag-in", Label: "BUP Lund väg in"}},
				Checkbox: "Ersättaren har mandat att fatta beslut"}},
	},
}

// sendInvitation delivers the invitation to bertil on skane and returns the
// stored post.
func sendInvitation(t *testing.T, b *Bot, fake *fakeMM) *model.Post {
	t.Helper()
	fake.addUser(userID("bertil"), "bertil", "bertil@bup.example.se")
	ref, err := b.Send(t.Context(), chat.Address{Platform: chat.Mattermost, Workspace: "skane", User: "bertil"}, invitation, "inv1")
	if err != nil {
		t.Fatal(err)
	}
	return fake.post(ref.ID)
}

// pressRequest is what Mattermost posts when user presses the button.
func pressRequest(p *model.Post, label, user, username string) model.PostActionIntegrationRequest {
	for _, a := range p.Attachments()[0].Actions {
		if a.Name == label {
			return model.PostActionIntegrationRequest{
				UserId: user, UserName: username, ChannelId: p.ChannelId, PostId: p.Id,
				TriggerId: "trigger-2", Type: "button", Context: a.Integration.Context,
			}
		}
	}
	panic("no button " + label)
}

func postJSON(b *Bot, path string, v any) (int, string) {
	body, _ := json.Marshal(v)
	rec := serve(b, "POST", path, "application/json", strings.NewReader(string(body)))
	return rec.Code, rec.Body.String()
}

func TestActionRunsHandler(t *testing.T) {
	fake := newFakeMM(t)
	h := &recorder{reply: chat.Reply{Text: "Tack! Du är anmäld."}}
	b := testBot(t, fake, h, nil)
	p := sendInvitation(t, b, fake)
	code, body := postJSON(b, "/mattermost/actions", pressRequest(p, "Jag kommer", userID("bertil"), "bertil"))
	if code != http.StatusOK {
		t.Fatalf("status %d: %s", code, body)
	}
	want := recordedAct{
		Who: chat.Actor{Platform: chat.Mattermost, Workspace: "skane", UserID: "bertil", Channel: p.ChannelId},
		Act: chat.Action{Name: "rsvp.attend", Value: "SIP-7K3QF2/inv1"},
	}
	if len(h.acts) != 1 || h.acts[0] != want {
		t.Fatalf("handler saw %+v, want %+v", h.acts, want)
	}
	if !strings.Contains(body, `"ephemeral_text":"Tack! Du är anmäld."`) {
		t.Errorf("response %s", body)
	}
}

func TestActionRefusesTamperedContext(t *testing.T) {
	tests := []struct {
		name   string
		change func(ctx map[string]any)
	}{
		{"value", func(c map[string]any) { c["value"] = "SIP-AAAAAA/inv1" }},
		{"action", func(c map[string]any) { c["action"] = "rsvp.decline" }},
		{"user", func(c map[string]any) { c["user"] = userID("mallory") }},
		{"user to anyone", func(c map[string]any) { c["user"] = anyUser }},
		{"exp", func(c map[string]any) { c["exp"] = "4102444800" }},
		{"server", func(c map[string]any) { c["server"] = "vgr" }},
		{"prompt added", func(c map[string]any) { c["prompt"] = `{"title":"x","label":"y"}` }},
		{"mac", func(c map[string]any) { c["mac"] = strings.Repeat("0", 64) }},
		{"mac removed", func(c map[string]any) { delete(c, "mac") }},
		{"mac of wrong type", func(c map[string]any) { c["mac"] = 42.0 }},
		{"no context", func(c map[string]any) { clear(c) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fake := newFakeMM(t)
			h := &recorder{}
			b := testBot(t, fake, h, nil)
			p := sendInvitation(t, b, fake)
			req := pressRequest(p, "Jag kommer", userID("bertil"), "bertil")
			tt.change(req.Context)
			if c, _ := req.Context["user"].(string); c == userID("mallory") {
				req.UserId, req.UserName = userID("mallory"), "mallory"
			}
			code, body := postJSON(b, "/mattermost/actions", req)
			if code != http.StatusUnauthorized {
				t.Fatalf("status %d, want 401 (%s)", code, body)
			}
			if h.calls() != 0 || len(fake.dialogs) != 0 {
				t.Fatalf("refused press reached the handler (%d calls) or opened a dialog", h.calls())
			}
		})
	}
}

func TestActionRefusesExpiredContext(t *testing.T) {
	fake := newFakeMM(t)
	h := &recorder{}
	now := testNow
	b := testBot(t, fake, h, func() time.Time { return now })
	p := sendInvitation(t, b, fake)
	now = testNow.Add(30*24*time.Hour + time.Second)
	code, body := postJSON(b, "/mattermost/actions", pressRequest(p, "Jag kommer", userID("bertil"), "bertil"))
	if code != http.StatusForbidden {
		t.Fatalf("status %d, want 403 (%s)", code, body)
	}
	if h.calls() != 0 {
		t.Fatal("an expired press reached the handler")
	}
	now = testNow.Add(30 * 24 * time.Hour)
	if code, body := postJSON(b, "/mattermost/actions", pressRequest(p, "Jag kommer", userID("bertil"), "bertil")); code != http.StatusOK {
		t.Fatalf("at the expiry second: status %d (%s)", code, body)
	}
}

func TestActionRefusesWrongPresser(t *testing.T) {
	fake := newFakeMM(t)
	h := &recorder{}
	b := testBot(t, fake, h, nil)
	p := sendInvitation(t, b, fake)
	for _, user := range []string{userID("mallory"), ""} {
		code, body := postJSON(b, "/mattermost/actions", pressRequest(p, "Jag kommer", user, "mallory"))
		if code != http.StatusForbidden {
			t.Fatalf("presser %q: status %d, want 403 (%s)", user, code, body)
		}
		if !strings.Contains(body, "inte till dig") {
			t.Errorf("presser %q: response %s", user, body)
		}
	}
	if h.calls() != 0 {
		t.Fatal("a press by the wrong user reached the handler")
	}
}

func TestActionMalformedAndTooLarge(t *testing.T) {
	fake := newFakeMM(t)
	h := &recorder{}
	b := testBot(t, fake, h, nil)
	for _, tt := range []struct {
		path, body string
		status     int
	}{
		{"/mattermost/actions", "{not json", http.StatusBadRequest},
		{"/mattermost/dialogs", "{not json", http.StatusBadRequest},
		{"/mattermost/actions", `{"user_id":"x","context":"` + strings.Repeat("a", maxBody) + `"}`, http.StatusRequestEntityTooLarge},
		{"/mattermost/dialogs", `{"user_id":"x","state":"` + strings.Repeat("a", maxBody) + `"}`, http.StatusRequestEntityTooLarge},
		{"/mattermost/dialogs", `{"user_id":"x","state":"not json"}`, http.StatusUnauthorized},
	} {
		rec := serve(b, "POST", tt.path, "application/json", strings.NewReader(tt.body))
		if rec.Code != tt.status {
			t.Errorf("%s %.30s: status %d, want %d", tt.path, tt.body, rec.Code, tt.status)
		}
	}
	if h.calls() != 0 {
		t.Fatal("a malformed request reached the handler")
	}
}

func TestPromptButtonOpensDialogAndSubmits(t *testing.T) {
	fake := newFakeMM(t)
	h := &recorder{reply: chat.Reply{Text: "Ersättaren är inbjuden."}}
	b := testBot(t, fake, h, nil)
	p := sendInvitation(t, b, fake)
	code, body := postJSON(b, "/mattermost/actions", pressRequest(p, "Skickar ersättare", userID("bertil"), "bertil"))
	if code != http.StatusOK {
		t.Fatalf("status %d: %s", code, body)
	}
	if h.calls() != 0 {
		t.Fatal("opening the prompt already ran the action")
	}
	d := fake.lastDialog()
	if d.TriggerId != "trigger-2" {
		t.Fatalf("trigger %q", d.TriggerId)
	}
	state := d.Dialog.State
	d.Dialog.State = "(signed)"
	golden(t, "dialog_delegate", d)

	submit := model.SubmitDialogRequest{
		Type: "dialog_submission", CallbackId: "samla-prompt", State: state,
		UserId: userID("bertil"), ChannelId: p.ChannelId,
		Submission: map[string]any{fieldInput: "bup-lund-ek", fieldFlag: true},
	}
	if code, body := postJSON(b, "/mattermost/dialogs", submit); code != http.StatusOK {
		t.Fatalf("submit: status %d: %s", code, body)
	}
	want := chat.Action{Name: "rsvp.delegate", Value: "SIP-7K3QF2/inv1", Input: "bup-lund-ek", Flag: true}
	if len(h.acts) != 1 || h.acts[0].Act != want || h.acts[0].Who.UserID != "bertil" {
		t.Fatalf("handler saw %+v, want %+v", h.acts, want)
	}
	// The core's answer arrives as a direct message.
	last := fake.post(fake.order[len(fake.order)-1])
	if last.Message != "Ersättaren är inbjuden." {
		t.Errorf("reply post %q", last.Message)
	}
}

func TestDialogRefusesBadState(t *testing.T) {
	fake := newFakeMM(t)
	h := &recorder{}
	now := testNow
	b := testBot(t, fake, h, func() time.Time { return now })
	state := b.promptState("skane", userID("bertil"), "rsvp.decline", "SIP-7K3QF2/inv1")
	var st signed
	if err := json.Unmarshal([]byte(state), &st); err != nil {
		t.Fatal(err)
	}
	tampered := st
	tampered.Value = "SIP-AAAAAA/inv1"
	tests := []struct {
		name   string
		state  string
		user   string
		after  time.Duration
		status int
	}{
		{"tampered", mustJSON(t, tampered), userID("bertil"), 0, http.StatusUnauthorized},
		{"empty", "", userID("bertil"), 0, http.StatusUnauthorized},
		{"expired", state, userID("bertil"), dialogTTL + time.Second, http.StatusForbidden},
		{"other user", state, userID("mallory"), 0, http.StatusForbidden},
	}
	for _, tt := range tests {
		now = testNow.Add(tt.after)
		code, body := postJSON(b, "/mattermost/dialogs", model.SubmitDialogRequest{
			State: tt.state, UserId: tt.user, Submission: map[string]any{fieldInput: "sjuk"},
		})
		if code != tt.status {
			t.Errorf("%s: status %d, want %d (%s)", tt.name, code, tt.status, body)
		}
	}
	if h.calls() != 0 || fake.postCount() != 0 {
		t.Fatalf("a refused submission reached the handler (%d) or posted (%d)", h.calls(), fake.postCount())
	}
}

// The core may answer a press (or a command) with a prompt of its own; the
// bot then opens the dialog with the trigger id, signed for the presser.
func TestReplyPromptOpensDialog(t *testing.T) {
	fake := newFakeMM(t)
	h := &recorder{reply: chat.Reply{
		Text: "Varför kan du inte komma?", PromptAction: "rsvp.decline", PromptValue: "SIP-7K3QF2/inv1",
		Prompt: &chat.Prompt{Title: "Kan inte komma", Label: "Varför kan du inte komma?"},
	}}
	b := testBot(t, fake, h, nil)
	p := sendInvitation(t, b, fake)
	if code, body := postJSON(b, "/mattermost/actions", pressRequest(p, "Jag kommer", userID("bertil"), "bertil")); code != http.StatusOK {
		t.Fatalf("status %d: %s", code, body)
	}
	d := fake.lastDialog()
	var st signed
	if err := json.Unmarshal([]byte(d.Dialog.State), &st); err != nil {
		t.Fatal(err)
	}
	if st.Action != "rsvp.decline" || st.Value != "SIP-7K3QF2/inv1" || st.User != userID("bertil") || b.sig.verify(st, testNow) != nil {
		t.Fatalf("dialog state %+v", st)
	}

	// From a slash command, too.
	rec := serve(b, "POST", "/mattermost/commands", "application/x-www-form-urlencoded",
		strings.NewReader(commandForm("tok-skane", "agenda SIP-7K3QF2").Encode()))
	if rec.Code != http.StatusOK || len(fake.dialogs) != 2 {
		t.Fatalf("status %d, %d dialogs: %s", rec.Code, len(fake.dialogs), rec.Body)
	}
}

func TestCommandReplyWithMessage(t *testing.T) {
	fake := newFakeMM(t)
	msg := invitation
	h := &recorder{reply: chat.Reply{Message: &msg}}
	b := testBot(t, fake, h, nil)
	rec := serve(b, "POST", "/mattermost/commands", "application/x-www-form-urlencoded",
		strings.NewReader(commandForm("tok-skane", "agenda SIP-7K3QF2").Encode()))
	var got commandResponse
	if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if got.ResponseType != "ephemeral" || got.Text != "**Inbjudan till SIP-7K3QF2**" || len(got.Attachments) != 1 {
		t.Fatalf("response %s", rec.Body)
	}
	for _, a := range got.Attachments[0].Actions {
		if c := fromContext(a.Integration.Context); c.User != userID("anna") || b.sig.verify(c, testNow) != nil {
			t.Errorf("button %q signed for %q", a.Name, c.User)
		}
	}
}
