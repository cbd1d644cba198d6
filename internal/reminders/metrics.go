package reminders

import (
	"fmt"

	"github.com/prometheus/client_golang/prometheus"
)

// Stages of the reminder pipeline an error is counted under.
const (
	stagePlan     = "plan"     // the planner could not schedule a reminder
	stageClaim    = "claim"    // claiming due jobs from the store
	stageFire     = "fire"     // firing a claimed job (reading the case, writing the outbox)
	stagePeriodic = "periodic" // the digest or the sweep
	stageButton   = "button"   // a snooze or stop press
	// stageUnreachable counts firings with nobody to send to by chat.
	stageUnreachable = "unreachable"
)

// Metrics counts what the reminders do: reminders written to the outbox
// by kind, and errors by stage (and kind where one is known). Labels are
// bounded names, never a case, person or text. A nil *Metrics counts
// nothing.
type Metrics struct {
	written *prometheus.CounterVec
	errors  *prometheus.CounterVec
}

// NewMetrics returns the reminders' metrics registered on reg.
func NewMetrics(reg prometheus.Registerer) (*Metrics, error) {
	m := &Metrics{
		written: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "samla_reminders_written_total",
			Help: "Reminders written to the outbox, by kind.",
		}, []string{"kind"}),
		errors: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "samla_reminder_errors_total",
			Help: "Reminder errors by stage (plan, claim, fire, unreachable, periodic, button) and reminder kind (\"\" when none).",
		}, []string{"stage", "kind"}),
	}
	for _, c := range []prometheus.Collector{m.written, m.errors} {
		if err := reg.Register(c); err != nil {
			return nil, fmt.Errorf("reminders: metrics: %w", err)
		}
	}
	// Every series starts at 0, so /metrics shows them before the first
	// event and rates and alerts work from the start.
	for _, k := range kinds {
		m.written.WithLabelValues(string(k))
		for _, stage := range []string{stagePlan, stageFire, stageUnreachable, stageButton} {
			m.errors.WithLabelValues(stage, string(k))
		}
	}
	for _, stage := range []string{stageClaim, stagePeriodic} {
		m.errors.WithLabelValues(stage, "")
	}
	return m, nil
}

func (m *Metrics) wrote(k Kind) {
	if m != nil {
		m.written.WithLabelValues(string(k)).Inc()
	}
}

func (m *Metrics) failed(stage string, k Kind) {
	if m != nil {
		m.errors.WithLabelValues(stage, string(k)).Inc()
	}
}

func (m *Metrics) planError(k Kind) { m.failed(stagePlan, k) }
