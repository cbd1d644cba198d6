package mattermost

import (
	"context"
	"crypto/subtle"
	"net/http"
	"net/url"
	"strings"

	"github.com/mattermost/mattermost/server/public/model"

	"github.com/samla-sip/samla/internal/chat"
)

// commandResponse is the slash command's answer, shown only to the caller.
type commandResponse struct {
	ResponseType string                   `json:"response_type"`
	Text         string                   `json:"text"`
	Attachments  []*model.SlackAttachment `json:"attachments,omitempty"`
}

// serveCommand handles POST /mattermost/commands, the /sip slash command.
// The command token identifies the server (or ?server=NAME picks it, needed
// when several servers share one token) and is compared in constant time;
// a wrong or missing token gets 401 and reaches nothing.
func (b *Bot) serveCommand(w http.ResponseWriter, r *http.Request) {
	body, ok := readBody(w, r)
	if !ok {
		return
	}
	form, err := url.ParseQuery(string(body))
	if err != nil {
		http.Error(w, "malformed form", http.StatusBadRequest)
		return
	}
	s, ok := b.authenticate(r.URL.Query().Get("server"), form.Get("token"))
	if !ok {
		b.opts.Log.WarnContext(r.Context(), "mattermost: slash command refused: bad token", "remote", r.RemoteAddr)
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	userID := form.Get("user_id")
	if userID == "" {
		http.Error(w, "missing user_id", http.StatusBadRequest)
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), b.opts.CommandTimeout)
	defer cancel()
	who := b.actor(ctx, s, userID, form.Get("channel_id"))
	text := strings.TrimSpace(form.Get("text"))
	trigger := form.Get("trigger_id")

	if isBareNew(text) && trigger != "" {
		err := b.openDialog(ctx, s, trigger, b.newCaseDialog(b.newCaseState(s.name, userID)))
		if err == nil {
			writeJSON(w, http.StatusOK, commandResponse{ResponseType: model.CommandResponseTypeEphemeral})
			return
		}
		b.opts.Log.WarnContext(ctx, "mattermost: cannot open the new-case dialog", "server", s.name, "err", err)
	}
	reply := b.opts.Handler.Command(ctx, who, text)
	if reply.Prompt != nil && trigger != "" {
		st := b.promptState(s.name, userID, reply.PromptAction, reply.PromptValue)
		if err := b.openDialog(ctx, s, trigger, b.promptDialog(*reply.Prompt, st)); err != nil {
			b.opts.Log.WarnContext(ctx, "mattermost: cannot open a prompt dialog", "server", s.name, "err", err)
		}
	}
	writeJSON(w, http.StatusOK, b.commandResponse(s.name, userID, reply))
}

// authenticate finds the server whose command token matches. Every
// candidate is compared in constant time; a token shared by several servers
// is refused unless ?server= names one.
func (b *Bot) authenticate(name, token string) (*server, bool) {
	if token == "" {
		return nil, false
	}
	if name != "" {
		s, ok := b.servers[name]
		if !ok {
			return nil, false
		}
		return s, s.hasToken(token)
	}
	var match *server
	n := 0
	for _, name := range b.names {
		if s := b.servers[name]; s.hasToken(token) {
			match = s
			n++
		}
	}
	return match, n == 1
}

// hasToken compares token with each of the server's command tokens in
// constant time (all are compared, whatever matches).
func (s *server) hasToken(token string) bool {
	ok := 0
	for _, t := range s.commandTokens {
		ok |= subtle.ConstantTimeCompare([]byte(token), []byte(t))
	}
	return ok == 1
}

// commandResponse renders a reply's one body (chat.Reply.Body); its
// buttons are for the caller only.
func (b *Bot) commandResponse(srv, userID string, reply chat.Reply) commandResponse {
	message, props := b.render(srv, userID, reply.Body())
	out := commandResponse{ResponseType: model.CommandResponseTypeEphemeral, Text: message}
	if atts, ok := props[model.PostPropsAttachments].([]*model.SlackAttachment); ok {
		out.Attachments = atts
	}
	return out
}

// isBareNew reports whether text is "ny"/"new" with nothing after it.
func isBareNew(text string) bool {
	t := strings.ToLower(text)
	return t == "ny" || t == "new"
}
