package sip

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"time"

	"github.com/samla-sip/samla/directory"
	"github.com/samla-sip/samla/internal/chat"
	"github.com/samla-sip/samla/internal/store"
)

// bucketAbsence holds each contact's absence reported from chat (/sip
// borta), keyed by contact id: the directory's overlay, shared by every
// replica through the store.
const bucketAbsence = "absence"

// chatAbsence is the record of one contact's own absence.
type chatAbsence struct {
	From       string    `json:"from"`  // YYYY-MM-DD, inclusive
	Until      string    `json:"until"` // YYYY-MM-DD, inclusive
	Substitute string    `json:"substitute,omitempty"`
	SetAt      time.Time `json:"set_at"`
}

func (a chatAbsence) away() (directory.Away, bool) {
	from, ok1 := parseDate(a.From)
	until, ok2 := parseDate(a.Until)
	return directory.Away{From: from, Until: until, Delegate: a.Substitute}, ok1 && ok2
}

// AbsenceOverlay is the directory overlay of the absences and units'
// entry points reported in chat, read from st as routing asks (each contact at most once). A store
// error is logged and routes on the files alone.
func AbsenceOverlay(ctx context.Context, st store.Store, log *slog.Logger) directory.Overlay {
	return &storeOverlay{ctx: ctx, st: st, log: log, seen: map[string]*directory.Away{}, entries: map[string]directory.Redirect{}}
}

type storeOverlay struct {
	ctx  context.Context // the request's
	st   store.Store
	log  *slog.Logger
	seen map[string]*directory.Away
	// entries are the units' entry points looked up (Contact "" = none).
	entries map[string]directory.Redirect
}

func (o *storeOverlay) Absence(contactID string) (directory.Away, bool) {
	if a, ok := o.seen[contactID]; ok {
		if a == nil {
			return directory.Away{}, false
		}
		return *a, true
	}
	a, ok, err := readAbsence(o.ctx, o.st, contactID)
	if err != nil {
		o.log.WarnContext(o.ctx, "sip: reading a chat absence; routing on the directory files alone", "contact", contactID, "err", err)
	}
	if !ok {
		o.seen[contactID] = nil
		return directory.Away{}, false
	}
	w, valid := a.away()
	if !valid {
		o.seen[contactID] = nil
		return directory.Away{}, false
	}
	o.seen[contactID] = &w
	return w, true
}

func readAbsence(ctx context.Context, st store.Store, contactID string) (chatAbsence, bool, error) {
	rec, err := st.Get(ctx, bucketAbsence, contactID)
	if errors.Is(err, store.ErrNotFound) {
		return chatAbsence{}, false, nil
	}
	if err != nil {
		return chatAbsence{}, false, err
	}
	var a chatAbsence
	if err := json.Unmarshal(rec.Value, &a); err != nil {
		return chatAbsence{}, false, fmt.Errorf("decode absence %s: %w", contactID, err)
	}
	return a, true, nil
}

// maxAbsenceDays bounds an absence reported from chat: longer leave
// belongs in the directory file.
const maxAbsenceDays = 366

// cmdAway runs /sip borta [FROM] UNTIL [ersättare=ID|@user] (report one's
// own absence) and /sip borta (show it).
func (s *Service) cmdAway(ctx context.Context, r *request, cmd Cmd) (chat.Reply, error) {
	me, ok := r.dir.Contact(r.me.ContactID)
	if !r.me.Known || !ok {
		return chat.Reply{}, inputErr(verbAway, "err.away.unlinked")
	}
	if len(cmd.Args) == 0 {
		return s.showAway(ctx, r, me)
	}
	today := r.now.In(s.loc).Format("2006-01-02")
	from, until := today, cmd.Args[0]
	if len(cmd.Args) == 2 {
		from, until = cmd.Args[0], cmd.Args[1]
	}
	f, _ := parseDate(from)
	u, _ := parseDate(until)
	switch {
	case until < from:
		return chat.Reply{}, inputErr(verbAway, "err.away.order", from, until).on(FieldDate)
	case until < today:
		return chat.Reply{}, inputErr(verbAway, "err.away.past", until).on(FieldDate)
	case u.Sub(f) > maxAbsenceDays*24*time.Hour:
		return chat.Reply{}, inputErr(verbAway, "err.away.long", maxAbsenceDays).on(FieldDate)
	}
	a := chatAbsence{From: from, Until: until, SetAt: r.now}
	var sub *directory.Contact
	if ref, ok := cmd.Opts[keySubstitute]; ok {
		c, err := substituteFor(r, me, ref)
		if err != nil {
			return chat.Reply{}, err
		}
		sub, a.Substitute = c, c.ID
	}
	fx := &effects{}
	if sub != nil {
		if err := s.tellSubstitute(ctx, r, fx, me, sub, a); err != nil {
			return chat.Reply{}, err
		}
	}
	// The record expires a day after the absence ends.
	ttl := max(u.AddDate(0, 0, 2).Sub(r.now), time.Hour)
	if err := s.putAbsence(ctx, r, &a, ttl, fx); err != nil {
		return chat.Reply{}, err
	}
	line := t(r.lang, "away.set", from, until)
	if sub != nil {
		line += " " + t(r.lang, "away.set.sub", sub.Name)
	} else {
		line += " " + t(r.lang, "away.set.nosub")
	}
	return chat.Reply{Text: line}, nil
}

// putAbsence writes (a != nil) or deletes the actor's absence with fx's
// messages in one transaction.
func (s *Service) putAbsence(ctx context.Context, r *request, a *chatAbsence, ttl time.Duration, fx *effects) error {
	tx := store.Tx{Jobs: fx.jobs}
	if a == nil {
		tx.Deletes = []store.RecordRef{{Bucket: bucketAbsence, Key: r.me.ContactID}}
		return s.commitAbsence(ctx, tx)
	}
	b, err := json.Marshal(a)
	if err != nil {
		return fmt.Errorf("encode absence: %w", err)
	}
	for range maxRetries {
		put := store.Put{Bucket: bucketAbsence, Key: r.me.ContactID, Value: b, TTL: ttl}
		rec, err := s.deps.Store.Get(ctx, bucketAbsence, r.me.ContactID)
		switch {
		case err == nil:
			put.Version = rec.Version
		case !errors.Is(err, store.ErrNotFound):
			return fmt.Errorf("read absence: %w", err)
		}
		tx.Puts = []store.Put{put}
		if err := s.commitAbsence(ctx, tx); errors.Is(err, store.ErrConflict) {
			continue
		} else if err != nil {
			return err
		}
		return nil
	}
	return fmt.Errorf("save absence: %w", store.ErrConflict)
}

func (s *Service) commitAbsence(ctx context.Context, tx store.Tx) error {
	err := s.deps.Store.Commit(ctx, tx)
	if err != nil && !errors.Is(err, store.ErrConflict) {
		return fmt.Errorf("save absence: %w", err)
	}
	return err
}

// substituteFor resolves ersättare=: a contact id, or @user on the
// actor's own chat platform. The substitute must be another contact of
// the same unit, or of a unit of the same organisation giving one of the
// same care levels.
func substituteFor(r *request, me *directory.Contact, ref string) (*directory.Contact, error) {
	ref = strings.TrimSpace(ref)
	var (
		c  *directory.Contact
		ok bool
	)
	if user, isUser := mentionedUser(ref); isUser {
		c, ok = r.dir.ContactByReach(r.who.Platform, r.who.Workspace, user)
	} else {
		c, ok = r.dir.Contact(ref)
	}
	if !ok {
		return nil, inputErr(verbAway, "err.away.subunknown", clip(ref, 40)).on(FieldDelegate)
	}
	if c.ID == me.ID {
		return nil, inputErr(verbAway, "err.away.subself").on(FieldDelegate)
	}
	if !mayStandIn(r.dir, me, c) {
		return nil, inputErr(verbAway, "err.away.subunit", c.Name).on(FieldDelegate)
	}
	return c, nil
}

// mentionedUser reads "@user", "<@U123>" and "<@U123|name>".
func mentionedUser(ref string) (string, bool) {
	if strings.HasPrefix(ref, "<@") && strings.HasSuffix(ref, ">") {
		u, _, _ := strings.Cut(ref[2:len(ref)-1], "|")
		return u, u != ""
	}
	if u, ok := strings.CutPrefix(ref, "@"); ok && u != "" {
		return u, true
	}
	return "", false
}

// mayStandIn reports whether sub may stand in for c: the same unit, or a
// unit of the same organisation giving one of c's unit's care levels.
func mayStandIn(dir *directory.Directory, c, sub *directory.Contact) bool {
	if c.Unit == sub.Unit {
		return true
	}
	cu, ok1 := dir.Unit(c.Unit)
	su, ok2 := dir.Unit(sub.Unit)
	if !ok1 || !ok2 || cu.Org != su.Org {
		return false
	}
	return slices.ContainsFunc(cu.Care, func(care string) bool { return slices.Contains(su.Care, care) })
}

// tellSubstitute queues a direct message to the substitute.
func (s *Service) tellSubstitute(ctx context.Context, r *request, fx *effects, me, sub *directory.Contact, a chatAbsence) error {
	ch, ok := bestReach(sub)
	if !ok {
		return inputErr(verbAway, "err.away.subunreachable", sub.Name).on(FieldDelegate)
	}
	to, ok := s.addressOf(ch, sub.ID)
	if !ok {
		return inputErr(verbAway, "err.away.subunreachable", sub.Name).on(FieldDelegate)
	}
	lang := s.langOf(ctx, sub.ID, to)
	msg := chat.Message{
		Key:  "absence/" + me.ID,
		Text: t(lang, "away.told", me.Name, a.From, a.Until),
	}
	return fx.send(r, "absence|"+me.ID+"|"+sub.ID+"|"+a.From+"|"+a.Until, to, msg)
}

// showAway answers /sip borta: the absence reported in chat and the
// directory file's, each with its substitute.
func (s *Service) showAway(ctx context.Context, r *request, me *directory.Contact) (chat.Reply, error) {
	var lines []string
	a, ok, err := readAbsence(ctx, s.deps.Store, me.ID)
	if err != nil {
		return chat.Reply{}, err
	}
	if ok {
		lines = append(lines, t(r.lang, "away.mine.chat", a.From, a.Until)+substituteText(r, a.Substitute))
	}
	if w := me.Away; w != nil && (w.Until.IsZero() || !w.Until.Before(dayStart(r.now.In(s.loc)))) {
		lines = append(lines, t(r.lang, "away.mine.file", dateOrDots(w.From), dateOrDots(w.Until))+substituteText(r, w.Delegate))
	}
	if len(lines) == 0 {
		return chat.Reply{Text: t(r.lang, "away.mine.none")}, nil
	}
	return chat.Reply{Text: strings.Join(lines, "\n")}, nil
}

func substituteText(r *request, id string) string {
	if id == "" {
		return ""
	}
	name := id
	if c, ok := r.dir.Contact(id); ok {
		name = c.Name
	}
	return ", " + t(r.lang, "away.mine.sub", name)
}

func dateOrDots(d time.Time) string {
	if d.IsZero() {
		return "…"
	}
	return d.Format("2006-01-02")
}

func dayStart(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// cmdBack runs /sip tillbaka: the absence reported in chat ends now; its
// substitute is told.
func (s *Service) cmdBack(ctx context.Context, r *request) (chat.Reply, error) {
	me, ok := r.dir.Contact(r.me.ContactID)
	if !r.me.Known || !ok {
		return chat.Reply{}, inputErr(verbBack, "err.away.unlinked")
	}
	a, ok, err := readAbsence(ctx, s.deps.Store, me.ID)
	if err != nil {
		return chat.Reply{}, err
	}
	if !ok {
		return chat.Reply{Text: t(r.lang, "away.back.none")}, nil
	}
	fx := &effects{}
	if sub, ok := r.dir.Contact(a.Substitute); ok {
		if ch, ok := bestReach(sub); ok {
			if to, ok := s.addressOf(ch, sub.ID); ok {
				msg := chat.Message{Key: "absence/" + me.ID, Text: t(s.langOf(ctx, sub.ID, to), "away.told.back", me.Name)}
				if err := fx.send(r, "absence-back|"+me.ID+"|"+sub.ID+"|"+a.From+"|"+r.now.Format(time.RFC3339), to, msg); err != nil {
					return chat.Reply{}, err
				}
			}
		}
	}
	if err := s.putAbsence(ctx, r, nil, 0, fx); err != nil {
		return chat.Reply{}, err
	}
	return chat.Reply{Text: t(r.lang, "away.back")}, nil
}
