package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/samla-sip/samla/config"
	"github.com/samla-sip/samla/directory"
	"github.com/samla-sip/samla/internal/metrics"
	"github.com/samla-sip/samla/internal/outbox"
	"github.com/samla-sip/samla/internal/reminders"
	"github.com/samla-sip/samla/internal/room"
	"github.com/samla-sip/samla/internal/server"
	"github.com/samla-sip/samla/internal/stats"
	"github.com/samla-sip/samla/internal/store"
	"github.com/samla-sip/samla/internal/store/redisstore"
)

// runServe implements "samla serve [--config FILE] [--listen ADDR]".
func runServe(ctx context.Context, env *cliEnv, args []string) error {
	fs := subcommandFlags("serve", env)
	file := fs.String("config", "", "read settings from `FILE` (SAMLA_NAME=value lines); the environment overrides it")
	listen := fs.String("listen", "", "listen on `ADDR` (host:port) instead of SAMLA_LISTEN")
	if err := fs.Parse(args); err != nil {
		return flagParseExit(err)
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(env.stderr, "samla serve: unexpected argument %q\n", fs.Arg(0))
		return exitCode(2)
	}
	cfg, warnings, err := loadConfigWarnings(env, *file)
	if err != nil {
		return err
	}
	if *listen != "" {
		cfg.Listen = *listen
	}
	log := newLogger(env.stderr, cfg.LogLevel)
	for _, w := range warnings {
		log.Warn("configuration: " + w)
	}
	if err := serve(ctx, env, cfg, log); err != nil {
		log.Error("samla serve stopped", "err", err.Error())
		return exitCode(1)
	}
	return nil
}

// serve wires config → directory → store → HTTP server and runs until ctx
// ends (SIGTERM/SIGINT), then drains and closes everything.
func serve(ctx context.Context, env *cliEnv, cfg config.Config, log *slog.Logger) error {
	log.Info("starting samla", "version", version, "commit", currentBuild().Commit,
		"store", cfg.Store, "listen", cfg.Listen, "lang", cfg.Lang, "slack", cfg.Slack.Enabled(), "mattermost", cfg.Mattermost.Enabled(), "llm", cfg.LLM.Enabled())

	reload := reloadRequests(ctx, env) // before loading: an early SIGHUP must not kill us

	holder, err := startDirectory(cfg, log)
	if err != nil {
		return err
	}
	redis.SetLogger(redisstore.NewLogger(log.With("component", "redis"))) // go-redis's own messages into the JSON log
	instance := instanceID(cfg)
	st, err := openStoreAs(ctx, cfg, instance)
	if err != nil {
		return err
	}
	defer closeStore(st, log)
	reclaimLeases(ctx, st, log, instance, outbox.Queue, reminders.QueueName)

	statsSvc := newStatsService(cfg, st, log)
	srv := newServer(cfg, log, holder, st, statsSvc)
	dirMetrics := metrics.NewDirectory()
	outboxMetrics := metrics.NewOutbox(func(ctx context.Context) (outbox.Backlog, error) {
		return outbox.Waiting(ctx, st, time.Now())
	})
	security := metrics.NewSecurity()
	if err := srv.Register(append(append(dirMetrics.Collectors(), outboxMetrics.Collectors()...), security.Collectors()...)...); err != nil {
		return fmt.Errorf("metrics: %w", err)
	}
	if err := srv.Register(buildInfoGauge(), remindersScheduledGauge(st), newStatsCollector(statsSvc)); err != nil {
		return fmt.Errorf("metrics: %w", err)
	}

	core, err := newCore(cfg, st, holder, log, srv.Registerer(), security.Event, statsSvc)
	if err != nil {
		return err
	}
	if core.room != nil {
		srv.Handle("/rum/", core.room.Handler())
		srv.Handle("GET /statistik", http.RedirectHandler(room.StatsPath, http.StatusSeeOther))
		log.Info("case room served", "at", cfg.PublicURL+"/rum/")
	}
	chats, err := startPlatforms(ctx, cfg, core.handler(), core.locales, core.members, holder, st, srv, log, security.Event)
	if err != nil {
		return err
	}
	defer chats.close(log)
	worker := outbox.NewWorker(st, chats.senders, outbox.Options{
		Log: log.With("component", "outbox"), OnDelivered: core.reminders.OnDelivered(ctx),
		Metrics: outboxMetrics,
	})

	tasks := []task{
		{"http server", func(ctx context.Context) error { return srv.ListenAndServe(ctx, cfg.Listen) }},
		{"directory watch", func(ctx context.Context) error {
			return watchDirectory(ctx, cfg, holder, reload, log, dirMetrics)
		}},
		{"outbox", worker.Run},
		{"reminders", core.reminders.Run},
		{"reminder digest and sweep", core.reminders.RunPeriodic},
	}
	tasks = append(tasks, backupSocketTasks(cfg, st, log)...)
	return runTasks(ctx, log, append(tasks, chats.tasks...))
}

// reloadRequests is env.reload, or SIGHUP when that is nil.
func reloadRequests(ctx context.Context, env *cliEnv) <-chan struct{} {
	if env.reload != nil {
		return env.reload
	}
	return notifyHUP(ctx)
}

// notifyHUP turns SIGHUP into reload requests until ctx ends. Requests
// arriving while one is pending are merged.
func notifyHUP(ctx context.Context) <-chan struct{} {
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	reload := make(chan struct{}, 1)
	go func() {
		defer signal.Stop(hup)
		for {
			select {
			case <-ctx.Done():
				return
			case <-hup:
				select {
				case reload <- struct{}{}:
				default:
				}
			}
		}
	}()
	return reload
}

// startDirectory loads the directory; a server never starts without one.
func startDirectory(cfg config.Config, log *slog.Logger) (*directory.Holder, error) {
	d, source, err := loadDirectory(cfg)
	if err != nil {
		return nil, fmt.Errorf("directory (%s): %w", source, err)
	}
	st := d.Stats()
	log.Info("directory loaded", "source", source, "organisations", st.Organisations, "units", st.Units, "contacts", st.Contacts)
	return directory.NewHolder(d), nil
}

func newServer(cfg config.Config, log *slog.Logger, holder *directory.Holder, st store.Store, statsSvc *stats.Service) *server.Server {
	loc := cfg.Location()
	srv := server.New(server.Options{
		Stats: statsSvc,
		Log:   log,
		Directory: func() server.Directory {
			if d := holder.Current(); d != nil {
				return d
			}
			return nil
		},
		APITokens: cfg.APITokens,
		Lang:      flagLang(cfg.Lang),
		Now:       func() time.Time { return time.Now().In(loc) },
	})
	srv.AddReadiness("store", st.Ping)
	return srv
}

func closeStore(st store.Store, log *slog.Logger) {
	if err := st.Close(); err != nil {
		log.Error("closing the store", "err", err.Error())
	}
}

// task is a long-running part of the service.
type task struct {
	name string
	run  func(ctx context.Context) error
}

// runTasks runs every task until ctx ends or one of them returns; then it
// cancels the others and waits for all. It returns the first error.
func runTasks(ctx context.Context, log *slog.Logger, tasks []task) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var (
		wg    sync.WaitGroup
		once  sync.Once
		first error
	)
	for _, t := range tasks {
		wg.Add(1)
		go func() {
			defer wg.Done()
			err := t.run(ctx)
			if err != nil && !errors.Is(err, context.Canceled) {
				log.Error("task failed", "task", t.name, "err", err.Error())
				once.Do(func() { first = fmt.Errorf("%s: %w", t.name, err) })
			}
			cancel()
		}()
	}
	wg.Wait()
	return first
}
