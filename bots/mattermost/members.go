package mattermost

import (
	"context"
	"net/http"
	"time"

	"github.com/samla-sip/samla/internal/chat"
)

// memberTTL is how long a channel membership is remembered: a user removed
// from a channel can answer its posts for at most this long.
const memberTTL = time.Minute

// maxMembers bounds the membership cache; when full it starts over.
const maxMembers = 10000

var _ chat.Membership = (*Bot)(nil)

// IsMember reports whether a Mattermost user (username) is a member of a
// channel (id) on the channel's server, from the channel members API;
// a yes is cached for a minute, a no is asked again.
func (b *Bot) IsMember(ctx context.Context, channel chat.Address, user string) (bool, error) {
	if channel.Platform != chat.Mattermost || channel.Channel == "" || user == "" {
		return false, nil
	}
	s, err := b.server(channel.Workspace)
	if err != nil {
		return false, err
	}
	id, err := s.userID(ctx, user)
	if err != nil {
		return false, err
	}
	key := channel.Channel + "/" + id
	now := b.opts.Now()
	s.mu.Lock()
	until, ok := s.members[key]
	s.mu.Unlock()
	if ok && now.Before(until) {
		return true, nil
	}
	_, resp, err := s.api.GetChannelMember(ctx, channel.Channel, id, "")
	if err != nil {
		if resp != nil && (resp.StatusCode == http.StatusNotFound || resp.StatusCode == http.StatusForbidden) {
			return false, nil
		}
		return false, classify(resp, err, "get channel member")
	}
	s.mu.Lock()
	if len(s.members) >= maxMembers {
		s.members = map[string]time.Time{}
	}
	s.members[key] = now.Add(memberTTL)
	s.mu.Unlock()
	return true, nil
}
