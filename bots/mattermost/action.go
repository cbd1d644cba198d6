package mattermost

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"

	"github.com/mattermost/mattermost/server/public/model"

	"github.com/samla-sip/samla/internal/chat"
)

// actionResponse answers a button press; the text is shown only to the
// presser.
type actionResponse struct {
	EphemeralText string `json:"ephemeral_text,omitempty"`
}

// serveAction handles POST /mattermost/actions, a message-attachment button
// press. Mattermost does not sign it, so the button's signed context is
// checked: tampered → 401, expired → 403, pressed by another user → 403;
// none of them reaches the core. A button with a prompt opens a dialog.
func (b *Bot) serveAction(w http.ResponseWriter, r *http.Request) {
	body, ok := readBody(w, r)
	if !ok {
		return
	}
	var req model.PostActionIntegrationRequest
	if err := json.Unmarshal(body, &req); err != nil {
		http.Error(w, "malformed action request", http.StatusBadRequest)
		return
	}
	c := fromContext(req.Context)
	s, ok := b.admit(w, r, c, req.UserId)
	if !ok {
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), b.opts.CommandTimeout)
	defer cancel()

	if c.Prompt != "" {
		var p chat.Prompt
		if err := json.Unmarshal([]byte(c.Prompt), &p); err != nil {
			b.opts.Log.ErrorContext(ctx, "mattermost: signed prompt unreadable", "err", err)
			writeJSON(w, http.StatusOK, actionResponse{EphemeralText: text(b.opts.Lang, "err.internal")})
			return
		}
		st := b.promptState(s.name, req.UserId, c.Action, c.Value)
		if err := b.openDialog(ctx, s, req.TriggerId, b.promptDialog(p, st)); err != nil {
			b.opts.Log.WarnContext(ctx, "mattermost: cannot open a prompt dialog", "server", s.name, "err", err)
			writeJSON(w, http.StatusOK, actionResponse{EphemeralText: text(b.opts.Lang, "err.internal")})
			return
		}
		writeJSON(w, http.StatusOK, actionResponse{})
		return
	}

	who := b.actor(ctx, s, req.UserId, req.ChannelId)
	reply := b.opts.Handler.Act(ctx, who, chat.Action{Name: c.Action, Value: c.Value})
	if reply.Prompt != nil {
		st := b.promptState(s.name, req.UserId, reply.PromptAction, reply.PromptValue)
		if err := b.openDialog(ctx, s, req.TriggerId, b.promptDialog(*reply.Prompt, st)); err != nil {
			b.opts.Log.WarnContext(ctx, "mattermost: cannot open a prompt dialog", "server", s.name, "err", err)
		}
	}
	writeJSON(w, http.StatusOK, actionResponse{EphemeralText: markdown(reply.Body().Plain())})
}

// admit checks a signed context against the user Mattermost says acted; on
// refusal it has answered (401 tampered, 403 expired or not the user's).
func (b *Bot) admit(w http.ResponseWriter, r *http.Request, c signed, userID string) (*server, bool) {
	lang := b.opts.Lang
	err := b.sig.verify(c, b.opts.Now())
	s, known := b.servers[c.Server]
	switch {
	case errors.Is(err, errTampered) || (err == nil && !known):
		b.opts.Log.WarnContext(r.Context(), "mattermost: callback refused: bad signature", "remote", r.RemoteAddr)
		writeJSON(w, http.StatusUnauthorized, actionResponse{EphemeralText: text(lang, "err.internal")})
		return nil, false
	case errors.Is(err, errExpired):
		writeJSON(w, http.StatusForbidden, actionResponse{EphemeralText: text(lang, "err.expired")})
		return nil, false
	case userID == "" || (c.User != anyUser && c.User != userID):
		b.opts.Log.WarnContext(r.Context(), "mattermost: callback refused: not the intended user", "server", c.Server, "user_id", userID)
		writeJSON(w, http.StatusForbidden, actionResponse{EphemeralText: text(lang, "err.notyours")})
		return nil, false
	}
	return s, true
}
