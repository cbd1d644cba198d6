package room

import (
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/samla-sip/samla/internal/chat"
	"github.com/samla-sip/samla/internal/sip"
	"github.com/samla-sip/samla/internal/store"
)

// Store buckets and once-keys of the room.
const (
	bucketLink    = "room-link"    // a staff link not yet opened, by the hash of its token
	bucketSession = "room-session" // a session, by the hash of its cookie
	onceUsed      = "room:used:"   // a link opened (single use, shared by replicas)
)

// OpenPath is where a staff link from chat leads (the token is in the
// query: the access log never records query strings).
const OpenPath = "/rum/in"

// ActionPrefix is the button action the room answers (sip.ActOpenRoom).
const ActionPrefix = sip.ActOpenRoom

// linkRecord is what a staff link stands for.
type linkRecord struct {
	Ref     string     `json:"ref"`
	Actor   chat.Actor `json:"actor"`
	Expires time.Time  `json:"expires"`
}

// newToken is 32 random bytes, URL-safe.
func newToken(r io.Reader) (string, error) {
	b := make([]byte, 32)
	if _, err := io.ReadFull(r, b); err != nil {
		return "", fmt.Errorf("room: random: %w", err)
	}
	return base64.RawURLEncoding.EncodeToString(b), nil
}

// tokenKey is how a token is stored: its hash, so a copy of the store
// opens nothing.
func tokenKey(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

// Link is a link into case ref's room for who, valid for LinkTTL and
// only once (sip.RoomLinks). Whether who may see the case is checked when
// it is opened, and again on every request after.
func (rm *Room) Link(ctx context.Context, who chat.Actor, ref string) (string, error) {
	token, err := newToken(rm.opts.Rand)
	if err != nil {
		return "", err
	}
	who.Channel = "" // where the press happened is not part of who it is
	rec := linkRecord{Ref: ref, Actor: who, Expires: rm.opts.Now().Add(rm.opts.LinkTTL)}
	b, err := json.Marshal(rec)
	if err != nil {
		return "", err
	}
	err = rm.opts.Store.Commit(ctx, store.Tx{Puts: []store.Put{{Bucket: bucketLink, Key: tokenKey(token), Value: b, TTL: rm.opts.LinkTTL}}})
	if err != nil {
		return "", fmt.Errorf("room: store link: %w", err)
	}
	return rm.opts.PublicURL + OpenPath + "?t=" + token, nil
}

// errLinkRefused covers every link that does not open: unknown, guessed,
// expired or used — the visitor is not told which.
var errLinkRefused = errors.New("room: link refused")

// redeem opens a staff link once: the use is recorded (store once-key,
// for as long as the link could have lived) before anything is shown.
func (rm *Room) redeem(ctx context.Context, token string) (linkRecord, error) {
	if len(token) < 40 || len(token) > 64 {
		return linkRecord{}, errLinkRefused
	}
	key := tokenKey(token)
	rec, err := rm.opts.Store.Get(ctx, bucketLink, key)
	if errors.Is(err, store.ErrNotFound) {
		return linkRecord{}, errLinkRefused
	}
	if err != nil {
		return linkRecord{}, fmt.Errorf("room: read link: %w", err)
	}
	var l linkRecord
	if err := json.Unmarshal(rec.Value, &l); err != nil {
		return linkRecord{}, fmt.Errorf("room: decode link: %w", err)
	}
	if !rm.opts.Now().Before(l.Expires) {
		return linkRecord{}, errLinkRefused
	}
	first, err := rm.opts.Store.Once(ctx, onceUsed+key, rm.opts.LinkTTL+time.Minute)
	if err != nil {
		return linkRecord{}, fmt.Errorf("room: record link use: %w", err)
	}
	if !first {
		return linkRecord{}, errLinkRefused
	}
	_ = rm.opts.Store.Commit(ctx, store.Tx{Deletes: []store.RecordRef{{Bucket: bucketLink, Key: key}}})
	return l, nil
}

// Act answers the "Öppna ärendet" button with a fresh link for the
// presser (a sip.ActionFunc for ActionPrefix).
func (rm *Room) Act(ctx context.Context, who chat.Actor, act chat.Action) chat.Reply {
	lang := rm.chatLang(ctx, who)
	ref := act.Value
	res, err := rm.opts.Core.View(ctx, who, ref)
	if err != nil || !mayEnter(res.Case) {
		return chat.Reply{Text: text(lang, "chat.notfound")}
	}
	link, err := rm.Link(ctx, who, res.Ref)
	if err != nil {
		rm.opts.Log.ErrorContext(ctx, "room: no link", "ref", ref, "err", err)
		return chat.Reply{Text: text(lang, "chat.nolink")}
	}
	return chat.Reply{Text: text(lang, "chat.link", res.Ref, link, int(rm.opts.LinkTTL.Minutes())), Ref: res.Ref}
}
