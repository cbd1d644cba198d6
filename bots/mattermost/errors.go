package mattermost

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"time"

	"github.com/mattermost/mattermost/server/public/model"

	"github.com/samla-sip/samla/internal/chat"
)

// defaultRetryAfter is used on a 429 without a usable Retry-After.
const defaultRetryAfter = time.Second

// classify turns a failed API v4 call into the error the outbox acts on:
// 429 → *chat.RetryAfterError; 400/401/403/404 → chat.ErrPermanent (the
// user or channel does not exist, or the bot may not post there); anything
// else (5xx, network) → a plain error the outbox retries with backoff. The
// HTTP status and Mattermost's error id travel in a *chat.PlatformError.
func classify(resp *model.Response, err error, what string) error {
	if resp == nil || resp.StatusCode == 0 {
		return fmt.Errorf("mattermost: %s: %w", what, err)
	}
	code := resp.StatusCode
	pe := &chat.PlatformError{Status: code, Err: err}
	var ae *model.AppError
	if errors.As(err, &ae) {
		pe.ID = ae.Id
	}
	switch {
	case code == http.StatusTooManyRequests:
		return &chat.RetryAfterError{After: retryAfter(resp.Header), Err: fmt.Errorf("mattermost: %s: rate limited: %w", what, pe)}
	case code == http.StatusBadRequest, code == http.StatusUnauthorized,
		code == http.StatusForbidden, code == http.StatusNotFound:
		return fmt.Errorf("mattermost: %s: %w: %w", what, pe, chat.ErrPermanent)
	default:
		return fmt.Errorf("mattermost: %s: %w", what, pe)
	}
}

// retryAfter reads Retry-After (seconds) or else X-Ratelimit-Reset (seconds
// until the limit resets), as Mattermost's rate limiter sends them.
func retryAfter(h http.Header) time.Duration {
	for _, name := range []string{"Retry-After", "X-Ratelimit-Reset"} {
		if n, err := strconv.Atoi(h.Get(name)); err == nil && n > 0 {
			return time.Duration(n) * time.Second
		}
	}
	return defaultRetryAfter
}
