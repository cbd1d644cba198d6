package slack

import (
	"context"
	"errors"
	"sync"
	"time"

	slackgo "github.com/slack-go/slack"

	"github.com/samla-sip/samla/directory"
	"github.com/samla-sip/samla/internal/chat"
)

// lookupTimeout bounds the users.info call made while a request waits.
const lookupTimeout = 800 * time.Millisecond

// linkCache remembers what users.info says of Slack users (team+user →
// e-mail and locale, "" when Slack gave none) so users.info is called once
// per hour per user, not on every request. The contact itself is resolved against
// the directory in service on every request, so a reload takes effect.
type linkCache struct {
	now func() time.Time
	ttl time.Duration

	mu      sync.Mutex
	entries map[string]linkEntry
}

type linkEntry struct {
	profile
	expires time.Time
}

// profile is what Samla reads of a Slack user.
type profile struct {
	email  string
	locale string // e.g. "en-US", from users.info with include_locale
	// unresolved: users.info failed just now (rate limited, slow, down);
	// never cached.
	unresolved bool
}

// maxLinkEntries bounds the cache; when full it starts over.
const maxLinkEntries = 10000

func newLinkCache(now func() time.Time, ttl time.Duration) *linkCache {
	return &linkCache{now: now, ttl: ttl, entries: map[string]linkEntry{}}
}

func (c *linkCache) get(key string) (profile, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[key]
	if !ok || c.now().After(e.expires) {
		return profile{}, false
	}
	return e.profile, true
}

func (c *linkCache) put(key string, p profile) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.entries) >= maxLinkEntries {
		c.entries = map[string]linkEntry{}
	}
	c.entries[key] = linkEntry{profile: p, expires: c.now().Add(c.ttl)}
}

// actor builds the chat.Actor of a Slack user, linked to a directory
// contact by its reach.slack entry, or else by the e-mail address Slack
// has for the user (users.info, the workspace's profile e-mail) matched
// against the contacts' e-mail. The core checks that the contact's
// organisation controls the workspace. When users.info fails just now the
// actor is Unresolved: the core uses the link it stored, or asks the user
// to try again.
func (b *Bot) actor(ctx context.Context, team, user, channel string) chat.Actor {
	who := chat.Actor{Platform: chat.Slack, Workspace: team, UserID: user, Channel: channel}
	dir := b.currentDirectory()
	if dir != nil {
		if c, ok := dir.ContactByReach(chat.Slack, team, user); ok {
			who.ContactID = c.ID
			return who
		}
	}
	p := b.profile(ctx, team, user)
	who.Email, who.Unresolved = p.email, p.unresolved
	if dir != nil && who.Email != "" {
		if c, ok := dir.ContactByEmail(who.Email); ok {
			who.ContactID = c.ID
		}
	}
	return who
}

// currentDirectory is the directory in service, or nil.
func (b *Bot) currentDirectory() *directory.Directory {
	if b.dir == nil {
		return nil
	}
	return b.dir.Current()
}

// profile is the user's e-mail address and locale from users.info, cached.
func (b *Bot) profile(ctx context.Context, team, user string) profile {
	key := team + "/" + user
	if p, ok := b.links.get(key); ok {
		return p
	}
	api, err := b.client(team)
	if err != nil {
		return profile{}
	}
	ctx, cancel := context.WithTimeout(ctx, lookupTimeout)
	defer cancel()
	u, err := api.GetUserInfoContext(ctx, user, slackgo.GetUserInfoOptionIncludeLocale(true))
	if err != nil {
		err = classify("users.info", err)
		b.log.Warn("slack: users.info failed", "team", team, "error", err)
		if errors.Is(err, chat.ErrPermanent) { // e.g. missing_scope: do not ask on every request
			b.links.put(key, profile{})
			return profile{}
		}
		return profile{unresolved: true}
	}
	p := profile{email: u.Profile.Email, locale: u.Locale}
	b.links.put(key, p)
	return p
}

// Locale is the locale Slack keeps for a user (users.info with
// include_locale, cached with the e-mail), "" when it gave none.
func (b *Bot) Locale(ctx context.Context, of chat.Address) (string, error) {
	if of.Platform != chat.Slack || of.User == "" {
		return "", nil
	}
	return b.profile(ctx, of.Workspace, of.User).locale, nil
}
