package server

import (
	"context"
	"encoding/json"
	"net/http"
	"time"
)

// healthz answers while the process runs.
func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

// readiness is the /readyz body. Failed checks are named; their errors go
// to the log only.
type readiness struct {
	Status string            `json:"status"` // "ok" or "unavailable"
	Checks map[string]string `json:"checks"` // name → "ok" or "failed"
	Failed []string          `json:"failed,omitempty"`
}

// readyz runs the directory check and every registered check, each with a
// time limit; any failure → 503.
func (s *Server) readyz(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	checks := append([]readinessCheck{{"directory", s.directoryReady}}, s.checks...)
	s.mu.Unlock()

	res := readiness{Status: "ok", Checks: map[string]string{}}
	for _, c := range checks {
		ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
		err := c.check(ctx)
		cancel()
		if err != nil {
			s.log.WarnContext(r.Context(), "readiness check failed", "check", c.name, "err", err.Error())
			res.Checks[c.name] = "failed"
			res.Failed = append(res.Failed, c.name)
			continue
		}
		res.Checks[c.name] = "ok"
	}
	code := http.StatusOK
	if len(res.Failed) > 0 {
		res.Status, code = "unavailable", http.StatusServiceUnavailable
	}
	writeJSON(w, code, res)
}

func (s *Server) directoryReady(context.Context) error {
	if s.opts.Directory() == nil {
		return errNoDirectory
	}
	return nil
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(code)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v) // the client went away; nothing to do
}
