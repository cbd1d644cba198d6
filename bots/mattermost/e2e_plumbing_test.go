//go:build e2e

package mattermost

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/mattermost/mattermost/server/public/model"

	"github.com/samla-sip/samla/internal/chat"
	"github.com/samla-sip/samla/internal/sip"
)

// TestE2EPlumbing proves the bot's wiring against a real Mattermost with a
// recording fake core: the slash command and its token, the new-case
// dialog opened by trigger id and submitted through Mattermost, a DM with
// signed buttons, a press relayed by Mattermost, a prompt dialog, and an
// update in place.
func TestE2EPlumbing(t *testing.T) {
	ctx, cancel := context.WithTimeout(t.Context(), 3*time.Minute)
	defer cancel()
	env := setupMattermost(t, ctx, "p"+strings.ToLower(model.NewId()[:6]))
	kurator, bup := env.users[firstWithSuffix(env, "kurator")], env.users[firstWithSuffix(env, "bup")]

	h := &recorder{
		replyFor: func(text string) chat.Reply { return chat.Reply{Text: "Du skrev: " + text} },
		newCase: func(sip.NewCase) (sip.Result, error) {
			return sip.Result{Ref: "SIP-E2E001", Reply: chat.Reply{Text: "Ärende *SIP-E2E001* öppnat."}}, nil
		},
	}
	b, err := New(Options{
		Servers: env.botServers(), ActionKey: []byte("e2e-action-key-0123456789"),
		PublicURL: env.samlaURL, Handler: h,
		Log: slog.New(slog.NewTextHandler(io.Discard, nil)),
	})
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	b.Mount(mux)
	env.serveSamla(t, mux)

	// 1. A slash command reaches the handler and its answer comes back.
	resp := must[*model.CommandResponse](t, "execute /sip status")(env.convener.ExecuteCommand(ctx, env.townSq, "/sip status SIP-E2E001"))
	if !strings.Contains(resp.Text, "Du skrev: status SIP-E2E001") {
		t.Fatalf("command response %q", resp.Text)
	}
	if len(h.commands) != 1 || h.commands[0].Who.UserID != kurator.Username || h.commands[0].Who.Workspace != "e2e" {
		t.Fatalf("handler saw %+v", h.commands)
	}

	// 2. "/sip ny" opens the dialog; submitting it through Mattermost runs
	// the equivalent command and answers by DM.
	opened := dialogs(t, env, env.convener)
	must[*model.CommandResponse](t, "execute /sip ny")(env.convener.ExecuteCommand(ctx, env.townSq, "/sip ny"))
	var d model.OpenDialogRequest
	select {
	case d = <-opened:
	case <-time.After(20 * time.Second):
		t.Fatal("no open_dialog event after /sip ny")
	}
	if d.Dialog.Title != "Ny SIP" {
		t.Fatalf("dialog %+v", d.Dialog)
	}
	sub, r, err := env.convener.SubmitInteractiveDialog(ctx, model.SubmitDialogRequest{
		URL: d.URL, CallbackId: d.Dialog.CallbackId, State: d.Dialog.State,
		ChannelId: env.townSq, TeamId: env.kommunTm.Id,
		Submission: map[string]any{"kommun": "Lund", "alder": "14", "parter": "bup, skola"},
	})
	if err != nil || sub.Error != "" || len(sub.Errors) > 0 {
		t.Fatalf("submit dialog: %v (%d) %+v", err, statusOf(r), sub)
	}
	if len(h.newCases) != 1 || h.newCases[0].Kommun != "Lund" || h.newCases[0].Age != "14" || h.newCases[0].Parties[0] != "bup, skola" {
		t.Fatalf("dialog ran %+v", h.newCases)
	}
	waitFor(t, ctx, 10*time.Second, "the DM answer to the dialog", func() (bool, string) {
		posts := env.dmPosts(t, ctx, env.convener, kurator.Username)
		return len(posts) > 0 && strings.Contains(posts[len(posts)-1].Message, "**SIP-E2E001**"), dump(posts)
	})

	// 3. A DM with signed buttons; the invitee presses one through Mattermost.
	ref, err := b.Send(ctx, chat.Address{Platform: chat.Mattermost, Workspace: "e2e", User: bup.Username}, invitation, "e2e-inv")
	if err != nil {
		t.Fatal(err)
	}
	p := must[*model.Post](t, "get post")(env.invitee.GetPost(ctx, ref.ID, ""))
	attend, ok := button(p, "Jag kommer")
	if !ok {
		t.Fatalf("no button in %s", postText(p))
	}
	if attend.Integration != nil {
		t.Error("Mattermost showed the button's signed context to the client")
	}
	if _, err := env.invitee.DoPostAction(ctx, p.Id, attend.Id); err != nil {
		t.Fatalf("press: %v", err)
	}
	last := h.acts[len(h.acts)-1]
	if last.Act != (chat.Action{Name: "rsvp.attend", Value: "SIP-7K3QF2/inv1"}) || last.Who.UserID != bup.Username {
		t.Fatalf("handler saw %+v", last)
	}

	// The convener cannot press the invitee's button.
	before := h.calls()
	if r, err := env.convener.DoPostAction(ctx, p.Id, attend.Id); err == nil {
		t.Fatalf("another user pressed the invitee's button (status %d)", statusOf(r))
	}
	if h.calls() != before {
		t.Fatal("a refused press reached the handler")
	}

	// 4. A prompting button opens a dialog; its submission carries the input.
	invOpened := dialogs(t, env, env.invitee)
	decline, _ := button(p, "Kan inte")
	if _, err := env.invitee.DoPostAction(ctx, p.Id, decline.Id); err != nil {
		t.Fatalf("press Kan inte: %v", err)
	}
	select {
	case d = <-invOpened:
	case <-time.After(20 * time.Second):
		t.Fatal("no open_dialog event after Kan inte")
	}
	if _, r, err := env.invitee.SubmitInteractiveDialog(ctx, model.SubmitDialogRequest{
		URL: d.URL, CallbackId: d.Dialog.CallbackId, State: d.Dialog.State, ChannelId: p.ChannelId, TeamId: env.regionTm.Id,
		Submission: map[string]any{fieldInput: "Krock med annat möte"},
	}); err != nil {
		t.Fatalf("submit prompt: %v (%d)", err, statusOf(r))
	}
	last = h.acts[len(h.acts)-1]
	if last.Act != (chat.Action{Name: "rsvp.decline", Value: "SIP-7K3QF2/inv1", Input: "Krock med annat möte"}) {
		t.Fatalf("handler saw %+v", last)
	}

	// 5. Update in place.
	updated := invitation
	updated.Text = "Du har svarat: *kommer*."
	updated.Buttons = nil
	if err := b.Update(ctx, ref, updated); err != nil {
		t.Fatal(err)
	}
	p = must[*model.Post](t, "get post")(env.invitee.GetPost(ctx, ref.ID, ""))
	if !strings.Contains(postText(p), "Du har svarat: **kommer**.") || strings.Contains(postText(p), "[Jag kommer]") {
		t.Fatalf("post after update:\n%s", postText(p))
	}

	// 6. Another command pointing at Samla has a token Samla does not
	// know: refused, and Mattermost reports the failure.
	must[*model.Command](t, "create command")(env.admin.CreateCommand(ctx, &model.Command{
		TeamId: env.kommunTm.Id, Trigger: "sipx", Method: model.CommandMethodPost,
		URL: env.samlaURL + "/mattermost/commands?server=e2e",
	}))
	before = h.calls()
	if _, _, err := env.convener.ExecuteCommand(ctx, env.townSq, "/sipx status SIP-E2E001"); err == nil {
		t.Error("a command with a token Samla does not know succeeded")
	}
	if h.calls() != before {
		t.Fatal("a command with a wrong token reached the handler")
	}
}

func firstWithSuffix(env *mmEnv, suffix string) string {
	for name := range env.users {
		if strings.HasSuffix(name, suffix) {
			return name
		}
	}
	return ""
}

func statusOf(r *model.Response) int {
	if r == nil {
		return 0
	}
	return r.StatusCode
}

func dump(posts []*model.Post) string {
	var b strings.Builder
	for _, p := range posts {
		b.WriteString("---\n" + postText(p) + "\n")
	}
	return b.String()
}
