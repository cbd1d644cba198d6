package chat

import "context"

// Membership tells whether a user is a member of a team channel (Slack
// conversations.members, Mattermost channel members): a message posted to
// a channel may be answered by its members on that workspace or server.
// user is the platform's user as in Address.User.
type Membership interface {
	IsMember(ctx context.Context, channel Address, user string) (bool, error)
}

// Memberships asks the platform of the channel; on a platform not in the
// map (the console, e-mail) nobody is a member of anything.
type Memberships map[string]Membership

// IsMember implements Membership.
func (m Memberships) IsMember(ctx context.Context, channel Address, user string) (bool, error) {
	src, ok := m[channel.Platform]
	if !ok || src == nil || channel.Channel == "" || user == "" {
		return false, nil
	}
	return src.IsMember(ctx, channel, user)
}
