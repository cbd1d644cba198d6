package server

import "github.com/samla-sip/samla/directory"

// The JSON shapes below are those of `samla directory route|search --json`:
// {"candidates":[{"contact_id","unit_id","channel","why"}],"note"} and
// {"results":[{"contact_id","unit_id","score"}]}.

type routeJSON struct {
	Candidates []candidateJSON `json:"candidates"`
	Note       string          `json:"note"`
}

type candidateJSON struct {
	ContactID string `json:"contact_id"`
	UnitID    string `json:"unit_id"`
	Channel   string `json:"channel"`
	Why       string `json:"why"`
}

type searchJSON struct {
	Results []hitJSON `json:"results"`
}

type hitJSON struct {
	ContactID string  `json:"contact_id"`
	UnitID    string  `json:"unit_id"`
	Score     float64 `json:"score"`
}

func routeView(res directory.RouteResult, lang string) routeJSON {
	out := routeJSON{Candidates: make([]candidateJSON, 0, len(res.Candidates))}
	for _, c := range res.Candidates {
		cj := candidateJSON{Channel: channelString(c.Channel)}
		if c.Contact != nil {
			cj.ContactID = c.Contact.ID
		}
		if c.Unit != nil {
			cj.UnitID = c.Unit.ID
		}
		if c.Reason != nil {
			cj.Why = c.Reason.Text(lang)
		}
		out.Candidates = append(out.Candidates, cj)
	}
	if res.Note != nil {
		out.Note = res.Note.Text(lang)
	}
	return out
}

func searchView(hits []directory.Hit) searchJSON {
	out := searchJSON{Results: make([]hitJSON, 0, len(hits))}
	for _, h := range hits {
		hj := hitJSON{Score: h.Score}
		if h.Contact != nil {
			hj.ContactID = h.Contact.ID
		}
		if h.Unit != nil {
			hj.UnitID = h.Unit.ID
		}
		out.Results = append(out.Results, hj)
	}
	return out
}

// channelString is the short form of a reach: "slack:T0001/U0001",
// "mattermost:skane/bup.lund", "email:x@y", "phone:+46…".
func channelString(r directory.Reach) string {
	switch r.Kind {
	case "slack", "mattermost":
		space := r.Workspace
		if r.Kind == "mattermost" {
			space = r.Server
		}
		target := r.User
		if target == "" && r.Channel != "" {
			target = "#" + r.Channel
		}
		return r.Kind + ":" + space + "/" + target
	case "":
		return ""
	default:
		return r.Kind + ":" + r.Address
	}
}
