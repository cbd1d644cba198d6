package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/samla-sip/samla/config"
	"github.com/samla-sip/samla/internal/store/bboltstore"
	"github.com/samla-sip/samla/internal/store/redisstore"
)

// runBackup implements "samla backup [--config FILE] OUT": a consistent
// snapshot of the configured store, online. bbolt: a copy of the store
// file, taken through the running server's backup socket (see
// backup_socket.go) or, when no server runs, from the file itself. Redis:
// an export of every key under SAMLA_REDIS_PREFIX. OUT "-" is stdout.
func runBackup(ctx context.Context, env *cliEnv, args []string) error {
	fs := subcommandFlags("backup", env)
	file := fs.String("config", "", "read settings from `FILE` (SAMLA_NAME=value lines); the environment overrides it")
	fs.Usage = func() {
		fmt.Fprintln(env.stderr, "Usage: samla backup [--config FILE] OUT   (OUT - = stdout)")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return flagParseExit(err)
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return exitCode(2)
	}
	cfg, err := loadConfig(env, *file)
	if err != nil {
		return err
	}
	out := fs.Arg(0)
	var what string
	err = writeAtomically(out, env.stdout, func(w io.Writer) (err error) {
		if cfg.Store == "redis" {
			what, err = backupRedis(ctx, cfg, w)
		} else {
			what, err = backupBbolt(ctx, cfg, w)
		}
		return err
	})
	if err != nil {
		return err
	}
	report := env.stdout
	if out == "-" {
		report = env.stderr
	}
	fmt.Fprintf(report, "samla backup: %s → %s\n", what, out)
	return nil
}

func backupRedis(ctx context.Context, cfg config.Config, w io.Writer) (string, error) {
	st, err := openRedisStore(cfg)
	if err != nil {
		return "", err
	}
	defer st.Close()
	n, err := st.Export(ctx, w)
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("%d Redis keys under prefix %q", n, cfg.RedisPrefix), nil
}

func backupBbolt(ctx context.Context, cfg config.Config, w io.Writer) (string, error) {
	sock := backupSocketPath(cfg)
	n, err := backupViaSocket(ctx, sock, w)
	if err == nil {
		return fmt.Sprintf("%d bytes from the running samla serve", n), nil
	}
	if !errors.Is(err, errNoServer) {
		return "", err
	}
	path := storeFile(cfg)
	if _, err := os.Stat(path); err != nil {
		return "", fmt.Errorf("no store file to back up (SAMLA_DATA=%s): %w", cfg.Data, err)
	}
	st, err := bboltstore.Open(path, bboltstore.WithLockTimeout(time.Second))
	if errors.Is(err, bboltstore.ErrLocked) {
		return "", fmt.Errorf("%s is held by a running samla serve, but its backup socket %s does not answer: %w", path, sock, err)
	}
	if err != nil {
		return "", err
	}
	defer st.Close()
	n, err = st.Backup(ctx, w)
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("%d bytes from %s (no server running)", n, path), nil
}

// runRestore implements "samla restore [--config FILE] [--replace] IN".
// bbolt: the server must be stopped; the replaced file is kept beside the
// new one. Redis: every replica must be stopped (scaled to zero); the
// prefix must be empty, or --replace deletes its keys first. IN "-" is
// stdin.
func runRestore(ctx context.Context, env *cliEnv, args []string) error {
	fs := subcommandFlags("restore", env)
	file := fs.String("config", "", "read settings from `FILE` (SAMLA_NAME=value lines); the environment overrides it")
	replace := fs.Bool("replace", false, "Redis: delete the keys under SAMLA_REDIS_PREFIX before restoring")
	fs.Usage = func() {
		fmt.Fprintln(env.stderr, "Usage: samla restore [--config FILE] [--replace] IN   (IN - = stdin)")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return flagParseExit(err)
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return exitCode(2)
	}
	cfg, err := loadConfig(env, *file)
	if err != nil {
		return err
	}
	in := fs.Arg(0)
	r := env.stdin
	if in != "-" {
		f, err := os.Open(in)
		if err != nil {
			return err
		}
		defer f.Close()
		r = f
	}
	br := bufio.NewReader(r)
	isExport := isRedisExport(br)
	if cfg.Store == "redis" {
		if !isExport {
			return fmt.Errorf("%s is not a Redis export of samla backup (a bbolt store file? SAMLA_STORE is redis)", in)
		}
		return restoreRedis(ctx, env, cfg, br, *replace)
	}
	if isExport {
		return fmt.Errorf("%s is a Redis export, but SAMLA_STORE is bbolt", in)
	}
	return restoreBbolt(ctx, env, cfg, br)
}

// isRedisExport reports whether r starts like redisstore's export header.
func isRedisExport(r *bufio.Reader) bool {
	head, _ := r.Peek(64)
	return bytes.HasPrefix(head, []byte(`{"format":"samla-redis-export"`))
}

func restoreRedis(ctx context.Context, env *cliEnv, cfg config.Config, r io.Reader, replace bool) error {
	st, err := openRedisStore(cfg)
	if err != nil {
		return err
	}
	defer st.Close()
	n, err := st.Import(ctx, r, replace)
	if errors.Is(err, redisstore.ErrNotEmpty) {
		return fmt.Errorf("%w: stop every samla serve using it, then run again with --replace", err)
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(env.stdout, "samla restore: %d Redis keys under prefix %q\n", n, cfg.RedisPrefix)
	return nil
}

func restoreBbolt(ctx context.Context, env *cliEnv, cfg config.Config, r io.Reader) error {
	if serverAnswers(ctx, backupSocketPath(cfg)) {
		return errors.New("samla serve is running on this store: stop it first (systemctl stop samla), then restore")
	}
	path := storeFile(cfg)
	kept, err := bboltstore.Restore(ctx, path, r, time.Second)
	if errors.Is(err, bboltstore.ErrLocked) {
		return fmt.Errorf("%w: stop samla serve first, then restore", err)
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(env.stdout, "samla restore: %s restored", path)
	if kept != "" {
		fmt.Fprintf(env.stdout, "; the replaced file is kept as %s", kept)
	}
	fmt.Fprintln(env.stdout)
	return nil
}

// storeFile is the bbolt file of SAMLA_DATA (as openStore opens it).
func storeFile(cfg config.Config) string { return filepath.Join(cfg.Data, "samla.db") }

func openRedisStore(cfg config.Config) (*redisstore.Store, error) {
	rdb, err := redisClient(cfg.RedisURL)
	if err != nil {
		return nil, err
	}
	return redisstore.New(rdb, cfg.RedisPrefix), nil
}

// writeAtomically runs write on OUT: stdout for "-", else a temporary file
// beside OUT that replaces it only once write succeeded, so a failed
// backup never leaves a file that looks like a good one.
func writeAtomically(out string, stdout io.Writer, write func(io.Writer) error) error {
	if out == "-" {
		return write(stdout)
	}
	tmp := out + ".partial"
	f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	defer os.Remove(tmp) // a no-op once renamed
	bw := bufio.NewWriterSize(f, 1<<20)
	err = write(bw)
	if err == nil {
		err = bw.Flush()
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	return os.Rename(tmp, out)
}
