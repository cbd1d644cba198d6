// Command samla is the Samla service and its operator tools: the HTTP
// server with the chat bots, the directory checks, the console chat
// simulator and the agenda drafter. It is the only place that wires the
// packages together.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
	_ "time/tzdata" // SAMLA_TIMEZONE works on hosts without a zoneinfo database
)

// command is one subcommand. Each lives in its own file.
type command struct {
	name    string
	summary string
	run     func(ctx context.Context, env *cliEnv, args []string) error
}

// cliEnv is what every subcommand gets: arguments are parsed by each
// subcommand with its own flag.FlagSet.
type cliEnv struct {
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	getenv func(string) string
	// environ lists the environment as "K=V" (for warnings about unknown
	// SAMLA_* names); may be nil.
	environ func() []string
	// reload delivers requests to reload the directory; nil = SIGHUP
	// (samla serve only, so a terminal hangup still ends other commands).
	reload <-chan struct{}
	// terminal opens the controlling terminal for a question (stdin may
	// be a pipe); nil or an error = no terminal.
	terminal func() (io.ReadWriteCloser, error)
}

func commands() []command {
	return []command{
		{"serve", "run the HTTP server (chat bots, directory API, health, metrics)", runServe},
		{"try", "chat with Samla in the terminal (console platform)", runTry},
		{"directory", "check, route, search and generate directories", runDirectory},
		{"agenda", "draft a SIP agenda from needs text on stdin", runAgenda},
		{"config", "show the effective configuration (secrets masked)", runConfig},
		{"mail", "send a test e-mail through the configured relay", runMail},
		{"backup", "write a consistent snapshot of the store to a file (online)", runBackup},
		{"restore", "put a backup back into the store (server stopped)", runRestore},
		{"healthcheck", "exit 0 when the local server answers /healthz (container health check)", runHealthcheck},
		{"version", "print version, commit and Go version", runVersion},
		{"outbox", "list and requeue dead letters (messages given up on)", runOutbox},
		{"stats", "SIP statistics from the store, small cells hidden; 'stats demo' makes a synthetic year", runStats},
	}
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	env := &cliEnv{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, getenv: os.Getenv, environ: os.Environ,
		terminal: func() (io.ReadWriteCloser, error) { return os.OpenFile("/dev/tty", os.O_RDWR, 0) }}
	os.Exit(run(ctx, env, os.Args[1:]))
}

// run dispatches to a subcommand and returns the exit code.
func run(ctx context.Context, env *cliEnv, args []string) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(env.stdout)
		return 0
	}
	for _, c := range commands() {
		if c.name == args[0] {
			if err := c.run(ctx, env, args[1:]); err != nil {
				var ec exitCode
				if asExitCode(err, &ec) {
					return int(ec)
				}
				fmt.Fprintf(env.stderr, "samla %s: %v\n", c.name, err)
				return 1
			}
			return 0
		}
	}
	fmt.Fprintf(env.stderr, "samla: okänt kommando %q (unknown command)\n\n", args[0])
	usage(env.stderr)
	return 2
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "Usage: samla COMMAND [flags]")
	fmt.Fprintln(w)
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-12s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Run 'samla COMMAND -h' for a command's flags.")
}
