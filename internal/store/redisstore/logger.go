package redisstore

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
)

// Logger routes go-redis's own messages (dial failures, pool and
// connection trouble) into slog, so they are records of the JSON log
// instead of plain-text lines on stderr. Install it with redis.SetLogger.
// go-redis logs no command arguments, so no stored value reaches the log.
type Logger struct{ log *slog.Logger }

// NewLogger returns a go-redis logger writing warn-level records to log.
func NewLogger(log *slog.Logger) Logger { return Logger{log: log} }

// Printf logs one go-redis message as the record's "detail".
func (l Logger) Printf(ctx context.Context, format string, v ...any) {
	detail := strings.TrimPrefix(fmt.Sprintf(format, v...), "redis: ")
	l.log.WarnContext(ctx, "redis client", "detail", detail)
}
