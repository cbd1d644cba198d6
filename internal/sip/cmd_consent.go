package sip

import (
	"context"
	"slices"
	"strings"

	"github.com/samla-sip/samla/internal/chat"
)

// RecordConsent records the individual's (or guardians') consent and
// which parties it covers.
type RecordConsent struct {
	Ref string
	// Form is ConsentWritten, ConsentOral or "" (not stated).
	Form string
	// By is who gave it (Giver* constants); "" with Guardians is
	// GiverGuardian, else not stated.
	By        string
	Guardians bool // given by the guardians (the form before By)
	// Parties are the parties (care levels) it covers; none means every
	// party of the case at this moment. Recording consent again adds the
	// giver and widens the scope.
	Parties []string
}

// Consent forms.
const (
	ConsentWritten = formWritten
	ConsentOral    = formOral
)

// Who gave consent (Consent.Givers).
const (
	GiverIndividual    = "individual"
	GiverGuardian      = "guardian"
	GiverGuardian2     = "guardian2"
	GiverTrustee       = "god-man"    // god man
	GiverAdministrator = "forvaltare" // förvaltare
)

// giverWords maps every accepted spelling of who gave consent to it.
var giverWords = map[string]string{
	"individen": GiverIndividual, "individ": GiverIndividual, "den-enskilde": GiverIndividual, "individual": GiverIndividual,
	"vårdnadshavare": GiverGuardian, "vardnadshavare": GiverGuardian, "vårdnadshavare1": GiverGuardian,
	"vardnadshavare1": GiverGuardian, "guardian": GiverGuardian, "guardians": GiverGuardian,
	"vårdnadshavare2": GiverGuardian2, "vardnadshavare2": GiverGuardian2, "guardian2": GiverGuardian2,
	"god-man": GiverTrustee, "godman": GiverTrustee, "trustee": GiverTrustee,
	"förvaltare": GiverAdministrator, "forvaltare": GiverAdministrator, "administrator": GiverAdministrator,
}

// RecordConsent records consent (/sip samtycke REF skriftligt|muntligt
// av=individen|vårdnadshavare|vårdnadshavare2|god-man|förvaltare [parter=…]).
func (s *Service) RecordConsent(ctx context.Context, who chat.Actor, in RecordConsent) (Result, error) {
	return s.typed(ctx, who, []textField{{FieldRef, in.Ref}, {FieldConsent, in.By}, {FieldParties, strings.Join(in.Parties, " ")}},
		func(r *request) (Result, error) { return s.recordConsent(ctx, r, in) })
}

// cmdConsent records consent: /sip samtycke REF [skriftligt|muntligt]
// [vårdnadshavare] [av=…] [parter=…].
func (s *Service) cmdConsent(ctx context.Context, r *request, cmd Cmd) (chat.Reply, error) {
	in := RecordConsent{Ref: cmd.Args[0], By: cmd.Opts[keyBy]}
	if p, ok := cmd.Opts[keyParties]; ok {
		in.Parties = []string{p}
	}
	for _, w := range cmd.Args[1:] {
		switch w {
		case formWritten, formOral:
			in.Form = w
		case wordGuardians:
			in.Guardians = true
		}
	}
	res, err := s.recordConsent(ctx, r, in)
	return res.Reply, err
}

func (s *Service) recordConsent(ctx context.Context, r *request, in RecordConsent) (Result, error) {
	ref, rerr := checkRef(verbConsent, in.Ref)
	if rerr != nil {
		return Result{}, rerr
	}
	if in.Form != "" && in.Form != formWritten && in.Form != formOral {
		return Result{}, inputErr(verbConsent, "err.consentword", clip(in.Form, 20)).on(FieldConsent)
	}
	giver := ""
	if by := strings.TrimSpace(in.By); by != "" {
		var ok bool
		if giver, ok = giverWords[strings.ToLower(by)]; !ok {
			return Result{}, inputErr(verbConsent, "err.giver", clip(by, 20)).on(FieldConsent)
		}
	} else if in.Guardians {
		giver = GiverGuardian
	}
	var scope []string
	if p := strings.Join(in.Parties, ","); strings.TrimSpace(p) != "" || in.Parties != nil {
		var perr *InputError
		if scope, perr = parseParties(verbConsent, p); perr != nil {
			return Result{}, perr.on(FieldParties)
		}
	}
	var consent Consent
	c, err := s.change(ctx, r, ref, func(c *Case, fx *effects) error {
		if err := asConvener(c, r); err != nil {
			return err
		}
		consent = Consent{By: r.me.Name, At: r.now, Form: in.Form, Parties: []string{}}
		if old := c.Consent; old != nil {
			consent.Givers = append(consent.Givers, old.Givers...)
			consent.Guardians = old.Guardians
			if old.Parties == nil {
				consent.Parties = append(consent.Parties, c.Parties...) // an unscoped record covered them all
			}
			consent.Parties = append(consent.Parties, old.Parties...)
			if consent.Form == "" {
				consent.Form = old.Form
			}
		}
		if giver != "" && !slices.Contains(consent.Givers, giver) {
			consent.Givers = append(consent.Givers, giver)
		}
		consent.Guardians = consent.Guardians || giver == GiverGuardian || giver == GiverGuardian2
		if scope == nil {
			scope = c.Parties // the case's parties at this moment
		}
		for _, p := range scope {
			if !slices.Contains(consent.Parties, p) {
				consent.Parties = append(consent.Parties, p)
			}
		}
		c.Consent = &consent
		c.ConsentLog = append(c.ConsentLog, ConsentChange{Kind: "given", By: r.me.Name, At: r.now})
		c.event("consent", r.me.Name, r.now, consent.Form, boolArg(consent.Guardians), giver, strings.Join(scope, ","))
		return nil
	})
	if err != nil {
		return Result{}, err
	}
	text := t(r.lang, "ok.consent", ref, consentText(r.lang, &consent)) + "\n" +
		t(r.lang, "consent.scope", partyList(r.lang, consent.Parties))
	for _, note := range consentNotes(r.lang, c) {
		text += "\n" + note
	}
	return s.caseResult(r, c, chat.Reply{Text: text + "\n" + t(r.lang, "next.invite", ref)}), nil
}

func boolArg(b bool) string {
	if b {
		return "1"
	}
	return ""
}

// consentText describes a consent: "skriftligt, av vårdnadshavare och
// vårdnadshavare 2".
func consentText(lang string, c *Consent) string {
	form := t(lang, "consent.form."+c.Form)
	if c.Form == "" {
		form = t(lang, "consent.form.none")
	}
	switch {
	case len(c.Givers) > 0:
		names := make([]string, len(c.Givers))
		for i, g := range c.Givers {
			names[i] = t(lang, "giver."+g)
		}
		form += ", " + t(lang, "consent.by", joinAnd(lang, names))
	case c.Guardians:
		form += ", " + t(lang, "consent.guardians")
	}
	return form
}

// consentNotes are what a child's consent still lacks: both guardians
// (when one is recorded) and, from 15, the young person's own view.
func consentNotes(lang string, c *Case) []string {
	if c.Consent == nil || c.Age >= 18 {
		return nil
	}
	var notes []string
	g := c.Consent.Givers
	if slices.Contains(g, GiverGuardian) != slices.Contains(g, GiverGuardian2) {
		notes = append(notes, t(lang, "consent.bothguardians", c.Ref))
	}
	if c.Age >= 15 && !slices.Contains(g, GiverIndividual) {
		notes = append(notes, t(lang, "consent.ownview", c.Ref))
	}
	return notes
}
