// Package directory maps organisations, units, roles and care levels to
// reachable contacts, and explains every routing decision.
//
// A Directory is an immutable snapshot loaded from YAML files (see
// docs/directory.md). It imports nothing of Samla's own.
package directory

import (
	"time"

	"github.com/samla-sip/samla/internal/i18n"
)

// Organisation is a huvudman or other body: kommun, region, stat or privat.
type Organisation struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	Kind string `json:"kind"` // kommun | region | stat | privat
	// Kommuner is the organisation's area as SCB codes (a kommun's own
	// code, a region's kommuner); used for units with kommuner: ["*"].
	Kommuner []string `json:"kommuner,omitempty"`
	// Chat is what the organisation controls on the chat platforms: a
	// user there may be linked to its contacts, nowhere else.
	Chat Chat `json:"chat,omitzero"`
}

// Chat lists the Slack workspaces (team ids) and Mattermost servers
// (names in Samla's configuration) an organisation controls.
type Chat struct {
	Slack      []string `json:"slack,omitempty"`
	Mattermost []string `json:"mattermost,omitempty"`
}

// Controls reports whether the organisation controls the workspace
// (kind "slack", a team id) or server (kind "mattermost", a name).
func (o *Organisation) Controls(kind, space string) bool {
	switch kind {
	case "slack":
		return space != "" && contains(o.Chat.Slack, space)
	case "mattermost":
		return space != "" && contains(o.Chat.Mattermost, space)
	}
	return false
}

// Unit is a part of an organisation that gives one or more care levels.
type Unit struct {
	ID       string   `json:"id"`
	Org      string   `json:"org"`
	Name     string   `json:"name"`
	Care     []string `json:"care"`
	Kommuner []string `json:"kommuner"` // SCB codes, resolved; whole area expanded
	AgeMin   int      `json:"age_min"`  // inclusive; 0 when unset
	AgeMax   int      `json:"age_max"`  // inclusive; 200 when unset
	Entry    string   `json:"entry"`    // contact id of the väg in
	About    string   `json:"about,omitempty"`
	// AreaWide is set when kommuner held "*": the unit serves its whole
	// organisation's area and is routed to only when no unit names the
	// kommun itself.
	AreaWide bool `json:"area_wide,omitempty"`
}

// Contact is a person or a function mailbox.
type Contact struct {
	ID    string   `json:"id"`
	Unit  string   `json:"unit"`
	Kind  string   `json:"kind"` // person | function
	Name  string   `json:"name"`
	Roles []string `json:"roles,omitempty"`
	HSAID string   `json:"hsa_id,omitempty"`
	Reach []Reach  `json:"reach"`
	Away  *Away    `json:"away,omitempty"`
}

// Reach is one way to reach a contact.
type Reach struct {
	Kind      string `json:"kind"`                // slack | mattermost | email | phone
	Workspace string `json:"workspace,omitempty"` // slack team id
	Server    string `json:"server,omitempty"`    // mattermost server name
	User      string `json:"user,omitempty"`      // slack user id / mattermost username
	Channel   string `json:"channel,omitempty"`   // team channel (slack/mattermost)
	Address   string `json:"address,omitempty"`   // e-mail address or phone number
}

// Away is an absence with an optional delegate.
type Away struct {
	From     time.Time `json:"from"`  // date, inclusive
	Until    time.Time `json:"until"` // date, inclusive
	Delegate string    `json:"delegate,omitempty"`
}

// Kommun is one of Sweden's 290 municipalities.
type Kommun struct {
	Code    string `json:"code"` // SCB kommunkod, 4 digits
	Name    string `json:"name"`
	LanCode string `json:"lan_code"`
	Region  string `json:"region"` // e.g. "Region Skåne"
}

// Query asks who to reach for a care level in a kommun.
type Query struct {
	Care   string    // care-level id, e.g. "bup"
	Kommun string    // name or SCB code
	Age    int       // -1 when not given
	Role   string    // optional role id
	Date   time.Time // the day of contact; zero means today
	// Overlay adds the absences reported in chat; nil = the files alone.
	Overlay Overlay
}

// Candidate is one routed contact with the best channel and the reason.
type Candidate struct {
	Contact *Contact
	Unit    *Unit
	Channel Reach  // best channel to reach the contact
	Reason  Reason // why this contact was chosen
}

// Reason explains a routing decision in the user's language.
type Reason interface {
	Text(l i18n.Lang) string
}

// RouteResult is the ordered list of candidates, best first, and a note
// (what to try when nothing matched, or a remark on the match).
type RouteResult struct {
	Candidates []Candidate
	Note       Reason // may be nil
}

// Hit is one search result.
type Hit struct {
	Contact *Contact
	Unit    *Unit
	Score   float64
}

// CareLevels lists the care-level ids of domain.md, in display order.
var CareLevels = []string{
	"bup", "vuxenpsykiatri", "primarvard", "slutenvard", "habilitering",
	"beroendevard", "hemsjukvard", "hemtjanst", "aldreomsorg", "lss",
	"socialtjanst-barn", "socialtjanst-vuxen", "ekonomiskt-bistand",
	"skola", "elevhalsa", "forskola", "sis", "hvb",
	"forsakringskassan", "arbetsformedlingen", "kriminalvarden",
}

// Roles lists the role ids of domain.md.
var Roles = []string{
	"sip-samordnare", "motesledare", "fast-vardkontakt", "socialsekreterare",
	"bistandshandlaggare", "kurator", "skolskoterska", "lakare",
	"enhetschef", "vag-in",
}
