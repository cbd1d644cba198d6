package metrics

import "testing"

func TestSecurityCountsEventsByPlatformAndKind(t *testing.T) {
	m := NewSecurity()
	m.Event("slack", "link_uncontrolled")
	m.Event("slack", "link_uncontrolled")
	m.Event("mattermost", "link_unverified")
	for _, c := range []struct {
		platform, event string
		want            float64
	}{
		{"slack", "link_uncontrolled", 2},
		{"mattermost", "link_unverified", 1},
		{"mattermost", "link_uncontrolled", 0},
	} {
		if got := value(t, m.events.WithLabelValues(c.platform, c.event)); got != c.want {
			t.Errorf("%s %s = %v, want %v", c.platform, c.event, got, c.want)
		}
	}
}
