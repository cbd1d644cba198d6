package slack

import (
	"testing"
	"time"
)

// The bot's dates follow SAMLA_TIMEZONE (Options.Location), not a zone of
// its own: at 11:00 UTC it is already the next day in Kiritimati (UTC+14).
func TestTodayUsesConfiguredTimeZone(t *testing.T) {
	kiritimati, err := time.LoadLocation("Pacific/Kiritimati")
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 12, 31, 11, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		loc  *time.Location
		want string
	}{
		{"configured zone", kiritimati, "2027-01-01"},
		{"default Europe/Stockholm", nil, "2026-12-31"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tb := newTestBot(t, func(o *Options) {
				o.Location = tt.loc
				o.Now = func() time.Time { return now }
			})
			if got := tb.today(); got != tt.want {
				t.Errorf("today() = %s, want %s", got, tt.want)
			}
		})
	}
}
