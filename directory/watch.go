package directory

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"time"

	"github.com/fsnotify/fsnotify"
)

// reloadDelay gathers the bursts of events an editor or a deploy makes
// into one reload.
const reloadDelay = 300 * time.Millisecond

// kubernetesDataLink is how Kubernetes updates a mounted ConfigMap: each
// name.yaml is a symlink to ..data/name.yaml, and an update writes a new
// hidden folder and swaps the ..data symlink to it. No YAML name changes,
// so the swap itself must trigger a reload.
const kubernetesDataLink = "..data"

// Reload is the outcome of one reload attempt, reported to Watch's hook.
type Reload struct {
	// Cause is "signal" (a reload request) or "file change".
	Cause string
	// Err is why the files were refused (the previous directory stays in
	// service), or nil when the new directory was put in service.
	Err error
	// Stats is the size of the new directory (zero when refused).
	Stats Stats
}

// Watch keeps h serving the directory in paths: it reloads when one of
// the files (or a YAML file in one of the folders) changes, or when
// something arrives on reload (the command wires SIGHUP to it). A
// directory that does not load keeps the previous one in service and
// every problem is logged. Every attempt is reported to onReload (may be
// nil), from Watch's goroutine. Watch returns nil when ctx is done.
func Watch(ctx context.Context, h *Holder, paths []string, reload <-chan struct{}, log *slog.Logger, onReload func(Reload)) error {
	if onReload == nil {
		onReload = func(Reload) {}
	}
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return fmt.Errorf("directory: watch: %w", err)
	}
	defer w.Close()
	files, dirs := map[string]bool{}, map[string]bool{}
	for _, p := range paths {
		abs, err := filepath.Abs(p)
		if err != nil {
			return fmt.Errorf("directory: watch: %w", err)
		}
		dir := filepath.Dir(abs)
		if fi, err := os.Stat(abs); err == nil && fi.IsDir() {
			dir = abs
			dirs[abs] = true
		} else {
			files[abs] = true // editors replace files: watch the folder
		}
		if err := w.Add(dir); err != nil {
			return fmt.Errorf("directory: watch %s: %w", dir, err)
		}
	}
	relevant := func(name string) bool {
		abs, err := filepath.Abs(name)
		if err != nil {
			return false
		}
		inDir := dirs[filepath.Dir(abs)]
		return files[abs] || (inDir && isYAML(abs)) || (inDir && filepath.Base(abs) == kubernetesDataLink)
	}
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	defer timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-reload:
			onReload(reloadInto(h, paths, log, "signal"))
		case ev, ok := <-w.Events:
			if !ok {
				return nil
			}
			if relevant(ev.Name) && ev.Op != fsnotify.Chmod {
				timer.Reset(reloadDelay)
			}
		case <-timer.C:
			onReload(reloadInto(h, paths, log, "file change"))
		case err, ok := <-w.Errors:
			if !ok {
				return nil
			}
			log.Warn("directory watch error", "err", err)
		}
	}
}

// reloadInto loads paths and swaps the result in, or logs why not.
func reloadInto(h *Holder, paths []string, log *slog.Logger, cause string) Reload {
	d, err := Load(paths...)
	if err != nil {
		var ve *ValidationError
		if errors.As(err, &ve) {
			for _, p := range ve.Problems {
				log.Warn("directory problem", "file", p.File, "line", p.Line, "problem", p.Msg)
			}
		}
		log.Error("directory reload failed; the previous directory stays in service", "cause", cause, "err", err)
		return Reload{Cause: cause, Err: err}
	}
	h.Swap(d)
	st := d.Stats()
	log.Info("directory reloaded", "cause", cause, "organisations", st.Organisations, "units", st.Units, "contacts", st.Contacts, "files", st.Files)
	return Reload{Cause: cause, Stats: st}
}
