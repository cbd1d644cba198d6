package slack

import (
	"encoding/json"
	"net/http"
)

// Routes returns the bot's HTTP handlers by ServeMux pattern.
func (b *Bot) Routes() map[string]http.Handler {
	return map[string]http.Handler{
		"POST /slack/commands":     b.verified(b.serveCommand),
		"POST /slack/interactions": b.verified(b.serveInteraction),
		"POST /slack/events":       b.verified(b.serveEvent),
	}
}

// Mount registers the bot's endpoints on mux (e.g. *http.ServeMux).
func (b *Bot) Mount(mux interface{ Handle(string, http.Handler) }) {
	for pattern, h := range b.Routes() {
		mux.Handle(pattern, h)
	}
}

// verified wraps a handler with the body limit and signature check;
// nothing reaches next unless the request is genuine.
func (b *Bot) verified(next func(http.ResponseWriter, *http.Request, []byte)) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, ok := b.readVerified(w, r)
		if !ok {
			return
		}
		next(w, r, body)
	})
}

// writeJSON writes v as the JSON response body; nil is an empty 200.
func writeJSON(w http.ResponseWriter, v any) {
	if v == nil {
		w.WriteHeader(http.StatusOK)
		return
	}
	raw, err := json.Marshal(v)
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	_, _ = w.Write(raw)
}
