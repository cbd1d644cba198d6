package room

import (
	"context"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/samla-sip/samla/internal/chat"
	"github.com/samla-sip/samla/internal/store"
)

// cookieName is the session cookie; its value is a random token whose
// hash keys the session record.
const cookieName = "samla_rum"

// session is a staff member's visit to one case, started from a chat link.
type session struct {
	Actor   chat.Actor `json:"actor"`
	Ref     string     `json:"ref"`
	CSRF    string     `json:"csrf"`
	Created time.Time  `json:"created"`
	// Person is set for the individual's session (opened by a personal
	// link and its code): the role the link was made for, and the link,
	// checked on every request (a revoked link ends the session).
	Person  string `json:"person,omitempty"`
	LinkKey string `json:"link_key,omitempty"`

	key string
}

// startSession stores a new session for who in case ref and sets its cookie.
func (rm *Room) startSession(ctx context.Context, w http.ResponseWriter, who chat.Actor, ref string) error {
	return rm.storeSession(ctx, w, session{Actor: who, Ref: ref})
}

// storeSession stores s as a new session and sets its cookie.
func (rm *Room) storeSession(ctx context.Context, w http.ResponseWriter, s session) error {
	token, err := newToken(rm.opts.Rand)
	if err != nil {
		return err
	}
	csrf, err := newToken(rm.opts.Rand)
	if err != nil {
		return err
	}
	s.CSRF, s.Created = csrf, rm.opts.Now()
	b, err := json.Marshal(s)
	if err != nil {
		return err
	}
	err = rm.opts.Store.Commit(ctx, store.Tx{Puts: []store.Put{{Bucket: bucketSession, Key: tokenKey(token), Value: b, TTL: rm.opts.IdleTimeout}}})
	if err != nil {
		return fmt.Errorf("room: store session: %w", err)
	}
	http.SetCookie(w, rm.cookie(token, int(rm.opts.MaxSession.Seconds())))
	return nil
}

func (rm *Room) cookie(value string, maxAge int) *http.Cookie {
	return &http.Cookie{
		Name: cookieName, Value: value, Path: "/rum/", MaxAge: maxAge,
		HttpOnly: true, Secure: rm.secure, SameSite: http.SameSiteLaxMode,
	}
}

// errNoSession: no cookie, an unknown one, or a session past its idle or
// absolute limit.
var errNoSession = errors.New("room: no session")

// session returns the request's live session and extends its idle time.
func (rm *Room) session(r *http.Request) (*session, error) {
	c, err := r.Cookie(cookieName)
	if err != nil || len(c.Value) < 40 || len(c.Value) > 64 {
		return nil, errNoSession
	}
	ctx := r.Context()
	key := tokenKey(c.Value)
	rec, err := rm.opts.Store.Get(ctx, bucketSession, key)
	if errors.Is(err, store.ErrNotFound) {
		return nil, errNoSession
	}
	if err != nil {
		return nil, fmt.Errorf("room: read session: %w", err)
	}
	var s session
	if err := json.Unmarshal(rec.Value, &s); err != nil {
		return nil, fmt.Errorf("room: decode session: %w", err)
	}
	if rm.opts.Now().Sub(s.Created) >= rm.opts.MaxSession {
		rm.endSession(ctx, key)
		return nil, errNoSession
	}
	s.key = key
	// Sliding idle timeout: write it again with a fresh TTL. A conflict
	// means a parallel request just did the same.
	err = rm.opts.Store.Commit(ctx, store.Tx{Puts: []store.Put{{Bucket: bucketSession, Key: key, Value: rec.Value, Version: rec.Version, TTL: rm.opts.IdleTimeout}}})
	if err != nil && !errors.Is(err, store.ErrConflict) {
		return nil, fmt.Errorf("room: extend session: %w", err)
	}
	return &s, nil
}

func (rm *Room) endSession(ctx context.Context, key string) {
	if err := rm.opts.Store.Commit(ctx, store.Tx{Deletes: []store.RecordRef{{Bucket: bucketSession, Key: key}}}); err != nil {
		rm.opts.Log.WarnContext(ctx, "room: end session", "err", err)
	}
}

// validCSRF checks a form's token against the session's.
func (s *session) validCSRF(r *http.Request) bool {
	got := r.PostFormValue("csrf")
	return got != "" && subtle.ConstantTimeCompare([]byte(got), []byte(s.CSRF)) == 1
}
