package directory

import (
	"bytes"
	"context"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a log sink safe for the watcher goroutine and the test.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func TestWatchReloads(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "dir.yaml")
	write := func(s string) {
		t.Helper()
		tmp := file + ".tmp"
		if err := os.WriteFile(tmp, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(tmp, file); err != nil { // as editors and deploys do
			t.Fatal(err)
		}
	}
	write(base)
	d, err := Load(file)
	if err != nil {
		t.Fatal(err)
	}
	h := NewHolder(d)
	logs := &syncBuffer{}
	log := slog.New(slog.NewTextHandler(logs, nil))
	reload := make(chan struct{})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	var (
		mu      sync.Mutex
		reports []Reload
	)
	onReload := func(r Reload) { mu.Lock(); reports = append(reports, r); mu.Unlock() }
	report := func(i int) (Reload, bool) {
		mu.Lock()
		defer mu.Unlock()
		if i >= len(reports) {
			return Reload{}, false
		}
		return reports[i], true
	}
	go func() { done <- Watch(ctx, h, []string{file}, reload, log, onReload) }()
	contacts := func() int { return h.Current().Stats().Contacts }

	// A valid change is picked up from the file system.
	time.Sleep(100 * time.Millisecond) // let the watcher start
	write(extraContact("    reach:\n      - email: per@example.se\n"))
	waitFor(t, "reload after a file change", func() bool { return contacts() == 2 })
	waitFor(t, "the reload reported", func() bool { _, ok := report(0); return ok })
	if r, _ := report(0); r.Err != nil || r.Cause != "file change" || r.Stats.Contacts != 2 {
		t.Errorf("first report = %+v, want a file change to 2 contacts", r)
	}

	// An invalid file keeps the old directory and logs every problem.
	before := h.Current()
	write(strings.Replace(extraContact("    reach:\n      - email: per@example.se\n"), "care: [skola]", "care: [tandvard]", 1) + "  - id: c3\n")
	waitFor(t, "the problems in the log", func() bool {
		s := logs.String()
		return strings.Contains(s, "unknown care level") && strings.Contains(s, "previous directory stays")
	})
	if h.Current() != before {
		t.Error("an invalid directory replaced the valid one")
	}
	waitFor(t, "the refusal reported", func() bool {
		mu.Lock()
		defer mu.Unlock()
		return len(reports) > 0 && reports[len(reports)-1].Err != nil
	})

	// A reload request (SIGHUP) reloads without a file event.
	if err := os.WriteFile(file, []byte(base), 0o644); err != nil {
		t.Fatal(err)
	}
	reload <- struct{}{}
	waitFor(t, "reload on request", func() bool { return contacts() == 1 })
	waitFor(t, "the signal reload reported", func() bool {
		mu.Lock()
		defer mu.Unlock()
		for _, r := range reports {
			if r.Cause == "signal" && r.Err == nil && r.Stats.Contacts == 1 {
				return true
			}
		}
		return false
	})

	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Watch returned %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Watch did not stop with its context")
	}
}

func TestWatchFolder(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.yaml"), []byte(base), 0o644); err != nil {
		t.Fatal(err)
	}
	d, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	h := NewHolder(d)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- Watch(ctx, h, []string{dir}, nil, slog.New(slog.NewTextHandler(&syncBuffer{}, nil)), nil)
	}()
	defer func() { cancel(); <-done }()
	time.Sleep(100 * time.Millisecond)
	more := "contacts:\n  - id: c9\n    unit: u1\n    kind: person\n    name: Nio\n    reach:\n      - email: nio@example.se\n"
	if err := os.WriteFile(filepath.Join(dir, "b.yaml"), []byte(more), 0o644); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "a new file in the folder", func() bool { return h.Current().Stats().Contacts == 2 })
}
