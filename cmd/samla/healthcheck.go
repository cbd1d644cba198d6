package main

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"time"
)

// runHealthcheck implements "samla healthcheck [--config FILE] [--url URL]":
// GET /healthz of the local server, exit 0 on 200. It is the container
// image's HEALTHCHECK, since a scratch image has no curl.
func runHealthcheck(ctx context.Context, env *cliEnv, args []string) error {
	fs := subcommandFlags("healthcheck", env)
	file := fs.String("config", "", "read settings from `FILE` (SAMLA_NAME=value lines); the environment overrides it")
	target := fs.String("url", "", "check `URL` instead of /healthz on SAMLA_LISTEN")
	if err := fs.Parse(args); err != nil {
		return flagParseExit(err)
	}
	if *target == "" {
		cfg, err := loadConfig(env, *file)
		if err != nil {
			return err
		}
		*target = healthURL(cfg.Listen)
	}
	ctx, cancel := context.WithTimeout(ctx, 3*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, *target, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("%s: %s", *target, resp.Status)
	}
	fmt.Fprintf(env.stdout, "%s: ok\n", *target)
	return nil
}

// healthURL is /healthz on the listen address, by loopback when the
// server listens on every interface.
func healthURL(listen string) string {
	host, port, err := net.SplitHostPort(listen)
	if err != nil {
		return "http://" + listen + "/healthz"
	}
	if ip := net.ParseIP(host); host == "" || (ip != nil && ip.IsUnspecified()) {
		host = "127.0.0.1"
	}
	return "http://" + net.JoinHostPort(host, port) + "/healthz"
}
