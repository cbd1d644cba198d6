package directory

// The raw document is what a parser produces from one file: every value
// as text with its line, before resolution and validation. On every input
// the fast line-oriented parser accepts, it and yaml.v3 produce the same
// rawDoc (FuzzParsers); the fast one gives up on everything else.

// sval is a scalar value and the line it was on (0 when absent).
type sval struct {
	V    string
	Line int
}

type rawDoc struct {
	Orgs     []rawOrg
	Units    []rawUnit
	Contacts []rawContact
}

type rawOrg struct {
	Line                int
	ID, Name, Kind      sval
	Kommun, Region, Lan sval
	Chat                *rawChat
}

// rawChat is an organisation's chat: the Slack workspaces and Mattermost
// servers it controls.
type rawChat struct {
	Line              int
	Slack, Mattermost []sval
}

type rawUnit struct {
	Line           int
	ID, Org, Name  sval
	Care, Kommuner []sval
	Ages, Entry    sval
	About          sval
}

type rawContact struct {
	Line                 int
	ID, Unit, Kind, Name sval
	Roles                []sval
	HSAID                sval
	Reach                []rawReach
	Away                 *rawAway
}

type rawReach struct {
	Line                                   int
	Kind                                   string // slack | mattermost | email | phone
	Workspace, Server, User, Channel, Addr sval
}

type rawAway struct {
	Line                  int
	From, Until, Delegate sval
}
