package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strings"

	"github.com/samla-sip/samla/config"
	"github.com/samla-sip/samla/directory"
	"github.com/samla-sip/samla/examples"
	"github.com/samla-sip/samla/internal/agenda"
	"github.com/samla-sip/samla/internal/i18n"
)

// maxNeedsBytes bounds the needs text read from stdin.
const maxNeedsBytes = 64 << 10

// runAgenda implements "samla agenda draft [--json] [--parter bup,skola]
// [--lang sv|en] [--yes] [--config FILE]": needs text on stdin, the draft
// on stdout; on stderr the exact text that would go to the language model
// (when one is configured), the question whether to send it, which source
// was used and what was redacted.
func runAgenda(ctx context.Context, env *cliEnv, args []string) error {
	if len(args) == 0 || args[0] != "draft" {
		fmt.Fprintln(env.stderr, "Usage: samla agenda draft [--json] [--parter bup,skola] [--lang sv|en] [--yes] [--config FILE] < behov.txt")
		return exitCode(2)
	}
	fs := subcommandFlags("agenda draft", env)
	asJSON := fs.Bool("json", false, "print the draft as JSON instead of chat Markdown")
	parter := fs.String("parter", "", "comma-separated care-level `IDS` chosen on the case, e.g. bup,skola")
	lang := fs.String("lang", "", "language of the draft: sv or en (default SAMLA_LANG)")
	file := fs.String("config", "", "read settings from `FILE` (SAMLA_NAME=value lines); the environment overrides it")
	yes := fs.Bool("yes", false, "send the redacted text to the language model without asking (scripts)")
	if err := fs.Parse(args[1:]); err != nil {
		return flagParseExit(err)
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(env.stderr, "samla agenda draft: oväntat argument %q; behovstexten läses från stdin (the needs text is read from stdin)\n", fs.Arg(0))
		return exitCode(2)
	}
	cfg, err := loadConfig(env, *file)
	if err != nil {
		return err
	}
	l := *lang
	if l == "" {
		l = cfg.Lang
	}
	if _, ok := i18n.Parse(l); !ok {
		fmt.Fprintf(env.stderr, "samla agenda draft: --lang måste vara sv eller en (must be sv or en), inte %q\n", l)
		return exitCode(2)
	}

	needs, err := agendaReadNeeds(env.stdin)
	if err != nil {
		fmt.Fprintln(env.stderr, agendaMsg(l, "Behovstexten är för lång (högst 64 KiB).", "The needs text is too long (at most 64 KiB)."))
		return exitCode(1)
	}
	dir, err := agendaDirectory(cfg)
	if err != nil {
		return fmt.Errorf("directory: %w", err)
	}

	d := agenda.New(agenda.Options{
		BaseURL:       cfg.LLM.BaseURL,
		Model:         cfg.LLM.Model,
		APIKey:        cfg.LLM.APIKey,
		Timeout:       cfg.LLM.Timeout,
		Directory:     directory.NewHolder(dir),
		AllowClinical: cfg.LLM.AllowClinical(),
		Log:           agendaLogger(env.stderr, cfg.LogLevel),
	})
	var approved string
	if d.Enabled() {
		preview := d.Preview(needs)
		agendaShowPreview(env.stderr, l, preview)
		ok, err := agendaConfirm(env, l, *yes)
		if err != nil {
			return err
		}
		if ok {
			approved = preview.Hash()
		}
	}
	draft, err := d.Draft(ctx, agenda.Request{Needs: needs, Parties: agendaSplitIDs(*parter), Lang: l, Approved: approved})
	var in *agenda.InputError
	if errors.As(err, &in) {
		fmt.Fprintln(env.stderr, in.Text(l))
		return exitCode(2)
	}
	if err != nil {
		return err
	}

	if *asJSON {
		b, err := agenda.JSON(draft)
		if err != nil {
			return err
		}
		if _, err := env.stdout.Write(b); err != nil {
			return fmt.Errorf("write draft: %w", err)
		}
	} else if _, err := io.WriteString(env.stdout, agenda.Markdown(draft)); err != nil {
		return fmt.Errorf("write draft: %w", err)
	}

	fmt.Fprintln(env.stderr, draft.Reason)
	if draft.Redacted.Total() > 0 {
		fmt.Fprintln(env.stderr, agendaMsg(l, "Maskerat innan texten användes: ", "Redacted before the text was used: ")+draft.Redacted.Text(l)+".")
	}
	return nil
}

// agendaShowPreview prints exactly the text that would be sent, then each
// replacement in order, so the operator sees what leaves the machine.
func agendaShowPreview(w io.Writer, lang string, p agenda.Redaction) {
	fmt.Fprintln(w, agendaMsg(lang, "Detta skickas till språkmodellen:", "This is what goes to the language model:"))
	fmt.Fprintln(w, "----")
	fmt.Fprint(w, p.Text)
	if !strings.HasSuffix(p.Text, "\n") {
		fmt.Fprintln(w)
	}
	fmt.Fprintln(w, "----")
	if len(p.Marks) == 0 {
		fmt.Fprintln(w, agendaMsg(lang, "Inget har ersatts.", "Nothing was replaced."))
		return
	}
	repl := make([]string, len(p.Marks))
	for i, m := range p.Marks {
		repl[i] = "«" + p.Text[m.Start:m.End] + "»"
	}
	fmt.Fprintln(w, agendaMsg(lang, "Ersatt: ", "Replaced: ")+strings.Join(repl, ", ")+" ("+p.Report.Text(lang)+")")
}

// agendaConfirm asks "Skicka till språkmodellen?" on the terminal, or
// takes --yes. Without a terminal and without --yes it refuses (exit 2)
// rather than send unseen.
func agendaConfirm(env *cliEnv, lang string, yes bool) (bool, error) {
	if yes {
		return true, nil
	}
	var tty io.ReadWriteCloser
	var err error
	if env.terminal != nil {
		tty, err = env.terminal()
	}
	if tty == nil || err != nil {
		fmt.Fprintln(env.stderr, agendaMsg(lang,
			"samla agenda draft: ingen terminal att fråga på; granska texten ovan och kör med --yes för att skicka den.",
			"samla agenda draft: no terminal to ask on; review the text above and run with --yes to send it."))
		return false, exitCode(2)
	}
	defer tty.Close()
	fmt.Fprint(tty, agendaMsg(lang, "Skicka till språkmodellen? [j/N] ", "Send to the language model? [y/N] "))
	answer, _ := bufio.NewReader(tty).ReadString('\n')
	switch strings.ToLower(strings.TrimSpace(answer)) {
	case "j", "ja", "y", "yes":
		return true, nil
	}
	return false, nil
}

// agendaReadNeeds reads stdin up to maxNeedsBytes.
func agendaReadNeeds(r io.Reader) (string, error) {
	if r == nil {
		return "", nil
	}
	b, err := io.ReadAll(io.LimitReader(r, maxNeedsBytes+1))
	if err != nil {
		return "", fmt.Errorf("read stdin: %w", err)
	}
	if len(b) > maxNeedsBytes {
		return "", errors.New("needs text too long")
	}
	return string(b), nil
}

// agendaDirectory loads SAMLA_DIRECTORY, or the embedded sample directory
// when none is configured.
func agendaDirectory(cfg config.Config) (*directory.Directory, error) {
	if len(cfg.Directory) == 0 {
		return directory.LoadFS(examples.Directory(), ".")
	}
	return directory.Load(cfg.Directory...)
}

// agendaLogger logs warnings (debug with SAMLA_LOG_LEVEL=debug) as text on
// stderr, so the draft on stdout stays clean.
func agendaLogger(w io.Writer, level string) *slog.Logger {
	lvl := slog.LevelWarn
	if level == "debug" {
		lvl = slog.LevelDebug
	}
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: lvl}))
}

func agendaSplitIDs(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func agendaMsg(lang, sv, en string) string { return msg(flagLang(lang), sv, en) }
