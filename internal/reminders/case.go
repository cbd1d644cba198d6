package reminders

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/samla-sip/samla/internal/chat"
)

// Case is the part of a SIP case reminders read. Its JSON names match the
// core's case (internal/sip), so any value that encodes like a sip.Case
// converts with ViewOf.
type Case struct {
	Ref         string       `json:"ref"`
	KommunName  string       `json:"kommun_name"`
	Parties     []string     `json:"parties"`
	Convener    Person       `json:"convener"`
	Consent     *struct{}    `json:"consent,omitempty"`
	Meeting     *Meeting     `json:"meeting,omitempty"`
	Invitations []Invitation `json:"invitations,omitempty"`
	Plan        Plan         `json:"plan"`
	Closed      *struct{}    `json:"closed,omitempty"`
}

// Person is the convener.
type Person struct {
	Key       string       `json:"key"`
	Name      string       `json:"name"`
	ContactID string       `json:"contact_id,omitempty"`
	Unit      string       `json:"unit,omitempty"`
	UnitName  string       `json:"unit_name,omitempty"`
	Address   chat.Address `json:"address"`
}

// Meeting is the decided meeting.
type Meeting struct {
	At    time.Time `json:"at"`
	Video bool      `json:"video"`
	Place string    `json:"place,omitempty"`
}

// Invitation states the core uses.
const (
	StatePending   = "pending"
	StateAttending = "attending"
	StateVideo     = "video"
)

// Invitation is one invited contact.
type Invitation struct {
	ID          string        `json:"id"`
	Party       string        `json:"party"`
	ContactID   string        `json:"contact_id"`
	ContactName string        `json:"contact_name"`
	Unit        string        `json:"unit"`
	UnitName    string        `json:"unit_name"`
	Address     *chat.Address `json:"address,omitempty"`
	State       string        `json:"state"`
	Sent        time.Time     `json:"sent"`
}

// Plan is the part of the plan checklist reminders look at.
type Plan struct {
	Efforts         []json.RawMessage `json:"efforts,omitempty"`
	Responsible     string            `json:"responsible,omitempty"` // contact id
	ResponsibleName string            `json:"responsible_name,omitempty"`
	FollowUp        *time.Time        `json:"follow_up,omitempty"`
}

func (in Invitation) accepted() bool { return in.State == StateAttending || in.State == StateVideo }

// active reports whether reminders may be sent for the case at all.
func (c *Case) active() bool { return c != nil && c.Closed == nil && c.Consent != nil }

func (c *Case) hasParty(p string) bool {
	for _, q := range c.Parties {
		if q == p {
			return true
		}
	}
	return false
}

// ViewOf converts a core case (anything that encodes like sip.Case) to the
// reminders view. A nil pointer gives nil.
func ViewOf[T any](c *T) (*Case, error) {
	if c == nil {
		return nil, nil
	}
	if v, ok := any(c).(*Case); ok {
		return v, nil
	}
	b, err := json.Marshal(c)
	if err != nil {
		return nil, fmt.Errorf("reminders: encode case: %w", err)
	}
	var v Case
	if err := json.Unmarshal(b, &v); err != nil {
		return nil, fmt.Errorf("reminders: decode case: %w", err)
	}
	return &v, nil
}

// Cases reads cases for firing, digests and sweeps.
type Cases interface {
	// Case returns the current case; an error wrapping store.ErrNotFound
	// when it does not exist.
	Case(ctx context.Context, ref string) (*Case, error)
	// OpenCases lists the references of open cases.
	OpenCases(ctx context.Context) ([]string, error)
}

// CoreCases is what the SIP core offers (sip.Service with T = sip.Case).
type CoreCases[T any] interface {
	Case(ctx context.Context, ref string) (*T, error)
	OpenCases(ctx context.Context) ([]string, error)
}

// CasesFrom adapts the core's case reader to Cases.
func CasesFrom[T any](src CoreCases[T]) Cases { return coreCases[T]{src} }

type coreCases[T any] struct{ src CoreCases[T] }

func (c coreCases[T]) Case(ctx context.Context, ref string) (*Case, error) {
	v, err := c.src.Case(ctx, ref)
	if err != nil {
		return nil, err
	}
	return ViewOf(v)
}

func (c coreCases[T]) OpenCases(ctx context.Context) ([]string, error) { return c.src.OpenCases(ctx) }
