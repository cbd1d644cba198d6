package sip

import (
	"slices"
	"strings"
	"testing"
)

// TestConsentScope: consent records who gave it and which parties it
// covers (the case's parties when none are named); a party outside it is
// not invited — named, by contact or by a plan entry — until consent is
// extended (problem 4 of issue 12).
func TestConsentScope(t *testing.T) {
	h := newHarness(t)
	ref := h.newCase("")
	steps := []struct{ in, want string }{
		{"samtycke " + ref + " skriftligt av=mormor", `Okänt "mormor": ange av=individen, vårdnadshavare`},
		{"samtycke " + ref + " skriftligt av=vårdnadshavare", "Samtycke registrerat för " + ref + " (skriftligt, av vårdnadshavare).\nOmfattar: BUP, Skola, Socialtjänst barn och Primärvård\n⚠ Samtycke från en vårdnadshavare"},
		{"status " + ref, "⚠ Samtycke från en vårdnadshavare: för ett barn behövs normalt båda"},
		{"samtycke " + ref + " av=vårdnadshavare2", "(skriftligt, av vårdnadshavare och vårdnadshavare 2)"},
		{"bjud " + ref + " forsakringskassan", "Försäkringskassan: utanför samtycket – ingen kallelse. Utöka samtycket först: /sip samtycke " + ref + " parter=forsakringskassan"},
		{"bjud " + ref + " kriminalvarden", "Kriminalvården: utanför samtycket"},
		{"bjud " + ref + " malmo-hemsjukvard-vagin", "Hemsjukvård: utanför samtycket"},
		{`plan ` + ref + ` insats hemsjukvard "x"`, "Hemsjukvård är inte part i " + ref},
		{"samtycke " + ref + " muntligt av=vårdnadshavare parter=forsakringskassan", "Omfattar: BUP, Skola, Socialtjänst barn, Primärvård och Försäkringskassan"},
		{"bjud " + ref + " forsakringskassan", "Försäkringskassan → "},
	}
	for _, s := range steps {
		if out := h.cmd(kurator, s.in); !strings.Contains(out, s.want) {
			t.Fatalf("%s: %q\nwant it to contain %q", s.in, out, s.want)
		}
	}
	if out := h.cmd(kurator, "status "+ref); strings.Contains(out, "⚠ Samtycke från en vårdnadshavare") {
		t.Errorf("both guardians recorded, still asked for: %q", out)
	}
	c := h.load(ref)
	if slices.Contains(c.Parties, "kriminalvarden") || slices.Contains(c.Parties, "hemsjukvard") ||
		!slices.Equal(c.Consent.Givers, []string{GiverGuardian, GiverGuardian2}) || c.Consent.Form != ConsentOral {
		t.Errorf("parties %v, consent %+v", c.Parties, c.Consent)
	}
	for _, in := range c.Invitations {
		if !c.Consent.Covers(in.Party) {
			t.Errorf("invited outside the consent: %+v", in)
		}
	}
}

// TestConsentOfAYoungPerson: from 15 the status notes the young person's
// own view until it is recorded; in English too.
func TestConsentOfAYoungPerson(t *testing.T) {
	h := newHarness(t)
	h.cmd(kurator, "språk en")
	out := h.cmd(kurator, "new kommun=Lund age=16 parties=bup,socialtjanst-barn")
	ref := refRE.FindString(out)
	out = h.cmd(kurator, "consent "+ref+" written by=guardian parties=bup")
	for _, want := range []string{"Covers: BUP child psychiatry", "⚠ Consent from one guardian", "ℹ From 15 the young person's own view"} {
		if !strings.Contains(out, want) {
			t.Errorf("consent: %q lacks %q", out, want)
		}
	}
	if out := h.cmd(kurator, "invite "+ref); !strings.Contains(out, "Children's social services: outside the consent – not invited. Extend the consent first: /sip consent "+ref+" parties=socialtjanst-barn") {
		t.Errorf("invite outside the scope: %q", out)
	}
	h.cmd(kurator, "consent "+ref+" by=individual")
	h.cmd(kurator, "consent "+ref+" by=guardian2")
	if out := h.cmd(kurator, "status "+ref); strings.Contains(out, "ℹ") || strings.Contains(out, "⚠ Consent") ||
		!strings.Contains(out, "by guardian, the individual and guardian 2") {
		t.Errorf("status: %q", out)
	}
	if _, err := h.svc.RecordConsent(h.ctx, actor(kurator), RecordConsent{Ref: ref, By: "neighbour"}); refusalOf(t, err).Fields()[FieldConsent] == "" {
		t.Errorf("unknown giver: %v", err)
	}
	if _, err := h.svc.RecordConsent(h.ctx, actor(kurator), RecordConsent{Ref: ref, Parties: []string{"tandvard"}}); refusalOf(t, err).Fields()[FieldParties] == "" {
		t.Errorf("unknown party: %v", err)
	}
}

// TestWithdrawalTakesAwayAccess: after consent is withdrawn no invitee
// sees the case (the same "not found" as for a reference that does not
// exist, in status and mina), whatever they answered, and what they were
// shown is retracted; invited again under new consent, they see it again.
func TestWithdrawalTakesAwayAccess(t *testing.T) {
	h := newHarness(t)
	ref, invs := h.invitedCase("")
	bup, soc := invs["bup"], invs["socialtjanst-barn"]
	h.act(bup.ContactID, actVideo, ref+"|"+bup.ID, "", false)
	h.act(soc.ContactID, actDecline, ref+"|"+soc.ID, "sjuk", false)
	h.drain()
	if out := h.cmd(bup.ContactID, "status "+ref); !strings.Contains(out, ref) {
		t.Fatalf("before withdrawal: %q", out)
	}
	h.cmd(kurator, "återkalla "+ref)
	envs := h.drain()
	missing := h.cmd(bup.ContactID, "status SIP-ZZZZZZ")
	for _, who := range []string{bup.ContactID, soc.ContactID, invs["primarvard"].ContactID} {
		if out := h.cmd(who, "status "+ref); out != missing {
			t.Errorf("%s after withdrawal: %q, want %q", who, out, missing)
		}
		if out := h.cmd(who, "mina"); strings.Contains(out, ref) {
			t.Errorf("%s still lists the case: %q", who, out)
		}
		for _, e := range sentTo(envs, who) {
			if e.Msg.Key != "" && (len(e.Msg.Fields) != 0 || len(e.Msg.Buttons) != 0) {
				t.Errorf("%s: retraction still shows the case: %+v", who, e.Msg)
			}
		}
	}
	if out := h.cmd(kurator, "status "+ref); !strings.Contains(out, ref) {
		t.Errorf("the convener lost the case: %q", out)
	}
	h.cmd(kurator, "samtycke "+ref+" skriftligt av=vårdnadshavare")
	h.cmd(kurator, "bjud "+ref+" bup")
	if out := h.cmd(bup.ContactID, "status "+ref); !strings.Contains(out, ref) {
		t.Errorf("invited again: %q", out)
	}
}
