package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"text/tabwriter"
	"time"

	"github.com/samla-sip/samla/internal/outbox"
	"github.com/samla-sip/samla/internal/store"
	"github.com/samla-sip/samla/internal/store/bboltstore"
)

// runOutbox is "samla outbox list|requeue": the dead letters (messages
// the outbox gave up on) by id, platform, class and the platform's status
// and error id — never their text or recipient — and putting them back.
func runOutbox(ctx context.Context, env *cliEnv, args []string) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		outboxUsage(env.stdout)
		if len(args) == 0 {
			return exitCode(2)
		}
		return nil
	}
	switch args[0] {
	case "list":
		return outboxList(ctx, env, args[1:])
	case "requeue":
		return outboxRequeue(ctx, env, args[1:])
	}
	fmt.Fprintf(env.stderr, "samla outbox: okänt underkommando %q (unknown subcommand)\n", args[0])
	outboxUsage(env.stderr)
	return exitCode(2)
}

func outboxUsage(w io.Writer) {
	fmt.Fprint(w, `Usage:
  samla outbox list [--json] [--config FILE]          the dead letters: id, platform, class, status, error id
  samla outbox requeue ID… | --all [--config FILE]    put dead letters back in the outbox, due now
On bbolt (one file, one process) stop samla serve first; on Redis it works live.
`)
}

// deadLetterView is a dead letter as shown: ids and classes only.
type deadLetterView struct {
	ID       string    `json:"id"`
	Platform string    `json:"platform"`
	Class    string    `json:"class"`
	Status   int       `json:"status,omitempty"`
	ErrorID  string    `json:"error_id,omitempty"`
	Attempts int       `json:"attempts"`
	At       time.Time `json:"at"`
}

func outboxList(ctx context.Context, env *cliEnv, args []string) error {
	fs := subcommandFlags("outbox list", env)
	file := fs.String("config", "", "read settings from `FILE` (SAMLA_NAME=value lines); the environment overrides it")
	asJSON := fs.Bool("json", false, "print JSON")
	if err := fs.Parse(args); err != nil {
		return flagParseExit(err)
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(env.stderr, "samla outbox list: unexpected argument %q\n", fs.Arg(0))
		return exitCode(2)
	}
	st, err := openOutboxStore(ctx, env, *file)
	if err != nil {
		return err
	}
	defer st.Close()
	dead, err := outbox.DeadLetters(ctx, st)
	if err != nil {
		return err
	}
	views := make([]deadLetterView, len(dead))
	for i, d := range dead {
		views[i] = deadLetterView{ID: d.ID, Platform: d.Platform, Class: d.Class, Status: d.Status,
			ErrorID: d.ErrorID, Attempts: d.Attempts, At: d.At.UTC()}
	}
	if *asJSON {
		enc := json.NewEncoder(env.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(views)
	}
	if len(views) == 0 {
		fmt.Fprintln(env.stdout, "no dead letters")
		return nil
	}
	tw := tabwriter.NewWriter(env.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tPLATFORM\tCLASS\tSTATUS\tERROR ID\tATTEMPTS\tAT")
	for _, v := range views {
		status := "-"
		if v.Status != 0 {
			status = fmt.Sprint(v.Status)
		}
		errorID := v.ErrorID
		if errorID == "" {
			errorID = "-"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%d\t%s\n", v.ID, v.Platform, v.Class, status, errorID, v.Attempts, v.At.Format(time.RFC3339))
	}
	return tw.Flush()
}

func outboxRequeue(ctx context.Context, env *cliEnv, args []string) error {
	fs := subcommandFlags("outbox requeue", env)
	file := fs.String("config", "", "read settings from `FILE` (SAMLA_NAME=value lines); the environment overrides it")
	all := fs.Bool("all", false, "requeue every dead letter")
	ids, err := parseFlags(fs, args)
	if err != nil {
		return flagParseExit(err)
	}
	if *all == (len(ids) > 0) {
		fmt.Fprintln(env.stderr, "samla outbox requeue: give dead-letter ids or --all (not both)")
		return exitCode(2)
	}
	st, err := openOutboxStore(ctx, env, *file)
	if err != nil {
		return err
	}
	defer st.Close()
	if *all {
		dead, err := outbox.DeadLetters(ctx, st)
		if err != nil {
			return err
		}
		for _, d := range dead {
			ids = append(ids, d.ID)
		}
	}
	requeued := 0
	for _, id := range ids {
		err := outbox.Requeue(ctx, st, id, time.Now())
		switch {
		case errors.Is(err, store.ErrNotFound):
			fmt.Fprintf(env.stderr, "samla outbox requeue: no dead letter %q\n", id)
		case err != nil:
			return err
		default:
			requeued++
			fmt.Fprintf(env.stdout, "requeued %s\n", id)
		}
	}
	fmt.Fprintf(env.stdout, "%d of %d requeued\n", requeued, len(ids))
	if requeued < len(ids) {
		return exitCode(1)
	}
	return nil
}

// openOutboxStore opens the configured store for an operator command.
func openOutboxStore(ctx context.Context, env *cliEnv, file string) (store.Store, error) {
	return openOperatorStore(ctx, env, "samla outbox", file)
}

// openOperatorStore opens the configured store for an operator command
// (cmd names it in messages).
func openOperatorStore(ctx context.Context, env *cliEnv, cmd, file string) (store.Store, error) {
	cfg, err := loadConfig(env, file)
	if err != nil {
		return nil, err
	}
	st, err := openStore(ctx, cfg)
	if errors.Is(err, bboltstore.ErrLocked) {
		fmt.Fprintln(env.stderr, cmd+": the bbolt file is in use (by samla serve?); stop it first, or use SAMLA_STORE=redis")
		return nil, exitCode(1)
	}
	return st, err
}
