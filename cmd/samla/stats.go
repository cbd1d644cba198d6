package main

import (
	"context"
	"fmt"
	"math/rand/v2"
	"net/url"
	"os"
	"path/filepath"
	"time"

	"github.com/samla-sip/samla/directory"
	"github.com/samla-sip/samla/examples"
	"github.com/samla-sip/samla/internal/stats"
	"github.com/samla-sip/samla/internal/store/bboltstore"
)

// runStats is "samla stats [flags]" (the report of docs/statistics.md
// from the configured store) and "samla stats demo" (a synthetic year in
// a scratch store).
func runStats(ctx context.Context, env *cliEnv, args []string) error {
	if len(args) > 0 && args[0] == "demo" {
		return statsDemo(ctx, env, args[1:])
	}
	fs := subcommandFlags("stats", env)
	file := fs.String("config", "", "read settings from `FILE` (SAMLA_NAME=value lines); the environment overrides it")
	format := fs.String("format", "table", "`table`, csv or json")
	q := url.Values{}
	for _, f := range []struct{ name, usage string }{
		{"from", "first month, `YYYY-MM`"}, {"to", "last month, `YYYY-MM`"},
		{"by", "break down by `kommun|region|care|unit|ageband|type`"},
		{"kommun", "only cases of this kommun (SCB `code`)"}, {"region", "only cases of this `region` (e.g. \"Region Skåne\")"},
		{"ageband", "only this age band: `0-18|19-64|65+`"}, {"type", "only `ordinary|discharge` SIPs"},
		{"care", "only cases with a party of this care `level`"},
	} {
		fs.Func(f.name, f.usage, func(v string) error { q.Set(f.name, v); return nil })
	}
	if err := fs.Parse(args); err != nil {
		return flagParseExit(err)
	}
	if fs.NArg() > 0 || (*format != "table" && *format != "csv" && *format != "json") {
		fmt.Fprintln(env.stderr, "samla stats: usage: samla stats [--from YYYY-MM] [--to YYYY-MM] [--by kommun|region|care|unit|ageband|type] [--format table|csv|json] [filters]")
		return exitCode(2)
	}
	opt, err := stats.ParseQuery(q)
	if err != nil {
		fmt.Fprintln(env.stderr, "samla stats:", err)
		return exitCode(2)
	}
	cfg, err := loadConfig(env, *file)
	if err != nil {
		return err
	}
	st, err := openStore(ctx, cfg)
	if err != nil {
		return err
	}
	defer st.Close()
	loc := cfg.Location()
	svc := stats.Service{Cases: stats.NewCache(st, 0, time.Now).Cases, Now: time.Now, Loc: loc}
	rep, err := svc.Report(ctx, opt)
	if err != nil {
		return err
	}
	switch *format {
	case "csv":
		return stats.WriteCSV(env.stdout, rep)
	case "json":
		return stats.WriteJSON(env.stdout, rep)
	}
	return stats.WriteTable(env.stdout, rep)
}

// statsDemo writes a synthetic year into a scratch bbolt store.
func statsDemo(ctx context.Context, env *cliEnv, args []string) error {
	fs := subcommandFlags("stats demo", env)
	n := fs.Int("cases", 50_000, "how many synthetic SIPs")
	dir := fs.String("data", "", "folder of the scratch store samla.db (default: a new temporary folder)")
	seed := fs.Uint64("seed", 1, "random `seed` (the same seed gives the same year)")
	if err := fs.Parse(args); err != nil {
		return flagParseExit(err)
	}
	if fs.NArg() > 0 || *n < 1 {
		fmt.Fprintln(env.stderr, "samla stats demo: usage: samla stats demo [--cases N] [--data DIR] [--seed N]")
		return exitCode(2)
	}
	if *dir == "" {
		d, err := os.MkdirTemp("", "samla-stats-demo-")
		if err != nil {
			return err
		}
		*dir = d
	}
	path := filepath.Join(*dir, "samla.db")
	if _, err := os.Stat(path); err == nil {
		fmt.Fprintf(env.stderr, "samla stats demo: %s exists; the demo writes only into a new scratch store\n", path)
		return exitCode(1)
	}
	d, err := directory.LoadFS(examples.Directory(), ".")
	if err != nil {
		return err
	}
	cases := stats.Demo(rand.New(rand.NewPCG(*seed, *seed)), d, *n, time.Now())
	st, err := bboltstore.Open(path)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := stats.WriteDemo(ctx, st, cases); err != nil {
		return err
	}
	events := 0
	for _, c := range cases {
		events += len(c)
	}
	fmt.Fprintf(env.stdout, "%d synthetic SIPs, %d events in %s\ntry: SAMLA_DATA=%s samla stats --by care\n", len(cases), events, path, *dir)
	return nil
}
