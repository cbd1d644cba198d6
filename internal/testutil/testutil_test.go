package testutil

import (
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestClock(t *testing.T) {
	t0 := time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)
	c := NewClock(t0)
	c.Advance(90 * time.Minute)
	if got := c.Now(); !got.Equal(t0.Add(90 * time.Minute)) {
		t.Errorf("after Advance: %v", got)
	}
	c.Set(t0)
	if got := c.Now(); !got.Equal(t0) {
		t.Errorf("after Set: %v", got)
	}
}

func TestClockAfter(t *testing.T) {
	t0 := time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)
	c := NewClock(t0)
	if got := <-c.After(0); !got.Equal(t0) {
		t.Errorf("After(0) = %v", got)
	}
	hour, day := c.After(time.Hour), c.After(24*time.Hour)
	if n := c.Waiters(); n != 2 {
		t.Fatalf("%d waiters, want 2", n)
	}
	c.Advance(59 * time.Minute)
	select {
	case <-hour:
		t.Fatal("woke a minute early")
	default:
	}
	c.Advance(time.Minute)
	if got := <-hour; !got.Equal(t0.Add(time.Hour)) {
		t.Errorf("hour woke at %v", got)
	}
	c.Set(t0.Add(48 * time.Hour))
	if got := <-day; !got.Equal(t0.Add(48 * time.Hour)) {
		t.Errorf("day woke at %v", got)
	}
	if n := c.Waiters(); n != 0 {
		t.Errorf("%d waiters left", n)
	}
}

func TestSyncBufferConcurrentWriters(t *testing.T) {
	var b SyncBuffer
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fmt.Fprintf(&b, "line %d\n", i)
		}()
	}
	wg.Wait()
	if n := strings.Count(b.String(), "\n"); n != 8 {
		t.Errorf("%d lines, want 8:\n%s", n, b.String())
	}
}

// recorder is a testing.TB that records failures instead of stopping.
type recorder struct {
	testing.TB
	failed bool
}

func (r *recorder) Helper()               {}
func (r *recorder) Errorf(string, ...any) { r.failed = true }
func (r *recorder) Fatalf(string, ...any) { r.failed = true; panic(r) }
func (r *recorder) Fatal(...any)          { r.failed = true; panic(r) }

func TestGolden(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", "x.golden")
	Golden(t, path, []byte("a\nb\n"), true) // creates it
	Golden(t, path, []byte("a\nb\n"), false)

	r := &recorder{TB: t}
	Golden(r, path, []byte("a\nc\n"), false)
	if !r.failed {
		t.Error("a differing output passed")
	}
	if d := FirstDiff("a\nb\n", "a\nc\n"); !strings.Contains(d, "line 2") {
		t.Errorf("FirstDiff = %q", d)
	}
}
