package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"syscall"
	"time"

	"github.com/samla-sip/samla/config"
	"github.com/samla-sip/samla/internal/store"
	"github.com/samla-sip/samla/internal/store/bboltstore"
)

// A running samla serve holds the bbolt file's lock, so no other process
// can open the file, not even read-only. It therefore answers backups
// itself, on a Unix socket beside the file: whoever may read the file may
// connect (the socket is 0600 in the 0700 data folder); no network port
// and no extra secret. `samla backup` tries the socket first and falls
// back to opening the file when no server runs.

// backupSocketPath is the socket of SAMLA_DATA.
func backupSocketPath(cfg config.Config) string { return filepath.Join(cfg.Data, "samla.sock") }

// backupSocketTasks is the socket's task when the store is bbolt; none
// otherwise (Redis is backed up by the client).
func backupSocketTasks(cfg config.Config, st store.Store, log *slog.Logger) []task {
	bs, ok := st.(*bboltstore.Store)
	if !ok {
		return nil
	}
	path := backupSocketPath(cfg)
	return []task{{"backup socket", func(ctx context.Context) error {
		return serveBackupSocket(ctx, path, bs, log.With("component", "backup"))
	}}}
}

// serveBackupSocket answers GET /backup on the Unix socket at path until
// ctx ends. A socket that cannot be opened is logged, not fatal: Samla
// keeps serving, only online backups are unavailable.
func serveBackupSocket(ctx context.Context, path string, bs *bboltstore.Store, log *slog.Logger) error {
	// We hold the store's lock, so a socket file left here is stale.
	_ = os.Remove(path)
	ln, err := net.Listen("unix", path)
	if err == nil {
		err = os.Chmod(path, 0o600)
	}
	if err != nil {
		log.Error("backup socket unavailable: samla backup needs the server stopped", "path", path, "err", err.Error())
		<-ctx.Done()
		return nil
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /backup", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/octet-stream")
		w.Header().Set("Trailer", backupStatusTrailer)
		n, err := bs.Backup(r.Context(), w)
		if err != nil {
			log.Error("backup failed", "err", err.Error())
			return // without the trailer: the client knows the copy is short
		}
		w.Header().Set(backupStatusTrailer, "ok")
		log.Info("backup taken", "bytes", n)
	})
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err = <-done:
	case <-ctx.Done():
		// A backup in progress gets a moment to finish; one that takes
		// longer is cut off (the client sees a broken copy), not an error
		// of the server's shutdown.
		sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if serr := srv.Shutdown(sctx); serr != nil {
			log.Warn("backup in progress cut off by shutdown", "err", serr.Error())
			_ = srv.Close()
		}
		<-done
		err = nil
	}
	_ = os.Remove(path)
	if errors.Is(err, http.ErrServerClosed) {
		err = nil
	}
	return err
}

// backupStatusTrailer is "ok" after a complete copy.
const backupStatusTrailer = "Samla-Backup-Status"

// errNoServer: no samla serve answers on the backup socket.
var errNoServer = errors.New("no samla serve answers on the backup socket")

// backupViaSocket copies the running server's backup to w.
func backupViaSocket(ctx context.Context, path string, w io.Writer) (int64, error) {
	client := &http.Client{Transport: &http.Transport{
		DialContext: func(ctx context.Context, _, _ string) (net.Conn, error) {
			var d net.Dialer
			return d.DialContext(ctx, "unix", path)
		},
	}}
	defer client.CloseIdleConnections()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "http://samla/backup", nil)
	if err != nil {
		return 0, err
	}
	resp, err := client.Do(req)
	if errors.Is(err, syscall.ENOENT) || errors.Is(err, syscall.ECONNREFUSED) {
		return 0, errNoServer
	}
	if err != nil {
		return 0, fmt.Errorf("backup socket %s: %w", path, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return 0, fmt.Errorf("backup socket %s: %s", path, resp.Status)
	}
	n, err := io.Copy(w, resp.Body)
	if err != nil {
		return n, fmt.Errorf("backup socket %s: the copy broke off after %d bytes: %w", path, n, err)
	}
	if resp.Trailer.Get(backupStatusTrailer) != "ok" {
		return n, fmt.Errorf("backup socket %s: the server's copy failed after %d bytes (see its log)", path, n)
	}
	return n, nil
}

// serverAnswers reports whether a samla serve listens on the backup
// socket at path.
func serverAnswers(ctx context.Context, path string) bool {
	var d net.Dialer
	conn, err := d.DialContext(ctx, "unix", path)
	if err != nil {
		return false
	}
	_ = conn.Close()
	return true
}
