package metrics

import "github.com/prometheus/client_golang/prometheus"

// Security counts security events — a chat user refused a link to a
// contact, a button pressed by someone it was not for — by platform and
// kind (issue 16). Every event is also logged with ids only.
type Security struct {
	events *prometheus.CounterVec
}

// NewSecurity returns the security event counter.
func NewSecurity() *Security {
	return &Security{events: prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "samla_security_events_total",
		Help: "Security events by platform and kind: link_uncontrolled (a chat user matched a contact of an organisation that does not control their workspace or server), link_unverified (an e-mail the platform does not vouch for), button_forbidden (a button pressed by someone it was not for).",
	}, []string{"platform", "event"})}
}

// Collectors lists the counter for registration.
func (m *Security) Collectors() []prometheus.Collector { return []prometheus.Collector{m.events} }

// Event counts one security event; it is the core's and the adapters'
// Security hook.
func (m *Security) Event(platform, event string) { m.events.WithLabelValues(platform, event).Inc() }
