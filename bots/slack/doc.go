// Package slack adapts Slack to Samla's platform-neutral chat interface
// (internal/chat): it serves the slash command, interactivity and Events API
// endpoints (or the same over Socket Mode), verifies every request with the
// signing secret, renders chat messages as Block Kit and delivers outbox
// messages through the Web API as a chat.Sender.
//
// It is the only package that imports slack-go. Request handlers never send
// bot messages themselves: they call the chat.Handler, whose messages reach
// Slack through the outbox and Sender. Only answers Slack expects from the
// request itself (the ephemeral reply, response_url, opening a modal) go
// out directly.
package slack
