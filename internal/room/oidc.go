package room

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"sync"
	"time"

	"github.com/coreos/go-oidc/v3/oidc"
	"golang.org/x/oauth2"

	"github.com/samla-sip/samla/internal/chat"
	"github.com/samla-sip/samla/internal/store"
)

// OIDC lets staff sign in with their organisation's OpenID Connect
// provider (e.g. a region's IdP behind SITHS) instead of coming from chat.
// They are matched to a directory contact by e-mail or HSA-id; the
// session then opens every case the core lets that contact see.
type OIDC struct {
	Issuer       string
	ClientID     string
	ClientSecret string
	// Contact finds the directory contact of a signed-in person by a
	// verified e-mail address or an HSA-id ("" when the token has none).
	Contact func(email, hsaID string) (contactID string, ok bool)
}

const (
	bucketOIDC  = "room-oidc" // a sign-in under way, by the hash of its state
	oidcCookie  = "samla_oidc"
	oidcPath    = "/rum/oidc"
	loginPath   = "/rum/login"
	oidcTimeout = 10 * time.Minute
)

// oidcFlow is a sign-in under way.
type oidcFlow struct {
	Nonce    string `json:"nonce"`
	Verifier string `json:"verifier"`
}

// oidcClient is the provider, discovered at the first sign-in (so a
// provider that is down does not keep Samla from starting).
type oidcClient struct {
	opts     OIDC
	redirect string
	mu       sync.Mutex
	provider *oidc.Provider
}

func (c *oidcClient) config(ctx context.Context) (*oauth2.Config, *oidc.IDTokenVerifier, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.provider == nil {
		p, err := oidc.NewProvider(ctx, c.opts.Issuer)
		if err != nil {
			return nil, nil, fmt.Errorf("room: oidc discovery: %w", err)
		}
		c.provider = p
	}
	cfg := &oauth2.Config{
		ClientID: c.opts.ClientID, ClientSecret: c.opts.ClientSecret, RedirectURL: c.redirect,
		Endpoint: c.provider.Endpoint(), Scopes: []string{oidc.ScopeOpenID, "email", "profile"},
	}
	return cfg, c.provider.Verifier(&oidc.Config{ClientID: c.opts.ClientID}), nil
}

func (c *oidcClient) userInfo(ctx context.Context, cfg *oauth2.Config, tok *oauth2.Token) (*oidc.UserInfo, error) {
	c.mu.Lock()
	p := c.provider
	c.mu.Unlock()
	return p.UserInfo(ctx, cfg.TokenSource(ctx, tok))
}

// login starts a sign-in: state and nonce (and a PKCE verifier) are kept
// in the store for ten minutes, the state also in a cookie of this browser.
func (rm *Room) login(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	cfg, _, err := rm.oidc.config(ctx)
	if err != nil {
		rm.fail(w, r, err)
		return
	}
	state, err1 := newToken(rm.opts.Rand)
	nonce, err2 := newToken(rm.opts.Rand)
	if err := errors.Join(err1, err2); err != nil {
		rm.fail(w, r, err)
		return
	}
	flow := oidcFlow{Nonce: nonce, Verifier: oauth2.GenerateVerifier()}
	b, _ := json.Marshal(flow)
	if err := rm.opts.Store.Commit(ctx, store.Tx{Puts: []store.Put{{Bucket: bucketOIDC, Key: tokenKey(state), Value: b, TTL: oidcTimeout}}}); err != nil {
		rm.fail(w, r, err)
		return
	}
	http.SetCookie(w, &http.Cookie{Name: oidcCookie, Value: state, Path: oidcPath, MaxAge: int(oidcTimeout.Seconds()),
		HttpOnly: true, Secure: rm.secure, SameSite: http.SameSiteLaxMode})
	http.Redirect(w, r, cfg.AuthCodeURL(state, oidc.Nonce(nonce), oauth2.S256ChallengeOption(flow.Verifier)), http.StatusFound)
}

// callback finishes a sign-in: the state must match this browser's and be
// unused, the ID token valid for this client with the nonce, and its
// e-mail (verified) or HSA-id a contact of the directory.
func (rm *Room) callback(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	state := r.URL.Query().Get("state")
	c, err := r.Cookie(oidcCookie)
	if err != nil || state == "" || c.Value != state {
		rm.page(w, r, http.StatusForbidden, "message.html", rm.message(r, "oidc.failed"))
		return
	}
	http.SetCookie(w, &http.Cookie{Name: oidcCookie, Path: oidcPath, MaxAge: -1})
	key := tokenKey(state)
	rec, err := rm.opts.Store.Get(ctx, bucketOIDC, key)
	first, oerr := rm.opts.Store.Once(ctx, onceUsed+"oidc:"+key, oidcTimeout)
	if err != nil || oerr != nil || !first {
		rm.page(w, r, http.StatusForbidden, "message.html", rm.message(r, "oidc.failed"))
		return
	}
	_ = rm.opts.Store.Commit(ctx, store.Tx{Deletes: []store.RecordRef{{Bucket: bucketOIDC, Key: key}}})
	var flow oidcFlow
	if err := json.Unmarshal(rec.Value, &flow); err != nil {
		rm.fail(w, r, err)
		return
	}
	cfg, verifier, err := rm.oidc.config(ctx)
	if err != nil {
		rm.fail(w, r, err)
		return
	}
	tok, err := cfg.Exchange(ctx, r.URL.Query().Get("code"), oauth2.VerifierOption(flow.Verifier))
	if err != nil {
		rm.opts.Log.WarnContext(ctx, "room: oidc code exchange failed", "err", err)
		rm.page(w, r, http.StatusForbidden, "message.html", rm.message(r, "oidc.failed"))
		return
	}
	raw, _ := tok.Extra("id_token").(string)
	idt, err := verifier.Verify(ctx, raw)
	if err != nil || idt.Nonce != flow.Nonce {
		rm.opts.Log.WarnContext(ctx, "room: oidc id token refused", "err", err)
		rm.page(w, r, http.StatusForbidden, "message.html", rm.message(r, "oidc.failed"))
		return
	}
	var claims struct {
		Email         string `json:"email"`
		EmailVerified bool   `json:"email_verified"`
		HSAID         string `json:"hsa_id"`
	}
	if err := idt.Claims(&claims); err != nil {
		rm.fail(w, r, err)
		return
	}
	if claims.Email == "" && claims.HSAID == "" {
		// Many providers put the e-mail only in the userinfo answer.
		ui, err := rm.oidc.userInfo(ctx, cfg, tok)
		if err != nil || ui.Subject != idt.Subject {
			rm.opts.Log.WarnContext(ctx, "room: oidc userinfo failed", "err", err)
			rm.page(w, r, http.StatusForbidden, "message.html", rm.message(r, "oidc.failed"))
			return
		}
		claims.Email, claims.EmailVerified = ui.Email, ui.EmailVerified
		_ = ui.Claims(&claims)
	}
	email := claims.Email
	if !claims.EmailVerified {
		email = ""
	}
	contact, ok := rm.oidc.opts.Contact(email, claims.HSAID)
	if !ok {
		rm.opts.Log.InfoContext(ctx, "room: oidc sign-in without a directory contact")
		rm.page(w, r, http.StatusForbidden, "message.html", rm.message(r, "oidc.unknown"))
		return
	}
	who := chat.Actor{Platform: "oidc", UserID: idt.Subject, ContactID: contact}
	if err := rm.storeSession(ctx, w, session{Actor: who}); err != nil {
		rm.fail(w, r, err)
		return
	}
	rm.opts.Log.InfoContext(ctx, "room: signed in with oidc", "contact", contact)
	http.Redirect(w, r, "/rum/", http.StatusSeeOther)
}

// cases lists the cases of a signed-in member of staff.
func (rm *Room) cases(w http.ResponseWriter, r *http.Request) {
	s, err := rm.session(r)
	if err != nil || s.Person != "" || s.Ref != "" {
		v := rm.message(r, "expired")
		v.Login = rm.oidc != nil
		rm.page(w, r, http.StatusUnauthorized, "message.html", v)
		return
	}
	res, err := rm.opts.Core.Mine(r.Context(), s.Actor)
	if err != nil {
		rm.fail(w, r, err)
		return
	}
	v := rm.baseView(r, text(rm.lang(r), "cases"))
	v.CSRF, v.Cases = s.CSRF, res.Cases
	rm.page(w, r, http.StatusOK, "cases.html", v)
}
