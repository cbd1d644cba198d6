package sip

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/samla-sip/samla/directory"
	"github.com/samla-sip/samla/internal/chat"
	"github.com/samla-sip/samla/internal/i18n"
	"github.com/samla-sip/samla/internal/store"
)

// ident is who an actor is to the core.
type ident struct {
	Key   string // contact id, or platform:workspace:user when unknown
	Known bool   // found in the directory
	Person
}

// identify is who the actor is: the linked contact (link.go), or their
// chat identity when the directory does not know them. unresolved is true
// when the platform could not look them up just now and no stored link
// holds: they are asked to try again and nothing is filed under their
// bare chat id.
func (s *Service) identify(ctx context.Context, dir *directory.Directory, who chat.Actor) (me ident, unresolved bool) {
	c, unresolved := s.resolve(ctx, dir, who)
	addr := who.Address()
	if c == nil {
		key := chatKey(who.Platform, who.Workspace, who.UserID)
		name := who.UserID
		if name == "" {
			name = key
		}
		return ident{Key: key, Person: Person{Key: key, Name: name, Address: addr}}, unresolved
	}
	addr.ContactID = c.ID
	p := Person{Key: c.ID, Name: c.Name, ContactID: c.ID, Unit: c.Unit, Address: addr}
	if u, ok := dir.Unit(c.Unit); ok {
		p.UnitName = u.Name
	}
	return ident{Key: c.ID, Known: true, Person: p}, false
}

// chatKey is the key of a person the directory does not know: their chat
// identity.
func chatKey(platform, workspace, user string) string {
	return fmt.Sprintf("%s:%s:%s", platform, workspace, user)
}

// userPrefs is the per-user record in bucket "user".
type userPrefs struct {
	Lang string `json:"lang"`
}

const bucketUser = "user"

// langOf is the language of the person keyed key (a contact id, or
// platform:workspace:user) reached at addr: their /sip språk choice, else
// the locale their chat platform keeps for addr, else SAMLA_LANG.
func (s *Service) langOf(ctx context.Context, key string, addr chat.Address) string {
	if key == "" && addr.User != "" {
		key = chatKey(addr.Platform, addr.Workspace, addr.User)
	}
	if l, ok := s.chosenLang(ctx, key); ok {
		return l.String()
	}
	if l, ok := s.platformLang(ctx, addr); ok {
		return l.String()
	}
	return s.deps.Lang.String()
}

// LangOf is langOf for the packages that write to people about cases
// (reminders): the same choice, platform locale and default.
func (s *Service) LangOf(ctx context.Context, key string, addr chat.Address) i18n.Lang {
	return i18n.Lang(s.langOf(ctx, key, addr))
}

// chosenLang is the language the person chose with /sip språk.
func (s *Service) chosenLang(ctx context.Context, key string) (i18n.Lang, bool) {
	if key == "" {
		return "", false
	}
	rec, err := s.deps.Store.Get(ctx, bucketUser, key)
	if err != nil {
		if !errors.Is(err, store.ErrNotFound) {
			s.deps.Log.WarnContext(ctx, "sip: read user prefs", "err", err)
		}
		return "", false
	}
	var p userPrefs
	if json.Unmarshal(rec.Value, &p) != nil {
		return "", false
	}
	return i18n.Parse(p.Lang)
}

// localeTimeout bounds asking a platform for a person's locale.
const localeTimeout = time.Second

// platformLang is the language of the locale the person's chat platform
// keeps (Deps.Locales), when it is one Samla speaks.
func (s *Service) platformLang(ctx context.Context, addr chat.Address) (i18n.Lang, bool) {
	if s.deps.Locales == nil || addr.Platform == "" || addr.User == "" {
		return "", false
	}
	ctx, cancel := context.WithTimeout(ctx, localeTimeout)
	defer cancel()
	loc, err := s.deps.Locales.Locale(ctx, addr)
	if err != nil {
		s.deps.Log.WarnContext(ctx, "sip: read platform locale", "platform", addr.Platform, "err", err)
		return "", false
	}
	return i18n.Parse(loc)
}

// inviteeLang is the language of an invitation's recipient.
func (s *Service) inviteeLang(ctx context.Context, in *Invitation) string {
	var addr chat.Address
	if in.Address != nil {
		addr = *in.Address
	}
	return s.langOf(ctx, in.ContactID, addr)
}

func (s *Service) cmdLang(ctx context.Context, r *request, cmd Cmd) (chat.Reply, error) {
	l, ok := i18n.Parse(cmd.Args[0])
	if !ok {
		return chat.Reply{}, fmt.Errorf("lang: parser let %q through", cmd.Args[0])
	}
	lang := l.String()
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
