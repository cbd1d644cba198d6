package metrics

import (
	"github.com/prometheus/client_golang/prometheus"

	"github.com/samla-sip/samla/directory"
)

// Directory counts reload requests, reloads put in service and refused
// reloads, from the watcher's hook.
type Directory struct {
	requests prometheus.Counter
	reloads  *prometheus.CounterVec
	failures *prometheus.CounterVec
}

// NewDirectory returns the directory reload counters.
func NewDirectory() *Directory {
	return &Directory{
		requests: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "samla_directory_reload_requests_total",
			Help: "Directory reloads requested by SIGHUP.",
		}),
		reloads: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "samla_directory_reloads_total",
			Help: "Directory reloads put in service, by cause (file change, signal).",
		}, []string{"cause"}),
		failures: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "samla_directory_reload_failures_total",
			Help: "Directory reloads refused (invalid files), by cause; the previous directory stayed in service.",
		}, []string{"cause"}),
	}
}

// Collectors lists the counters for registration.
func (m *Directory) Collectors() []prometheus.Collector {
	return []prometheus.Collector{m.requests, m.reloads, m.failures}
}

// Requested counts one reload request.
func (m *Directory) Requested() { m.requests.Inc() }

// Reloaded counts one reload attempt; it is directory.Watch's hook.
func (m *Directory) Reloaded(r directory.Reload) {
	if r.Err != nil {
		m.failures.WithLabelValues(r.Cause).Inc()
		return
	}
	m.reloads.WithLabelValues(r.Cause).Inc()
}
