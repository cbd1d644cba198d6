package agenda

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	openai "github.com/sashabaranov/go-openai"

	"github.com/samla-sip/samla/directory"
)

// DefaultTimeout bounds one draft, all model calls included.
const DefaultTimeout = 20 * time.Second

// maxNeedsRunes caps the redacted needs text sent to the model.
const maxNeedsRunes = 6000

// Options configure a Drafter. The model is off when BaseURL is empty.
type Options struct {
	BaseURL   string        // OpenAI-compatible API root, e.g. http://127.0.0.1:8000/v1
	Model     string        // model name as the server knows it
	APIKey    string        // optional bearer token
	Timeout   time.Duration // overall deadline of one draft; DefaultTimeout when zero
	Directory interface{ Current() *directory.Directory }
	// AllowClinical keeps clinical terms in the text sent to the model
	// (SAMLA_LLM_CLINICAL=allow); by default they are generalised.
	AllowClinical bool
	Log           *slog.Logger
	HTTPClient    *http.Client
}

// Drafter turns needs text into a Draft. Safe for concurrent use.
type Drafter struct {
	client   *openai.Client // nil when the model is off
	model    string
	timeout  time.Duration
	log      *slog.Logger
	contacts func() ContactLister // the directory snapshot in service, or nil
	names    nameCache
	rules    Rules
}

// New returns a drafter; with an empty BaseURL it only uses the fallback.
func New(opts Options) *Drafter {
	d := &Drafter{
		model:   opts.Model,
		timeout: opts.Timeout,
		rules:   Rules{AllowClinical: opts.AllowClinical},
		log:     opts.Log,
		contacts: func() ContactLister {
			if opts.Directory == nil {
				return nil
			}
			if cur := opts.Directory.Current(); cur != nil {
				return cur
			}
			return nil
		},
	}
	if d.timeout <= 0 {
		d.timeout = DefaultTimeout
	}
	if d.log == nil {
		d.log = slog.New(slog.DiscardHandler)
	}
	if opts.BaseURL != "" {
		cfg := openai.DefaultConfig(opts.APIKey)
		cfg.BaseURL = strings.TrimRight(opts.BaseURL, "/")
		if opts.HTTPClient != nil {
			cfg.HTTPClient = opts.HTTPClient
		}
		d.client = openai.NewClientWithConfig(cfg)
	}
	return d
}

// Enabled reports whether a language model is configured.
func (d *Drafter) Enabled() bool { return d.client != nil }

// Request is what to draft from.
type Request struct {
	Needs   string   // the convener's free text; redacted before any use
	Parties []string // care-level ids chosen on the case
	Lang    string   // "sv" (default) or "en"
	// Approved is the Hash of the Preview the convener confirmed. The
	// model is asked only when it equals the hash of the text that would
	// be sent now; otherwise the standard template is used and nothing
	// leaves the machine.
	Approved string
}

// Preview returns exactly the text a draft of needs would send to the
// model (redacted, generalised, cut at the limit), where its replacements
// are, and its Hash for Request.Approved.
func (d *Drafter) Preview(needs string) Redaction {
	red := d.rules.Redact(needs, d.names.get(d.contacts()))
	return red.truncate(maxNeedsRunes)
}

// Draft redacts the needs, asks the model when one is configured and falls
// back to the standard agenda when it is off, slow, failing or invalid.
// The only error is an unknown party id (*InputError).
func (d *Drafter) Draft(ctx context.Context, req Request) (Draft, error) {
	lang := normLang(req.Lang)
	parties, err := checkRequestParties(req.Parties)
	if err != nil {
		return Draft{}, err
	}
	names := d.names.get(d.contacts())
	red := d.rules.Redact(req.Needs, names).truncate(maxNeedsRunes)
	redacted, rep := red.Text, red.Report
	// Never the text, not even redacted: its length and what fired.
	d.log.Debug("agenda: needs redacted", "runes", utf8.RuneCountInString(redacted), "fired", rep.Fired())

	draft := Draft{Lang: lang, Parties: parties, Redacted: rep}
	if d.client == nil {
		return d.fallback(draft, failOff), nil
	}
	if req.Approved != red.Hash() {
		d.log.Info("agenda: text not approved for the model; using the template")
		return d.fallback(draft, failNotApproved), nil
	}
	start := time.Now()
	a, fail := d.ask(ctx, redacted, parties, lang)
	if fail != failNone {
		d.log.Warn("agenda: using fallback", "reason", fail.code(), "elapsed", time.Since(start).Round(time.Millisecond))
		return d.fallback(draft, fail), nil
	}
	a, out := redactAgenda(a, names)
	d.log.Info("agenda: drafted by model", "elapsed", time.Since(start).Round(time.Millisecond),
		"topics", len(a.Topics), "redacted", rep.Total(), "redacted_answer", out.Total())
	draft.Agenda = a
	draft.Source = SourceModel
	draft.Reason = reasonModel.in(lang)
	return draft, nil
}

// PreviewMarked is Preview for the SIP core (sip.AgendaApprover): the
// exact text with each replacement between open and close, and its hash.
func (d *Drafter) PreviewMarked(needs, open, close string) (marked, hash string) {
	p := d.Preview(needs)
	return p.Marked(open, close), p.Hash()
}

// DraftMarkdown drafts from the template and renders for chat; nothing is
// sent to the model without the convener's approval (DraftApproved).
func (d *Drafter) DraftMarkdown(ctx context.Context, needs string, parties []string, lang string) (string, bool, error) {
	return d.DraftApproved(ctx, needs, parties, lang, "")
}

// DraftApproved drafts and renders for chat: the method set the SIP core
// calls. approved is the Hash of the Preview the convener confirmed; the
// model is asked only when it still matches the text.
func (d *Drafter) DraftApproved(ctx context.Context, needs string, parties []string, lang, approved string) (string, bool, error) {
	draft, err := d.Draft(ctx, Request{Needs: needs, Parties: parties, Lang: lang, Approved: approved})
	if err != nil {
		return "", false, err
	}
	return Markdown(draft), draft.FromModel(), nil
}

func (d *Drafter) fallback(draft Draft, fail failure) Draft {
	draft.Agenda = Fallback(draft.Parties, draft.Lang)
	draft.Source = SourceFallback
	draft.Reason = fail.reason(draft.Lang, d.timeout)
	return draft
}

// checkRequestParties validates and de-duplicates the chosen parties.
func checkRequestParties(ids []string) ([]string, error) {
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		id = strings.TrimSpace(strings.ToLower(id))
		if id == "" {
			continue
		}
		if !knownCareLevel(directory.CareLevels, id) {
			return nil, &InputError{Party: id}
		}
		if !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out, nil
}

// InputError is a request the caller must fix: an unknown party id.
type InputError struct{ Party string }

func (e *InputError) Error() string { return fmt.Sprintf("agenda: unknown care level %q", e.Party) }

// Text is the user-facing message.
func (e *InputError) Text(lang string) string {
	return fmt.Sprintf(text{
		"Okänd part %q. Använd vårdnivåernas id, till exempel bup, skola, socialtjanst-barn.",
		"Unknown party %q. Use the care-level ids, for example bup, skola, socialtjanst-barn.",
	}.in(lang), e.Party)
}

// redactAgenda runs every text of the model's answer through Redact too,
// in case the model invented a name, a number or an address.
func redactAgenda(a Agenda, names *NameIndex) (Agenda, Report) {
	var total Report
	clean := func(s string) string {
		r := Rules{}.Redact(s, names)
		total = total.add(r.Report)
		return r.Text
	}
	a.Title = clean(a.Title)
	for i := range a.Goals {
		a.Goals[i] = clean(a.Goals[i])
	}
	for i := range a.Topics {
		a.Topics[i].Title = clean(a.Topics[i].Title)
	}
	for i := range a.Questions {
		a.Questions[i] = clean(a.Questions[i])
	}
	return a, total
}
