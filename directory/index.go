package directory

import "slices"

// index builds the lookup structures of a validated directory.
func (b *builder) index() {
	d := b.d
	search := make(chan *searchIndex, 1)
	go func() { search <- buildSearch(d) }() // reads only what is built already
	var wide []*Unit
	for _, u := range d.unitList {
		if u.AreaWide {
			wide = append(wide, u)
			continue
		}
		d.addRoutes(u)
	}
	for _, u := range wide { // after every direct unit of the same key
		d.addRoutes(u)
	}
	for _, o := range d.orgList {
		if o.Kind != "kommun" && o.Kind != "region" {
			continue
		}
		for _, code := range o.Kommuner {
			d.orgsByKommun[code] = append(d.orgsByKommun[code], o)
		}
	}
	for _, u := range d.unitList {
		d.holders[u] = roleHolders(d.unitContacts[u])
		for _, c := range u.Care {
			d.careUnits[c] = append(d.careUnits[c], u)
		}
		org := d.orgs[u.Org]
		if d.orgCare[org] == nil {
			d.orgCare[org] = map[string]bool{}
		}
		for _, c := range u.Care {
			d.orgCare[org][c] = true
		}
	}
	for _, c := range d.contactList {
		if hasRole(c, "sip-samordnare") {
			u := d.units[c.Unit]
			org := d.orgs[u.Org]
			d.coordinators[org] = append(d.coordinators[org], c)
		}
	}
	d.indexReach(b.seed, b.chats, b.emails)
	d.search = <-search
}

func (d *Directory) addRoutes(u *Unit) {
	for _, care := range u.Care {
		for _, k := range u.Kommuner {
			key := routeKey{care, k}
			d.routes[key] = append(d.routes[key], u)
		}
	}
}

// chatSpace is a chat reach's Slack workspace or Mattermost server.
func chatSpace(r Reach) string {
	if r.Kind == "slack" {
		return r.Workspace
	}
	return r.Server
}

// roleHolders lists a unit's contacts by role (index in Roles), so that
// routing does not scan every contact of a large unit per role.
func roleHolders(contacts []*Contact) [][]*Contact {
	by := make([][]*Contact, len(Roles))
	for _, c := range contacts {
		for i, role := range c.Roles {
			if k := slices.Index(Roles, role); k >= 0 && !slices.Contains(c.Roles[:i], role) {
				by[k] = append(by[k], c)
			}
		}
	}
	return by
}

// roleHolders returns the contacts of unit u holding role, in load order.
func (d *Directory) roleHolders(u *Unit, role string) []*Contact {
	if k := slices.Index(Roles, role); k >= 0 {
		return d.holders[u][k]
	}
	return nil
}

func hasRole(c *Contact, role string) bool {
	for _, r := range c.Roles {
		if r == role {
			return true
		}
	}
	return false
}
