package mattermost

import (
	"context"
	"fmt"
	"net/http"

	"github.com/mattermost/mattermost/server/public/model"

	"github.com/samla-sip/samla/directory"
	"github.com/samla-sip/samla/internal/chat"
	"github.com/samla-sip/samla/internal/sip"
)

// botID returns the bot account's own user id.
func (s *server) botID(ctx context.Context) (string, error) {
	s.mu.Lock()
	id := s.botUser
	s.mu.Unlock()
	if id != "" {
		return id, nil
	}
	u, resp, err := s.api.GetMe(ctx, "")
	if err != nil {
		return "", classify(resp, err, "get bot user")
	}
	s.mu.Lock()
	s.botUser = u.Id
	s.mu.Unlock()
	return u.Id, nil
}

// userID resolves a username or a user id to a user id.
func (s *server) userID(ctx context.Context, user string) (string, error) {
	if user == "" {
		return "", fmt.Errorf("mattermost: no user in address: %w", chat.ErrPermanent)
	}
	s.mu.Lock()
	id, ok := s.userIDs[user]
	s.mu.Unlock()
	if ok {
		return id, nil
	}
	var u *model.User
	var resp *model.Response
	var err error
	if model.IsValidId(user) {
		u, resp, err = s.api.GetUser(ctx, user, "")
		if err != nil && (resp == nil || resp.StatusCode != http.StatusNotFound) {
			return "", classify(resp, err, "find user")
		}
	}
	if u == nil {
		u, resp, err = s.api.GetUserByUsername(ctx, user, "")
	}
	if err != nil {
		return "", classify(resp, err, "find user")
	}
	s.remember(u)
	return u.Id, nil
}

// user returns a user's profile (for linking by e-mail), cached.
func (s *server) user(ctx context.Context, id string) (*model.User, error) {
	s.mu.Lock()
	u, ok := s.users[id]
	s.mu.Unlock()
	if ok {
		return u, nil
	}
	u, resp, err := s.api.GetUser(ctx, id, "")
	if err != nil {
		return nil, classify(resp, err, "get user")
	}
	s.remember(u)
	return u, nil
}

func (s *server) remember(u *model.User) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.userIDs[u.Username] = u.Id
	s.userIDs[u.Id] = u.Id
	s.users[u.Id] = u
}

// dmChannel returns the direct-message channel between the bot and a user.
func (s *server) dmChannel(ctx context.Context, userID string) (string, error) {
	s.mu.Lock()
	ch, ok := s.dms[userID]
	s.mu.Unlock()
	if ok {
		return ch, nil
	}
	bot, err := s.botID(ctx)
	if err != nil {
		return "", err
	}
	c, resp, err := s.api.CreateDirectChannel(ctx, bot, userID)
	if err != nil {
		return "", classify(resp, err, "open direct channel")
	}
	s.mu.Lock()
	s.dms[userID] = c.Id
	s.dmUsers[c.Id] = userID
	s.mu.Unlock()
	return c.Id, nil
}

// channelUser returns the user a direct-message channel with the bot is
// with, or "*" for any other channel (buttons there are for anyone in it).
func (s *server) channelUser(ctx context.Context, channelID string) (string, error) {
	s.mu.Lock()
	u, ok := s.dmUsers[channelID]
	s.mu.Unlock()
	if ok {
		return u, nil
	}
	c, resp, err := s.api.GetChannel(ctx, channelID, "")
	if err != nil {
		return "", classify(resp, err, "get channel")
	}
	if c.Type != model.ChannelTypeDirect {
		return anyUser, nil
	}
	bot, err := s.botID(ctx)
	if err != nil {
		return "", err
	}
	other := c.GetOtherUserIdForDM(bot)
	if other == "" {
		return anyUser, nil
	}
	s.mu.Lock()
	s.dmUsers[channelID] = other
	s.dms[other] = channelID
	s.mu.Unlock()
	return other, nil
}

// anyUser marks a button anyone who sees it may press.
const anyUser = "*"

// actor builds the chat actor for the Mattermost user the server asserted
// (user_id; the request's user_name is never trusted): named by the
// username the API gives for that id (cached), which is what the
// directory's reach names, and linked to the directory by reach (server +
// username) or else by the user's e-mail — when Mattermost has verified
// it or the operator trusts the server's addresses (EmailTrusted).
func (b *Bot) actor(ctx context.Context, s *server, userID, channel string) chat.Actor {
	a := chat.Actor{Platform: chat.Mattermost, Workspace: s.name, UserID: userID, Channel: channel}
	profile, err := s.user(ctx, userID)
	if err != nil {
		// Not who it is now: the core asks them to try again rather than
		// file anything under the bare id.
		b.opts.Log.WarnContext(ctx, "mattermost: cannot read user", "server", s.name, "user_id", userID, "err", err)
		a.Unresolved = true
		return a
	}
	a.UserID = profile.Username
	var dir *directory.Directory
	if b.opts.Directory != nil {
		dir = b.opts.Directory.Current()
	}
	if dir == nil {
		return a
	}
	if c, ok := dir.ContactByReach(chat.Mattermost, s.name, a.UserID); ok {
		a.ContactID = c.ID
		return a
	}
	a.Email = profile.Email
	if profile.Email == "" {
		return a
	}
	c, ok := dir.ContactByEmail(profile.Email)
	if !ok {
		return a
	}
	if !profile.EmailVerified && !s.emailTrusted {
		// Anyone can type a colleague's address into their profile on a
		// server that does not verify it: no link, and a security event
		// (ids only).
		b.opts.Log.WarnContext(ctx, "mattermost: security: e-mail link refused, address not verified",
			"server", s.name, "user_id", userID, "contact", c.ID)
		if b.opts.Security != nil {
			b.opts.Security(chat.Mattermost, sip.EventLinkUnverified)
		}
		a.Email = ""
		return a
	}
	a.ContactID = c.ID
	return a
}

// Locale is the locale Mattermost keeps for a user (the user's locale
// setting, e.g. "en"), "" when it has none. The profile is the one cached
// for sending and linking.
func (b *Bot) Locale(ctx context.Context, of chat.Address) (string, error) {
	if of.Platform != chat.Mattermost || of.User == "" {
		return "", nil
	}
	s, err := b.server(of.Workspace)
	if err != nil {
		return "", err
	}
	id, err := s.userID(ctx, of.User)
	if err != nil {
		return "", err
	}
	u, err := s.user(ctx, id)
	if err != nil {
		return "", err
	}
	return u.Locale, nil
}
