package directory

// The JSON views are the one shape of route and search results for the
// CLI (--json) and the HTTP API, so both answer the same.

import "github.com/samla-sip/samla/internal/i18n"

// RouteView is the JSON form of a RouteResult.
type RouteView struct {
	Candidates []CandidateView `json:"candidates"`
	Note       string          `json:"note"` // "" when there is nothing to add
}

// CandidateView is one routed contact.
type CandidateView struct {
	ContactID   string `json:"contact_id"`
	UnitID      string `json:"unit_id"`
	Channel     string `json:"channel"` // e.g. "slack:T0001/U0001", "email:x@y"
	Why         string `json:"why"`
	ContactName string `json:"contact_name"`
	UnitName    string `json:"unit_name"`
	OrgID       string `json:"org_id"`
	Reach       Reach  `json:"reach"`
}

// RouteJSON renders a route result in l.
func RouteJSON(res RouteResult, l i18n.Lang) RouteView {
	v := RouteView{Candidates: make([]CandidateView, 0, len(res.Candidates))}
	for _, c := range res.Candidates {
		cv := CandidateView{
			ContactID: c.Contact.ID, ContactName: c.Contact.Name,
			Channel: ChannelString(c.Channel), Reach: c.Channel,
		}
		if c.Unit != nil {
			cv.UnitID, cv.UnitName, cv.OrgID = c.Unit.ID, c.Unit.Name, c.Unit.Org
		}
		if c.Reason != nil {
			cv.Why = c.Reason.Text(l)
		}
		v.Candidates = append(v.Candidates, cv)
	}
	if res.Note != nil {
		v.Note = res.Note.Text(l)
	}
	return v
}

// SearchView is the JSON form of search hits.
type SearchView struct {
	Results []HitView `json:"results"`
}

// HitView is one search hit.
type HitView struct {
	ContactID   string   `json:"contact_id"`
	UnitID      string   `json:"unit_id"`
	Score       float64  `json:"score"`
	ContactName string   `json:"contact_name"`
	UnitName    string   `json:"unit_name"`
	Roles       []string `json:"roles"`
	Channel     string   `json:"channel"`
}

// SearchJSON renders search hits.
func SearchJSON(hits []Hit) SearchView {
	v := SearchView{Results: make([]HitView, 0, len(hits))}
	for _, h := range hits {
		hv := HitView{ContactID: h.Contact.ID, ContactName: h.Contact.Name, Score: h.Score,
			Roles: append([]string{}, h.Contact.Roles...), Channel: ChannelString(BestChannel(h.Contact))}
		if h.Unit != nil {
			hv.UnitID, hv.UnitName = h.Unit.ID, h.Unit.Name
		}
		v.Results = append(v.Results, hv)
	}
	return v
}

// ChannelString writes a channel briefly: "slack:T0001/U0001",
// "slack:T0001/#C0001" (team channel), "mattermost:skane/bup.lund",
// "email:x@example.se", "phone:+46 46 123 45 67".
func ChannelString(r Reach) string {
	switch r.Kind {
	case "slack", "mattermost":
		space := r.Workspace
		if r.Kind == "mattermost" {
			space = r.Server
		}
		if r.User != "" {
			return r.Kind + ":" + space + "/" + r.User
		}
		return r.Kind + ":" + space + "/#" + r.Channel
	case "email", "phone":
		return r.Kind + ":" + r.Address
	}
	return ""
}
