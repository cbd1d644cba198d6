package main

import (
	"context"
	"errors"
	"flag"
	"fmt"

	"github.com/samla-sip/samla/config"
)

// runConfig implements "samla config show [--config FILE]" and
// "samla config docs".
func runConfig(ctx context.Context, env *cliEnv, args []string) error {
	if len(args) == 0 {
		fmt.Fprintln(env.stderr, "Usage: samla config show [--config FILE] | samla config docs")
		return exitCode(2)
	}
	switch args[0] {
	case "show":
		return runConfigShow(env, args[1:])
	case "docs":
		return config.Markdown(env.stdout)
	default:
		fmt.Fprintf(env.stderr, "samla config: okänt underkommando %q (unknown subcommand); use show or docs\n", args[0])
		return exitCode(2)
	}
}

func runConfigShow(env *cliEnv, args []string) error {
	fs := subcommandFlags("config show", env)
	file := fs.String("config", "", "read settings from `FILE` (SAMLA_NAME=value lines); the environment overrides it")
	if err := fs.Parse(args); err != nil {
		return flagParseExit(err)
	}
	cfg, err := loadConfig(env, *file)
	if err != nil {
		return err
	}
	return config.Show(env.stdout, cfg)
}

// loadConfig loads and validates the configuration, printing warnings for
// unknown SAMLA_* names and every problem to stderr.
func loadConfig(env *cliEnv, file string) (config.Config, error) {
	cfg, warnings, err := loadConfigWarnings(env, file)
	for _, w := range warnings {
		fmt.Fprintln(env.stderr, "warning:", w)
	}
	return cfg, err
}

// loadConfigWarnings is loadConfig returning the warnings instead of
// printing them (samla serve logs them as JSON). Problems are printed.
func loadConfigWarnings(env *cliEnv, file string) (config.Config, []string, error) {
	warnings := config.Unknown(environOf(env), file)
	cfg, err := config.Load(env.getenv, file)
	var ce *config.Error
	if errors.As(err, &ce) {
		fmt.Fprintln(env.stderr, err)
		return cfg, warnings, exitCode(1)
	}
	return cfg, warnings, err
}

// environOf returns the process environment as "K=V" entries (none when
// the cliEnv has no environ, as in tests that only set getenv).
func environOf(env *cliEnv) []string {
	if env.environ == nil {
		return nil
	}
	return env.environ()
}

// subcommandFlags returns a flag set that reports errors instead of exiting
// and writes its usage to stderr.
func subcommandFlags(name string, env *cliEnv) *flag.FlagSet {
	fs := flag.NewFlagSet("samla "+name, flag.ContinueOnError)
	fs.SetOutput(env.stderr)
	return fs
}

// flagParseExit turns a flag parse error into an exit code: 0 for -h, else 2.
// The flag package has already printed the message and usage.
func flagParseExit(err error) error {
	if errors.Is(err, flag.ErrHelp) {
		return exitCode(0)
	}
	return exitCode(2)
}
