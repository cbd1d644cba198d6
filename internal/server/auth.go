package server

import (
	"crypto/sha256"
	"crypto/subtle"
	"net/http"
	"strings"
)

// tokenSet checks bearer tokens in constant time: every configured token
// is compared (as a SHA-256 digest, so lengths do not leak), no early exit.
type tokenSet struct{ digests [][sha256.Size]byte }

func newTokenSet(tokens []string) tokenSet {
	var ts tokenSet
	for _, t := range tokens {
		if t = strings.TrimSpace(t); t != "" {
			ts.digests = append(ts.digests, sha256.Sum256([]byte(t)))
		}
	}
	return ts
}

func (ts tokenSet) empty() bool { return len(ts.digests) == 0 }

func (ts tokenSet) valid(token string) bool {
	d := sha256.Sum256([]byte(token))
	match := 0
	for i := range ts.digests {
		match |= subtle.ConstantTimeCompare(d[:], ts.digests[i][:])
	}
	return match == 1
}

// bearerToken returns the token of an "Authorization: Bearer …" header.
func bearerToken(r *http.Request) (string, bool) {
	scheme, token, ok := strings.Cut(r.Header.Get("Authorization"), " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return "", false
	}
	token = strings.TrimSpace(token)
	return token, token != ""
}

// auth lets a request through only with a valid bearer token. With no
// tokens configured every request is refused: the directory is never
// served unauthenticated.
func (a *directoryAPI) auth(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		lang := langOf(r, a.lang)
		if a.tokens.empty() {
			w.Header().Set("WWW-Authenticate", `Bearer realm="samla", error="invalid_token", error_description="API disabled"`)
			writeError(w, http.StatusUnauthorized, "api_disabled", lang, msg("disabled"))
			return
		}
		token, ok := bearerToken(r)
		if !ok {
			w.Header().Set("WWW-Authenticate", `Bearer realm="samla"`)
			writeError(w, http.StatusUnauthorized, "unauthorized", lang, msg("unauthorized"))
			return
		}
		if !a.tokens.valid(token) {
			a.log.InfoContext(r.Context(), "directory API: invalid token", "request_id", RequestID(r.Context()))
			w.Header().Set("WWW-Authenticate", `Bearer realm="samla", error="invalid_token"`)
			writeError(w, http.StatusUnauthorized, "invalid_token", lang, msg("badtoken"))
			return
		}
		next.ServeHTTP(w, r)
	})
}
