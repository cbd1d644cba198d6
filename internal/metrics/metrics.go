// Package metrics holds Samla's Prometheus collectors fed by hooks at the
// events themselves (directory reloads, outbox deliveries), for the wiring
// in cmd/samla: no global registry, collectors are handed to the server's.
// Labels are ids of kinds (platform, class, cause), never user data.
package metrics
