package sip

import (
	"context"
	"fmt"
	"slices"

	"github.com/samla-sip/samla/directory"
	"github.com/samla-sip/samla/internal/chat"
)

// Registration codes for the national statistics (L10933, L11016): a
// region registers KVÅ AU124 (SIP drawn up), AU125 (drawn up at discharge
// from hospital) or AW010 (follow-up); a kommun's social services and
// care register KSI XAH.20.75 (drawn up) or XAH.20.65 (at discharge). A
// kommun follow-up has no KSI code of its own; schools, state agencies
// and private providers register none (schoolCare, huvudman.go).

// RegistrationCode is the code a party registers for a SIP meeting: its
// organisation's kind (region, kommun, stat, privat) and the care level it
// took part as decide; "" when it registers none.
func RegistrationCode(orgKind, care string, discharge, followUp bool) string {
	switch {
	case orgKind == "region" && followUp:
		return "AW010"
	case orgKind == "region" && discharge:
		return "AU125"
	case orgKind == "region":
		return "AU124"
	case orgKind != "kommun" || slices.Contains(schoolCare, care) || followUp:
		return ""
	case discharge:
		return "XAH.20.65"
	}
	return "XAH.20.75"
}

// codeSystem is "KVÅ" for a region's code, "KSI" for a kommun's.
func codeSystem(orgKind string) string {
	if orgKind == "region" {
		return "KVÅ"
	}
	return "KSI"
}

// orgKindOf is the kind of the organisation a unit belongs to ("" when
// the directory does not know it).
func orgKindOf(dir *directory.Directory, unitID string) string {
	u, ok := dir.Unit(unitID)
	if !ok {
		return ""
	}
	o, ok := dir.Organisation(u.Org)
	if !ok {
		return ""
	}
	return o.Kind
}

// promptRegistration tells each party that took part in the meeting just
// recorded (or the follow-up, when followUp) the registration code of its
// own organisation, by message; a party with no code is told nothing.
// The convener's own prompt (as a party or as their unit) is returned as a
// line for their reply, "" when they register nothing.
func (s *Service) promptRegistration(ctx context.Context, r *request, c *Case, fx *effects, followUp bool) (string, error) {
	seq := len(c.FollowUps)
	var mine string
	convenerDone := false
	for i := range c.Invitations {
		in := &c.Invitations[i]
		if !in.Accepted() {
			continue // only those who took part register the SIP
		}
		code := RegistrationCode(orgKindOf(r.dir, in.Unit), in.Party, c.IsDischarge(), followUp)
		if in.Channel == channelSelf || in.ContactID == c.Convener.ContactID && c.Convener.ContactID != "" {
			convenerDone = true
			if code != "" {
				mine = s.registrationText(r.lang, c, orgKindOf(r.dir, in.Unit), code, followUp)
			}
			continue
		}
		if code == "" || in.Address == nil {
			continue
		}
		lang := s.inviteeLang(ctx, in)
		msg := chat.Message{Title: t(lang, "reg.title", c.Ref), Text: s.registrationText(lang, c, orgKindOf(r.dir, in.Unit), code, followUp)}
		if err := fx.send(r, fmt.Sprintf("reg|%s|%s|%d", c.Ref, in.ID, seq), *in.Address, msg); err != nil {
			return "", err
		}
	}
	if !convenerDone {
		// The convener took part for their own unit even when not a party.
		kind, care := orgKindOf(r.dir, c.Convener.Unit), ""
		if u, ok := r.dir.Unit(c.Convener.Unit); ok && len(u.Care) > 0 {
			care = u.Care[0]
		}
		if code := RegistrationCode(kind, care, c.IsDischarge(), followUp); code != "" {
			mine = s.registrationText(r.lang, c, kind, code, followUp)
		}
	}
	return mine, nil
}

// registrationText is "Registrera … med KVÅ AU124 (SIP upprättad)."
func (s *Service) registrationText(lang string, c *Case, orgKind, code string, followUp bool) string {
	id := "reg.held"
	if followUp {
		id = "reg.followup"
	}
	return t(lang, id, c.Ref, codeSystem(orgKind), code, t(lang, "code."+code)) + " " + t(lang, "reg.note")
}
