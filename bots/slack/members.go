package slack

import (
	"context"
	"slices"
	"sync"
	"time"

	slackgo "github.com/slack-go/slack"

	"github.com/samla-sip/samla/internal/chat"
)

// memberTTL is how long a channel's member list is kept: a user removed
// from a channel can answer its messages for at most this long.
const memberTTL = time.Minute

// maxMemberPages bounds conversations.members paging (1,000 a page).
const maxMemberPages = 20

// memberCache keeps channel member lists (team/channel → user ids).
type memberCache struct {
	mu      sync.Mutex
	entries map[string]memberEntry
}

type memberEntry struct {
	users   []string // sorted
	expires time.Time
}

// IsMember reports whether a Slack user is a member of a channel of the
// same workspace (conversations.members, cached for a minute).
func (b *Bot) IsMember(ctx context.Context, channel chat.Address, user string) (bool, error) {
	if channel.Platform != chat.Slack || channel.Channel == "" || user == "" {
		return false, nil
	}
	key := channel.Workspace + "/" + channel.Channel
	now := b.now()
	b.members.mu.Lock()
	e, ok := b.members.entries[key]
	b.members.mu.Unlock()
	if !ok || now.After(e.expires) {
		users, err := b.channelMembers(ctx, channel.Workspace, channel.Channel)
		if err != nil {
			return false, err
		}
		slices.Sort(users)
		e = memberEntry{users: users, expires: now.Add(memberTTL)}
		b.members.mu.Lock()
		if b.members.entries == nil || len(b.members.entries) >= maxLinkEntries {
			b.members.entries = map[string]memberEntry{}
		}
		b.members.entries[key] = e
		b.members.mu.Unlock()
	}
	_, found := slices.BinarySearch(e.users, user)
	return found, nil
}

// channelMembers reads every page of conversations.members.
func (b *Bot) channelMembers(ctx context.Context, team, channel string) ([]string, error) {
	api, err := b.client(team)
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(ctx, lookupTimeout)
	defer cancel()
	var all []string
	cursor := ""
	for range maxMemberPages {
		users, next, err := api.GetUsersInConversationContext(ctx, &slackgo.GetUsersInConversationParameters{
			ChannelID: channel, Cursor: cursor, Limit: 1000,
		})
		if err != nil {
			return nil, classify("conversations.members", err)
		}
		all = append(all, users...)
		if next == "" {
			break
		}
		cursor = next
	}
	return all, nil
}
