// Package mattermost adapts Mattermost to Samla's platform-neutral chat
// interface: the /sip slash command, interactive dialogs, message-attachment
// buttons and a Sender that delivers bot posts as direct messages.
//
// Mattermost does not sign its callbacks, so every button context and every
// dialog state this package emits carries an HMAC over what it may do, for
// whom and until when; anything else is refused before it reaches the core.
// It is the only package that imports the Mattermost SDK.
package mattermost
