package slack

import (
	"context"
	"encoding/json"
	"net/http"
	"regexp"
	"strings"

	"github.com/samla-sip/samla/internal/chat"
)

// eventEnvelope is the part of an Events API request the bot reads.
type eventEnvelope struct {
	Type      string `json:"type"` // url_verification | event_callback
	Challenge string `json:"challenge"`
	TeamID    string `json:"team_id"`
	EventID   string `json:"event_id"`
	Event     struct {
		Type    string `json:"type"` // app_mention
		User    string `json:"user"`
		Text    string `json:"text"`
		Channel string `json:"channel"`
		BotID   string `json:"bot_id"`
	} `json:"event"`
}

// serveEvent answers POST /slack/events.
func (b *Bot) serveEvent(w http.ResponseWriter, r *http.Request, body []byte) {
	var env eventEnvelope
	if err := json.Unmarshal(body, &env); err != nil {
		http.Error(w, "bad event", http.StatusBadRequest)
		return
	}
	if env.Type == "url_verification" {
		writeJSON(w, map[string]string{"challenge": env.Challenge})
		return
	}
	b.onEvent(r.Context(), env)
	w.WriteHeader(http.StatusOK)
}

// mention matches a user mention like <@U012AB3CD>.
var mention = regexp.MustCompile(`<@[A-Z0-9]+(\|[^>]*)?>`)

// onEvent handles an event_callback once per event_id (Slack retries with
// X-Slack-Retry-Num when it got no timely 200). An app_mention runs its
// text as a /sip command and answers privately in the channel.
func (b *Bot) onEvent(ctx context.Context, env eventEnvelope) {
	if env.Type != "event_callback" || env.EventID == "" || env.TeamID == "" {
		return
	}
	if !b.first(ctx, "ev", env.TeamID, "", env.EventID) {
		return
	}
	ev := env.Event
	if ev.Type != "app_mention" || ev.User == "" || ev.BotID != "" {
		return
	}
	text := strings.TrimSpace(mention.ReplaceAllString(ev.Text, ""))
	text = strings.TrimSpace(strings.TrimPrefix(text, "/sip"))
	if text == "" {
		text = "hjälp"
	}
	b.spawn(func(ctx context.Context) {
		cctx, cancel := context.WithTimeout(ctx, lateTimeout)
		defer cancel()
		who := b.actor(cctx, env.TeamID, ev.User, ev.Channel)
		r := b.safely(cctx, func(ctx context.Context) chat.Reply { return b.handler.Command(ctx, who, text) })
		if r.Prompt != nil {
			r = withLine(r, b.t("prompt_expired"))
		}
		if err := b.postEphemeral(cctx, who, r.Body()); err != nil {
			b.log.Warn("slack: answering a mention failed", "team", env.TeamID, "error", err)
		}
	})
}
