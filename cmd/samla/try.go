package main

import (
	"context"
	"crypto/rand"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/samla-sip/samla/bots/console"
	"github.com/samla-sip/samla/config"
	"github.com/samla-sip/samla/directory"
	"github.com/samla-sip/samla/examples"
	"github.com/samla-sip/samla/internal/agenda"
	"github.com/samla-sip/samla/internal/chat"
	"github.com/samla-sip/samla/internal/i18n"
	"github.com/samla-sip/samla/internal/outbox"
	"github.com/samla-sip/samla/internal/reminders"
	"github.com/samla-sip/samla/internal/sip"
	"github.com/samla-sip/samla/internal/store/bboltstore"
)

// tryOptions are what runTry wires; tests replace the clock and randomness.
type tryOptions struct {
	now  func() time.Time
	rand io.Reader
}

// runTry implements "samla try": the console chat platform on the real
// core and a real bbolt store (a temporary one unless --data is given).
func runTry(ctx context.Context, env *cliEnv, args []string) error {
	return runTryWith(ctx, env, args, tryOptions{now: time.Now, rand: rand.Reader})
}

func runTryWith(ctx context.Context, env *cliEnv, args []string, opts tryOptions) error {
	fs := flag.NewFlagSet("try", flag.ContinueOnError)
	fs.SetOutput(env.stderr)
	dirFlag := fs.String("directory", env.getenv("SAMLA_DIRECTORY"), "directory files or folders, comma-separated (default: the embedded sample)")
	dataFlag := fs.String("data", "", "keep the data in this folder (default: a temporary folder removed on exit)")
	langFlag := fs.String("lang", flagLang(env.getenv("SAMLA_LANG")).String(), "language: sv or en")
	asFlag := fs.String("as", "", "start typing as this directory contact")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return exitCode(2)
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(env.stderr, "samla try: unexpected argument %q (the chat is read from stdin)\n", fs.Arg(0))
		return exitCode(2)
	}
	lang := flagLang(*langFlag)

	dir, err := loadTryDirectory(*dirFlag)
	if err != nil {
		return err
	}
	holder := directory.NewHolder(dir)

	data := *dataFlag
	if data == "" {
		tmp, err := os.MkdirTemp("", "samla-try-")
		if err != nil {
			return fmt.Errorf("temporary data folder: %w", err)
		}
		defer os.RemoveAll(tmp)
		data = tmp
	}
	// The console's clock: ":tid +7d" moves it, so nudges, escalations
	// and follow-up reminders can be watched as they fall due.
	clock := console.NewClock(opts.now)
	st, err := bboltstore.Open(filepath.Join(data, "samla.db"), bboltstore.WithClock(clock.Now))
	if err != nil {
		return err
	}
	defer st.Close()

	log := slog.New(slog.NewTextHandler(env.stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	set, err := reminders.SettingsFrom(config.Defaults().Reminders, "Europe/Stockholm", lang.String())
	if err != nil {
		return fmt.Errorf("reminders: %w", err)
	}
	var eng *reminders.Engine
	svc := sip.New(sip.Deps{
		Store: st, Directory: holder, Now: clock.Now, Rand: opts.rand, Lang: lang, Log: log,
		Planners: []sip.Planner{reminders.NewPlanner(set, log, nil)},
		Actions: map[string]sip.ActionFunc{reminders.ActionPrefix: func(ctx context.Context, who chat.Actor, act chat.Action) chat.Reply {
			return eng.Act(ctx, who, act) // the engine is built after the service it reads cases from
		}},
		Agenda: agenda.New(agenda.Options{
			BaseURL: env.getenv("SAMLA_LLM_BASE_URL"), Model: env.getenv("SAMLA_LLM_MODEL"),
			APIKey: env.getenv("SAMLA_LLM_API_KEY"), Directory: holder, Log: log,
			AllowClinical: env.getenv("SAMLA_LLM_CLINICAL") == "allow",
		}),
	})
	eng, err = reminders.New(reminders.Deps{Store: st, Cases: svc, Directory: reminders.DirectoryFrom(holder),
		Clock: clock, Settings: set, Log: log, Langs: svc})
	if err != nil {
		return fmt.Errorf("reminders: %w", err)
	}
	screen := console.NewScreen(env.stdout)
	session := &console.Session{
		Handler: svc, Directory: holder, Screen: screen, Lang: lang,
		Outbox: outbox.NewWorker(st, screen.Senders(), outbox.Options{
			Now: clock.Now, Parallel: 1, Batch: 100, Log: log,
		}),
		Echo:  !isTerminal(env.stdin),
		Clock: clock, Reminders: eng,
	}
	as := *asFlag
	if as == "" && strings.TrimSpace(*dirFlag) == "" {
		as = sampleConvener // the sample directory: start as its kurator
	}
	if as != "" {
		if err := session.SetActor(as); err != nil {
			return err
		}
	}
	if isTerminal(env.stdin) {
		fmt.Fprint(env.stdout, welcome(lang, as))
	}
	if err := session.Run(ctx, env.stdin); err != nil && !errors.Is(err, context.Canceled) {
		return err
	}
	return nil
}

// loadTryDirectory loads the given paths, else the embedded sample.
func loadTryDirectory(paths string) (*directory.Directory, error) {
	if strings.TrimSpace(paths) == "" {
		return directory.LoadFS(examples.Directory(), ".")
	}
	var list []string
	for _, p := range strings.Split(paths, ",") {
		if p = strings.TrimSpace(p); p != "" {
			list = append(list, p)
		}
	}
	d, err := directory.Load(list...)
	if err != nil {
		return nil, fmt.Errorf("load directory: %w", err)
	}
	return d, nil
}

func isTerminal(r io.Reader) bool {
	f, ok := r.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// sampleConvener is the sample directory's kurator in Lund, who convenes
// in the examples.
const sampleConvener = "lund-skola-kurator-sara"

func welcome(lang i18n.Lang, as string) string {
	if lang == i18n.English {
		return fmt.Sprintf(`Samla console – chat with the SIP core in your terminal.
You type as %q (switch with :as CONTACT_ID). Try:
  /sip new kommun=Lund age=14 parties=bup,skola,socialtjanst-barn
  /sip consent $REF written guardians
  /sip invite $REF
($REF is the last case reference shown; :help for console commands, :quit to leave)
`, as)
	}
	return fmt.Sprintf(`Samla konsol – chatta med SIP-kärnan i terminalen.
Du skriver som %q (byt med :as KONTAKT-ID). Prova:
  /sip ny kommun=Lund ålder=14 parter=bup,skola,socialtjanst-barn
  /sip samtycke $REF skriftligt vårdnadshavare
  /sip bjud $REF
($REF är senast visade ärendereferens; :help för konsolens kommandon, :quit för att sluta)
`, as)
}
