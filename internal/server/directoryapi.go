package server

import (
	"errors"
	"log/slog"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/samla-sip/samla/directory"
	"github.com/samla-sip/samla/internal/i18n"
	"github.com/samla-sip/samla/internal/textgate"
)

// Directory is what the API needs of a loaded directory;
// *directory.Directory implements it.
type Directory interface {
	Route(q directory.Query) directory.RouteResult
	Search(q string, limit int) []directory.Hit
	Stats() directory.Stats
}

var _ Directory = (*directory.Directory)(nil)

var errNoDirectory = errors.New("no directory loaded")

func knownKommun(s string) bool { _, ok := directory.LookupKommun(s); return ok }

// directoryAPI serves GET /api/v1/directory/{route,search} with the same
// JSON as `samla directory route|search --json` (directory.RouteJSON and
// directory.SearchJSON).
type directoryAPI struct {
	current     func() Directory
	knownKommun func(string) bool
	tokens      tokenSet
	lang        i18n.Lang
	now         func() time.Time
	log         *slog.Logger
}

func newDirectoryAPI(opts Options, log *slog.Logger) *directoryAPI {
	a := &directoryAPI{
		current: opts.Directory, knownKommun: opts.KnownKommun,
		tokens: newTokenSet(opts.APITokens), lang: opts.Lang, now: opts.Now, log: log,
	}
	if a.tokens.empty() {
		log.Warn("directory API disabled: SAMLA_API_TOKENS is empty, every API request gets 401")
	}
	return a
}

const defaultSearchLimit = 20

// route answers ?care=&kommun=&age=&role=&date=.
func (a *directoryAPI) route(w http.ResponseWriter, r *http.Request) {
	lang := langOf(r, a.lang)
	q, code, refusal := a.parseRoute(r)
	if code != "" {
		writeError(w, http.StatusBadRequest, code, lang, refusal)
		return
	}
	d := a.current()
	if d == nil {
		writeError(w, http.StatusServiceUnavailable, "no_directory", lang, msg("nodirectory"))
		return
	}
	writeJSON(w, http.StatusOK, directory.RouteJSON(d.Route(q), lang))
}

// parseRoute validates the route parameters; code is "" when they are fine.
func (a *directoryAPI) parseRoute(r *http.Request) (directory.Query, string, message) {
	v := r.URL.Query()
	if queryHoldsPersonnummer(r) {
		return directory.Query{}, "personnummer", msg("personnummer")
	}
	q := directory.Query{Care: strings.TrimSpace(v.Get("care")), Kommun: strings.TrimSpace(v.Get("kommun")), Age: -1,
		Role: strings.TrimSpace(v.Get("role"))}
	switch {
	case q.Care == "":
		return q, "missing_care", msg("missing", "care", "care=bup")
	case !slices.Contains(directory.CareLevels, q.Care):
		return q, "unknown_care", msg("unknowncare", q.Care, strings.Join(directory.CareLevels, ", "))
	case q.Kommun == "":
		return q, "missing_kommun", msg("missing", "kommun", "kommun=Lund")
	case !a.knownKommun(q.Kommun):
		return q, "unknown_kommun", msg("unknownkommun", q.Kommun)
	case q.Role != "" && !slices.Contains(directory.Roles, q.Role):
		return q, "unknown_role", msg("unknownrole", q.Role, strings.Join(directory.Roles, ", "))
	}
	if s := strings.TrimSpace(v.Get("age")); s != "" {
		age, err := strconv.Atoi(s)
		if err != nil || age < 0 || age > 130 {
			return q, "bad_age", msg("badage", s)
		}
		q.Age = age
	}
	now := a.now()
	q.Date = time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, now.Location())
	if s := strings.TrimSpace(v.Get("date")); s != "" {
		d, err := time.ParseInLocation(time.DateOnly, s, now.Location())
		if err != nil {
			return q, "bad_date", msg("baddate", s)
		}
		q.Date = d
	}
	return q, "", message{}
}

// search answers ?q=&limit=.
func (a *directoryAPI) search(w http.ResponseWriter, r *http.Request) {
	lang := langOf(r, a.lang)
	text := strings.TrimSpace(r.URL.Query().Get("q"))
	if text == "" {
		writeError(w, http.StatusBadRequest, "missing_q", lang, msg("missing", "q", "q=bup lund"))
		return
	}
	if queryHoldsPersonnummer(r) {
		writeError(w, http.StatusBadRequest, "personnummer", lang, msg("personnummer"))
		return
	}
	var tooLong *textgate.Error
	if errors.As(textgate.Check(textgate.Search, text), &tooLong) {
		writeError(w, http.StatusBadRequest, "too_long", lang, message{Sv: tooLong.Message("sv"), En: tooLong.Message("en")})
		return
	}
	limit := defaultSearchLimit
	if s := r.URL.Query().Get("limit"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > 100 {
			writeError(w, http.StatusBadRequest, "bad_limit", lang, msg("badlimit", s))
			return
		}
		limit = n
	}
	d := a.current()
	if d == nil {
		writeError(w, http.StatusServiceUnavailable, "no_directory", lang, msg("nodirectory"))
		return
	}
	writeJSON(w, http.StatusOK, directory.SearchJSON(d.Search(text, limit)))
}

// notFound answers unknown /api/ paths, after authentication so the API's
// shape is not shown to strangers.
func (a *directoryAPI) notFound(w http.ResponseWriter, r *http.Request) {
	writeError(w, http.StatusNotFound, "not_found", langOf(r, a.lang), msg("notfound"))
}

// queryHoldsPersonnummer runs the input gate's detector over every decoded
// query value (and the raw query, for a number split across parameters):
// a percent-encoded dash or space ("790104%E2%80%935034") is caught too.
func queryHoldsPersonnummer(r *http.Request) bool {
	if textgate.ContainsPersonnummer(r.URL.RawQuery) {
		return true
	}
	for _, vals := range r.URL.Query() {
		for _, v := range vals {
			if textgate.ContainsPersonnummer(v) {
				return true
			}
		}
	}
	return false
}
