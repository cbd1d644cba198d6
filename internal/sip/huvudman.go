package sip

import (
	"slices"
	"strings"

	"github.com/samla-sip/samla/directory"
)

// Who may hold a SIP's overall responsibility, convene its next meeting
// or have an effort in the plan: a huvudman, i.e. a kommun's social
// services or health care or a region's health care (L1677–1685,
// L1706–1711). School, preschool, state agencies and private providers
// may take part but are not huvudmän; their part is a measure by others.

// schoolCare are the care levels of a kommun that are not a huvudman's
// social services or health care.
var schoolCare = []string{"skola", "elevhalsa", "forskola"}

// huvudmanCare are the care levels given by a kommun or a region when no
// invitation says which organisation the party is.
var huvudmanCare = []string{
	"bup", "vuxenpsykiatri", "primarvard", "slutenvard", "habilitering", "beroendevard",
	"hemsjukvard", "hemtjanst", "aldreomsorg", "lss", "socialtjanst-barn", "socialtjanst-vuxen", "ekonomiskt-bistand",
}

// huvudmanKind reports whether an organisation kind is a huvudman's.
func huvudmanKind(kind string) bool { return kind == "kommun" || kind == "region" }

// huvudmanParty reports whether a party (care level) of the case is a
// huvudman: the organisation of the unit invited for it is a kommun or a
// region, or, with no such invitation, the care level is one they give;
// never school, pupil health or preschool.
func huvudmanParty(dir *directory.Directory, c *Case, party string) bool {
	if slices.Contains(schoolCare, party) {
		return false
	}
	for i := len(c.Invitations) - 1; i >= 0; i-- {
		in := c.Invitations[i]
		if in.Party != party || in.Unit == "" {
			continue
		}
		if u, ok := dir.Unit(in.Unit); ok {
			if o, ok := dir.Organisation(u.Org); ok {
				return huvudmanKind(o.Kind)
			}
		}
	}
	return slices.Contains(huvudmanCare, party)
}

// huvudmanParties are the case's parties that are huvudmän, in order.
func huvudmanParties(dir *directory.Directory, c *Case) []string {
	var out []string
	for _, p := range c.Parties {
		if huvudmanParty(dir, c, p) {
			out = append(out, p)
		}
	}
	return out
}

// huvudmanUnit resolves who may hold the overall responsibility or
// convene next: a unit or contact id of the directory, or a party of the
// case (its invited unit). It must be a unit of a kommun or region giving
// a care level that is a huvudman party of the case. field is
// FieldResponsible or FieldNext.
func huvudmanUnit(dir *directory.Directory, c *Case, v, field string) (id, name string, err *InputError) {
	v = strings.TrimSpace(v)
	var unit *directory.Unit
	id = v
	if party := strings.ToLower(v); slices.Contains(directory.CareLevels, party) {
		if in := c.activeFor(party); in != nil && in.Unit != "" {
			unit, _ = dir.Unit(in.Unit)
			id = in.Unit
		}
		if unit == nil {
			return "", "", inputErr(verbPlan, "err.huvudman.party", clip(v, 60)).on(field)
		}
	} else if u, ok := dir.Unit(v); ok {
		unit = u
	} else if ct, ok := dir.Contact(v); ok {
		name = ct.Name
		unit, _ = dir.Unit(ct.Unit)
	}
	if unit == nil {
		return "", "", inputErr(verbPlan, "err.orgref", clip(v, 60)).on(field)
	}
	if name == "" {
		name = unit.Name
	} else {
		name += " (" + unit.Name + ")"
	}
	org, _ := dir.Organisation(unit.Org)
	if org == nil || !huvudmanKind(org.Kind) || !slices.ContainsFunc(unit.Care, func(care string) bool { return !slices.Contains(schoolCare, care) }) {
		return "", "", inputErr(verbPlan, "err.huvudman.not."+field, name).on(field)
	}
	hp := huvudmanParties(dir, c)
	if !slices.ContainsFunc(unit.Care, func(care string) bool { return slices.Contains(hp, care) }) {
		return "", "", inputErr(verbPlan, "err.huvudman.notparty."+field, name, c.Ref).on(field)
	}
	return id, name, nil
}
