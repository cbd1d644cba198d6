package sip

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/samla-sip/samla/directory"
	"github.com/samla-sip/samla/internal/chat"
	"github.com/samla-sip/samla/internal/store"
)

// ident is who an actor is to the core.
type ident struct {
	Key   string // contact id, or platform:workspace:user when unknown
	Known bool   // found in the directory
	Person
}

// identify links a chat actor to a directory contact when possible: the
// contact id the platform gave, then the chat identity, then the e-mail.
func identify(dir *directory.Directory, who chat.Actor) ident {
	var c *directory.Contact
	if dir != nil {
		if who.ContactID != "" {
			c, _ = dir.Contact(who.ContactID)
		}
		if c == nil && who.UserID != "" {
			c, _ = dir.ContactByReach(who.Platform, who.Workspace, who.UserID)
		}
		if c == nil && who.Email != "" {
			c, _ = dir.ContactByEmail(who.Email)
		}
	}
	addr := who.Address()
	if c == nil {
		key := fmt.Sprintf("%s:%s:%s", who.Platform, who.Workspace, who.UserID)
		name := who.UserID
		if name == "" {
			name = key
		}
		return ident{Key: key, Person: Person{Key: key, Name: name, Address: addr}}
	}
	addr.ContactID = c.ID
	p := Person{Key: c.ID, Name: c.Name, ContactID: c.ID, Unit: c.Unit, Address: addr}
	if u, ok := dir.Unit(c.Unit); ok {
		p.UnitName = u.Name
	}
	return ident{Key: c.ID, Known: true, Person: p}
}

// userPrefs is the per-user record in bucket "user".
type userPrefs struct {
	Lang string `json:"lang"`
}

const bucketUser = "user"

// userLang is the user's chosen language, else the configured default.
func (s *Service) userLang(ctx context.Context, key string) string {
	rec, err := s.deps.Store.Get(ctx, bucketUser, key)
	if err != nil {
		if !errors.Is(err, store.ErrNotFound) {
			s.deps.Log.WarnContext(ctx, "sip: read user prefs", "err", err)
		}
		return s.deps.Lang
	}
	var p userPrefs
	if json.Unmarshal(rec.Value, &p) != nil || (p.Lang != "sv" && p.Lang != "en") {
		return s.deps.Lang
	}
	return p.Lang
}

func (s *Service) cmdLang(ctx context.Context, r *request, cmd Cmd) (chat.Reply, error) {
	lang := cmd.Args[0]
	b, err := json.Marshal(userPrefs{Lang: lang})
	if err != nil {
		return chat.Reply{}, fmt.Errorf("encode prefs: %w", err)
	}
	for range maxRetries {
		put := store.Put{Bucket: bucketUser, Key: r.me.Key, Value: b}
		rec, err := s.deps.Store.Get(ctx, bucketUser, r.me.Key)
		switch {
		case err == nil:
			put.Version = rec.Version
		case !errors.Is(err, store.ErrNotFound):
			return chat.Reply{}, fmt.Errorf("read prefs: %w", err)
		}
		err = s.deps.Store.Commit(ctx, store.Tx{Puts: []store.Put{put}})
		if errors.Is(err, store.ErrConflict) {
			continue
		}
		if err != nil {
			return chat.Reply{}, fmt.Errorf("save prefs: %w", err)
		}
		r.lang = lang
		return chat.Reply{Text: t(lang, "ok.lang")}, nil
	}
	return chat.Reply{}, fmt.Errorf("save prefs: %w", store.ErrConflict)
}
