package sip

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/samla-sip/samla/directory"
	"github.com/samla-sip/samla/internal/chat"
	"github.com/samla-sip/samla/internal/store"
)

// bucketEntry holds each unit's entry point redirected from chat (/sip
// enhet), keyed by unit id: the rest of the directory's overlay.
const bucketEntry = "entry"

// Entry implements directory.Overlay: the unit's redirected entry point.
func (o *storeOverlay) Entry(unitID string) (directory.Redirect, bool) {
	if e, ok := o.entries[unitID]; ok {
		return e, e.Contact != ""
	}
	var e directory.Redirect
	rec, err := o.st.Get(o.ctx, bucketEntry, unitID)
	switch {
	case err == nil:
		if err := json.Unmarshal(rec.Value, &e); err != nil {
			o.log.WarnContext(o.ctx, "sip: decoding a unit's entry point from chat; routing on the directory files", "unit", unitID, "err", err)
			e = directory.Redirect{}
		}
	case !errors.Is(err, store.ErrNotFound):
		o.log.WarnContext(o.ctx, "sip: reading a unit's entry point from chat; routing on the directory files", "unit", unitID, "err", err)
	}
	o.entries[unitID] = e
	return e, e.Contact != ""
}

// cmdUnit runs /sip enhet UNIT [väg-in=KONTAKT-ID till=YYYY-MM-DD]: the
// unit's manager (role enhetschef in the unit) redirects its entry point
// to a contact of the unit until the day; without options it shows the
// unit's entry point.
func (s *Service) cmdUnit(ctx context.Context, r *request, cmd Cmd) (chat.Reply, error) {
	u, ok := r.dir.Unit(cmd.Args[0])
	if !ok {
		return chat.Reply{}, inputErr(verbUnit, "err.unit.unknown", clip(cmd.Args[0], 40))
	}
	if len(cmd.Opts) == 0 {
		entry := u.Entry
		line := ""
		if e, ok := r.ov.Entry(u.ID); ok && !dateOf(r.now.In(s.loc)).After(e.Until) {
			entry = e.Contact
			line = " " + t(r.lang, "unit.show.chat", e.Until.Format("2006-01-02"))
		}
		name := entry
		if c, ok := r.dir.Contact(entry); ok {
			name = c.Name
		}
		return chat.Reply{Text: t(r.lang, "unit.show", u.Name, name) + line}, nil
	}
	me, ok := r.dir.Contact(r.me.ContactID)
	if !r.me.Known || !ok || me.Unit != u.ID || !slices.Contains(me.Roles, "enhetschef") {
		return chat.Reply{}, inputErr(verbUnit, "err.unit.notchef", u.Name)
	}
	target, ok := r.dir.Contact(cmd.Opts[keyEntry])
	if !ok || target.Unit != u.ID {
		return chat.Reply{}, inputErr(verbUnit, "err.unit.entry", clip(cmd.Opts[keyEntry], 40), u.Name)
	}
	until, _ := parseDate(cmd.Opts[keyUntil])
	today := dateOf(r.now.In(s.loc))
	if until.Before(today) || until.Sub(today) > maxAbsenceDays*24*time.Hour {
		return chat.Reply{}, inputErr(verbUnit, "err.unit.until", maxAbsenceDays).on(FieldDate)
	}
	b, err := json.Marshal(directory.Redirect{Contact: target.ID, Until: until})
	if err != nil {
		return chat.Reply{}, fmt.Errorf("encode entry: %w", err)
	}
	fx := &effects{}
	if ch, ok := bestReach(target); ok && target.ID != me.ID {
		if to, ok := s.addressOf(ch, target.ID); ok {
			msg := chat.Message{Key: "entry/" + u.ID, Text: t(s.langOf(ctx, target.ID, to), "unit.told", u.Name, until.Format("2006-01-02"), me.Name)}
			if err := fx.send(r, "entry|"+u.ID+"|"+target.ID+"|"+until.Format("2006-01-02"), to, msg); err != nil {
				return chat.Reply{}, err
			}
		}
	}
	ttl := max(until.AddDate(0, 0, 2).Sub(r.now), time.Hour)
	for range maxRetries {
		put := store.Put{Bucket: bucketEntry, Key: u.ID, Value: b, TTL: ttl}
		rec, err := s.deps.Store.Get(ctx, bucketEntry, u.ID)
		switch {
		case err == nil:
			put.Version = rec.Version
		case !errors.Is(err, store.ErrNotFound):
			return chat.Reply{}, fmt.Errorf("read entry: %w", err)
		}
		err = s.deps.Store.Commit(ctx, store.Tx{Puts: []store.Put{put}, Jobs: fx.jobs})
		if errors.Is(err, store.ErrConflict) {
			continue
		}
		if err != nil {
			return chat.Reply{}, fmt.Errorf("save entry: %w", err)
		}
		return chat.Reply{Text: t(r.lang, "unit.set", u.Name, target.Name, until.Format("2006-01-02"))}, nil
	}
	return chat.Reply{}, fmt.Errorf("save entry: %w", store.ErrConflict)
}
