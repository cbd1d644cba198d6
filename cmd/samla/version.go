package main

import (
	"context"
	"fmt"
	"runtime"
	"runtime/debug"

	"github.com/prometheus/client_golang/prometheus"
)

// Stamped at release build time (scripts/image):
//
//	go build -ldflags "-X main.version=1.2.3 -X main.commit=abc123" ./cmd/samla
//
// Without stamping, the commit comes from the VCS information the go
// command embeds when it builds inside a git checkout.
var (
	version = "dev"
	commit  = ""
)

// buildInfo is what `samla version` prints and `samla serve` logs.
type buildInfo struct {
	Version, Commit, GoVersion string
}

func currentBuild() buildInfo {
	b := buildInfo{Version: version, Commit: commit, GoVersion: runtime.Version()}
	if b.Commit != "" {
		return b
	}
	b.Commit = "unknown"
	if info, ok := debug.ReadBuildInfo(); ok {
		modified := false
		for _, s := range info.Settings {
			switch s.Key {
			case "vcs.revision":
				b.Commit = s.Value
			case "vcs.modified":
				modified = s.Value == "true"
			}
		}
		if modified && b.Commit != "unknown" {
			b.Commit += "-dirty"
		}
	}
	return b
}

// buildInfoGauge is samla_build_info: 1, labelled with the build (for
// dashboards showing which version each replica runs).
func buildInfoGauge() prometheus.Gauge {
	b := currentBuild()
	g := prometheus.NewGauge(prometheus.GaugeOpts{
		Name:        "samla_build_info",
		Help:        "Always 1; the labels say which build of samla runs.",
		ConstLabels: prometheus.Labels{"version": b.Version, "commit": b.Commit, "goversion": b.GoVersion},
	})
	g.Set(1)
	return g
}

// runVersion implements "samla version".
func runVersion(_ context.Context, env *cliEnv, args []string) error {
	fs := subcommandFlags("version", env)
	if err := fs.Parse(args); err != nil {
		return flagParseExit(err)
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(env.stderr, "samla version: unexpected argument %q\n", fs.Arg(0))
		return exitCode(2)
	}
	b := currentBuild()
	fmt.Fprintf(env.stdout, "samla %s\ncommit %s\n%s\n", b.Version, b.Commit, b.GoVersion)
	return nil
}
