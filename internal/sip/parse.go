package sip

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/samla-sip/samla/internal/textgate"
)

// Cmd is one parsed /sip command: a canonical verb, positional arguments
// in order and key=value options under their canonical keys.
type Cmd struct {
	Verb string
	Args []string
	Opts map[string]string
}

// Canonical verbs.
const (
	verbNew      = "new"
	verbConsent  = "consent"
	verbWithdraw = "withdraw"
	verbMeeting  = "meeting"
	verbInvite   = "invite"
	verbStatus   = "status"
	verbMine     = "mine"
	verbLog      = "log"
	verbPlan     = "plan"
	verbFollowUp = "followup"
	verbClose    = "close"
	verbHelp     = "help"
	verbWho      = "who"
	verbSearch   = "search"
	verbAgenda   = "agenda"
	verbLang     = "lang"
	// verbParticipates records who takes part besides staff.
	verbParticipates = "participates"
	// verbAway reports (or shows) one's own absence; verbBack ends it.
	verbAway = "away"
	verbBack = "back"
	// verbUnit shows or redirects a unit's entry point (its manager).
	verbUnit = "unit"
)

// verbAliases maps every accepted spelling (lower case) to its verb.
var verbAliases = map[string]string{
	"ny": verbNew, "new": verbNew,
	"samtycke": verbConsent, "consent": verbConsent,
	"återkalla": verbWithdraw, "aterkalla": verbWithdraw, "withdraw": verbWithdraw,
	"möte": verbMeeting, "mote": verbMeeting, "meeting": verbMeeting,
	"bjud": verbInvite, "invite": verbInvite,
	"status": verbStatus,
	"mina":   verbMine, "mine": verbMine,
	"logg": verbLog, "log": verbLog,
	"plan":        verbPlan,
	"uppföljning": verbFollowUp, "uppfoljning": verbFollowUp, "followup": verbFollowUp, "follow-up": verbFollowUp,
	"avsluta": verbClose, "close": verbClose,
	"hjälp": verbHelp, "hjalp": verbHelp, "help": verbHelp,
	"vem": verbWho, "who": verbWho,
	"sök": verbSearch, "sok": verbSearch, "search": verbSearch,
	"agenda": verbAgenda,
	"deltar": verbParticipates, "delta": verbParticipates, "participates": verbParticipates, "takes-part": verbParticipates,
	"borta": verbAway, "away": verbAway, "frånvaro": verbAway, "franvaro": verbAway,
	"tillbaka": verbBack, "back": verbBack,
	"enhet": verbUnit, "unit": verbUnit,
	"språk": verbLang, "sprak": verbLang, "lang": verbLang, "language": verbLang,
}

// Canonical option keys.
const (
	keyKommun      = "kommun"
	keyAge         = "age"
	keyParties     = "parties"
	keyNeeds       = "needs"
	keyReason      = "reason"
	keyPlace       = "place"
	keyLength      = "length"
	keyType        = "type"
	keyNotified    = "notified"
	keyResponsible = "responsible"
	keyNext        = "next"
	keyBy          = "by"
	keySubstitute  = "substitute"
	keyEntry       = "entry"
	keyUntil       = "until"
)

// keyAliases maps every accepted key spelling (lower case) to its key.
var keyAliases = map[string]string{
	"kommun": keyKommun, "municipality": keyKommun,
	"ålder": keyAge, "alder": keyAge, "age": keyAge,
	"parter": keyParties, "parties": keyParties,
	"behov": keyNeeds, "needs": keyNeeds,
	"orsak": keyReason, "reason": keyReason,
	"plats": keyPlace, "place": keyPlace,
	"längd": keyLength, "langd": keyLength, "length": keyLength,
	"typ": keyType, "type": keyType,
	"underrättelse": keyNotified, "underrattelse": keyNotified, "notified": keyNotified, "notification": keyNotified,
	"ansvar": keyResponsible, "responsible": keyResponsible,
	"nästa": keyNext, "nasta": keyNext, "next": keyNext,
	"av": keyBy, "by": keyBy,
	"väg-in": keyEntry, "vag-in": keyEntry, "vägin": keyEntry, "entry": keyEntry,
	"till": keyUntil, "until": keyUntil,
	"ersättare": keySubstitute, "ersattare": keySubstitute, "substitute": keySubstitute,
}

// verbKeys lists the options each verb accepts.
var verbKeys = map[string][]string{
	verbNew:     {keyKommun, keyAge, keyParties, keyNeeds, keyType, keyNotified},
	verbConsent: {keyBy, keyParties},
	verbInvite:  {keyKommun},
	verbMeeting: {keyPlace, keyLength},
	verbPlan:    {keyResponsible, keyNext},
	verbClose:   {keyReason},
	verbAway:    {keySubstitute},
	verbUnit:    {keyEntry, keyUntil},
}

// refArgVerbs need a case reference as their first argument.
var refArgVerbs = map[string]bool{
	verbConsent: true, verbWithdraw: true, verbMeeting: true, verbInvite: true,
	verbStatus: true, verbLog: true, verbPlan: true, verbFollowUp: true,
	verbClose: true, verbAgenda: true, verbParticipates: true,
}

// verbGeneral marks a mistake whose example is the general usage line.
const verbGeneral = "general"

// InputError is one user mistake: what was wrong (a catalogue id with
// arguments), the input field it is about and the verb whose example shows
// the right form in the command language.
type InputError struct {
	// Field is the input field (Field* constants); "" = the input as a whole.
	Field string
	// Message is the mistake in the actor's language (set on the errors of
	// a Refusal).
	Message string
	ID      string
	Args    []any
	Verb    string // whose example to show; "" = none, verbGeneral = usage
	// gate is textgate's refusal, shown in its own words (see text).
	gate *textgate.Error
}

func (e *InputError) Error() string { return fmt.Sprintf("sip: input %s %s", e.Field, e.ID) }

func inputErr(verb, id string, args ...any) *InputError {
	return &InputError{ID: id, Args: args, Verb: verb}
}

// on says which field the mistake is about.
func (e *InputError) on(field string) *InputError {
	e.Field = field
	return e
}

// token is one word of a command: positional (Key "") or key=value.
type token struct {
	Key   string
	Value string
}

// Parse reads a /sip command (without "/sip"). It checks the shape of
// the command (verb, reference, argument counts, dates); whether a kommun
// or contact exists is left to the command itself.
func Parse(text string) (Cmd, error) {
	if !utf8.ValidString(text) {
		return Cmd{}, inputErr(verbGeneral, "err.encoding")
	}
	toks, err := tokenize(text)
	if err != nil {
		return Cmd{}, err
	}
	if len(toks) == 0 {
		return Cmd{Verb: verbHelp}, nil
	}
	if toks[0].Key != "" {
		return Cmd{}, inputErr(verbGeneral, "err.noverb")
	}
	verb, ok := verbAliases[strings.ToLower(toks[0].Value)]
	if !ok {
		return Cmd{}, inputErr(verbGeneral, "err.verb", toks[0].Value)
	}
	c := Cmd{Verb: verb}
	for _, t := range toks[1:] {
		if t.Key == "" {
			c.Args = append(c.Args, t.Value)
			continue
		}
		key, ok := keyAliases[strings.ToLower(t.Key)]
		if !ok || !slices.Contains(verbKeys[verb], key) {
			return Cmd{}, inputErr(verb, "err.key", t.Key)
		}
		if c.Opts == nil {
			c.Opts = map[string]string{}
		}
		if _, dup := c.Opts[key]; dup {
			return Cmd{}, inputErr(verb, "err.dupkey", t.Key)
		}
		c.Opts[key] = t.Value
	}
	if err := c.check(); err != nil {
		return Cmd{}, err
	}
	return c, nil
}

// check validates the command's shape and normalises its arguments.
func (c *Cmd) check() error {
	if refArgVerbs[c.Verb] {
		if len(c.Args) == 0 {
			return inputErr(c.Verb, "err.noref")
		}
		ref, ok := normalizeRef(c.Args[0])
		if !ok {
			return inputErr(c.Verb, "err.ref", c.Args[0])
		}
		c.Args[0] = ref
	}
	check := shapeChecks[c.Verb]
	if check == nil {
		return nil
	}
	return check(c)
}

// String renders the command in canonical form; Parse(c.String()) gives c.
func (c Cmd) String() string {
	var b strings.Builder
	b.WriteString(c.Verb)
	for _, a := range c.Args {
		b.WriteByte(' ')
		b.WriteString(quoteIfNeeded(a))
	}
	keys := make([]string, 0, len(c.Opts))
	for k := range c.Opts {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		b.WriteByte(' ')
		b.WriteString(k)
		b.WriteByte('=')
		b.WriteString(quoteIfNeeded(c.Opts[k]))
	}
	return b.String()
}

func isQuote(r rune) bool { return r == '"' || r == '“' || r == '”' || r == '„' }

// isCloseQuote accepts the straight quote and both typographic quotes
// (Slack and phones replace "…" with “…” or ”…”).
func isCloseQuote(r rune) bool { return r == '"' || r == '”' || r == '“' }

func quoteIfNeeded(s string) string {
	if s != "" && !strings.ContainsFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || isQuote(r) || r == '\\' || r == '='
	}) {
		return s
	}
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		if isQuote(r) || r == '\\' {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	b.WriteByte('"')
	return b.String()
}

// tokenize splits text into words, key=value pairs and quoted values.
func tokenize(s string) ([]token, error) {
	var toks []token
	rs := []rune(s)
	i := 0
	for {
		for i < len(rs) && unicode.IsSpace(rs[i]) {
			i++
		}
		if i >= len(rs) {
			return toks, nil
		}
		if isQuote(rs[i]) {
			v, n, err := readQuoted(rs, i)
			if err != nil {
				return nil, err
			}
			toks = append(toks, token{Value: v})
			i = n
			continue
		}
		start := i
		for i < len(rs) && !unicode.IsSpace(rs[i]) && rs[i] != '=' && !isQuote(rs[i]) {
			i++
		}
		word := string(rs[start:i])
		switch {
		case i < len(rs) && isQuote(rs[i]):
			return nil, inputErr(verbGeneral, "err.quote", word)
		case i < len(rs) && rs[i] == '=':
			if word == "" {
				return nil, inputErr(verbGeneral, "err.nokey")
			}
			i++
			if i < len(rs) && isQuote(rs[i]) {
				v, n, err := readQuoted(rs, i)
				if err != nil {
					return nil, err
				}
				toks = append(toks, token{Key: word, Value: v})
				i = n
				continue
			}
			vs := i
			for i < len(rs) && !unicode.IsSpace(rs[i]) {
				if isQuote(rs[i]) || rs[i] == '=' {
					return nil, inputErr(verbGeneral, "err.quote", word)
				}
				i++
			}
			toks = append(toks, token{Key: word, Value: string(rs[vs:i])})
		default:
			toks = append(toks, token{Value: word})
		}
	}
}

// readQuoted reads a quoted string starting at rs[i] (the opening quote);
// a backslash escapes the next character. It returns the value and the
// index after the closing quote, which must end the word.
func readQuoted(rs []rune, i int) (string, int, error) {
	var b strings.Builder
	for j := i + 1; j < len(rs); j++ {
		switch {
		case rs[j] == '\\' && j+1 < len(rs):
			j++
			b.WriteRune(rs[j])
		case isCloseQuote(rs[j]):
			if j+1 < len(rs) && !unicode.IsSpace(rs[j+1]) {
				return "", 0, inputErr(verbGeneral, "err.afterquote")
			}
			return b.String(), j + 1, nil
		default:
			b.WriteRune(rs[j])
		}
	}
	return "", 0, inputErr(verbGeneral, "err.unterminated")
}
