package bboltstore

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	bolt "go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"
)

// Backup writes a consistent copy of the whole store file to w and returns
// the bytes written. It runs in one read transaction, so writers carry on
// meanwhile and the copy is the state at its start. The copy is itself a
// store file: Open it, or put it back with Restore.
func (s *Store) Backup(ctx context.Context, w io.Writer) (int64, error) {
	var n int64
	err := s.view(ctx, func(tx *bolt.Tx) error {
		var err error
		n, err = tx.WriteTo(ctxWriter{ctx: ctx, w: w})
		return err
	})
	if err != nil {
		return n, fmt.Errorf("bboltstore: backup: %w", err)
	}
	return n, nil
}

// ctxWriter stops a long copy once ctx ends.
type ctxWriter struct {
	ctx context.Context
	w   io.Writer
}

func (c ctxWriter) Write(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.w.Write(p)
}

// ctxReader stops a long read once ctx ends.
type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (c ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p)
}

// Check opens the store file at path read-only and checks that it is a
// Samla store (it has the top-level buckets Open creates).
func Check(path string) error {
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: 2 * time.Second})
	if err != nil {
		return fmt.Errorf("bboltstore: %s is not a readable store file: %w", path, err)
	}
	defer db.Close()
	return db.View(func(tx *bolt.Tx) error {
		for _, name := range [][]byte{bucketRecords, bucketIndexes, bucketQueues, bucketOnce} {
			if tx.Bucket(name) == nil {
				return fmt.Errorf("bboltstore: %s is a bbolt file but not a Samla store (no %q bucket)", path, name)
			}
		}
		return nil
	})
}

// Restore replaces the store file at path with the backup read from r. The
// store must not be open anywhere: Restore takes the file lock itself
// (waiting lockTimeout) and returns ErrLocked when a running server holds
// it. The backup is written next to path and checked before it replaces
// anything; the replaced file is kept as path + ".replaced-" + the UTC time
// (returned as kept; "" when there was no file). Run as root, Restore
// gives the new file the owner of the one it replaces (or of the folder),
// so the service's user can open it. Once ctx ends, Restore stops before
// replacing anything.
func Restore(ctx context.Context, path string, r io.Reader, lockTimeout time.Duration) (kept string, err error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return "", fmt.Errorf("bboltstore: create folder: %w", err)
	}
	tmp := path + ".restoring"
	if err := writeFileSync(tmp, ctxReader{ctx: ctx, r: r}); err != nil {
		return "", err
	}
	defer os.Remove(tmp) // a no-op once renamed
	if err := Check(tmp); err != nil {
		return "", err
	}
	if err := ctx.Err(); err != nil {
		return "", err
	}
	// The owner of the file it replaces, else of the folder.
	like := path
	if _, err := os.Stat(path); err != nil {
		like = filepath.Dir(path)
	}
	if err := takeOwner(tmp, like); err != nil {
		return "", err
	}
	// Hold the lock of the current file while swapping, so no server can
	// be using it.
	if _, err := os.Stat(path); err == nil {
		db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: lockTimeout})
		switch {
		case errors.Is(err, bolterrors.ErrTimeout):
			return "", fmt.Errorf("%w: %s", ErrLocked, path)
		case err == nil:
			defer db.Close()
		}
		// Any other error: the file is damaged, so no server can be using
		// it, and replacing it is what the operator wants.
		kept = path + ".replaced-" + time.Now().UTC().Format("20060102T150405Z")
		if err := os.Rename(path, kept); err != nil {
			return "", fmt.Errorf("bboltstore: keep the replaced file: %w", err)
		}
	}
	if err := os.Rename(tmp, path); err != nil {
		return kept, fmt.Errorf("bboltstore: put the backup in place: %w", err)
	}
	return kept, syncDir(filepath.Dir(path))
}

func writeFileSync(path string, r io.Reader) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return fmt.Errorf("bboltstore: %w", err)
	}
	_, err = io.Copy(f, r)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("bboltstore: write %s: %w", path, err)
	}
	return nil
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return fmt.Errorf("bboltstore: %w", err)
	}
	defer d.Close()
	if err := d.Sync(); err != nil {
		return fmt.Errorf("bboltstore: sync %s: %w", dir, err)
	}
	return nil
}
