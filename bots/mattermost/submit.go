package mattermost

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"net/http"

	"github.com/mattermost/mattermost/server/public/model"

	"github.com/samla-sip/samla/internal/chat"
)

// serveDialog handles POST /mattermost/dialogs, an interactive dialog
// submission. Its state was signed when the dialog opened and is checked
// like a button context. The new-case form calls the core's typed NewCase;
// a prompt becomes the button press it belongs to, with the input. The
// core's answer comes as a direct message from the bot (dialogs have no
// place to show it), except that a new-case form the core refuses stays
// open with each reason next to its field.
func (b *Bot) serveDialog(w http.ResponseWriter, r *http.Request) {
	body, ok := readBody(w, r)
	if !ok {
		return
	}
	var req model.SubmitDialogRequest
	if err := json.Unmarshal(body, &req); err != nil {
		http.Error(w, "malformed dialog submission", http.StatusBadRequest)
		return
	}
	var st signed
	if err := json.Unmarshal([]byte(req.State), &st); err != nil {
		st = signed{} // fails verification below
	}
	s, ok := b.admit(w, r, st, req.UserId)
	if !ok {
		return
	}
	if req.Cancelled {
		writeJSON(w, http.StatusOK, model.SubmitDialogResponse{})
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), b.opts.CommandTimeout)
	defer cancel()
	if !b.firstSubmission(ctx, req) {
		writeJSON(w, http.StatusOK, model.SubmitDialogResponse{})
		return
	}
	who := b.actor(ctx, s, req.UserId, req.ChannelId)

	if st.Action == newCaseAction {
		b.submitNewCase(ctx, w, s, who, req)
		return
	}
	input, _ := req.Submission[fieldInput].(string)
	flag, _ := req.Submission[fieldFlag].(bool)
	reply := b.opts.Handler.Act(ctx, who, chat.Action{Name: st.Action, Value: st.Value, Input: input, Flag: flag})
	b.tell(ctx, s, req.UserId, reply)
	writeJSON(w, http.StatusOK, model.SubmitDialogResponse{})
}

// submitNewCase runs the new-case form through the core's typed
// operation: created → the answer by DM and the dialog closes; refused →
// the dialog stays open with each reason next to its field.
func (b *Bot) submitNewCase(ctx context.Context, w http.ResponseWriter, s *server, who chat.Actor, req model.SubmitDialogRequest) {
	res, err := b.opts.Handler.NewCase(ctx, who, newCaseInput(req.Submission))
	if err != nil {
		writeJSON(w, http.StatusOK, dialogRefusal(b.opts.Lang, err))
		return
	}
	b.tell(ctx, s, req.UserId, res.Reply)
	writeJSON(w, http.StatusOK, model.SubmitDialogResponse{})
}

// firstSubmission reports whether this exact submission (same signed
// state, same answers) is new. Without Dedup, or when it fails, every
// submission counts as new.
func (b *Bot) firstSubmission(ctx context.Context, req model.SubmitDialogRequest) bool {
	if b.opts.Dedup == nil {
		return true
	}
	answers, _ := json.Marshal(req.Submission) // map keys are sorted: a canonical form
	sum := sha256.Sum256(append([]byte(req.State+"\x00"), answers...))
	first, err := b.opts.Dedup.Once(ctx, "mattermost:dialog:"+hex.EncodeToString(sum[:16]), dialogTTL)
	if err != nil {
		b.opts.Log.WarnContext(ctx, "mattermost: dialog dedup unavailable", "err", err)
		return true
	}
	return first
}

// tell sends a reply to a user as a direct message from the bot.
func (b *Bot) tell(ctx context.Context, s *server, userID string, reply chat.Reply) {
	if reply.Empty() {
		return
	}
	msg := reply.Body()
	to := chat.Address{Platform: chat.Mattermost, Workspace: s.name, User: userID}
	if _, err := b.Send(ctx, to, msg, ""); err != nil {
		b.opts.Log.WarnContext(ctx, "mattermost: cannot deliver a reply", "server", s.name, "user_id", userID, "err", err)
	}
}
