package room

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"

	"github.com/samla-sip/samla/internal/stats"
)

// StatsPath is the staff-only statistics page (under /rum/, where the
// session cookie goes); StatsCSVPath is its CSV download.
const (
	StatsPath    = "/rum/statistik"
	StatsCSVPath = "/rum/statistik.csv"
)

// Stats is what the statistics page asks: a report, small cells hidden
// (*stats.Service).
type Stats interface {
	Report(ctx context.Context, opt stats.Options) (stats.Report, error)
}

// staffSession is a live session of a member of staff (from a chat link
// or a sign-in), never the individual's; ok is false when the answer was
// already written.
func (rm *Room) staffSession(w http.ResponseWriter, r *http.Request) bool {
	s, err := rm.session(r)
	if errors.Is(err, errNoSession) {
		v := rm.message(r, "expired")
		v.Login = rm.oidc != nil
		rm.page(w, r, http.StatusUnauthorized, "message.html", v)
		return false
	}
	if err != nil {
		rm.fail(w, r, err)
		return false
	}
	if s.Person != "" {
		rm.notFound(w, r)
		return false
	}
	return true
}

// statsReport reads the filter form and makes the report.
func (rm *Room) statsReport(w http.ResponseWriter, r *http.Request) (stats.Report, url.Values, bool) {
	q := url.Values{}
	for _, k := range []string{"from", "to", "by", "kommun", "region", "ageband", "type", "care"} {
		if v := r.URL.Query().Get(k); v != "" {
			q.Set(k, v)
		}
	}
	opt, err := stats.ParseQuery(q)
	if err != nil {
		v := rm.baseView(r, text(rm.lang(r), "stats.h"))
		v.Heading, v.Body = v.T("stats.h"), err.Error()
		rm.page(w, r, http.StatusBadRequest, "message.html", v)
		return stats.Report{}, nil, false
	}
	rep, err := rm.opts.Stats.Report(r.Context(), opt)
	if err != nil {
		rm.fail(w, r, fmt.Errorf("statistics: %w", err))
		return stats.Report{}, nil, false
	}
	return rep, q, true
}

func (rm *Room) statsPage(w http.ResponseWriter, r *http.Request) {
	if !rm.staffSession(w, r) {
		return
	}
	rep, q, ok := rm.statsReport(w, r)
	if !ok {
		return
	}
	v := rm.baseView(r, text(rm.lang(r), "stats.h"))
	q.Set("lang", v.Lang)
	v.Stats = newStatsView(rep, q)
	rm.page(w, r, http.StatusOK, "statistik.html", v)
}

func (rm *Room) statsCSV(w http.ResponseWriter, r *http.Request) {
	if !rm.staffSession(w, r) {
		return
	}
	rep, _, ok := rm.statsReport(w, r)
	if !ok {
		return
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="samla-statistik.csv"`)
	if err := stats.WriteCSV(w, rep); err != nil {
		rm.opts.Log.ErrorContext(r.Context(), "room: statistics csv", "err", err)
	}
}
