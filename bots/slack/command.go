package slack

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"time"

	slackgo "github.com/slack-go/slack"

	"github.com/samla-sip/samla/internal/chat"
)

// serveCommand answers POST /slack/commands (the /sip slash command).
func (b *Bot) serveCommand(w http.ResponseWriter, r *http.Request, body []byte) {
	form, err := url.ParseQuery(string(body))
	if err != nil {
		http.Error(w, "bad form", http.StatusBadRequest)
		return
	}
	writeJSON(w, b.onCommand(r.Context(), slashCommand(form)))
}

// slashCommand reads the fields of a slash command form.
func slashCommand(form url.Values) slackgo.SlashCommand {
	return slackgo.SlashCommand{
		TeamID:      form.Get("team_id"),
		ChannelID:   form.Get("channel_id"),
		UserID:      form.Get("user_id"),
		Command:     form.Get("command"),
		Text:        form.Get("text"),
		ResponseURL: form.Get("response_url"),
		TriggerID:   form.Get("trigger_id"),
	}
}

// isBareNew reports whether text is `ny`/`new` without arguments.
func isBareNew(text string) bool {
	t := strings.ToLower(strings.TrimSpace(text))
	return t == "ny" || t == "new"
}

// onCommand runs a slash command and returns the response body (nil for
// an empty 200). Used by HTTP and Socket Mode alike. The command is saved
// before it runs; one that cannot be saved is not run, and the answer
// says to try again.
func (b *Bot) onCommand(ctx context.Context, cmd slackgo.SlashCommand) any {
	start := time.Now()
	if cmd.TeamID == "" || cmd.UserID == "" {
		return textBody(b.t("bad_request"))
	}
	if isBareNew(cmd.Text) && cmd.TriggerID != "" {
		return b.openNewCase(ctx, cmd, start)
	}
	if b.isClosed() {
		return textBody(b.t("stopping"))
	}
	text := strings.TrimSpace(cmd.Text)
	e := inboxEntry{Kind: kindCommand, Team: cmd.TeamID, User: cmd.UserID, Channel: cmd.ChannelID, ResponseURL: cmd.ResponseURL, Text: text}
	id := "cmd:" + entryID(e)
	if _, err := b.accept(ctx, id, e, false); err != nil {
		return textBody(b.t("not_saved"))
	}
	who := b.actor(ctx, cmd.TeamID, cmd.UserID, cmd.ChannelID)
	reply, inline := b.runInline(ctx, start,
		b.settling(id, func(ctx context.Context) chat.Reply { return b.handler.Command(ctx, who, text) }),
		func(ctx context.Context, r chat.Reply) { b.answerLater(ctx, who, cmd.ResponseURL, r) })
	if !inline {
		return textBody(b.t("working"))
	}
	if reply.Prompt != nil {
		return b.openReplyPrompt(ctx, cmd.TeamID, cmd.TriggerID, reply, viewMeta{ResponseURL: cmd.ResponseURL, Channel: cmd.ChannelID}, start)
	}
	return replyBody(reply)
}

// openNewCase opens the new-case modal.
func (b *Bot) openNewCase(ctx context.Context, cmd slackgo.SlashCommand, received time.Time) any {
	view, err := b.newCaseModal(viewMeta{ResponseURL: cmd.ResponseURL, Channel: cmd.ChannelID})
	if err == nil {
		err = b.openView(ctx, cmd.TeamID, cmd.TriggerID, view, received)
	}
	if err != nil {
		b.log.Warn("slack: opening the new-case modal failed", "team", cmd.TeamID, "error", err)
		return textBody(b.t("modal_failed"))
	}
	return nil
}

// openReplyPrompt opens the modal a reply's Prompt asks for; the reply
// text is shown in it. received is when the request with the trigger
// arrived.
func (b *Bot) openReplyPrompt(ctx context.Context, team, trigger string, r chat.Reply, meta viewMeta, received time.Time) any {
	meta.Action, meta.Value = r.PromptAction, r.PromptValue
	view, err := b.promptModal(*r.Prompt, r.Body().Plain(), meta)
	if err == nil {
		err = b.openView(ctx, team, trigger, view, received)
	}
	if err != nil {
		b.log.Warn("slack: opening a prompt failed", "team", team, "error", err)
		return textBody(b.t("prompt_failed"))
	}
	return nil
}
