package sip

import (
	"context"

	"github.com/samla-sip/samla/internal/chat"
)

// cmdConsent records consent: /sip samtycke REF [skriftligt|muntligt] [vårdnadshavare].
func (s *Service) cmdConsent(ctx context.Context, r *request, cmd Cmd) (chat.Reply, error) {
	consent := Consent{By: r.me.Name, At: r.now}
	for _, w := range cmd.Args[1:] {
		switch w {
		case formWritten, formOral:
			consent.Form = w
		case wordGuardians:
			consent.Guardians = true
		}
	}
	err := s.mutate(ctx, r, cmd.Args[0], func(c *Case, fx *effects) error {
		if err := asConvener(c, r); err != nil {
			return err
		}
		c.Consent = &consent
		c.ConsentLog = append(c.ConsentLog, ConsentChange{Kind: "given", By: r.me.Name, At: r.now})
		c.event("consent", r.me.Name, r.now, consent.Form, boolArg(consent.Guardians))
		return nil
	})
	if err != nil {
		return chat.Reply{}, err
	}
	return chat.Reply{Text: t(r.lang, "ok.consent", cmd.Args[0], consentText(r.lang, &consent)) + "\n" +
		t(r.lang, "next.invite", cmd.Args[0])}, nil
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
