package reminders

import (
	"context"

	"github.com/samla-sip/samla/internal/sip"
)

// Cases reads cases for firing, digests and sweeps; *sip.Service is one.
type Cases interface {
	// Case returns the current case; an error wrapping store.ErrNotFound
	// when it does not exist.
	Case(ctx context.Context, ref string) (*sip.Case, error)
	// OpenCases lists the references of open cases.
	OpenCases(ctx context.Context) ([]string, error)
}

var _ Cases = (*sip.Service)(nil)

// consented reports whether reminders may be sent for the case at all:
// it exists and its consent stands (a withdrawal stops every reminder).
func consented(c *sip.Case) bool { return c != nil && c.Consent != nil }

// convening reports whether the case is still being convened: nudges,
// escalations and meeting reminders stop when it is closed. Follow-up
// reminders do not (see Planner.Wanted).
func convening(c *sip.Case) bool { return consented(c) && c.Closed == nil }

// invitationOf returns the case's invitation with the id, or nil.
func invitationOf(c *sip.Case, id string) *sip.Invitation {
	for i := range c.Invitations {
		if c.Invitations[i].ID == id {
			return &c.Invitations[i]
		}
	}
	return nil
}
