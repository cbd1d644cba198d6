package redisstore_test

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"testing"

	"github.com/samla-sip/samla/internal/store/redisstore"
)

func TestLoggerWritesJSONRecords(t *testing.T) {
	var buf bytes.Buffer
	l := redisstore.NewLogger(slog.New(slog.NewJSONHandler(&buf, nil)))
	l.Printf(context.Background(), "redis: connection pool: failed to dial after %d attempts: %v", 3, "connection refused")
	var rec struct{ Level, Msg, Detail string }
	if err := json.Unmarshal(buf.Bytes(), &rec); err != nil {
		t.Fatalf("not one JSON record: %q (%v)", buf.String(), err)
	}
	if rec.Level != "WARN" || rec.Msg != "redis client" || rec.Detail != "connection pool: failed to dial after 3 attempts: connection refused" {
		t.Errorf("record = %+v", rec)
	}
}
