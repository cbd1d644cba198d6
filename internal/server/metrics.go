package server

import (
	"net/http"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/samla-sip/samla/directory"
)

// httpMetrics counts requests by route pattern, method and status code.
// Labels are bounded: the route is the mux pattern, never the raw path.
type httpMetrics struct {
	requests *prometheus.CounterVec
	duration *prometheus.HistogramVec
}

func newHTTPMetrics(reg prometheus.Registerer) *httpMetrics {
	m := &httpMetrics{
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "samla_http_requests_total",
			Help: "HTTP requests by route pattern, method and status code.",
		}, []string{"route", "method", "code"}),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "samla_http_request_duration_seconds",
			Help:    "HTTP request durations by route pattern and method.",
			Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5},
		}, []string{"route", "method"}),
	}
	reg.MustRegister(m.requests, m.duration)
	return m
}

func (m *httpMetrics) observe(route, method string, code int, d time.Duration) {
	if !knownMethod(method) {
		method = "other"
	}
	m.requests.WithLabelValues(route, method, strconv.Itoa(code)).Inc()
	m.duration.WithLabelValues(route, method).Observe(d.Seconds())
}

func knownMethod(m string) bool {
	switch m {
	case http.MethodGet, http.MethodHead, http.MethodPost, http.MethodPut,
		http.MethodPatch, http.MethodDelete, http.MethodOptions:
		return true
	}
	return false
}

func (s *Server) metricsHandler() http.Handler {
	return promhttp.HandlerFor(s.reg, promhttp.HandlerOpts{Registry: s.reg})
}

// directoryCollector reports the size of the directory in service at
// scrape time.
type directoryCollector struct {
	current func() Directory
	size    *prometheus.Desc
	loaded  *prometheus.Desc
}

func newDirectoryCollector(current func() Directory) *directoryCollector {
	return &directoryCollector{
		current: current,
		size: prometheus.NewDesc("samla_directory_entries",
			"Entries in the directory in service, by kind (organisations, units, contacts).", []string{"kind"}, nil),
		loaded: prometheus.NewDesc("samla_directory_loaded", "1 when a directory is in service.", nil, nil),
	}
}

func (c *directoryCollector) Describe(ch chan<- *prometheus.Desc) {
	ch <- c.size
	ch <- c.loaded
}

func (c *directoryCollector) Collect(ch chan<- prometheus.Metric) {
	var st directory.Stats
	loaded := 0.0
	if d := c.current(); d != nil {
		st, loaded = d.Stats(), 1
	}
	ch <- prometheus.MustNewConstMetric(c.loaded, prometheus.GaugeValue, loaded)
	for _, e := range []struct {
		kind string
		n    int
	}{{"organisations", st.Organisations}, {"units", st.Units}, {"contacts", st.Contacts}} {
		ch <- prometheus.MustNewConstMetric(c.size, prometheus.GaugeValue, float64(e.n), e.kind)
	}
}
