package metrics

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/samla-sip/samla/internal/outbox"
)

// gathered reads every sample of reg as "name{label=value,…}" → value.
func gathered(t *testing.T, reg *prometheus.Registry) map[string]float64 {
	t.Helper()
	families, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]float64{}
	for _, f := range families {
		for _, m := range f.GetMetric() {
			name := f.GetName()
			for i, l := range m.GetLabel() {
				sep := ","
				if i == 0 {
					sep = "{"
				}
				name += sep + l.GetName() + "=" + l.GetValue()
			}
			if len(m.GetLabel()) > 0 {
				name += "}"
			}
			switch {
			case m.Counter != nil:
				out[name] = m.Counter.GetValue()
			case m.Gauge != nil:
				out[name] = m.Gauge.GetValue()
			}
		}
	}
	return out
}

func TestOutboxMetrics(t *testing.T) {
	backlog := outbox.Backlog{Pending: 3, Oldest: 90 * time.Second}
	var fail error
	m := NewOutbox(func(context.Context) (outbox.Backlog, error) { return backlog, fail })
	reg := prometheus.NewPedanticRegistry()
	reg.MustRegister(m.Collectors()...)

	m.Delivered("slack", "sent")
	m.Delivered("slack", "sent")
	m.Delivered("mattermost", "updated")
	m.Deferred("slack", "rate_limited")
	m.DeadLettered("mattermost", "permanent")

	got := gathered(t, reg)
	for name, want := range map[string]float64{
		"samla_outbox_delivered_total{class=sent,platform=slack}":              2,
		"samla_outbox_delivered_total{class=updated,platform=mattermost}":      1,
		"samla_outbox_deferred_total{class=rate_limited,platform=slack}":       1,
		"samla_outbox_dead_letters_total{class=permanent,platform=mattermost}": 1,
		"samla_outbox_pending":                    3,
		"samla_outbox_oldest_pending_age_seconds": 90,
	} {
		if v, ok := got[name]; !ok || v != want {
			t.Errorf("%s = %v (present %v), want %v", name, v, ok, want)
		}
	}

	// A store that does not answer: no backlog samples, the rest stays.
	fail = errors.New("store down")
	got = gathered(t, reg)
	if _, ok := got["samla_outbox_pending"]; ok {
		t.Error("pending reported while the store fails")
	}
	if got["samla_outbox_delivered_total{class=sent,platform=slack}"] != 2 {
		t.Error("counters lost while the store fails")
	}
}
