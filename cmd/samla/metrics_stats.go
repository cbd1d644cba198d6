package main

import (
	"context"
	"log/slog"
	"math"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/samla-sip/samla/config"
	"github.com/samla-sip/samla/internal/stats"
	"github.com/samla-sip/samla/internal/store"
)

// statsCacheTTL is how long the API, the page and the metrics reuse the
// events read from the store.
const statsCacheTTL = time.Minute

func newStatsService(cfg config.Config, st store.Store, log *slog.Logger) *stats.Service {
	loc := cfg.Location()
	return &stats.Service{Cases: stats.NewCache(st, statsCacheTTL, time.Now).Cases, Now: time.Now, Loc: loc,
		Log: log.With("component", "stats")}
}

// statsCollector exports the headline numbers of the last complete month
// (the Total row of samla stats, small cells hidden: a hidden count is
// not exported) as gauges.
type statsCollector struct {
	svc   *stats.Service
	descs map[string]*prometheus.Desc
}

var statsGauges = []struct {
	name, help string
	value      func(r *stats.Row) (float64, bool)
}{
	{"sips_opened", "SIPs opened in the last complete month.", func(r *stats.Row) (float64, bool) { return count(r.Opened) }},
	{"meetings_held", "SIP meetings held in the last complete month.", func(r *stats.Row) (float64, bool) { return count(r.Held) }},
	{"plans_established", "SIP plans established in the last complete month.", func(r *stats.Row) (float64, bool) { return count(r.Established) }},
	{"follow_ups_held", "SIP follow-ups held in the last complete month.", func(r *stats.Row) (float64, bool) { return count(r.FollowUps) }},
	{"follow_up_rate", "Plans followed up ÷ plans whose follow-up date fell in the last complete month.", func(r *stats.Row) (float64, bool) { return share(r.FollowUpRate) }},
	{"discharge_kallelse_within_3_workdays_ratio", "Discharge SIPs opened in the last complete month whose kallelse went out within 3 workdays.", func(r *stats.Row) (float64, bool) { return share(r.DischargeShare) }},
	{"days_to_meeting_median", "Median days from opened to meeting held, meetings of the last complete month.", func(r *stats.Row) (float64, bool) { return share(r.DaysTotal.Median) }},
}

func count(c stats.Cell) (float64, bool) { return float64(c.N), c.Shown() }

func share(r *float64) (float64, bool) {
	if r == nil {
		return 0, false
	}
	return *r, true
}

func newStatsCollector(svc *stats.Service) prometheus.Collector {
	c := &statsCollector{svc: svc, descs: map[string]*prometheus.Desc{}}
	for _, g := range statsGauges {
		c.descs[g.name] = prometheus.NewDesc("samla_stats_"+g.name, g.help, nil, nil)
	}
	return c
}

func (c *statsCollector) Describe(ch chan<- *prometheus.Desc) {
	for _, d := range c.descs {
		ch <- d
	}
}

func (c *statsCollector) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	now := c.svc.Now().In(c.svc.Loc)
	last := now.AddDate(0, 0, -now.Day()).Format("2006-01") // the day before the 1st
	rep, err := c.svc.Report(ctx, stats.Options{From: last, To: last})
	if err != nil {
		return // readiness reports the store
	}
	row := &stats.Row{}
	for i := range rep.Rows {
		if rep.Rows[i].Group == stats.Total {
			row = &rep.Rows[i]
		}
	}
	for _, g := range statsGauges {
		v, ok := g.value(row)
		if !ok {
			v = math.NaN()
		}
		if m, err := prometheus.NewConstMetric(c.descs[g.name], prometheus.GaugeValue, v); err == nil {
			ch <- m
		}
	}
}
