package directory

import "time"

// Overlay is what staff changed from chat on top of the YAML files
// (docs/directory.md, "Keeping it true"): absences and substitutes each
// person reported for themselves. The directory only reads it; the store
// behind it belongs to the caller, so every replica routes on the same
// overlay at once.
type Overlay interface {
	// Absence returns the absence the contact reported in chat, if any.
	Absence(contactID string) (Away, bool)
	// Entry returns the unit's entry point as its manager redirected it
	// from chat, if any.
	Entry(unitID string) (Redirect, bool)
}

// Redirect is a unit's entry point for a while: the contact standing in
// as väg in until the day (inclusive).
type Redirect struct {
	Contact string    `json:"contact"`
	Until   time.Time `json:"until"`
}

// MemoryOverlay is an Overlay held in memory: absences by contact id,
// entry points by unit id.
type MemoryOverlay struct {
	Away    map[string]Away
	Entries map[string]Redirect
}

// Absence implements Overlay.
func (m MemoryOverlay) Absence(contactID string) (Away, bool) {
	w, ok := m.Away[contactID]
	return w, ok
}

// Entry implements Overlay.
func (m MemoryOverlay) Entry(unitID string) (Redirect, bool) {
	e, ok := m.Entries[unitID]
	return e, ok
}

// entry is the unit's entry point on the day: the redirect from chat
// while it lasts and names a contact of the unit, else the file's.
func (r *router) entry(u *Unit) (c *Contact, redirected *Redirect, ok bool) {
	if r.q.Overlay != nil {
		if e, found := r.q.Overlay.Entry(u.ID); found && !r.day.After(dayOf(e.Until)) {
			if c, ok := r.d.Contact(e.Contact); ok && c.Unit == u.ID {
				return c, &e, true
			}
		}
	}
	c, ok = r.d.Contact(u.Entry)
	return c, nil, ok
}

// absence is the absence that applies to a contact on a day.
type absence struct {
	Away
	fromChat bool
	// other is the absence from the other source when both apply on the
	// day (and this one ends later): both are shown.
	other *Away
}

// covers reports whether a is an absence on day (a date at 00:00 UTC);
// From and Until count by their dates.
func (a *Away) covers(day time.Time) bool {
	return a != nil && (a.From.IsZero() || !day.Before(dayOf(a.From))) && (a.Until.IsZero() || !day.After(dayOf(a.Until)))
}

// EndsAfter reports whether a ends later than b; an absence without an
// end ends last.
func (a *Away) EndsAfter(b *Away) bool {
	switch {
	case a.Until.IsZero():
		return !b.Until.IsZero()
	case b.Until.IsZero():
		return false
	}
	return a.Until.After(b.Until)
}

// AbsenceOn returns the absence that applies to c on the day of t, from
// the directory file or from ov (nil = none), and whether it was reported
// in chat. When both apply, the one ending later wins; its delegate, or
// else the other's, stands in.
func (c *Contact) AbsenceOn(t time.Time, ov Overlay) (a Away, fromChat, ok bool) {
	ab, ok := absenceOf(c, dayOf(t), ov)
	return ab.Away, ab.fromChat, ok
}

func absenceOf(c *Contact, day time.Time, ov Overlay) (absence, bool) {
	var chat *Away
	if ov != nil {
		if w, ok := ov.Absence(c.ID); ok && w.covers(day) {
			chat = &w
		}
	}
	yaml := c.Away
	if !yaml.covers(day) {
		yaml = nil
	}
	switch {
	case chat == nil && yaml == nil:
		return absence{}, false
	case chat == nil:
		return absence{Away: *yaml}, true
	case yaml == nil:
		return absence{Away: *chat, fromChat: true}, true
	case yaml.EndsAfter(chat):
		a := *yaml
		if a.Delegate == "" {
			a.Delegate = chat.Delegate
		}
		return absence{Away: a, other: chat}, true
	default:
		a := *chat
		if a.Delegate == "" {
			a.Delegate = yaml.Delegate
		}
		return absence{Away: a, fromChat: true, other: yaml}, true
	}
}
