package stats

import (
	"context"
	"sync"
	"time"
)

// Cache keeps the loaded events for a while, so that the page, the API
// and the metrics do not read every event on each request.
type Cache struct {
	st  Reader
	ttl time.Duration
	now func() time.Time

	mu     sync.Mutex
	cases  *Folded
	loaded time.Time
}

// NewCache reads from st at most once per ttl.
func NewCache(st Reader, ttl time.Duration, now func() time.Time) *Cache {
	return &Cache{st: st, ttl: ttl, now: now}
}

// Cases returns the folded cases, loading them when older than ttl.
func (c *Cache) Cases(ctx context.Context) (*Folded, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.cases != nil && c.now().Sub(c.loaded) < c.ttl {
		return c.cases, nil
	}
	cases, err := LoadFolded(ctx, c.st)
	if err != nil {
		return nil, err
	}
	c.cases, c.loaded = cases, c.now()
	return c.cases, nil
}
