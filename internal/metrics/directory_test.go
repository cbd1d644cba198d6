package metrics

import (
	"errors"
	"testing"

	"github.com/prometheus/client_golang/prometheus"
	dto "github.com/prometheus/client_model/go"

	"github.com/samla-sip/samla/directory"
)

func TestDirectoryCountsReloadsFromTheHook(t *testing.T) {
	m := NewDirectory()
	m.Requested()
	m.Reloaded(directory.Reload{Cause: "signal"})
	m.Reloaded(directory.Reload{Cause: "file change"})
	m.Reloaded(directory.Reload{Cause: "file change"})
	m.Reloaded(directory.Reload{Cause: "file change", Err: errors.New("bad file")})

	for _, c := range []struct {
		name string
		got  float64
		want float64
	}{
		{"requests", value(t, m.requests), 1},
		{"reloads by signal", value(t, m.reloads.WithLabelValues("signal")), 1},
		{"reloads by file change", value(t, m.reloads.WithLabelValues("file change")), 2},
		{"failures by file change", value(t, m.failures.WithLabelValues("file change")), 1},
		{"failures by signal", value(t, m.failures.WithLabelValues("signal")), 0},
	} {
		if c.got != c.want {
			t.Errorf("%s = %v, want %v", c.name, c.got, c.want)
		}
	}
}

// value reads a counter or gauge.
func value(t *testing.T, m prometheus.Metric) float64 {
	t.Helper()
	var out dto.Metric
	if err := m.Write(&out); err != nil {
		t.Fatal(err)
	}
	if out.Counter != nil {
		return out.Counter.GetValue()
	}
	return out.Gauge.GetValue()
}
