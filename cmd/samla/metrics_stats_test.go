package main

import (
	"context"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/samla-sip/samla/internal/stats"
)

// TestStatsGauges: the headline gauges are the last complete month's
// Total row; a hidden count is NaN, never its value.
func TestStatsGauges(t *testing.T) {
	var cases [][]stats.Event
	for i := range 9 {
		evs := []stats.Event{{Kind: stats.KindOpened, At: time.Date(2026, 10, 5, 9, 0, 0, 0, time.UTC), Kommun: "1281", AgeBand: stats.AgeChild, Type: stats.TypeOrdinary}}
		if i < 3 {
			evs = append(evs, stats.Event{Kind: stats.KindHeld, At: time.Date(2026, 10, 20, 0, 0, 0, 0, time.UTC)})
		}
		cases = append(cases, evs)
	}
	folded := stats.Fold(cases)
	svc := &stats.Service{Cases: func(context.Context) (*stats.Folded, error) { return folded, nil },
		Now: func() time.Time { return time.Date(2026, 11, 3, 12, 0, 0, 0, time.UTC) }, Loc: time.UTC}
	reg := prometheus.NewRegistry()
	reg.MustRegister(newStatsCollector(svc))
	families, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]float64{}
	for _, f := range families {
		got[strings.TrimPrefix(f.GetName(), "samla_stats_")] = f.GetMetric()[0].GetGauge().GetValue()
	}
	if len(got) != len(statsGauges) || got["sips_opened"] != 9 || !math.IsNaN(got["meetings_held"]) || !math.IsNaN(got["follow_up_rate"]) {
		t.Errorf("gauges %v", got)
	}
}
