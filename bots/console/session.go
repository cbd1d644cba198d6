package console

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/samla-sip/samla/directory"
	"github.com/samla-sip/samla/internal/chat"
	"github.com/samla-sip/samla/internal/i18n"
)

// Deliverer delivers one batch of the outbox's due messages and says how
// many it claimed (outbox.Worker; use Options.Parallel 1 for output in
// claim order).
type Deliverer interface {
	DeliverDue(ctx context.Context) (int, error)
}

// Reminders fires the reminders that have fallen due and says how many
// (reminders.Engine).
type Reminders interface {
	FireDue(ctx context.Context) (int, error)
}

// DirectorySource gives the directory in service.
type DirectorySource interface {
	Current() *directory.Directory
}

// Session reads console lines and plays them against the core:
//
//	:as CONTACT_ID   type as a contact of the directory
//	/sip …           run a command as that contact (a bare /sip ny opens
//	                 the new-case form, one line per field)
//	:click b3        press a button shown to that contact
//	:tid +7d         move the clock (with Clock): +3h, +30m, 2027-02-22[T08:30]
//	:help, :quit, # comment
//
// $REF in a line stands for the last case reference shown, so scripts
// work whatever reference a case gets.
// A button with a prompt reads its answer from the next line.
type Session struct {
	Handler   Core
	Directory DirectorySource
	Screen    *Screen
	Outbox    Deliverer
	Lang      i18n.Lang // console's own texts; Swedish when unset
	// Echo prints each input line (for scripts, where input is not seen).
	Echo bool
	// Clock, when set, is moved by ":tid"; Reminders, when set, fire what
	// has fallen due after every line (so after a move too).
	Clock     *Clock
	Reminders Reminders
	// Location is the zone ":tid" dates are read and shown in; nil is
	// Europe/Stockholm.
	Location *time.Location

	actor   chat.Actor
	prompt  *pendingPrompt
	form    *newCaseForm
	lastRef string // the last case reference shown, typed as $REF
}

// pendingPrompt is a button press waiting for its prompt answer.
type pendingPrompt struct {
	action string
	value  string
	prompt chat.Prompt
}

// errQuit ends Run.
var errQuit = fmt.Errorf("console: quit")

// Run reads lines from in until EOF, :quit or ctx is done. Lines are read
// by a goroutine so an interrupt is handled at once; that goroutine ends
// at the next line or end of input (a blocked terminal read cannot be
// cancelled, so it ends with the process).
func (s *Session) Run(ctx context.Context, in io.Reader) error {
	lines := make(chan string)
	readErr := make(chan error, 1)
	go func() {
		defer close(lines)
		sc := bufio.NewScanner(in)
		sc.Buffer(make([]byte, 64*1024), 1024*1024)
		for sc.Scan() {
			select {
			case lines <- sc.Text():
			case <-ctx.Done():
				return
			}
		}
		readErr <- sc.Err()
	}()
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case line, ok := <-lines:
			if !ok {
				select {
				case err := <-readErr:
					return err
				default:
					return ctx.Err()
				}
			}
			err := s.Line(ctx, line)
			if err == errQuit {
				return nil
			}
			if err != nil {
				return err
			}
		}
	}
}

// SetActor sets who is typing (the --as flag).
func (s *Session) SetActor(contactID string) error {
	return s.as(contactID)
}

// Line handles one input line.
func (s *Session) Line(ctx context.Context, line string) error {
	line = strings.TrimSpace(line)
	if s.lastRef != "" {
		line = strings.ReplaceAll(line, "$REF", s.lastRef)
	}
	if s.Echo && line != "" {
		if strings.HasPrefix(line, "#") || s.actor.ContactID == "" {
			s.Screen.println("%s", line)
		} else {
			s.Screen.println("%s> %s", s.who(), line)
		}
	}
	if s.prompt != nil {
		p := s.prompt
		s.prompt = nil
		if !strings.HasPrefix(line, ":") {
			return s.answer(ctx, p, line)
		}
		s.Screen.println("! %s", s.text("cancelled")) // a console command cancels the prompt
	}
	if s.form != nil {
		if !strings.HasPrefix(line, ":") {
			return s.fillField(ctx, line)
		}
		s.form = nil
		s.Screen.println("! %s", s.text("cancelled")) // a console command cancels the form
	}
	switch {
	case line == "" || strings.HasPrefix(line, "#"):
		return nil
	case line == ":quit" || line == ":q":
		return errQuit
	case line == ":help":
		s.Screen.println("%s", s.text("help"))
		return nil
	case strings.HasPrefix(line, ":as"):
		if err := s.as(strings.TrimSpace(strings.TrimPrefix(line, ":as"))); err != nil {
			s.Screen.println("! %v", err)
		}
		return nil
	case strings.HasPrefix(line, ":click"):
		return s.click(ctx, strings.TrimSpace(strings.TrimPrefix(line, ":click")))
	case strings.HasPrefix(line, ":tid") || strings.HasPrefix(line, ":time"):
		return s.moveClock(ctx, strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(line, ":tid"), ":time")))
	case strings.HasPrefix(line, "/sip"):
		if s.actor.Platform == "" {
			s.Screen.println("! %s", s.text("noactor"))
			return nil
		}
		text := strings.TrimSpace(strings.TrimPrefix(line, "/sip"))
		if t := strings.ToLower(text); t == "ny" || t == "new" {
			s.openForm()
			return nil
		}
		return s.handleReply(ctx, s.Handler.Command(ctx, s.actor, text))
	default:
		s.Screen.println("! %s", s.text("unknown"))
		return nil
	}
}

func (s *Session) who() string {
	if s.actor.ContactID != "" {
		return s.actor.ContactID
	}
	return "?"
}

// as switches to a contact, on their preferred chat platform.
func (s *Session) as(id string) error {
	c, ok := s.Directory.Current().Contact(id)
	if !ok {
		return fmt.Errorf("%s: %q", s.text("nocontact"), id)
	}
	a := chat.Actor{Platform: chat.Console, UserID: c.ID, ContactID: c.ID}
	for _, r := range c.Reach {
		if r.Kind == chat.Slack && r.User != "" {
			a = chat.Actor{Platform: chat.Slack, Workspace: r.Workspace, UserID: r.User, ContactID: c.ID}
			break
		}
		if r.Kind == chat.Mattermost && r.User != "" {
			a = chat.Actor{Platform: chat.Mattermost, Workspace: r.Server, UserID: r.User, ContactID: c.ID}
			break
		}
	}
	s.actor = a
	return nil
}

// click presses a button shown to the current contact.
func (s *Session) click(ctx context.Context, id string) error {
	b, ok := s.Screen.button(id)
	if !ok {
		s.Screen.println("! %s %q", s.text("nobutton"), id)
		return nil
	}
	if s.actor.ContactID == "" || b.to.ContactID != s.actor.ContactID {
		s.Screen.println("! %s", s.text("notyours"))
		return nil
	}
	if b.stale {
		s.Screen.println("! %s", s.text("stale", id))
		return nil
	}
	if b.Prompt != nil {
		s.ask(b.Action, b.Value, *b.Prompt)
		return nil
	}
	return s.handleReply(ctx, s.Handler.Act(ctx, s.actor, chat.Action{Name: b.Action, Value: b.Value}))
}

// ask shows a prompt; the next line answers it.
func (s *Session) ask(action, value string, p chat.Prompt) {
	s.prompt = &pendingPrompt{action: action, value: value, prompt: p}
	s.Screen.println("? %s – %s", p.Title, p.Label)
	for i, o := range p.Options {
		s.Screen.println("  %d) %s [%s]", i+1, o.Label, o.Value)
	}
	switch {
	case len(p.Options) > 0 && p.Checkbox != "":
		s.Screen.println("  %s", s.text("answer.choice.flag", p.Checkbox))
	case len(p.Options) > 0:
		s.Screen.println("  %s", s.text("answer.choice"))
	default:
		s.Screen.println("  %s", s.text("answer.text"))
	}
}

// answer completes a prompted button press with the line typed.
func (s *Session) answer(ctx context.Context, p *pendingPrompt, line string) error {
	act := chat.Action{Name: p.action, Value: p.value, Input: line}
	if len(p.prompt.Options) > 0 {
		choice, flag := splitFlag(line)
		act.Flag = flag
		act.Input = choice
		if n, err := strconv.Atoi(choice); err == nil && n >= 1 && n <= len(p.prompt.Options) {
			act.Input = p.prompt.Options[n-1].Value
		}
	}
	if line == "" && !p.prompt.Optional {
		s.Screen.println("! %s", s.text("cancelled"))
		return nil
	}
	return s.handleReply(ctx, s.Handler.Act(ctx, s.actor, act))
}

// splitFlag reads "2 mandat", "omar utan mandat", "2 med mandat",
// "2 with mandate", "2 without mandate": the choice and the checkbox.
func splitFlag(line string) (string, bool) {
	f := strings.Fields(strings.ToLower(line))
	if len(f) == 0 {
		return "", false
	}
	rest := strings.Join(f[1:], " ")
	switch rest {
	case "mandat", "med mandat", "ja", "yes", "with mandate", "mandate":
		return f[0], true
	default:
		return f[0], false
	}
}

// moveClock is ":tid": it moves the clock, shows the new time, and fires
// and delivers whatever fell due meanwhile.
func (s *Session) moveClock(ctx context.Context, arg string) error {
	if s.Clock == nil {
		s.Screen.println("! %s", s.text("noclock"))
		return nil
	}
	loc := s.Location
	if loc == nil {
		loc = stockholm()
	}
	d, err := parseMove(arg, s.Clock.Now(), loc)
	if err != nil {
		s.Screen.println("! %s", s.text("badmove", arg))
		return nil
	}
	s.Clock.Advance(d)
	s.Screen.println("⏱ %s", s.Clock.Now().In(loc).Format("2006-01-02 15:04 (Mon)"))
	return s.deliver(ctx)
}

// stockholm is the zone meeting times are typed in.
func stockholm() *time.Location {
	loc, err := time.LoadLocation("Europe/Stockholm")
	if err != nil {
		return time.UTC
	}
	return loc
}

// handleReply prints a reply, asks its prompt if any, then delivers what
// the command queued.
func (s *Session) handleReply(ctx context.Context, reply chat.Reply) error {
	to := s.actor.Address()
	s.Screen.printReply(to, reply)
	if reply.Ref != "" {
		s.lastRef = reply.Ref
	}
	if reply.Prompt != nil {
		s.ask(reply.PromptAction, reply.PromptValue, *reply.Prompt)
	}
	return s.deliver(ctx)
}

// deliver fires the reminders that fell due, then delivers the outbox.
func (s *Session) deliver(ctx context.Context) error {
	if s.Reminders != nil {
		for range maxDeliveryRounds {
			n, err := s.Reminders.FireDue(ctx)
			if err != nil {
				return fmt.Errorf("console: reminders: %w", err)
			}
			if n == 0 {
				break
			}
		}
	}
	if s.Outbox == nil {
		return nil
	}
	// Deliver everything the command queued before the next line, so the
	// output reads in order; a job that failed waits for its retry time.
	for range maxDeliveryRounds {
		n, err := s.Outbox.DeliverDue(ctx)
		if err != nil {
			return fmt.Errorf("console: deliver: %w", err)
		}
		if n == 0 {
			return nil
		}
	}
	return nil
}

// maxDeliveryRounds bounds the batches delivered after one line.
const maxDeliveryRounds = 100

var texts = i18n.Catalogue{
	"help": {Sv: `Rader / lines:
  :as KONTAKT-ID     skriv som en kontakt i katalogen
  /sip …             kör ett kommando (/sip hjälp listar dem; /sip ny öppnar formuläret)
  :click b3          tryck på en knapp som visats för dig
  :tid +7d           flytta klockan (+3h, +30m, 2027-02-22): påminnelser som förfaller skickas
  :quit              avsluta        # kommentar
  $REF               senast visade ärendereferens`, En: `Lines:
  :as CONTACT_ID     type as a contact of the directory
  /sip …             run a command (/sip help lists them; /sip new opens the form)
  :click b3          press a button shown to you
  :tid +7d           move the clock (+3h, +30m, 2027-02-22): reminders falling due are sent
  :quit              leave          # comment
  $REF               the last case reference shown`},
	"noactor":            {Sv: "Välj först vem du är: :as KONTAKT-ID", En: "First choose who you are: :as CONTACT_ID"},
	"unknown":            {Sv: "Okänd rad – skriv :help", En: "Unknown line – type :help"},
	"nocontact":          {Sv: "ingen sådan kontakt i katalogen", En: "no such contact in the directory"},
	"nobutton":           {Sv: "ingen sådan knapp", En: "no such button"},
	"notyours":           {Sv: "den knappen visades inte för dig", En: "that button was not shown to you"},
	"stale":              {Sv: "%s finns inte längre – meddelandet har uppdaterats (se ✎ ovan)", En: "%s is gone – the message was updated (see ✎ above)"},
	"answer.text":        {Sv: "(skriv svaret på nästa rad)", En: "(type the answer on the next line)"},
	"answer.choice":      {Sv: "(skriv nummer eller id på nästa rad)", En: "(type a number or id on the next line)"},
	"answer.choice.flag": {Sv: "(skriv nummer eller id, och \"mandat\" eller \"utan mandat\" – %s)", En: "(type a number or id, and \"mandate\" or \"without mandate\" – %s)"},
	"cancelled":          {Sv: "avbrutet", En: "cancelled"},
	"noclock":            {Sv: "klockan går inte att flytta här", En: "the clock cannot be moved here"},
	"badmove":            {Sv: "%q: skriv t.ex. :tid +7d, :tid +3h eller :tid 2027-02-22 (framåt)", En: "%q: type e.g. :time +7d, :time +3h or :time 2027-02-22 (forward)"},
	"form.title":         {Sv: "Ny SIP – en rad per fält (tom rad hoppar över ett valfritt fält; :-kommando avbryter). Skriv aldrig namn eller personnummer.", En: "New SIP – one line per field (an empty line skips an optional field; a :command cancels). Never type names or personal identity numbers."},
	"form.kommun":        {Sv: "Kommun (t.ex. Lund)", En: "Municipality (e.g. Lund)"},
	"form.age":           {Sv: "Ålder i hela år", En: "Age in whole years"},
	"form.parties":       {Sv: "Parter (t.ex. bup,skola,socialtjanst-barn)", En: "Parties (e.g. bup,skola,socialtjanst-barn)"},
	"form.needs":         {Sv: "Behov (valfritt; syns bara för dig och dem som tackar ja)", En: "Needs (optional; seen only by you and those who accept)"},
	"form.meeting":       {Sv: "Möte (valfritt, t.ex. 2026-12-10 13:00 video)", En: "Meeting (optional, e.g. 2026-12-10 13:00 video)"},
}

func (s *Session) text(id string, args ...any) string { return texts.T(s.Lang, id, args...) }
