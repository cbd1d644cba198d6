package sip

import (
	"context"

	"github.com/samla-sip/samla/internal/chat"
)

// RecordConsent records the individual's (or guardians') consent.
type RecordConsent struct {
	Ref string
	// Form is ConsentWritten, ConsentOral or "" (not stated).
	Form      string
	Guardians bool // given by the guardians
}

// Consent forms.
const (
	ConsentWritten = formWritten
	ConsentOral    = formOral
)

// RecordConsent records consent (/sip samtycke REF [skriftligt|muntligt] [vårdnadshavare]).
func (s *Service) RecordConsent(ctx context.Context, who chat.Actor, in RecordConsent) (Result, error) {
	return s.typed(ctx, who, []textField{{FieldRef, in.Ref}},
		func(r *request) (Result, error) { return s.recordConsent(ctx, r, in) })
}

// cmdConsent records consent: /sip samtycke REF [skriftligt|muntligt] [vårdnadshavare].
func (s *Service) cmdConsent(ctx context.Context, r *request, cmd Cmd) (chat.Reply, error) {
	in := RecordConsent{Ref: cmd.Args[0]}
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
	consent := Consent{By: r.me.Name, At: r.now, Form: in.Form, Guardians: in.Guardians}
	c, err := s.change(ctx, r, ref, func(c *Case, fx *effects) error {
		if err := asConvener(c, r); err != nil {
			return err
		}
		c.Consent = &consent
		c.ConsentLog = append(c.ConsentLog, ConsentChange{Kind: "given", By: r.me.Name, At: r.now})
		c.event("consent", r.me.Name, r.now, consent.Form, boolArg(consent.Guardians))
		return nil
	})
	if err != nil {
		return Result{}, err
	}
	return s.caseResult(r, c, chat.Reply{Text: t(r.lang, "ok.consent", ref, consentText(r.lang, &consent)) + "\n" +
		t(r.lang, "next.invite", ref)}), nil
}

func boolArg(b bool) string {
	if b {
		return "1"
	}
	return ""
}

// consentText describes the form of a consent: "skriftligt, av vårdnadshavare".
func consentText(lang string, c *Consent) string {
	form := t(lang, "consent.form."+c.Form)
	if c.Form == "" {
		form = t(lang, "consent.form.none")
	}
	if c.Guardians {
		form += ", " + t(lang, "consent.guardians")
	}
	return form
}
