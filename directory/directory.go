package directory

import (
	"hash/maphash"
	"sync/atomic"
)

// Directory is an immutable, validated snapshot. Safe for concurrent use.
type Directory struct {
	orgs     map[string]*Organisation
	units    map[string]*Unit
	contacts *hashIndex[string] // id → position in contactList

	orgList     []*Organisation // load order
	unitList    []*Unit
	contactList []*Contact
	files       int

	unitContacts map[*Unit][]*Contact   // load order
	holders      map[*Unit][][]*Contact // per unit and role (index in Roles), load order
	byReach      *hashIndex[reachKey]   // chat identity → position in contactList
	byEmail      *hashIndex[string]     // lower-case address → position in contactList
	routes       map[routeKey][]*Unit   // direct units first, then area-wide
	orgsByKommun map[string][]*Organisation
	coordinators map[*Organisation][]*Contact // holders of sip-samordnare
	orgCare      map[*Organisation]map[string]bool
	careUnits    map[string][]*Unit // units giving each care level, file order
	search       *searchIndex
}

type reachKey struct{ kind, space, user string }

// indexContacts indexes the contacts by id; build reports the positions
// it returns (contacts whose id an earlier contact has) as duplicates.
func (d *Directory) indexContacts(seed maphash.Seed) (repeats []int32) {
	d.contacts = newHashIndex(stringHash(seed), func(pos int32, id string) bool {
		return d.contactList[pos].ID == id
	}, len(d.contactList), func(add func(string, int32)) {
		for pos, c := range d.contactList {
			add(c.ID, int32(pos))
		}
	})
	return d.contacts.repeats(func(pos int32) string { return d.contactList[pos].ID })
}

// indexReach indexes the contacts by chat identity and by e-mail
// address; the first contact to claim one keeps it.
func (d *Directory) indexReach(seed maphash.Seed, chats, emails int) {
	d.byReach = newHashIndex(reachHash(seed), func(pos int32, k reachKey) bool {
		for _, r := range d.contactList[pos].Reach {
			if r.Kind == k.kind && r.User == k.user && chatSpace(r) == k.space {
				return true
			}
		}
		return false
	}, chats, func(add func(reachKey, int32)) {
		for pos, c := range d.contactList {
			for _, r := range c.Reach {
				if (r.Kind == "slack" || r.Kind == "mattermost") && r.User != "" {
					add(reachKey{r.Kind, chatSpace(r), r.User}, int32(pos))
				}
			}
		}
	})
	d.byEmail = newHashIndex(stringHash(seed), func(pos int32, addr string) bool {
		for _, r := range d.contactList[pos].Reach {
			if r.Kind == "email" && lowerASCIIEqual(r.Address, addr) {
				return true
			}
		}
		return false
	}, emails, func(add func(string, int32)) {
		for pos, c := range d.contactList {
			for _, r := range c.Reach {
				if r.Kind == "email" {
					add(lowerASCII(r.Address), int32(pos))
				}
			}
		}
	})
}

type routeKey struct{ care, kommun string }

// Organisation returns the organisation with the id.
func (d *Directory) Organisation(id string) (*Organisation, bool) { o, ok := d.orgs[id]; return o, ok }

// Unit returns the unit with the id.
func (d *Directory) Unit(id string) (*Unit, bool) { u, ok := d.units[id]; return u, ok }

// Contact returns the contact with the id.
func (d *Directory) Contact(id string) (*Contact, bool) { return d.at(d.contacts.get(id)) }

// at returns the contact at a position an index gave.
func (d *Directory) at(pos int32, ok bool) (*Contact, bool) {
	if !ok {
		return nil, false
	}
	return d.contactList[pos], true
}

// ContactByReach finds the contact reachable at a chat identity:
// kind "slack" (space = team id) or "mattermost" (space = server name).
func (d *Directory) ContactByReach(kind, space, user string) (*Contact, bool) {
	return d.at(d.byReach.get(reachKey{kind, space, user}))
}

// ContactByEmail finds a contact by e-mail address, case-insensitively.
func (d *Directory) ContactByEmail(email string) (*Contact, bool) {
	return d.at(d.byEmail.get(lowerASCII(email)))
}

// Controls reports whether the contact's organisation controls the Slack
// workspace (kind "slack") or Mattermost server (kind "mattermost"): only
// a user there may be linked to the contact.
func (d *Directory) Controls(c *Contact, kind, space string) bool {
	u, ok := d.units[c.Unit]
	if !ok {
		return false
	}
	o, ok := d.orgs[u.Org]
	return ok && o.Controls(kind, space)
}

// Contacts calls fn for every contact, in file order, until fn returns
// false.
func (d *Directory) Contacts(fn func(*Contact) bool) {
	for _, c := range d.contactList {
		if !fn(c) {
			return
		}
	}
}

// Organisations returns the organisations in file order.
func (d *Directory) Organisations() []*Organisation {
	return append([]*Organisation(nil), d.orgList...)
}

// Units returns the units in file order.
func (d *Directory) Units() []*Unit { return append([]*Unit(nil), d.unitList...) }

// UnitContacts returns the contacts of a unit in file order.
func (d *Directory) UnitContacts(unitID string) []*Contact {
	u, ok := d.units[unitID]
	if !ok {
		return nil
	}
	return append([]*Contact(nil), d.unitContacts[u]...)
}

// Stats counts what the directory holds.
type Stats struct {
	Organisations, Units, Contacts, Files int
}

// Stats returns the directory's size.
func (d *Directory) Stats() Stats {
	return Stats{len(d.orgList), len(d.unitList), len(d.contactList), d.files}
}

// Holder keeps the directory in service and swaps it on reload.
type Holder struct{ p atomic.Pointer[Directory] }

// NewHolder returns a holder serving d.
func NewHolder(d *Directory) *Holder { h := &Holder{}; h.p.Store(d); return h }

// Current returns the directory in service.
func (h *Holder) Current() *Directory { return h.p.Load() }

// Swap puts d in service.
func (h *Holder) Swap(d *Directory) { h.p.Store(d) }

// lowerASCIIEqual reports whether lowerASCII(s) == lower.
func lowerASCIIEqual(s, lower string) bool {
	if len(s) != len(lower) {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lower[i] {
			return false
		}
	}
	return true
}

func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if 'A' <= b[j] && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}
