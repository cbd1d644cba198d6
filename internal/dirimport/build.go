package dirimport

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/samla-sip/samla/internal/textgate"
)

// Entry is one LDAP entry: its DN and attribute values.
type Entry struct {
	DN    string
	Attrs map[string][]string
}

func (e Entry) first(name string) string {
	for k, v := range e.Attrs {
		if strings.EqualFold(k, name) && len(v) > 0 {
			return strings.TrimSpace(v[0])
		}
	}
	return ""
}

func (e Entry) has(name, value string) bool {
	for k, vs := range e.Attrs {
		if strings.EqualFold(k, name) && slices.ContainsFunc(vs, func(v string) bool { return strings.EqualFold(v, value) }) {
			return true
		}
	}
	return false
}

// Skipped is an entry left out, and why.
type Skipped struct {
	DN     string
	Reason string
}

// File is one organisation's directory YAML, as written.
type File struct {
	Organisations []FileOrg     `yaml:"organisations"`
	Units         []FileUnit    `yaml:"units"`
	Contacts      []FileContact `yaml:"contacts"`
}

// FileOrg is an organisation as written.
type FileOrg struct {
	ID     string `yaml:"id"`
	Name   string `yaml:"name"`
	Kind   string `yaml:"kind"`
	Kommun string `yaml:"kommun,omitempty"`
	Region string `yaml:"region,omitempty"`
}

// FileUnit is a unit as written.
type FileUnit struct {
	ID       string   `yaml:"id"`
	Org      string   `yaml:"org"`
	Name     string   `yaml:"name"`
	Care     []string `yaml:"care,flow"`
	Kommuner []string `yaml:"kommuner,flow"`
	Ages     string   `yaml:"ages,omitempty"`
	Entry    string   `yaml:"entry"`
}

// FileContact is a contact as written.
type FileContact struct {
	ID    string              `yaml:"id"`
	Unit  string              `yaml:"unit"`
	Kind  string              `yaml:"kind"`
	Name  string              `yaml:"name"`
	Roles []string            `yaml:"roles,flow,omitempty"`
	HSAID string              `yaml:"hsa_id,omitempty"`
	Reach []map[string]string `yaml:"reach"`
}

// Build maps entries to a directory file; entries that cannot be used
// are skipped with the reason. Contacts keep the entries' order by id.
func Build(m Mapping, entries []Entry) (File, []Skipped) {
	f := File{Organisations: []FileOrg{{ID: m.Organisation.ID, Name: m.Organisation.Name, Kind: m.Organisation.Kind, Kommun: m.Organisation.Kommun, Region: m.Organisation.Region}}}
	units := map[string]*UnitMap{}
	for i := range m.Units {
		units[strings.ToLower(m.Units[i].OU)] = &m.Units[i]
	}
	var skipped []Skipped
	seen := map[string]bool{}
	for _, e := range entries {
		c, why := contactOf(m, units, e)
		if why == "" && seen[c.ID] {
			why = "id " + c.ID + " twice"
		}
		if why != "" {
			skipped = append(skipped, Skipped{DN: e.DN, Reason: why})
			continue
		}
		seen[c.ID] = true
		f.Contacts = append(f.Contacts, c)
	}
	slices.SortStableFunc(f.Contacts, func(a, b FileContact) int { return strings.Compare(a.ID, b.ID) })
	for _, u := range m.Units {
		fu := FileUnit{ID: u.ID, Org: m.Organisation.ID, Name: u.Name, Care: u.Care, Kommuner: u.Kommuner, Ages: u.Ages, Entry: u.Entry}
		if fu.Name == "" {
			fu.Name = u.OU
		}
		if fu.Entry == "" {
			fu.Entry = defaultEntry(f.Contacts, u.ID)
		}
		if fu.Entry == "" {
			continue // nobody in the unit: it cannot be routed to
		}
		f.Units = append(f.Units, fu)
	}
	return f, skipped
}

func contactOf(m Mapping, units map[string]*UnitMap, e Entry) (FileContact, string) {
	a := m.Attributes
	for _, vs := range e.Attrs {
		for _, v := range vs {
			if err := textgate.Check(textgate.Field{}, v); err != nil {
				return FileContact{}, "holds a personnummer or text that may not be kept"
			}
		}
	}
	name, uid := e.first(a.Name), e.first(a.ID)
	if name == "" {
		return FileContact{}, "no " + a.Name
	}
	if uid == "" {
		uid = name
	}
	ou := e.first(a.Unit)
	u, ok := units[strings.ToLower(ou)]
	if !ok {
		return FileContact{}, fmt.Sprintf("%s %q is not a unit of the mapping", a.Unit, ou)
	}
	c := FileContact{ID: idOf(m.Organisation.ID, uid), Unit: u.ID, Kind: "person", Name: name, HSAID: e.first(a.HSAID)}
	if e.has("objectClass", "organizationalRole") && !e.has("objectClass", "person") && !e.has("objectClass", "inetOrgPerson") {
		c.Kind = "function"
	}
	if title := e.first(a.Title); title != "" {
		for t, roles := range m.Roles {
			if strings.EqualFold(t, title) {
				c.Roles = append(c.Roles, roles...)
			}
		}
	}
	if mail := e.first(a.Email); mail != "" {
		if !strings.Contains(mail, "@") {
			return FileContact{}, fmt.Sprintf("%s %q is not an e-mail address", a.Email, mail)
		}
		c.Reach = append(c.Reach, map[string]string{"email": mail})
	}
	if phone := e.first(a.Phone); phone != "" {
		c.Reach = append(c.Reach, map[string]string{"phone": phone})
	}
	if len(c.Reach) == 0 {
		return FileContact{}, "no " + a.Email + " or " + a.Phone + " to reach"
	}
	return c, ""
}

// idOf makes a contact id: the organisation's id and the entry's id in
// lower-case letters, digits and hyphens.
func idOf(org, uid string) string {
	var b strings.Builder
	b.WriteString(org)
	b.WriteByte('-')
	dash := true
	for _, r := range strings.ToLower(uid) {
		switch {
		case r == 'å' || r == 'ä':
			r = 'a'
		case r == 'ö':
			r = 'o'
		}
		if r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			b.WriteRune(r)
			dash = false
		} else if !dash {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

// defaultEntry is a unit's first functional mailbox, else its first
// contact.
func defaultEntry(cs []FileContact, unit string) string {
	first := ""
	for _, c := range cs {
		if c.Unit != unit {
			continue
		}
		if c.Kind == "function" {
			return c.ID
		}
		if first == "" {
			first = c.ID
		}
	}
	return first
}
