package chat

import (
	"errors"
	"fmt"
	"testing"
)

func TestFailureOf(t *testing.T) {
	pe := &PlatformError{Status: 403, ID: "api.context.permissions.app_error", Err: errors.New("forbidden")}
	tests := []struct {
		name   string
		err    error
		status int
		id     string
	}{
		{"wrapped with permanent", fmt.Errorf("mattermost: post: %w: %w", ErrPermanent, pe), 403, "api.context.permissions.app_error"},
		{"inside a retry-after", &RetryAfterError{Err: &PlatformError{Status: 429, ID: "ratelimited"}}, 429, "ratelimited"},
		{"plain error", errors.New("network down"), 0, ""},
		{"nil", nil, 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, id := FailureOf(tt.err)
			if status != tt.status || id != tt.id {
				t.Errorf("FailureOf = %d %q, want %d %q", status, id, tt.status, tt.id)
			}
		})
	}
	if !errors.Is(fmt.Errorf("x: %w", pe), pe.Err) {
		t.Error("PlatformError does not unwrap to its cause")
	}
}
