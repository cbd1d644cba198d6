package metrics

import (
	"bytes"
	"log/slog"
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus"
	dto "github.com/prometheus/client_model/go"
)

func TestLogCounter(t *testing.T) {
	tests := []struct {
		name                   string
		logLevel               slog.Level
		wantErrors, wantReload float64
		wantLines              int
	}{
		{"counts and logs info and up", slog.LevelInfo, 2, 1, 4},
		{"counts records the log drops", slog.LevelError, 2, 1, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			errs := prometheus.NewCounter(prometheus.CounterOpts{Name: "errors_total", Help: "x"})
			reloads := prometheus.NewCounter(prometheus.CounterOpts{Name: "reloads_total", Help: "x"})
			h := NewLogCounter(slog.NewJSONHandler(&buf, &slog.HandlerOptions{Level: tt.logLevel}),
				Count{AtLeast(slog.LevelError), errs}, Count{Message("directory reloaded"), reloads})
			log := slog.New(h).With("component", "directory").WithGroup("g")
			log.Debug("d")
			log.Info("directory reloaded")
			log.Warn("directory problem")
			log.Error("directory reload failed")
			log.Error("directory reload failed")
			if got := value(t, errs); got != tt.wantErrors {
				t.Errorf("errors = %v, want %v", got, tt.wantErrors)
			}
			if got := value(t, reloads); got != tt.wantReload {
				t.Errorf("reloads = %v, want %v", got, tt.wantReload)
			}
			if lines := strings.Count(buf.String(), "\n"); lines != tt.wantLines {
				t.Errorf("logged %d lines, want %d:\n%s", lines, tt.wantLines, buf.String())
			}
			if !strings.Contains(buf.String(), `"component":"directory"`) {
				t.Errorf("attrs lost: %s", buf.String())
			}
		})
	}
}

func value(t *testing.T, c prometheus.Counter) float64 {
	t.Helper()
	var m dto.Metric
	if err := c.Write(&m); err != nil {
		t.Fatal(err)
	}
	return m.GetCounter().GetValue()
}
