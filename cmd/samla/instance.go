package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/samla-sip/samla/config"
	"github.com/samla-sip/samla/internal/store"
)

// instanceID names this replica in the store's claims: SAMLA_INSTANCE_ID,
// else the host name and a short hash of the absolute data folder, which
// stay the same across restarts of one installation on one host (and
// differ between replicas on one host with their own data folders).
func instanceID(cfg config.Config) string {
	if cfg.InstanceID != "" {
		return cfg.InstanceID
	}
	host, err := os.Hostname()
	if err != nil || host == "" {
		host = "samla"
	}
	data, err := filepath.Abs(cfg.Data)
	if err != nil {
		data = cfg.Data
	}
	sum := sha256.Sum256([]byte(data))
	return safeID(host) + "-" + hex.EncodeToString(sum[:4])
}

// safeID keeps the characters SAMLA_INSTANCE_ID allows.
func safeID(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("._:-", r) {
			return r
		}
		return '-'
	}, s)
}

// reclaimLeases takes back, due at once, the jobs this instance had
// claimed in queues when it last stopped without settling them (a crash,
// kill -9): without this they would wait for their leases to expire. Other
// replicas' claims are left alone. Call it before any worker claims.
func reclaimLeases(ctx context.Context, st store.Store, log *slog.Logger, instance string, queues ...string) {
	r, ok := st.(store.Reclaimer)
	if !ok {
		return
	}
	log.Info("claiming jobs as this instance", "instance", instance)
	for _, q := range queues {
		n, err := r.Reclaim(ctx, q, time.Now())
		switch {
		case err != nil:
			log.Warn("could not take back this instance's claims; they wait for their leases", "queue", q, "instance", instance, "class", "store")
		case n > 0:
			log.Info("took back this instance's claims from before the restart", "queue", q, "instance", instance, "jobs", n)
		}
	}
}
