package reminders_test

import (
	"context"
	"log/slog"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/samla-sip/samla/config"
	"github.com/samla-sip/samla/directory"
	"github.com/samla-sip/samla/internal/chat"
	"github.com/samla-sip/samla/internal/i18n"
	"github.com/samla-sip/samla/internal/outbox"
	"github.com/samla-sip/samla/internal/reminders"
	"github.com/samla-sip/samla/internal/sip"
	"github.com/samla-sip/samla/internal/store"
)

// Example_wiring shows how cmd/samla/serve.go wires reminders to the SIP
// core and the outbox (compiled, not run).
func Example_wiring() {
	var (
		ctx     context.Context
		cfg     config.Config
		st      store.Store
		holder  *directory.Holder
		senders []chat.Sender
		log     *slog.Logger
		reg     prometheus.Registerer
	)
	set, err := reminders.SettingsFrom(cfg.Reminders, cfg.TimeZone, cfg.Lang)
	if err != nil {
		return // a config error: report it and exit
	}
	metrics, err := reminders.NewMetrics(reg) // the registry /metrics serves
	if err != nil {
		return
	}
	var eng *reminders.Engine // built after the service it reads cases from
	svc := sip.New(sip.Deps{
		Store: st, Directory: holder, Lang: i18n.Lang(cfg.Lang), Log: log, // … and the rest as today
		Planners: []sip.Planner{reminders.NewPlanner(set, log, metrics)},
		Actions: map[string]sip.ActionFunc{
			reminders.ActionPrefix: func(ctx context.Context, who chat.Actor, act chat.Action) chat.Reply {
				return eng.Act(ctx, who, act)
			},
		},
	})
	eng, err = reminders.New(reminders.Deps{
		Store: st, Cases: svc, Directory: reminders.DirectoryFrom(holder),
		Settings: set, Log: log, Metrics: metrics,
	})
	if err != nil {
		return
	}
	worker := outbox.NewWorker(st, senders, outbox.Options{Log: log, OnDelivered: eng.OnDelivered(ctx)})
	go func() { _ = eng.Run(ctx) }()         // in serve: a task {"reminders", eng.Run}
	go func() { _ = eng.RunPeriodic(ctx) }() // a task {"reminder digest and sweep", eng.RunPeriodic}
	go func() { _ = worker.Run(ctx) }()
}
