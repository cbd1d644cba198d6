package server

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

func get(t *testing.T, url string, header map[string]string) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, string(body)
}

func start(t *testing.T, opts Options) (*Server, *httptest.Server) {
	t.Helper()
	s := New(opts)
	ts := httptest.NewServer(s.Handler())
	t.Cleanup(ts.Close)
	return s, ts
}

func TestHealthz(t *testing.T) {
	opts, _ := testOptions(newFakeDirectory())
	_, ts := start(t, opts)
	resp, body := get(t, ts.URL+"/healthz", nil)
	if resp.StatusCode != 200 || strings.TrimSpace(body) != `{"status":"ok"}` {
		t.Errorf("healthz = %d %s", resp.StatusCode, body)
	}
	if resp.Header.Get("X-Request-Id") != "req-1" {
		t.Errorf("no request id: %v", resp.Header)
	}
}

func TestReadyz(t *testing.T) {
	errDown := errors.New("dial tcp 10.0.0.1:6379: refused")
	tests := []struct {
		name      string
		directory bool
		store     error
		code      int
		want      readiness
	}{
		{"ready", true, nil, 200, readiness{Status: "ok", Checks: map[string]string{"directory": "ok", "store": "ok"}}},
		{"store down", true, errDown, 503, readiness{Status: "unavailable", Checks: map[string]string{"directory": "ok", "store": "failed"}, Failed: []string{"store"}}},
		{"no directory", false, nil, 503, readiness{Status: "unavailable", Checks: map[string]string{"directory": "failed", "store": "ok"}, Failed: []string{"directory"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opts, logs := testOptions(newFakeDirectory())
			if !tt.directory {
				opts.Directory = nil
			}
			s, ts := start(t, opts)
			s.AddReadiness("store", func(ctx context.Context) error {
				if _, ok := ctx.Deadline(); !ok {
					t.Error("readiness check without a deadline")
				}
				return tt.store
			})
			resp, body := get(t, ts.URL+"/readyz", nil)
			var got readiness
			if err := json.Unmarshal([]byte(body), &got); err != nil {
				t.Fatalf("%v: %s", err, body)
			}
			if resp.StatusCode != tt.code || !reflect.DeepEqual(got, tt.want) {
				t.Errorf("readyz = %d %+v, want %d %+v", resp.StatusCode, got, tt.code, tt.want)
			}
			if strings.Contains(body, "10.0.0.1") {
				t.Errorf("readyz leaks the error: %s", body)
			}
			if tt.store != nil && !strings.Contains(logs.String(), "10.0.0.1") {
				t.Errorf("failed check not logged: %s", logs.String())
			}
		})
	}
}

func TestMetrics(t *testing.T) {
	opts, _ := testOptions(newFakeDirectory())
	s, ts := start(t, opts)
	extra := prometheus.NewCounter(prometheus.CounterOpts{Name: "samla_test_extra_total", Help: "x"})
	if err := s.Register(extra); err != nil {
		t.Fatal(err)
	}
	extra.Add(3)
	s.Handle("POST /slack/commands", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	get(t, ts.URL+"/healthz", nil)
	get(t, ts.URL+"/healthz", nil)
	get(t, ts.URL+"/nope/123", nil)
	get(t, ts.URL+"/api/v1/directory/search?q=bup", nil)
	if resp, err := http.Post(ts.URL+"/slack/commands", "text/plain", nil); err != nil {
		t.Fatal(err)
	} else {
		resp.Body.Close()
	}
	resp, body := get(t, ts.URL+"/metrics", nil)
	if resp.StatusCode != 200 {
		t.Fatalf("metrics = %d", resp.StatusCode)
	}
	for _, want := range []string{
		`samla_http_requests_total{code="200",method="GET",route="GET /healthz"} 2`,
		`samla_http_requests_total{code="404",method="GET",route="unmatched"} 1`,
		`samla_http_requests_total{code="401",method="GET",route="GET /api/v1/directory/search"} 1`,
		`samla_http_requests_total{code="200",method="POST",route="POST /slack/commands"} 1`,
		`samla_http_request_duration_seconds_count{method="GET",route="GET /healthz"} 2`,
		`samla_directory_entries{kind="contacts"} 2`,
		`samla_directory_entries{kind="units"} 1`,
		`samla_directory_loaded 1`,
		`samla_test_extra_total 3`,
		`go_goroutines`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("metrics lack %q", want)
		}
	}
	if strings.Contains(body, "/nope/123") {
		t.Error("raw path used as a label")
	}
}

func TestRequestID(t *testing.T) {
	opts, _ := testOptions(newFakeDirectory())
	_, ts := start(t, opts)
	tests := []struct{ in, want string }{
		{"", "req-1"},
		{"abc-123_X.y", "abc-123_X.y"},
		{"bad id with spaces", "req-1"},
		{strings.Repeat("a", 65), "req-1"},
	}
	for _, tt := range tests {
		resp, _ := get(t, ts.URL+"/healthz", map[string]string{"X-Request-Id": tt.in})
		if got := resp.Header.Get("X-Request-Id"); got != tt.want {
			t.Errorf("X-Request-Id %q → %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestAccessLogOmitsQuery(t *testing.T) {
	opts, logs := testOptions(newFakeDirectory())
	_, ts := start(t, opts)
	get(t, ts.URL+"/api/v1/directory/route?care=bup&kommun=Lund&age=14", map[string]string{"Authorization": "Bearer " + testToken})
	var line struct{ Route, Path, RequestID string }
	for _, l := range strings.Split(strings.TrimSpace(logs.String()), "\n") {
		if strings.Contains(l, `"http request"`) {
			var m map[string]any
			if err := json.Unmarshal([]byte(l), &m); err != nil {
				t.Fatal(err)
			}
			line.Route, _ = m["route"].(string)
			line.Path, _ = m["path"].(string)
			line.RequestID, _ = m["request_id"].(string)
			if m["status"] != 200.0 {
				t.Errorf("status = %v", m["status"])
			}
		}
	}
	if line.Route != "GET /api/v1/directory/route" || line.Path != "/api/v1/directory/route" || line.RequestID != "req-1" {
		t.Errorf("access log = %+v\n%s", line, logs.String())
	}
	for _, leak := range []string{"Lund", "age=14", testToken} {
		if strings.Contains(logs.String(), leak) {
			t.Errorf("log holds %q:\n%s", leak, logs.String())
		}
	}
}

func TestPanicBecomes500(t *testing.T) {
	opts, logs := testOptions(newFakeDirectory())
	s, ts := start(t, opts)
	s.Handle("GET /boom", http.HandlerFunc(func(http.ResponseWriter, *http.Request) { panic("kaboom") }))
	resp, body := get(t, ts.URL+"/boom", map[string]string{"Accept-Language": "en"})
	if resp.StatusCode != 500 || !strings.Contains(body, `"code":"internal"`) || !strings.Contains(body, "Something went wrong") {
		t.Errorf("panic → %d %s", resp.StatusCode, body)
	}
	if !strings.Contains(logs.String(), `"msg":"panic in handler"`) || !strings.Contains(logs.String(), "kaboom") {
		t.Errorf("panic not logged:\n%s", logs.String())
	}
	// The server keeps serving.
	if resp, _ := get(t, ts.URL+"/healthz", nil); resp.StatusCode != 200 {
		t.Errorf("after panic healthz = %d", resp.StatusCode)
	}
}

func TestGracefulShutdownCompletesInFlightRequest(t *testing.T) {
	opts, _ := testOptions(newFakeDirectory())
	opts.ShutdownTimeout = 5 * time.Second
	s := New(opts)
	entered, release := make(chan struct{}), make(chan struct{})
	s.Handle("GET /slow", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		close(entered)
		<-release
		if r.Context().Err() != nil {
			t.Error("request context cancelled by shutdown")
		}
		io.WriteString(w, "done")
	}))
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- s.Serve(ctx, ln) }()

	type result struct {
		body string
		err  error
	}
	got := make(chan result, 1)
	go func() {
		resp, err := http.Get("http://" + ln.Addr().String() + "/slow")
		if err != nil {
			got <- result{err: err}
			return
		}
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		got <- result{string(b), err}
	}()
	<-entered
	cancel() // SIGTERM
	select {
	case err := <-served:
		t.Fatalf("Serve returned before the in-flight request finished: %v", err)
	case <-time.After(100 * time.Millisecond):
	}
	if _, err := net.DialTimeout("tcp", ln.Addr().String(), time.Second); err == nil {
		t.Error("still accepting connections during shutdown")
	}
	close(release)
	if r := <-got; r.err != nil || r.body != "done" {
		t.Errorf("in-flight request: %q, %v", r.body, r.err)
	}
	select {
	case err := <-served:
		if err != nil {
			t.Errorf("Serve = %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Serve did not return")
	}
}

func TestShutdownTimeout(t *testing.T) {
	opts, _ := testOptions(newFakeDirectory())
	opts.ShutdownTimeout = 50 * time.Millisecond
	s := New(opts)
	entered, release := make(chan struct{}), make(chan struct{})
	defer close(release)
	s.Handle("GET /stuck", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		close(entered)
		<-release
	}))
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- s.Serve(ctx, ln) }()
	go func() {
		if resp, err := http.Get("http://" + ln.Addr().String() + "/stuck"); err == nil {
			resp.Body.Close()
		}
	}()
	<-entered
	cancel()
	select {
	case err := <-served:
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("Serve = %v, want deadline exceeded", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Serve did not give up after ShutdownTimeout")
	}
}

func TestListenAndServeBadAddress(t *testing.T) {
	opts, _ := testOptions(newFakeDirectory())
	err := New(opts).ListenAndServe(context.Background(), "127.0.0.1:notaport")
	if err == nil || !strings.Contains(err.Error(), "listen on 127.0.0.1:notaport") {
		t.Errorf("ListenAndServe = %v", err)
	}
}

var _ Directory = (*fakeDirectory)(nil)
