package mattermost

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"net/http"

	"github.com/mattermost/mattermost/server/public/model"

	"github.com/samla-sip/samla/internal/chat"
	"github.com/samla-sip/samla/internal/sip"
)

// serveDialog handles POST /mattermost/dialogs, an interactive dialog
// submission. Its state was signed when the dialog opened and is checked
// like a button context. The new-case form becomes "/sip ny …" (and
// "/sip möte REF …" when a meeting was given); a prompt becomes the button
// press it belongs to, with the input. The core's answer comes as a direct
// message from the bot (dialogs have no place to show it), except that a
// new-case form the core refuses stays open with the reason.
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
	who := b.actor(ctx, s, req.UserId, "", req.ChannelId)

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

func (b *Bot) submitNewCase(ctx context.Context, w http.ResponseWriter, s *server, who chat.Actor, req model.SubmitDialogRequest) {
	command, meeting, errs := newCaseCommands(b.opts.Lang, req.Submission)
	if len(errs) > 0 {
		writeJSON(w, http.StatusOK, model.SubmitDialogResponse{Errors: errs})
		return
	}
	reply := b.opts.Handler.Command(ctx, who, command)
	ref := sip.FindRef(reply.Text)
	if ref == "" {
		// The core refused (unknown kommun, personnummer, …): keep the
		// form open with its one-line reason.
		writeJSON(w, http.StatusOK, model.SubmitDialogResponse{Error: truncate(replyText(reply), 500)})
		return
	}
	b.tell(ctx, s, req.UserId, reply)
	if meeting != "" {
		b.tell(ctx, s, req.UserId, b.opts.Handler.Command(ctx, who, "möte "+ref+" "+meeting))
	}
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
	msg := chat.Message{Text: reply.Text}
	if reply.Message != nil {
		msg = *reply.Message
		if reply.Text != "" {
			msg.Text = reply.Text + "\n" + msg.Text
		}
	}
	if msg.Text == "" && msg.Title == "" {
		return
	}
	to := chat.Address{Platform: chat.Mattermost, Workspace: s.name, User: userID}
	if _, err := b.Send(ctx, to, msg, ""); err != nil {
		b.opts.Log.WarnContext(ctx, "mattermost: cannot deliver a reply", "server", s.name, "user_id", userID, "err", err)
	}
}
