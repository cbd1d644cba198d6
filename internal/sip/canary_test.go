package sip

import (
	"context"
	"regexp"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"github.com/samla-sip/samla/internal/chat"
)

// pnrForms are the ways the canary personnummer 19121212-1212 is typed.
var pnrForms = []string{"19121212-1212", "121212-1212", "191212121212", "1212121212", "121212+1212"}

// pnrTrace finds any trace of the canary's digits in stored or sent bytes.
var pnrTrace = regexp.MustCompile(`121212[-+]?1212`)

type fakeDrafter struct{ md string }

func (f fakeDrafter) DraftMarkdown(ctx context.Context, needs string, parties []string, lang string) (string, bool, error) {
	return f.md, false, nil
}

// TestPersonnummerCanary types a personnummer into every command and
// every prompt and proves it never reaches the store, a message, a reply
// or the logs.
func TestPersonnummerCanary(t *testing.T) {
	h := newHarness(t, func(d *Deps) { d.Agenda = fakeDrafter{md: "1. Inledning"} })
	ref, invs := h.invitedCase(`behov="vill gå i skolan igen"`)
	var replies []string
	for _, pnr := range pnrForms {
		for _, line := range []string{
			"ny kommun=Lund ålder=14 parter=bup behov=\"född " + pnr + "\"",
			"ny kommun=" + pnr + " ålder=14 parter=bup",
			"samtycke " + ref + " " + pnr,
			"återkalla " + pnr,
			"möte " + ref + " 2026-12-10 13:00 plats=\"" + pnr + "\"",
			"bjud " + ref + " " + pnr,
			"status " + ref + " " + pnr,
			"mina " + pnr,
			"logg " + pnr,
			"plan " + ref + " insats bup \"" + pnr + "\"",
			"plan " + ref + " åtgärd " + pnr,
			"plan " + ref + " ansvar=" + pnr,
			"uppföljning " + ref + " " + pnr,
			"avsluta " + ref + " orsak=\"" + pnr + "\"",
			"vem bup Lund " + pnr,
			"sök " + pnr,
			"agenda " + ref + " " + pnr,
			"språk " + pnr,
			pnr,
			"ny kommun=Lund ålder=14 parter=bup behov=pnr:" + pnr,
		} {
			replies = append(replies, h.cmd(kurator, line))
		}
		bup, soc := invs["bup"], invs["socialtjanst-barn"]
		for _, a := range []chat.Action{
			{Name: actDecline, Value: ref + "|" + bup.ID, Input: "har ju " + pnr},
			{Name: actDelegate, Value: ref + "|" + soc.ID, Input: pnr, Flag: true},
			{Name: actAttend, Value: ref + "|" + pnr},
			{Name: actAgendaEdit, Value: ref, Input: "Dagordning för " + pnr},
		} {
			who := bup.ContactID
			if a.Name == actDelegate {
				who = soc.ContactID
			}
			if a.Name == actAgendaEdit {
				who = kurator
			}
			replies = append(replies, h.svc.Act(h.ctx, actor(who), a).Text)
		}
	}
	for _, r := range replies {
		if pnrTrace.MatchString(r) {
			t.Errorf("reply echoes the personnummer: %q", r)
		}
	}
	refused := 0
	for _, r := range replies {
		if strings.Contains(r, "personnummer") {
			refused++
		}
	}
	if refused != len(replies) {
		t.Errorf("%d of %d inputs refused with the personnummer message", refused, len(replies))
	}
	for _, env := range h.drain() {
		if pnrTrace.MatchString(env.Msg.Plain()) {
			t.Errorf("message to %s carries the personnummer", env.To)
		}
	}
	if pnrTrace.MatchString(h.logs.String()) {
		t.Errorf("logs carry the personnummer:\n%s", h.logs.String())
	}
	if !strings.Contains(h.logs.String(), "personnummer") {
		t.Error("refusals were not logged at all (the test would not see a leak)")
	}
	scanStore(t, h)
}

// scanStore closes the store and reads every key and value of the bbolt
// file, whatever its layout, looking for the canary.
func scanStore(t *testing.T, h *harness) {
	t.Helper()
	if err := h.st.Close(); err != nil {
		t.Fatal(err)
	}
	db, err := bolt.Open(h.path, 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	records := 0
	var walk func(b *bolt.Bucket) error
	walk = func(b *bolt.Bucket) error {
		return b.ForEach(func(k, v []byte) error {
			if v == nil {
				return walk(b.Bucket(k))
			}
			records++
			if pnrTrace.Match(k) || pnrTrace.Match(v) {
				t.Errorf("store holds the personnummer: %q", k)
			}
			return nil
		})
	}
	err = db.View(func(tx *bolt.Tx) error {
		return tx.ForEach(func(name []byte, b *bolt.Bucket) error { return walk(b) })
	})
	if err != nil {
		t.Fatal(err)
	}
	if records < 5 {
		t.Fatalf("scanned only %d records; the scan is not looking at the data", records)
	}
}
