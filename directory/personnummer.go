package directory

import (
	"strings"

	"github.com/samla-sip/samla/internal/textgate"
)

// The personnummer detector is textgate's, the one every free-text field
// goes through (textgate imports nothing of Samla's). These names keep the
// directory's callers unchanged.

// FindPersonnummer returns the first personnummer or samordningsnummer in
// s, in any spelling textgate.FindPersonnummer knows.
func FindPersonnummer(s string) (match string, ok bool) { return textgate.FindPersonnummer(s) }

// RedactPersonnummer replaces every personnummer in s with
// "[personnummer]", e.g. before a message is logged.
func RedactPersonnummer(s string) string { return textgate.RedactPersonnummer(s) }

// ContainsPersonnummer reports whether s holds a personnummer.
func ContainsPersonnummer(s string) bool { return textgate.ContainsPersonnummer(s) }

// personnummerProblems reports every id and free-text value of a parsed
// file that holds a personnummer or samordningsnummer. parseFile runs it,
// so the check — the costliest per value — runs for all files in
// parallel.
func personnummerProblems(doc *rawDoc) []Problem {
	var out []Problem
	check := func(v sval, what, field string) {
		if ContainsPersonnummer(v.V) {
			out = append(out, Problem{Line: v.Line, Msg: strings.TrimSpace(what+" "+field) +
				" contains a Swedish personnummer or samordningsnummer; staff directories must not hold those"})
		}
	}
	for i := range doc.Orgs {
		o := &doc.Orgs[i]
		check(o.ID, "organisation", "id")
		check(o.Name, "organisation", "name")
		check(o.Kommun, "organisation", "kommun")
		check(o.Region, "organisation", "region")
		check(o.Lan, "organisation", "lan")
		if o.Chat != nil {
			for _, v := range o.Chat.Slack {
				check(v, "organisation", "chat slack")
			}
			for _, v := range o.Chat.Mattermost {
				check(v, "organisation", "chat mattermost")
			}
		}
	}
	for i := range doc.Units {
		u := &doc.Units[i]
		check(u.ID, "unit", "id")
		check(u.Org, "unit", "org")
		check(u.Name, "unit", "name")
		check(u.About, "unit", "about")
		check(u.Entry, "unit", "entry")
	}
	for i := range doc.Contacts {
		c := &doc.Contacts[i]
		check(c.ID, "contact", "id")
		check(c.Name, "contact", "name")
		check(c.HSAID, "contact", "hsa_id")
		check(c.Unit, "contact", "unit")
		for j := range c.Reach {
			r := &c.Reach[j]
			switch r.Kind {
			case "slack", "mattermost":
				check(r.User, r.Kind, "user")
				check(r.Channel, r.Kind, "channel")
			case "email", "phone":
				check(r.Addr, r.Kind, "")
			}
		}
		if c.Away != nil {
			check(c.Away.Delegate, "away", "delegate")
		}
	}
	return out
}
