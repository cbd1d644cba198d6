package slack

import (
	"context"
	"encoding/json"
	"net/http"
	"regexp"
	"strings"
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

// serveEvent answers POST /slack/events. An event that could not be saved
// gets 503, so that Slack delivers it again.
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
	if err := b.onEvent(r.Context(), env); err != nil {
		http.Error(w, "unavailable", http.StatusServiceUnavailable)
		return
	}
	w.WriteHeader(http.StatusOK)
}

// mention matches a user mention like <@U012AB3CD>.
var mention = regexp.MustCompile(`<@[A-Z0-9]+(\|[^>]*)?>`)

// onEvent handles an event_callback once per event_id (Slack retries with
// X-Slack-Retry-Num when it got no timely 200). An app_mention runs its
// text as a /sip command and answers privately in the channel; it is
// saved, and marked seen in the same write, before it is acknowledged.
// An error means it was not saved: Slack must deliver it again.
func (b *Bot) onEvent(ctx context.Context, env eventEnvelope) error {
	if env.Type != "event_callback" || env.EventID == "" || env.TeamID == "" {
		return nil
	}
	ev := env.Event
	if ev.Type != "app_mention" || ev.User == "" || ev.BotID != "" {
		return nil
	}
	text := strings.TrimSpace(mention.ReplaceAllString(ev.Text, ""))
	text = strings.TrimSpace(strings.TrimPrefix(text, "/sip"))
	if text == "" {
		text = "hjälp"
	}
	id := "ev:" + env.TeamID + ":" + env.EventID
	e := inboxEntry{Kind: kindMention, Team: env.TeamID, User: ev.User, Channel: ev.Channel, Text: text}
	first, err := b.accept(ctx, id, e, true)
	if err != nil || !first {
		return err
	}
	b.spawn(func(ctx context.Context) {
		cctx, cancel := context.WithTimeout(ctx, lateTimeout)
		defer cancel()
		b.run(cctx, e, func(ctx context.Context) { b.settle(ctx, id) })
	})
	return nil
}
