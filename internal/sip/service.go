// Package sip is the convening domain: cases, consent, routed invitations,
// RSVPs, meetings, the plan checklist, status and timeline, and the /sip
// command language. It knows no chat SDK: it implements chat.Handler and
// writes outgoing messages to the outbox in the same store transaction as
// the state change that caused them.
package sip

import (
	"context"
	"io"
	"log/slog"
	"time"

	"github.com/samla-sip/samla/directory"
	"github.com/samla-sip/samla/internal/chat"
	"github.com/samla-sip/samla/internal/store"
)

// DirectorySource gives the directory in service (hot-reloaded).
type DirectorySource interface {
	Current() *directory.Directory
}

// Deps are the service's collaborators; tests pass fakes.
type Deps struct {
	Store     store.Store
	Directory DirectorySource
	Now       func() time.Time
	Rand      io.Reader // for case references
	Lang      string    // default language: "sv" or "en"
	Log       *slog.Logger
}

// Service runs /sip commands and button presses.
type Service struct {
	deps Deps
}

// New returns a Service.
func New(deps Deps) *Service { return &Service{deps: deps} }

var _ chat.Handler = (*Service)(nil)

// Command runs "/sip ..." text.
func (s *Service) Command(ctx context.Context, who chat.Actor, text string) chat.Reply {
	return chat.Reply{Text: "not yet implemented"}
}

// Act runs a button press.
func (s *Service) Act(ctx context.Context, who chat.Actor, act chat.Action) chat.Reply {
	return chat.Reply{Text: "not yet implemented"}
}
