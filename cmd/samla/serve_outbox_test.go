package main

import (
	"testing"
)

// checkOutboxMetrics checks /metrics of a server that delivered messages
// to Slack: deliveries counted by platform and class, and the backlog.
func checkOutboxMetrics(t *testing.T, base string) {
	t.Helper()
	waitFor(t, func() bool {
		return metricValue(t, base, `samla_outbox_delivered_total{class="sent",platform="slack"}`) >= 2
	}, "deliveries counted on /metrics")
	waitFor(t, func() bool { return metricValue(t, base, "samla_outbox_pending") == 0 }, "empty outbox on /metrics")
	if age := metricValue(t, base, "samla_outbox_oldest_pending_age_seconds"); age != 0 {
		t.Errorf("samla_outbox_oldest_pending_age_seconds = %v with nothing pending, want 0", age)
	}
}
