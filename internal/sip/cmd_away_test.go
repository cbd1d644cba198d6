package sip

import (
	"strings"
	"testing"
	"time"

	"github.com/samla-sip/samla/internal/chat"
	"github.com/samla-sip/samla/internal/outbox"
)

// Contacts of scenario 2 (discharge in Malmö) in the sample directory.
const (
	bistandAnna = "malmo-bistand-anna"
	bistandOmar = "malmo-bistand-omar"
	bistandVag  = "malmo-aldre-mottagning"
	susJohan    = "sus-malmo-sjukskoterska-johan"
)

func (h *harness) at(day string) {
	h.t.Helper()
	t, err := time.Parse(time.RFC3339, day+"T09:00:00+01:00")
	if err != nil {
		h.t.Fatal(err)
	}
	h.clock.Set(t)
}

func mustContain(t *testing.T, what, got string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(got, w) {
			t.Errorf("%s: %q not in\n%s", what, w, got)
		}
	}
}

// TestScenario2AbsenceFromChat is scenario 2 of the shared scenarios with
// the biståndshandläggare's leave reported from chat, not the directory
// file: her substitute is told, and the discharge ward's convener is
// routed to him and sees why.
func TestScenario2AbsenceFromChat(t *testing.T) {
	h := newHarness(t)
	h.at("2026-12-21") // the directory file's absence (until 18 Dec) is over

	out := h.cmd(bistandAnna, "borta 2026-12-21 2027-01-06 ersättare=malmo-bistand-omar")
	mustContain(t, "set", out, "2026-12-21–2027-01-06", "Omar Haddad (har fått besked)")
	told := sentTo(h.drain(), bistandOmar)
	if len(told) != 1 {
		t.Fatalf("substitute got %d messages, want 1", len(told))
	}
	mustContain(t, "substitute told", told[0].Msg.Text, "Anna Lindqvist", "2026-12-21–2027-01-06", "ersättare")
	if told[0].To.Platform != chat.Mattermost || told[0].To.User != "omar.haddad" {
		t.Errorf("substitute told at %+v, want Mattermost omar.haddad", told[0].To)
	}
	mustContain(t, "show", h.cmd(bistandAnna, "borta"), "Du är borta 2026-12-21–2027-01-06 (anmält i chatten), ersättare Omar Haddad")

	out = h.cmd(susJohan, "ny kommun=Malmö ålder=82 parter=primarvard,hemtjanst,hemsjukvard,aldreomsorg")
	ref := refRE.FindString(out)
	if ref == "" {
		t.Fatalf("no case: %s", out)
	}
	h.cmd(susJohan, "samtycke "+ref+" skriftligt av=individen")
	out = h.cmd(susJohan, "bjud "+ref+" aldreomsorg")
	mustContain(t, "invite", out, "Omar Haddad", "Anna Lindqvist är borta till 6 jan (anmält i chatten) → ersättare Omar Haddad")
	if inv := sentTo(h.drain(), bistandOmar); len(inv) == 0 {
		t.Error("the substitute got no invitation")
	}
	if inv := sentTo(h.drain(), bistandAnna); len(inv) != 0 {
		t.Errorf("the absent biståndshandläggare got %d messages", len(inv))
	}
	c := h.load(ref)
	for _, in := range c.Invitations {
		if in.Party == "aldreomsorg" && in.ContactID != bistandOmar {
			t.Errorf("aldreomsorg invitation to %s, want %s", in.ContactID, bistandOmar)
		}
	}

	// Back early: routing reaches her again at once, the substitute is told.
	mustContain(t, "back", h.cmd(bistandAnna, "tillbaka"), "Välkommen tillbaka")
	mustContain(t, "substitute released", envText(sentTo(h.drain(), bistandOmar)), "Anna Lindqvist är tillbaka")
	mustContain(t, "route after back", h.cmd(susJohan, "vem aldreomsorg Malmö 82"), "1. Anna Lindqvist")
	mustContain(t, "show after back", h.cmd(bistandAnna, "borta"), "ingen frånvaro anmäld")
}

func envText(envs []outbox.Envelope) string {
	var b strings.Builder
	for _, e := range envs {
		b.WriteString(e.Msg.Text + "\n")
	}
	return b.String()
}

func TestAbsenceExpires(t *testing.T) {
	h := newHarness(t)
	h.at("2026-12-21")
	h.cmd(bistandAnna, "borta 2026-12-22 2026-12-23 ersättare=malmo-bistand-omar")
	mustContain(t, "before", h.cmd(susJohan, "vem aldreomsorg Malmö 82"), "1. Anna Lindqvist")
	h.at("2026-12-22")
	mustContain(t, "during", h.cmd(susJohan, "vem aldreomsorg Malmö 82"), "1. Omar Haddad", "Anna Lindqvist är borta till 23 dec (anmält i chatten) → ersättare Omar Haddad")
	h.at("2026-12-24")
	mustContain(t, "after", h.cmd(susJohan, "vem aldreomsorg Malmö 82"), "1. Anna Lindqvist")
	h.at("2026-12-28")
	mustContain(t, "record gone", h.cmd(bistandAnna, "borta"), "ingen frånvaro anmäld")
}

// TestAbsenceFileAndChat: both apply on the day; the later end wins and
// both are shown.
func TestAbsenceFileAndChat(t *testing.T) {
	h := newHarness(t)
	h.at("2026-12-01") // the file has her away 16 Nov–18 Dec, substitute Omar
	h.cmd(bistandAnna, "borta 2026-12-01 2026-12-31 ersättare=malmo-aldre-mottagning")
	mustContain(t, "chat ends later", h.cmd(susJohan, "vem aldreomsorg Malmö 82"),
		"Anna Lindqvist är borta till 31 dec (anmält i chatten; katalogfilen: till 18 dec) → ersättare Biståndsenheten mottagning")
	mustContain(t, "show both", h.cmd(bistandAnna, "borta"),
		"Du är borta 2026-12-01–2026-12-31 (anmält i chatten), ersättare Biståndsenheten mottagning",
		"Du är borta 2026-11-16–2026-12-18 (enligt katalogfilen")
	h.cmd(bistandAnna, "borta 2026-12-01 2026-12-10 ersättare=malmo-aldre-mottagning")
	mustContain(t, "file ends later", h.cmd(susJohan, "vem aldreomsorg Malmö 82"),
		"Anna Lindqvist är borta till 18 dec (katalogfilen; anmält i chatten: till 10 dec) → ersättare Omar Haddad")
}

func TestAbsenceRules(t *testing.T) {
	h := newHarness(t)
	h.at("2026-12-21")
	stranger := chat.Actor{Platform: chat.Mattermost, Workspace: "skane-kommun", UserID: "nobody"}
	tests := []struct {
		name string
		who  chat.Actor
		cmd  string
		want string
	}{
		{"not in the directory", stranger, "borta 2026-12-22 2026-12-23", "Bara den som finns i katalogen kan anmäla sin egen frånvaro"},
		{"not in the directory, back", stranger, "tillbaka", "Bara den som finns i katalogen"},
		{"substitute of another organisation", actor(bistandAnna), "borta 2026-12-22 2026-12-23 ersättare=" + susJohan, "kan inte ersätta dig"},
		{"substitute of the same organisation, other care level", actor(bistandAnna), "borta 2026-12-22 2026-12-23 ersättare=malmo-hemtjanst-samordnare", "kan inte ersätta dig"},
		{"oneself", actor(bistandAnna), "borta 2026-12-22 2026-12-23 ersättare=" + bistandAnna, "din egen ersättare"},
		{"unknown substitute", actor(bistandAnna), "borta 2026-12-22 2026-12-23 ersättare=ingen-alls", `Hittar ingen kontakt "ingen-alls"`},
		{"ends before it begins", actor(bistandAnna), "borta 2026-12-23 2026-12-22", "kan inte sluta (2026-12-22) före den börjar (2026-12-23)"},
		{"in the past", actor(bistandAnna), "borta 2026-12-01 2026-12-02", "2026-12-02 har redan varit"},
		{"too long", actor(bistandAnna), "borta 2026-12-22 2028-01-01", "Längre frånvaro än 366 dagar"},
		{"not a date", actor(bistandAnna), "borta i morgon", "ÅÅÅÅ-MM-DD"},
		{"substitute without dates", actor(bistandAnna), "borta ersättare=" + bistandOmar, "Ange datum"},
		{"same unit by @user on the actor's platform",
			chat.Actor{Platform: chat.Mattermost, Workspace: "skane-kommun", UserID: "anna.lindqvist"},
			"borta 2026-12-22 2026-12-23 ersättare=@omar.haddad", "Ersättare: Omar Haddad"},
		{"until only, from today", actor(bistandOmar), "borta 2026-12-24", "2026-12-21–2026-12-24"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mustContain(t, tt.cmd, h.svc.Command(h.ctx, tt.who, tt.cmd).Body().Plain(), tt.want)
		})
	}
	// Nothing refused was stored: only Anna's (by @user) and Omar's absences.
	mustContain(t, "stored", h.cmd(bistandAnna, "borta"), "2026-12-22–2026-12-23 (anmält i chatten), ersättare Omar Haddad")
}
