// Package server is Samla's HTTP server: a route table on the standard
// ServeMux with request ids, a JSON access log, panic recovery and
// Prometheus metrics around every route; /healthz, /readyz and /metrics;
// the authenticated directory API; and Handle for the chat platforms'
// endpoints. Serve shuts down gracefully when its context ends.
package server

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"log/slog"
	"net/http"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"

	"github.com/samla-sip/samla/internal/i18n"
)

// Options configure a Server. Zero values get sensible defaults.
type Options struct {
	Log *slog.Logger
	// Directory returns the directory in service (hot-reloaded), or nil
	// while none is loaded. Used by the directory API and /readyz.
	Directory func() Directory
	// KnownKommun reports whether a kommun name or SCB code exists
	// (default: directory.LookupKommun).
	KnownKommun func(string) bool
	// APITokens are the bearer tokens of the directory API. None = the API
	// refuses every request.
	APITokens []string
	// Lang is the language of API errors for a request that asks for
	// none (?lang=, Accept-Language); Swedish when unset.
	Lang i18n.Lang
	// Now gives the time (default time.Now); routes default to its date.
	Now func() time.Time
	// NewRequestID makes request ids (default: 16 random hex digits).
	NewRequestID func() string
	// Registry receives the server's metrics (default: a new registry with
	// the Go and process collectors). Never the global registry.
	Registry *prometheus.Registry
	// Stats serves GET /api/v1/stats behind the same bearer tokens as the
	// directory API; nil leaves the route unmounted (404).
	Stats http.Handler
	// ShutdownTimeout bounds the drain of in-flight requests (default 15s).
	ShutdownTimeout time.Duration
}

// Server is Samla's HTTP server. Handle and AddReadiness must be called
// before Serve.
type Server struct {
	opts    Options
	log     *slog.Logger
	mux     *http.ServeMux
	reg     *prometheus.Registry
	metrics *httpMetrics

	mu     sync.Mutex
	checks []readinessCheck
}

// New returns a server with the built-in routes mounted.
func New(opts Options) *Server {
	if opts.Log == nil {
		opts.Log = slog.New(slog.DiscardHandler)
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.NewRequestID == nil {
		opts.NewRequestID = randomID
	}
	opts.Lang = opts.Lang.Or(i18n.Swedish)
	if opts.ShutdownTimeout <= 0 {
		opts.ShutdownTimeout = 15 * time.Second
	}
	if opts.Directory == nil {
		opts.Directory = func() Directory { return nil }
	}
	if opts.KnownKommun == nil {
		opts.KnownKommun = knownKommun
	}
	reg := opts.Registry
	if reg == nil {
		reg = prometheus.NewRegistry()
		reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	}
	s := &Server{opts: opts, log: opts.Log, mux: http.NewServeMux(), reg: reg}
	s.metrics = newHTTPMetrics(reg)
	reg.MustRegister(newDirectoryCollector(opts.Directory))
	s.routes()
	return s
}

// routes is the route table of the built-in endpoints.
func (s *Server) routes() {
	api := newDirectoryAPI(s.opts, s.log)
	s.mux.HandleFunc("GET /healthz", s.healthz)
	s.mux.HandleFunc("GET /readyz", s.readyz)
	s.mux.Handle("GET /metrics", s.metricsHandler())
	s.mux.Handle("GET /api/v1/directory/route", api.auth(http.HandlerFunc(api.route)))
	s.mux.Handle("GET /api/v1/directory/search", api.auth(http.HandlerFunc(api.search)))
	if s.opts.Stats != nil {
		s.mux.Handle("GET /api/v1/stats", api.auth(s.opts.Stats))
	}
	s.mux.Handle("/api/", api.auth(http.HandlerFunc(api.notFound)))
}

// Handle mounts a handler, e.g. a chat platform's "POST /slack/commands".
// The pattern is a ServeMux pattern and becomes the route's metric label.
func (s *Server) Handle(pattern string, h http.Handler) { s.mux.Handle(pattern, h) }

// Register adds Prometheus collectors of other packages to the server's
// registry, served on /metrics.
func (s *Server) Register(cs ...prometheus.Collector) error {
	for _, c := range cs {
		if err := s.reg.Register(c); err != nil {
			return err
		}
	}
	return nil
}

// Registerer exposes the registry for packages that take a
// prometheus.Registerer.
func (s *Server) Registerer() prometheus.Registerer { return s.reg }

// Handler is the full handler: middleware around the route table.
func (s *Server) Handler() http.Handler {
	return s.withRequestID(s.withAccessLog(s.withMetrics(s.withRecover(s.mux))))
}

func randomID() string {
	var b [8]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails (Go ≥ 1.24)
	return hex.EncodeToString(b[:])
}

// readinessCheck is one named readiness check.
type readinessCheck struct {
	name  string
	check func(context.Context) error
}

// AddReadiness registers a check run by /readyz, e.g. "store" → Ping.
func (s *Server) AddReadiness(name string, check func(context.Context) error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.checks = append(s.checks, readinessCheck{name, check})
}
