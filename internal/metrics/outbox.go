package metrics

import (
	"context"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/samla-sip/samla/internal/outbox"
)

// backlogTimeout bounds the store reads of one scrape.
const backlogTimeout = 2 * time.Second

// Outbox counts deliveries, deferrals and dead letters by platform and
// class (it is an outbox.Metrics) and reports the backlog at scrape time.
type Outbox struct {
	delivered *prometheus.CounterVec
	deferred  *prometheus.CounterVec
	dead      *prometheus.CounterVec
	backlog   *backlogCollector
}

var _ outbox.Metrics = (*Outbox)(nil)

// NewOutbox returns the outbox metrics; backlog is read at every scrape
// (e.g. outbox.Waiting on the store).
func NewOutbox(backlog func(ctx context.Context) (outbox.Backlog, error)) *Outbox {
	labels := []string{"platform", "class"}
	return &Outbox{
		delivered: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "samla_outbox_delivered_total",
			Help: "Messages the platform accepted, by platform and class (sent, updated, duplicate).",
		}, labels),
		deferred: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "samla_outbox_deferred_total",
			Help: "Delivery attempts put off for a retry, by platform and class (transient, rate_limited, store, stopped).",
		}, labels),
		dead: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "samla_outbox_dead_letters_total",
			Help: "Messages given up on (see samla outbox list), by platform and class (permanent, gave_up, unknown_platform, decode).",
		}, labels),
		backlog: &backlogCollector{
			read: backlog,
			pending: prometheus.NewDesc("samla_outbox_pending",
				"Messages waiting in the outbox (due, scheduled or being delivered).", nil, nil),
			oldest: prometheus.NewDesc("samla_outbox_oldest_pending_age_seconds",
				"How long the longest-waiting outbox message has waited since it was enqueued (0 when none).", nil, nil),
		},
	}
}

// Collectors lists the collectors for registration.
func (m *Outbox) Collectors() []prometheus.Collector {
	return []prometheus.Collector{m.delivered, m.deferred, m.dead, m.backlog}
}

// Delivered counts a message the platform accepted.
func (m *Outbox) Delivered(platform, class string) {
	m.delivered.WithLabelValues(platform, class).Inc()
}

// Deferred counts a delivery attempt put off.
func (m *Outbox) Deferred(platform, class string) {
	m.deferred.WithLabelValues(platform, class).Inc()
}

// DeadLettered counts a message given up on.
func (m *Outbox) DeadLettered(platform, class string) {
	m.dead.WithLabelValues(platform, class).Inc()
}

// backlogCollector reads the backlog at scrape time. When the store does
// not answer it reports nothing (readiness reports the store).
type backlogCollector struct {
	read    func(ctx context.Context) (outbox.Backlog, error)
	pending *prometheus.Desc
	oldest  *prometheus.Desc
}

func (c *backlogCollector) Describe(ch chan<- *prometheus.Desc) {
	ch <- c.pending
	ch <- c.oldest
}

func (c *backlogCollector) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), backlogTimeout)
	defer cancel()
	b, err := c.read(ctx)
	if err != nil {
		return
	}
	ch <- prometheus.MustNewConstMetric(c.pending, prometheus.GaugeValue, float64(b.Pending))
	ch <- prometheus.MustNewConstMetric(c.oldest, prometheus.GaugeValue, b.Oldest.Seconds())
}
