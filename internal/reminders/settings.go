package reminders

import (
	"fmt"

	"github.com/samla-sip/samla/config"
	"github.com/samla-sip/samla/internal/i18n"
)

// Settings are the reminder rules.
type Settings struct {
	NudgeWorkdays    int // after the invitation, default 2
	EscalateWorkdays int // after the nudge, default 2
	DigestTime       string
	Hours            WorkingHours
	Lang             i18n.Lang // for a recipient whose language LangSource does not tell
}

// SettingsFrom reads config.Config.Reminders, filling defaults, in zone
// (e.g. "Europe/Stockholm").
func SettingsFrom(c config.Reminders, zone, lang string) (Settings, error) {
	l, _ := i18n.Parse(lang)
	s := Settings{NudgeWorkdays: c.NudgeWorkdays, EscalateWorkdays: c.EscalateWorkdays, DigestTime: c.DigestTime, Lang: l}
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
	s.Lang = s.Lang.Or(i18n.Swedish)
	return s, nil
}
