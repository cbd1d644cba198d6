package reminders

import (
	"fmt"

	"github.com/samla-sip/samla/config"
)

// Settings are the reminder rules.
type Settings struct {
	NudgeWorkdays    int // after the invitation, default 2
	EscalateWorkdays int // after the nudge, default 2
	DigestTime       string
	Hours            WorkingHours
	Lang             string // default message language: "sv" or "en"
}

// SettingsFrom reads config.Config.Reminders, filling defaults, in zone
// (e.g. "Europe/Stockholm").
func SettingsFrom(c config.Reminders, zone, lang string) (Settings, error) {
	s := Settings{NudgeWorkdays: c.NudgeWorkdays, EscalateWorkdays: c.EscalateWorkdays, DigestTime: c.DigestTime, Lang: lang}
	if s.NudgeWorkdays <= 0 {
		s.NudgeWorkdays = 2
	}
	if s.EscalateWorkdays <= 0 {
		s.EscalateWorkdays = 2
	}
	if s.DigestTime == "" {
		s.DigestTime = "08:00"
	}
	if _, err := ParseClock(s.DigestTime); err != nil {
		return Settings{}, fmt.Errorf("SAMLA_DIGEST_TIME: %w", err)
	}
	start, end := c.WorkdayStart, c.WorkdayEnd
	if start == "" {
		start = "08:00"
	}
	if end == "" {
		end = "17:00"
	}
	if zone == "" {
		zone = "Europe/Stockholm"
	}
	h, err := NewWorkingHours(start, end, zone)
	if err != nil {
		return Settings{}, err
	}
	s.Hours = h
	if s.Lang != "en" {
		s.Lang = "sv"
	}
	return s, nil
}
