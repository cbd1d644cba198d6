package server

import (
	"net/http"
	"testing"
)

// TestStatsAPI: /api/v1/stats is behind the directory API's bearer
// tokens, and absent when no statistics are configured.
func TestStatsAPI(t *testing.T) {
	opts, _ := testOptions(newFakeDirectory())
	opts.APITokens = []string{"s3cret-token"}
	opts.Stats = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { _, _ = w.Write([]byte(`{"rows":[]}`)) })
	_, ts := start(t, opts)
	if resp, body := get(t, ts.URL+"/api/v1/stats?by=care", nil); resp.StatusCode != http.StatusUnauthorized || body == `{"rows":[]}` {
		t.Errorf("without a token: %d %s", resp.StatusCode, body)
	}
	if resp, _ := get(t, ts.URL+"/api/v1/stats", map[string]string{"Authorization": "Bearer wrong"}); resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("wrong token: %d", resp.StatusCode)
	}
	if resp, body := get(t, ts.URL+"/api/v1/stats", map[string]string{"Authorization": "Bearer s3cret-token"}); resp.StatusCode != 200 || body != `{"rows":[]}` {
		t.Errorf("with the token: %d %s", resp.StatusCode, body)
	}
	opts.Stats = nil
	_, ts = start(t, opts)
	if resp, _ := get(t, ts.URL+"/api/v1/stats", map[string]string{"Authorization": "Bearer s3cret-token"}); resp.StatusCode != http.StatusNotFound {
		t.Errorf("unconfigured: %d", resp.StatusCode)
	}
}
