package sip

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/samla-sip/samla/directory"
	"github.com/samla-sip/samla/internal/chat"
	"github.com/samla-sip/samla/internal/store"
)

// Linking a Slack or Mattermost user to a directory contact (issue 16):
// the contact's organisation must control the user's workspace or server
// (directory chat:), whatever matched — the platform's link, the reach
// entry or an e-mail the platform vouches for. The first link is kept in
// the store (shared by replicas), so a platform that cannot look the user
// up right now never changes who owns a case; it is checked against the
// directory in service every time it is used.

// Security event kinds, the label of samla_security_events_total.
const (
	// EventLinkUncontrolled: a chat user matched a contact on a workspace
	// or server the contact's organisation does not control.
	EventLinkUncontrolled = "link_uncontrolled"
	// EventLinkUnverified: an e-mail the platform does not vouch for
	// matched a contact (reported by the Mattermost adapter).
	EventLinkUnverified = "link_unverified"
	// EventButtonForbidden: a button pressed by someone it was not for.
	EventButtonForbidden = "button_forbidden"
)

// bucketLink holds chat identity (platform:workspace:user) → linkRecord.
const bucketLink = "link"

type linkRecord struct {
	Contact string    `json:"contact"`
	At      time.Time `json:"at"`
}

// linkedOnChat reports whether a platform's users are linked under the
// organisations' chat: declarations (the console and e-mail vouch for
// their users themselves).
func linkedOnChat(platform string) bool {
	return platform == chat.Slack || platform == chat.Mattermost
}

// resolve links who to a contact, or nil. unresolved is true when the
// platform could not look the user up just now and no stored link holds.
func (s *Service) resolve(ctx context.Context, dir *directory.Directory, who chat.Actor) (c *directory.Contact, unresolved bool) {
	if dir == nil {
		return nil, who.Unresolved
	}
	c = match(dir, who)
	if !linkedOnChat(who.Platform) {
		return c, false
	}
	if c != nil && !dir.Controls(c, who.Platform, who.Workspace) {
		s.security(ctx, who.Platform, EventLinkUncontrolled,
			"workspace", who.Workspace, "user_id", who.UserID, "contact", c.ID)
		c = nil
	}
	if who.UserID == "" {
		return c, false
	}
	key := chatKey(who.Platform, who.Workspace, who.UserID)
	if c != nil {
		s.keepLink(ctx, key, c.ID)
		return c, false
	}
	stored, err := s.storedLink(ctx, dir, who, key)
	if err != nil {
		s.deps.Log.WarnContext(ctx, "sip: read stored link", "err", err)
		return nil, who.Unresolved
	}
	if stored != nil {
		return stored, false
	}
	return nil, who.Unresolved
}

// match is the contact the actor's ids point at, before the trust check:
// the platform's link, the chat identity, then the e-mail (which the
// platform sets only when it vouches for it).
func match(dir *directory.Directory, who chat.Actor) *directory.Contact {
	if who.ContactID != "" {
		if c, ok := dir.Contact(who.ContactID); ok {
			return c
		}
	}
	if who.UserID != "" {
		if c, ok := dir.ContactByReach(who.Platform, who.Workspace, who.UserID); ok {
			return c
		}
	}
	if who.Email != "" {
		if c, ok := dir.ContactByEmail(who.Email); ok {
			return c
		}
	}
	return nil
}

// keepLink stores the link of a chat identity when it is new or changed
// (the directory moved the user to another contact). A failure is logged:
// the link is made again on the next request.
func (s *Service) keepLink(ctx context.Context, key, contact string) {
	rec, err := s.deps.Store.Get(ctx, bucketLink, key)
	put := store.Put{Bucket: bucketLink, Key: key}
	switch {
	case err == nil:
		var old linkRecord
		if json.Unmarshal(rec.Value, &old) == nil && old.Contact == contact {
			return
		}
		put.Version = rec.Version
	case !errors.Is(err, store.ErrNotFound):
		s.deps.Log.WarnContext(ctx, "sip: read stored link", "err", err)
		return
	}
	put.Value, err = json.Marshal(linkRecord{Contact: contact, At: s.deps.Now().UTC()})
	if err == nil {
		err = s.deps.Store.Commit(ctx, store.Tx{Puts: []store.Put{put}})
	}
	if err != nil && !errors.Is(err, store.ErrConflict) { // a conflict: another replica stored it
		s.deps.Log.WarnContext(ctx, "sip: store link", "err", err)
	}
}

// storedLink is the contact a chat identity was linked to, when the
// directory in service still has it and its organisation still controls
// the workspace or server; nil otherwise.
func (s *Service) storedLink(ctx context.Context, dir *directory.Directory, who chat.Actor, key string) (*directory.Contact, error) {
	rec, err := s.deps.Store.Get(ctx, bucketLink, key)
	if errors.Is(err, store.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var l linkRecord
	if err := json.Unmarshal(rec.Value, &l); err != nil {
		return nil, fmt.Errorf("decode link: %w", err)
	}
	c, ok := dir.Contact(l.Contact)
	if !ok || !dir.Controls(c, who.Platform, who.Workspace) {
		s.deps.Log.InfoContext(ctx, "sip: stored link no longer holds in the directory", "contact", l.Contact)
		return nil, nil
	}
	return c, nil
}

// security logs a security event (ids only) and counts it.
func (s *Service) security(ctx context.Context, platform, event string, ids ...any) {
	s.deps.Log.WarnContext(ctx, "sip: security: "+event, append([]any{"platform", platform}, ids...)...)
	if s.deps.Security != nil {
		s.deps.Security(platform, event)
	}
}
