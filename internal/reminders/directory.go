package reminders

import (
	"github.com/samla-sip/samla/directory"
	"github.com/samla-sip/samla/internal/chat"
	"github.com/samla-sip/samla/internal/sip"
)

// Target is someone a reminder can go to.
type Target struct {
	Name    string
	Address chat.Address
	// Chat is true when Samla delivers to Address itself: a chat address,
	// or an e-mail address when the e-mail channel is on (WithEmail). Else
	// Manual is their e-mail or phone for a person to use.
	Chat   bool
	Manual string
	// Phone is the contact's phone number when the directory has one, so
	// a convener told of an escalation can also call the unit.
	Phone string
}

// Directory answers the few questions reminders ask of the directory.
type Directory interface {
	// Entry is the väg in (entry point) of a unit.
	Entry(unitID string) (Target, bool)
	// Person is a contact's direct messages.
	Person(contactID string) (Target, bool)
	// Team is the team channel of a contact (reach.slack.channel or
	// reach.mattermost.channel), or of a unit's väg in.
	Team(id string) (Target, bool)
	// OrgKind is the kind of the organisation a unit belongs to: "region",
	// "kommun", "stat" or "privat"; "" when unknown.
	OrgKind(unitID string) string
}

// DirectorySource gives the directory in service (it is hot-reloaded).
type DirectorySource interface {
	Current() *directory.Directory
}

// DirectoryFrom adapts the directory to Directory.
func DirectoryFrom(src DirectorySource, opts ...DirectoryOption) Directory {
	d := dirAdapter{src: src}
	for _, o := range opts {
		o(&d)
	}
	return d
}

// DirectoryOption adjusts DirectoryFrom.
type DirectoryOption func(*dirAdapter)

// WithEmail makes a person's e-mail address (after chat) a place Samla
// delivers to, as the core does when its e-mail channel is on
// (sip.Deps.Email): nudges, escalations to a väg in and follow-up
// reminders then go out by e-mail instead of being a manual step.
func WithEmail(on bool) DirectoryOption { return func(d *dirAdapter) { d.email = on } }

type dirAdapter struct {
	src   DirectorySource
	email bool
}

func (d dirAdapter) Entry(unitID string) (Target, bool) {
	c, ok := d.entryOf(unitID)
	if !ok {
		return Target{}, false
	}
	return d.Person(c.ID)
}

func (d dirAdapter) Person(contactID string) (Target, bool) {
	c, ok := d.contact(contactID)
	if !ok {
		return Target{}, false
	}
	t := Target{Name: c.Name}
	for _, r := range c.Reach {
		if r.Kind == "phone" {
			t.Phone = r.Address
			break
		}
	}
	for _, r := range c.Reach {
		if r.User == "" {
			continue // a team channel is not the person
		}
		if a, ok := sip.AddressOf(r, c.ID); ok {
			t.Address, t.Chat = a, true
			return t, true
		}
	}
	if d.email {
		for _, r := range c.Reach {
			if a, ok := sip.EmailAddressOf(r, c.ID); ok {
				t.Address, t.Chat = a, true
				return t, true
			}
		}
	}
	for _, r := range c.Reach {
		if r.Kind == "email" || r.Kind == "phone" {
			t.Manual = r.Address
			return t, true
		}
	}
	return t, false
}

func (d dirAdapter) Team(id string) (Target, bool) {
	c, ok := d.contact(id)
	if !ok {
		c, ok = d.entryOf(id)
	}
	if !ok {
		return Target{}, false
	}
	for _, r := range c.Reach {
		r.User = "" // the reach's channel, not its user
		if a, ok := sip.AddressOf(r, ""); ok {
			return Target{Name: c.Name, Address: a, Chat: true}, true
		}
	}
	return Target{}, false
}

// entryOf is the väg in contact of a unit.
func (d dirAdapter) entryOf(unitID string) (*directory.Contact, bool) {
	dir := d.src.Current()
	if dir == nil {
		return nil, false
	}
	u, ok := dir.Unit(unitID)
	if !ok || u.Entry == "" {
		return nil, false
	}
	return dir.Contact(u.Entry)
}

func (d dirAdapter) OrgKind(unitID string) string {
	dir := d.src.Current()
	if dir == nil {
		return ""
	}
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

func (d dirAdapter) contact(id string) (*directory.Contact, bool) {
	dir := d.src.Current()
	if dir == nil || id == "" {
		return nil, false
	}
	return dir.Contact(id)
}
