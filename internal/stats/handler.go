package stats

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"time"
)

// Service answers reports from the recorded events.
type Service struct {
	Cases func(ctx context.Context) (*Folded, error) // e.g. (*Cache).Cases
	Now   func() time.Time
	Loc   *time.Location
	Log   *slog.Logger
}

// Report aggregates the events for opt (Now and Loc are the service's).
func (s *Service) Report(ctx context.Context, opt Options) (Report, error) {
	cases, err := s.Cases(ctx)
	if err != nil {
		return Report{}, err
	}
	opt.Now, opt.Loc = s.Now(), s.Loc
	return cases.Aggregate(opt), nil
}

// ServeHTTP is GET /api/v1/stats?from=&to=&by=&kommun=&region=&ageband=&type=&care=&format=json|csv:
// the report as JSON (the JSON of samla stats --format json) or CSV. The
// caller authenticates the request.
func (s *Service) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	opt, err := ParseQuery(r.URL.Query())
	var qe *QueryError
	if errors.As(err, &qe) {
		writeError(w, http.StatusBadRequest, qe.Code, qe.Message)
		return
	}
	rep, err := s.Report(r.Context(), opt)
	if err != nil {
		if s.Log != nil {
			s.Log.Error("stats report", "err", err)
		}
		writeError(w, http.StatusServiceUnavailable, "store", "Statistiken kan inte läsas just nu.")
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	if r.URL.Query().Get("format") == "csv" {
		w.Header().Set("Content-Type", "text/csv; charset=utf-8")
		w.Header().Set("Content-Disposition", `attachment; filename="samla-statistik.csv"`)
		_ = WriteCSV(w, rep)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	_ = WriteJSON(w, rep)
}

func writeError(w http.ResponseWriter, status int, code, message string) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]any{"error": map[string]string{"code": code, "message": message}})
}
