package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"time"

	"github.com/samla-sip/samla/directory"
	"github.com/samla-sip/samla/examples"
	"github.com/samla-sip/samla/internal/i18n"
	"github.com/samla-sip/samla/internal/sip"
)

// runDirectory is "samla directory check|route|search|generate".
func runDirectory(ctx context.Context, env *cliEnv, args []string) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		directoryUsage(env.stdout)
		if len(args) == 0 {
			return exitCode(2)
		}
		return nil
	}
	sub, rest := args[0], args[1:]
	switch sub {
	case "check":
		return directoryCheck(env, rest)
	case "route":
		return directoryRoute(ctx, env, rest)
	case "search":
		return directorySearch(env, rest)
	case "generate":
		return directoryGenerate(env, rest)
	case "import":
		return directoryImport(ctx, env, rest)
	}
	fmt.Fprintf(env.stderr, "samla directory: okänt underkommando %q (unknown subcommand)\n", sub)
	directoryUsage(env.stderr)
	return exitCode(2)
}

func directoryUsage(w io.Writer) {
	fmt.Fprint(w, `Usage:
  samla directory check [FILES…]        validate (no files: SAMLA_DIRECTORY, else the embedded sample)
  samla directory route --care CARE --kommun K [--age N] [--role R] [--date YYYY-MM-DD] [--chat [--config FILE]] [--json] [--lang sv|en]
  samla directory search QUERY [--json] [--limit N] [--lang sv|en]
  samla directory generate --contacts N [--out DIR] [--seed S]
  samla directory import --ldap URL --base DN --map FILE [--out DIR] [--diff] [--ca FILE]
                                        LDAP/AD as directory YAML for review (bind: SAMLA_LDAP_BIND_DN, SAMLA_LDAP_BIND_PASSWORD)
`)
}

// parseFlags parses flags given before, between or after the
// positional arguments and returns the positional ones.
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return pos, nil
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

func newFlags(env *cliEnv, name string) *flag.FlagSet {
	fs := flag.NewFlagSet("samla directory "+name, flag.ContinueOnError)
	fs.SetOutput(env.stderr)
	return fs
}

// flagError turns a flag problem into exit status 2 (flag printed it).
func flagError(err error) error {
	if errors.Is(err, flag.ErrHelp) {
		return nil
	}
	return exitCode(2)
}

// cliDirectory loads the given files, else SAMLA_DIRECTORY, else the
// embedded sample; source names what was loaded.
func cliDirectory(env *cliEnv, files []string) (d *directory.Directory, source string, err error) {
	if len(files) == 0 {
		files = directory.SplitPaths(env.getenv("SAMLA_DIRECTORY"))
	}
	if len(files) == 0 {
		d, err = directory.LoadFS(examples.Directory(), ".")
		return d, "embedded sample", err
	}
	d, err = directory.Load(files...)
	return d, strings.Join(files, ","), err
}

// reportLoadError prints every validation problem, or the error.
func reportLoadError(env *cliEnv, source string, err error) error {
	var ve *directory.ValidationError
	if errors.As(err, &ve) {
		for _, p := range ve.Problems {
			fmt.Fprintln(env.stderr, p.String())
		}
		fmt.Fprintf(env.stderr, "%d problem(s) in %s\n", len(ve.Problems), source)
	} else {
		fmt.Fprintf(env.stderr, "samla directory: %v\n", err)
	}
	return exitCode(1)
}

func directoryCheck(env *cliEnv, args []string) error {
	fs := newFlags(env, "check")
	files, err := parseFlags(fs, args)
	if err != nil {
		return flagError(err)
	}
	d, source, err := cliDirectory(env, files)
	if err != nil {
		return reportLoadError(env, source, err)
	}
	st := d.Stats()
	fmt.Fprintf(env.stdout, "ok: %d organisations, %d units, %d contacts in %d files\n", st.Organisations, st.Units, st.Contacts, st.Files)
	return nil
}

func directoryRoute(ctx context.Context, env *cliEnv, args []string) error {
	fs := newFlags(env, "route")
	care := fs.String("care", "", "care level, e.g. bup")
	kommun := fs.String("kommun", "", "kommun name or SCB code, e.g. Lund or 1281")
	age := fs.Int("age", -1, "the individual's age (optional)")
	role := fs.String("role", "", "role wanted, e.g. kurator (optional)")
	date := fs.String("date", "", "day of contact, YYYY-MM-DD (default today)")
	asJSON := fs.Bool("json", false, "print JSON")
	lang := fs.String("lang", "sv", "language of the reasons: sv or en")
	withChat := fs.Bool("chat", false, "also the absences reported in chat (/sip borta), from the configured store")
	configFile := fs.String("config", "", "file of SAMLA_* settings (with --chat)")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return flagError(err)
	}
	if *care == "" || *kommun == "" || len(pos) > 0 {
		fmt.Fprintln(env.stderr, msg(flagLang(*lang), "Ange --care och --kommun, t.ex. --care bup --kommun Lund.", "Give --care and --kommun, e.g. --care bup --kommun Lund."))
		return exitCode(2)
	}
	day := time.Now()
	if *date != "" {
		if day, err = time.Parse(time.DateOnly, *date); err != nil {
			fmt.Fprintln(env.stderr, msg(flagLang(*lang), "--date ska skrivas ÅÅÅÅ-MM-DD.", "--date must be YYYY-MM-DD."))
			return exitCode(2)
		}
	}
	d, source, err := cliDirectory(env, nil)
	if err != nil {
		return reportLoadError(env, source, err)
	}
	q := directory.Query{Care: *care, Kommun: *kommun, Age: *age, Role: *role, Date: day}
	if *withChat {
		st, err := openOperatorStore(ctx, env, "samla directory", *configFile)
		if err != nil {
			return err
		}
		defer st.Close()
		q.Overlay = sip.AbsenceOverlay(ctx, st, slog.New(slog.NewTextHandler(env.stderr, nil)))
	}
	res := d.Route(q)
	if *asJSON {
		return writeJSON(env.stdout, directory.RouteJSON(res, flagLang(*lang)))
	}
	writeRoute(env.stdout, q, res, flagLang(*lang))
	return nil
}

// writeRoute prints a route result for people.
func writeRoute(w io.Writer, q directory.Query, res directory.RouteResult, lang i18n.Lang) {
	head := fmt.Sprintf(msg(lang, "%s i %s", "%s in %s"), directory.CareLabel(strings.ToLower(q.Care), lang), kommunName(q.Kommun))
	if q.Age >= 0 {
		head += fmt.Sprintf(", %d %s", q.Age, msg(lang, "år", "years"))
	}
	if q.Role != "" {
		head += ", " + msg(lang, "roll ", "role ") + directory.RoleLabel(q.Role, lang)
	}
	fmt.Fprintf(w, "%s, %s:\n", head, q.Date.Format(time.DateOnly))
	if len(res.Candidates) == 0 {
		fmt.Fprintln(w, msg(lang, "  Ingen träff.", "  No match."))
	}
	for i, c := range res.Candidates {
		unit := ""
		if c.Unit != nil {
			unit = " — " + c.Unit.Name
		}
		fmt.Fprintf(w, "%d. %s (%s)%s\n", i+1, c.Contact.Name, c.Contact.ID, unit)
		fmt.Fprintf(w, "   %s %s\n", msg(lang, "nå via:", "reach: "), directory.ChannelString(c.Channel))
		fmt.Fprintf(w, "   %s %s\n", msg(lang, "varför:", "why:   "), c.Reason.Text(lang))
	}
	if res.Note != nil {
		fmt.Fprintf(w, "%s %s\n", msg(lang, "Obs:", "Note:"), res.Note.Text(lang))
	}
}

func kommunName(s string) string {
	if k, ok := directory.LookupKommun(s); ok {
		return k.Name
	}
	return s
}

func msg(l i18n.Lang, sv, en string) string { return i18n.Text{Sv: sv, En: en}.In(l) }

// flagLang reads a --lang flag; Swedish unless it names English.
func flagLang(s string) i18n.Lang {
	l, _ := i18n.Parse(s)
	return l.Or(i18n.Swedish)
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

func directorySearch(env *cliEnv, args []string) error {
	fs := newFlags(env, "search")
	asJSON := fs.Bool("json", false, "print JSON")
	limit := fs.Int("limit", 20, "at most this many results")
	lang := fs.String("lang", "sv", "language: sv or en")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return flagError(err)
	}
	query := strings.Join(pos, " ")
	if strings.TrimSpace(query) == "" {
		fmt.Fprintln(env.stderr, msg(flagLang(*lang), "Skriv vad du söker, t.ex. samla directory search bup lund.", "Say what to search for, e.g. samla directory search bup lund."))
		return exitCode(2)
	}
	d, source, err := cliDirectory(env, nil)
	if err != nil {
		return reportLoadError(env, source, err)
	}
	hits := d.Search(query, *limit)
	if *asJSON {
		return writeJSON(env.stdout, directory.SearchJSON(hits))
	}
	if len(hits) == 0 {
		fmt.Fprintln(env.stdout, msg(flagLang(*lang), "Ingen träff.", "No match."))
	}
	for i, h := range hits {
		roles := make([]string, len(h.Contact.Roles))
		for j, r := range h.Contact.Roles {
			roles[j] = directory.RoleLabel(r, flagLang(*lang))
		}
		fmt.Fprintf(env.stdout, "%d. %s (%s) — %s [%s] %s\n", i+1, h.Contact.Name, h.Contact.ID, h.Unit.Name,
			strings.Join(roles, ", "), directory.ChannelString(directory.BestChannel(h.Contact)))
	}
	return nil
}

func directoryGenerate(env *cliEnv, args []string) error {
	fs := newFlags(env, "generate")
	n := fs.Int("contacts", 0, "number of contacts")
	out := fs.String("out", "", "write one file per region into this folder (default: one document on stdout)")
	seed := fs.Uint64("seed", 1, "random seed; the same seed gives the same directory")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return flagError(err)
	}
	if *n <= 0 || len(pos) > 0 {
		fmt.Fprintln(env.stderr, "Usage: samla directory generate --contacts N [--out DIR] [--seed S]")
		return exitCode(2)
	}
	opts := directory.GenerateOptions{Contacts: *n, Seed: *seed}
	if *out == "" {
		return directory.Generate(env.stdout, opts)
	}
	files, err := directory.GenerateDir(*out, opts)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.stdout, "wrote %d contacts in %d files to %s\n", *n, len(files), *out)
	return nil
}
