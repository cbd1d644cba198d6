package dirimport

import (
	"bytes"
	"fmt"
	"os"

	"go.yaml.in/yaml/v3"
)

// Mapping says how entries become Samla's organisation, units and
// contacts.
type Mapping struct {
	Organisation Organisation `yaml:"organisation"`
	// Filter selects the entries; default people and organisational roles.
	Filter string `yaml:"filter"`
	// Attributes names the LDAP attribute of each field (defaults for
	// inetOrgPerson and the HSA schema: DefaultAttributes).
	Attributes Attributes `yaml:"attributes"`
	// Units maps an entry's unit attribute (ou) to a Samla unit.
	Units []UnitMap `yaml:"units"`
	// Roles maps a title to role ids.
	Roles map[string][]string `yaml:"roles"`
}

// Organisation is the organisation every entry belongs to.
type Organisation struct {
	ID     string `yaml:"id"`
	Name   string `yaml:"name"`
	Kind   string `yaml:"kind"`
	Kommun string `yaml:"kommun,omitempty"`
	Region string `yaml:"region,omitempty"`
}

// Attributes are LDAP attribute names.
type Attributes struct {
	ID    string `yaml:"id"`
	Name  string `yaml:"name"`
	Email string `yaml:"email"`
	Unit  string `yaml:"unit"`
	Title string `yaml:"title"`
	HSAID string `yaml:"hsa_id"`
	Phone string `yaml:"phone"`
}

// DefaultAttributes are inetOrgPerson's, with the HSA id where present.
var DefaultAttributes = Attributes{ID: "uid", Name: "cn", Email: "mail", Unit: "ou", Title: "title", HSAID: "hsaIdentity", Phone: "telephoneNumber"}

// DefaultFilter selects people and functional mailboxes (organisational
// roles).
const DefaultFilter = "(|(objectClass=inetOrgPerson)(objectClass=organizationalRole))"

// UnitMap is one Samla unit and the ou value its entries carry.
type UnitMap struct {
	OU       string   `yaml:"ou"`
	ID       string   `yaml:"id"`
	Name     string   `yaml:"name"`
	Care     []string `yaml:"care"`
	Kommuner []string `yaml:"kommuner"`
	Ages     string   `yaml:"ages,omitempty"`
	// Entry is the contact id of the unit's väg in; default its first
	// functional mailbox, else its first contact.
	Entry string `yaml:"entry,omitempty"`
}

// ReadMapping reads a mapping file (YAML, unknown fields refused).
func ReadMapping(path string) (Mapping, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return Mapping{}, err
	}
	var m Mapping
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	if err := dec.Decode(&m); err != nil {
		return Mapping{}, fmt.Errorf("%s: %w", path, err)
	}
	m.defaults()
	if m.Organisation.ID == "" || m.Organisation.Name == "" || m.Organisation.Kind == "" {
		return Mapping{}, fmt.Errorf("%s: organisation needs id, name and kind", path)
	}
	for _, u := range m.Units {
		if u.OU == "" || u.ID == "" || len(u.Care) == 0 || len(u.Kommuner) == 0 {
			return Mapping{}, fmt.Errorf("%s: unit %q needs ou, id, care and kommuner", path, u.ID)
		}
	}
	return m, nil
}

func (m *Mapping) defaults() {
	if m.Filter == "" {
		m.Filter = DefaultFilter
	}
	a, d := &m.Attributes, DefaultAttributes
	for _, f := range []struct {
		v   *string
		def string
	}{{&a.ID, d.ID}, {&a.Name, d.Name}, {&a.Email, d.Email}, {&a.Unit, d.Unit}, {&a.Title, d.Title}, {&a.HSAID, d.HSAID}, {&a.Phone, d.Phone}} {
		if *f.v == "" {
			*f.v = f.def
		}
	}
}

// attributes lists the attributes to ask for.
func (m Mapping) attributes() []string {
	a := m.Attributes
	return []string{"objectClass", a.ID, a.Name, a.Email, a.Unit, a.Title, a.HSAID, a.Phone}
}
