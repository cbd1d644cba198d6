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
// it exists, its consent stands (a withdrawal stops every reminder) and
// it has not ended (ending cancels everything, the follow-up included).
func consented(c *sip.Case) bool { return c != nil && c.Consent != nil && !c.Ended() }

// convening reports whether the case is still being convened: nudges,
// escalations and meeting reminders stop once the plan is established.
// Follow-up reminders do not: they are what an established plan (and a
// followed-up one with its next date) is for (see Planner.Wanted).
func convening(c *sip.Case) bool { return consented(c) && !c.Stage().PlanEstablished() }

// invitationOf returns the case's invitation with the id, or nil.
func invitationOf(c *sip.Case, id string) *sip.Invitation {
	for i := range c.Invitations {
		if c.Invitations[i].ID == id {
			return &c.Invitations[i]
		}
	}
	return nil
}
