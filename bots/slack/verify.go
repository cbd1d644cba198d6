package slack

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"
)

const (
	// maxBody is the largest request body accepted (Slack's are far smaller).
	maxBody = 64 << 10
	// maxSkew is how far a request timestamp may be from now.
	maxSkew = 5 * time.Minute
	// replayTTL is how long a signature is remembered: as long as its
	// timestamp is accepted, from maxSkew before it to maxSkew after.
	replayTTL = 2 * maxSkew
)

var (
	errNoSignature    = errors.New("slack: missing signature headers")
	errBadSignature   = errors.New("slack: signature mismatch")
	errStaleTimestamp = errors.New("slack: request timestamp outside the 5 minute window")
)

// verifySignature checks Slack's v0 request signature over the raw body:
// X-Slack-Signature = "v0=" + hex(HMAC-SHA256(secret, "v0:" + ts + ":" + body)).
// The comparison is constant-time.
func verifySignature(h http.Header, body, secret []byte, now time.Time) error {
	sig := h.Get("X-Slack-Signature")
	ts := h.Get("X-Slack-Request-Timestamp")
	if sig == "" || ts == "" || len(secret) == 0 {
		return errNoSignature
	}
	sec, err := strconv.ParseInt(ts, 10, 64)
	if err != nil {
		return errNoSignature
	}
	if d := now.Sub(time.Unix(sec, 0)); d > maxSkew || d < -maxSkew {
		return errStaleTimestamp
	}
	hexSig, ok := strings.CutPrefix(sig, "v0=")
	if !ok {
		return errBadSignature
	}
	got, err := hex.DecodeString(hexSig)
	if err != nil || len(got) != sha256.Size {
		return errBadSignature
	}
	if !hmac.Equal(got, sign(secret, ts, body)) {
		return errBadSignature
	}
	return nil
}

// sign computes the v0 HMAC of a request.
func sign(secret []byte, ts string, body []byte) []byte {
	m := hmac.New(sha256.New, secret)
	m.Write([]byte("v0:" + ts + ":"))
	m.Write(body)
	return m.Sum(nil)
}

// readVerified reads the body (at most maxBody) and verifies its signature.
// It writes the refusal itself (413 or 401) and returns ok=false then.
func (b *Bot) readVerified(w http.ResponseWriter, r *http.Request) (body []byte, ok bool) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			b.log.Warn("slack: request body too large", "path", r.URL.Path)
			http.Error(w, "request body too large", http.StatusRequestEntityTooLarge)
			return nil, false
		}
		http.Error(w, "bad request", http.StatusBadRequest)
		return nil, false
	}
	if err := verifySignature(r.Header, body, b.secret, b.now()); err != nil {
		b.log.Warn("slack: request refused", "path", r.URL.Path, "reason", err.Error())
		http.Error(w, "invalid signature", http.StatusUnauthorized)
		return nil, false
	}
	first, err := b.store.Once(r.Context(), replayKey(r.Header), replayTTL)
	if err != nil {
		// Without the replay check a request could run twice: refuse it
		// (Slack shows the user an error and they can try again).
		b.log.Error("slack: replay check failed", "path", r.URL.Path, "error", err)
		http.Error(w, "unavailable", http.StatusServiceUnavailable)
		return nil, false
	}
	if !first {
		// A signed request seen before is a replay (Slack's own retries
		// are signed anew): it does nothing, and answers 200 so that a
		// duplicate delivery shows no error.
		b.log.Warn("slack: replayed request ignored", "path", r.URL.Path)
		w.WriteHeader(http.StatusOK)
		return nil, false
	}
	return body, true
}

// replayKey is the store key of a verified request's signature, shared by
// every replica. The hex is decoded and re-encoded so that the same
// signature in upper case is the same key.
func replayKey(h http.Header) string {
	raw, _ := hex.DecodeString(strings.TrimPrefix(h.Get("X-Slack-Signature"), "v0="))
	return "slack:sig:" + hex.EncodeToString(raw)
}
