package directory

import (
	"context"
	"log/slog"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestWatchConfigMapSwap updates a folder the way the kubelet updates a
// mounted ConfigMap (a new ..TIMESTAMP folder, then an atomic swap of the
// ..data symlink the YAML symlinks point through) and expects a reload.
func TestWatchConfigMapSwap(t *testing.T) {
	dir := t.TempDir()
	version := func(name, content string) {
		t.Helper()
		if err := os.Mkdir(filepath.Join(dir, name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name, "dir.yaml"), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		tmp := filepath.Join(dir, "..data_tmp")
		if err := os.Symlink(name, tmp); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(tmp, filepath.Join(dir, kubernetesDataLink)); err != nil {
			t.Fatal(err)
		}
	}
	version("..2026_12_01_10_00_00.1", base)
	if err := os.Symlink(filepath.Join(kubernetesDataLink, "dir.yaml"), filepath.Join(dir, "dir.yaml")); err != nil {
		t.Fatal(err)
	}
	d, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	h := NewHolder(d)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- Watch(ctx, h, []string{dir}, nil, slog.New(slog.DiscardHandler), nil) }()
	defer func() { cancel(); <-done }()

	time.Sleep(100 * time.Millisecond) // let the watcher start
	version("..2026_12_01_10_05_00.2", extraContact("    reach:\n      - email: per@example.se\n"))
	if err := os.RemoveAll(filepath.Join(dir, "..2026_12_01_10_00_00.1")); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "reload after the ConfigMap swap", func() bool { return h.Current().Stats().Contacts == 2 })
}
