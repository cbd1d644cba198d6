// Package metrics holds small Prometheus helpers for the wiring in
// cmd/samla: no global registry, collectors are handed to the server's.
package metrics

import (
	"context"
	"log/slog"

	"github.com/prometheus/client_golang/prometheus"
)

// Count is one counter fed by the log records that match it.
type Count struct {
	Match   func(slog.Record) bool
	Counter prometheus.Counter
}

// AtLeast matches records at level l or above.
func AtLeast(l slog.Level) func(slog.Record) bool {
	return func(r slog.Record) bool { return r.Level >= l }
}

// Message matches records with exactly this message.
func Message(msg string) func(slog.Record) bool {
	return func(r slog.Record) bool { return r.Message == msg }
}

// LogCounter is a slog.Handler that counts matching records before
// passing them on — a way to count the events of a component that only
// reports them by logging (e.g. directory reloads and rejected files).
type LogCounter struct {
	next   slog.Handler
	counts []Count
}

// NewLogCounter counts matching records and hands every record to next.
func NewLogCounter(next slog.Handler, counts ...Count) *LogCounter {
	return &LogCounter{next: next, counts: counts}
}

// Enabled is true for every level: a record dropped by next may still be
// counted.
func (h *LogCounter) Enabled(context.Context, slog.Level) bool { return true }

// Handle counts the record and passes it on if next wants it.
func (h *LogCounter) Handle(ctx context.Context, r slog.Record) error {
	for _, c := range h.counts {
		if c.Match(r) {
			c.Counter.Inc()
		}
	}
	if !h.next.Enabled(ctx, r.Level) {
		return nil
	}
	return h.next.Handle(ctx, r)
}

// WithAttrs returns a counter over next.WithAttrs.
func (h *LogCounter) WithAttrs(attrs []slog.Attr) slog.Handler {
	return &LogCounter{next: h.next.WithAttrs(attrs), counts: h.counts}
}

// WithGroup returns a counter over next.WithGroup.
func (h *LogCounter) WithGroup(name string) slog.Handler {
	return &LogCounter{next: h.next.WithGroup(name), counts: h.counts}
}
