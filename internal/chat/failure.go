package chat

import (
	"errors"
	"fmt"
)

// PlatformError is a platform's refusal as the platform states it: the
// HTTP status code and the platform's own error id (Slack's error code,
// e.g. "channel_not_found"; Mattermost's error id, e.g.
// "api.context.permissions.app_error"). Senders wrap their failures in it
// so an operator can tell a 403 from a 404 from logs and dead letters,
// which carry these two fields and never a message's text.
type PlatformError struct {
	Status int    // HTTP status code; 0 when there was no answer
	ID     string // the platform's error id; "" when it gave none
	Err    error
}

func (e *PlatformError) Error() string {
	return fmt.Sprintf("status %d %s: %v", e.Status, e.ID, e.Err)
}

func (e *PlatformError) Unwrap() error { return e.Err }

// FailureOf returns the HTTP status and platform error id of the first
// PlatformError in err's chain (0 and "" when there is none).
func FailureOf(err error) (status int, id string) {
	var pe *PlatformError
	if errors.As(err, &pe) {
		return pe.Status, pe.ID
	}
	return 0, ""
}
