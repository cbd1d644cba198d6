package sip

import (
	"slices"

	"github.com/samla-sip/samla/directory"
	"github.com/samla-sip/samla/internal/chat"
)

// AddressOf maps a directory channel to a chat address: a direct message
// when the reach names a user, else a post in its team channel. E-mail and
// phone are not chat addresses (false): a person makes that contact.
func AddressOf(ch directory.Reach, contactID string) (chat.Address, bool) {
	var platform, space string
	switch ch.Kind {
	case chat.Slack:
		platform, space = chat.Slack, ch.Workspace
	case chat.Mattermost:
		platform, space = chat.Mattermost, ch.Server
	default:
		return chat.Address{}, false
	}
	a := chat.Address{Platform: platform, Workspace: space, ContactID: contactID}
	switch {
	case ch.User != "":
		a.User = ch.User
	case ch.Channel != "":
		a.Channel = ch.Channel
	default:
		return chat.Address{}, false
	}
	return a, true
}

// bestReach picks a contact's channel the way routing does: chat first,
// then e-mail, then phone.
func bestReach(c *directory.Contact) (directory.Reach, bool) {
	for _, kinds := range [][]string{{chat.Slack, chat.Mattermost}, {"email"}, {"phone"}} {
		for _, r := range c.Reach {
			if slices.Contains(kinds, r.Kind) && reachable(r) {
				return r, true
			}
		}
	}
	return directory.Reach{}, false
}
