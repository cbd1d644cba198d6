package mattermost

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"

	"github.com/mattermost/mattermost/server/public/model"

	"github.com/samla-sip/samla/internal/chat"
)

// Send posts msg as the bot: to the address's channel when it names one,
// else as a direct message to its user (a username or a user id). Buttons
// are signed for the recipient. The idempotency key becomes the post's
// pending_post_id, which Mattermost deduplicates for a while.
func (b *Bot) Send(ctx context.Context, to chat.Address, msg chat.Message, key string) (chat.Ref, error) {
	s, err := b.server(to.Workspace)
	if err != nil {
		return chat.Ref{}, err
	}
	channel, user := to.Channel, anyUser
	if to.User != "" {
		if user, err = s.userID(ctx, to.User); err != nil {
			return chat.Ref{}, err
		}
	}
	if channel == "" {
		if to.User == "" {
			return chat.Ref{}, fmt.Errorf("mattermost: address without user or channel: %w", chat.ErrPermanent)
		}
		if channel, err = s.dmChannel(ctx, user); err != nil {
			return chat.Ref{}, err
		}
	}
	message, props := b.render(s.name, user, msg)
	post := &model.Post{ChannelId: channel, Message: message, PendingPostId: pendingID(key)}
	post.SetProps(props)
	created, resp, err := s.api.CreatePost(ctx, post)
	if err != nil {
		return chat.Ref{}, classify(resp, err, "create post")
	}
	return chat.Ref{Platform: chat.Mattermost, Workspace: s.name, Channel: created.ChannelId, ID: created.Id}, nil
}

// Update replaces a delivered post's text, fields and buttons in place.
func (b *Bot) Update(ctx context.Context, ref chat.Ref, msg chat.Message) error {
	s, err := b.server(ref.Workspace)
	if err != nil {
		return err
	}
	user := anyUser
	if len(msg.Buttons) > 0 {
		if user, err = s.channelUser(ctx, ref.Channel); err != nil {
			return err
		}
	}
	message, props := b.render(s.name, user, msg)
	patch := &model.PostPatch{Message: &message, Props: &props}
	if _, resp, err := s.api.PatchPost(ctx, ref.ID, patch); err != nil {
		return classify(resp, err, "update post")
	}
	return nil
}

// server returns the named server or a permanent error.
func (b *Bot) server(name string) (*server, error) {
	s, ok := b.servers[name]
	if !ok {
		return nil, fmt.Errorf("mattermost: unknown server %q: %w", name, chat.ErrPermanent)
	}
	return s, nil
}

// pendingID maps an idempotency key to a pending_post_id.
func pendingID(key string) string {
	if key == "" {
		return ""
	}
	sum := sha256.Sum256([]byte(key))
	return "samla" + hex.EncodeToString(sum[:16])
}
