package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/url"
	"path/filepath"
	"strings"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/samla-sip/samla/config"
	"github.com/samla-sip/samla/directory"
	"github.com/samla-sip/samla/examples"
	"github.com/samla-sip/samla/internal/metrics"
	"github.com/samla-sip/samla/internal/store"
	"github.com/samla-sip/samla/internal/store/bboltstore"
	"github.com/samla-sip/samla/internal/store/redisstore"
)

// newLogger returns the JSON logger at the configured level.
func newLogger(w io.Writer, level string) *slog.Logger {
	var l slog.Level
	if err := l.UnmarshalText([]byte(level)); err != nil {
		l = slog.LevelInfo // config.Load has validated the level
	}
	return slog.New(slog.NewJSONHandler(w, &slog.HandlerOptions{Level: l}))
}

// openStore opens the configured store and checks that it answers. It
// claims no jobs under an instance id (operator commands).
func openStore(ctx context.Context, cfg config.Config) (store.Store, error) {
	return openStoreAs(ctx, cfg, "")
}

// openStoreAs is openStore for a replica that claims jobs as instance (see
// instanceID and store.Reclaimer).
func openStoreAs(ctx context.Context, cfg config.Config, instance string) (store.Store, error) {
	var st store.Store
	switch cfg.Store {
	case "redis":
		rdb, err := redisClient(cfg.RedisURL)
		if err != nil {
			return nil, err
		}
		st = redisstore.New(rdb, cfg.RedisPrefix, redisstore.WithInstance(instance))
	default:
		bs, err := bboltstore.Open(filepath.Join(cfg.Data, "samla.db"), bboltstore.WithInstance(instance))
		if err != nil {
			return nil, fmt.Errorf("open store: %w", err)
		}
		st = bs
	}
	pctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	if err := st.Ping(pctx); err != nil {
		return nil, errors.Join(fmt.Errorf("store %s does not answer: %w", cfg.Store, err), st.Close())
	}
	return st, nil
}

// redisClient builds a client from SAMLA_REDIS_URL: a single node
// (redis://host:port/db), Sentinel (…?master_name=NAME&addr=host2:port…)
// or Cluster (…?addr=host2:port&addr=host3:port, no master_name). Errors
// never quote the URL: it may hold a password.
func redisClient(raw string) (redis.UniversalClient, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return nil, errors.New("SAMLA_REDIS_URL: not a valid URL")
	}
	q := u.Query()
	switch {
	case q.Has("master_name"):
		o, err := redis.ParseFailoverURL(raw)
		if err != nil {
			return nil, fmt.Errorf("SAMLA_REDIS_URL (Sentinel): %w", redactURLError(err, raw))
		}
		return redis.NewFailoverClient(o), nil
	case q.Has("addr"):
		o, err := redis.ParseClusterURL(raw)
		if err != nil {
			return nil, fmt.Errorf("SAMLA_REDIS_URL (Cluster): %w", redactURLError(err, raw))
		}
		return redis.NewClusterClient(o), nil
	default:
		o, err := redis.ParseURL(raw)
		if err != nil {
			return nil, fmt.Errorf("SAMLA_REDIS_URL: %w", redactURLError(err, raw))
		}
		return redis.NewClient(o), nil
	}
}

// redactURLError keeps a parse error's message but drops the URL's user
// info should the library have quoted it.
func redactURLError(err error, raw string) error {
	msg := err.Error()
	if u, perr := url.Parse(raw); perr == nil && u.User != nil {
		msg = strings.ReplaceAll(msg, u.User.String(), "******")
		if p, ok := u.User.Password(); ok && p != "" {
			msg = strings.ReplaceAll(msg, p, "******")
		}
	}
	return errors.New(msg)
}

// loadDirectory loads SAMLA_DIRECTORY, or the embedded sample directory
// when none is configured. source says which, for the log.
func loadDirectory(cfg config.Config) (d *directory.Directory, source string, err error) {
	if len(cfg.Directory) == 0 {
		d, err = directory.LoadFS(examples.Directory(), ".")
		return d, "embedded sample", err
	}
	d, err = directory.Load(cfg.Directory...)
	return d, strings.Join(cfg.Directory, ","), err
}

// watchDirectory keeps the directory in service current: on file changes
// and on every reload request (SIGHUP). The embedded sample cannot change,
// so then it only acknowledges reload requests. Every request and reload is
// counted in m. Returns when ctx ends.
func watchDirectory(ctx context.Context, cfg config.Config, h *directory.Holder, reload <-chan struct{}, log *slog.Logger, m *metrics.Directory) error {
	log = log.With("component", "directory")
	requests := countRequests(ctx, reload, m)
	if len(cfg.Directory) == 0 {
		for {
			select {
			case <-ctx.Done():
				return nil
			case <-requests:
				log.Info("directory reload requested: the embedded sample does not change; set SAMLA_DIRECTORY to serve your own")
			}
		}
	}
	return directory.Watch(ctx, h, cfg.Directory, requests, log, m.Reloaded)
}

// countRequests forwards reload requests, counting them, until ctx ends.
// Requests arriving while one is pending are merged into it.
func countRequests(ctx context.Context, in <-chan struct{}, m *metrics.Directory) <-chan struct{} {
	out := make(chan struct{}, 1)
	go func() {
		for {
			select {
			case <-ctx.Done():
				return
			case _, ok := <-in:
				if !ok {
					return
				}
				m.Requested()
				select {
				case out <- struct{}{}:
				default:
				}
			}
		}
	}()
	return out
}
