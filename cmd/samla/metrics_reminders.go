package main

import (
	"context"
	"math"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/samla-sip/samla/internal/reminders"
	"github.com/samla-sip/samla/internal/store"
)

// remindersScheduledGauge is samla_reminders_scheduled: the reminders
// waiting in the store's queue, read at scrape time (Pending is one read
// on both stores). With samla_reminders_written_total it shows reminders
// due and fired on the dashboard.
func remindersScheduledGauge(st store.Store) prometheus.Collector {
	return prometheus.NewGaugeFunc(prometheus.GaugeOpts{
		Name: "samla_reminders_scheduled",
		Help: "Reminders scheduled and not yet fired (nudges, escalations, follow-ups), read from the store at scrape time.",
	}, func() float64 {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		n, err := st.Pending(ctx, reminders.QueueName)
		if err != nil {
			return math.NaN() // readiness reports the store
		}
		return float64(n)
	})
}
