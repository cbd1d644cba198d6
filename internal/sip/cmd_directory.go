package sip

import (
	"fmt"
	"strings"

	"github.com/samla-sip/samla/directory"
	"github.com/samla-sip/samla/internal/chat"
	"github.com/samla-sip/samla/internal/i18n"
)

const searchLimit = 10

// cmdWho explains routing: /sip vem bup Lund 14.
func (s *Service) cmdWho(r *request, cmd Cmd) (chat.Reply, error) {
	care := cmd.Args[0]
	rest := cmd.Args[1:]
	age := -1
	if n, ok := parseAge(rest[len(rest)-1]); ok && len(rest) > 1 {
		age = n
		rest = rest[:len(rest)-1]
	}
	name := strings.Join(rest, " ")
	k, ok := directory.LookupKommun(name)
	if !ok {
		return chat.Reply{}, inputErr(verbWho, "err.kommun", name)
	}
	res := r.dir.Route(directory.Query{Care: care, Kommun: k.Code, Age: age, Date: r.now, Overlay: r.ov})
	lines := []string{t(r.lang, "who.title", partyName(r.lang, care), k.Name)}
	for i, c := range res.Candidates {
		if c.Contact == nil {
			continue
		}
		line := fmt.Sprintf("%d. %s%s · %s", i+1, c.Contact.Name, unitSuffix(unitName(c.Unit)), reachText(r.lang, c.Channel))
		if c.Reason != nil {
			line += "\n   _" + c.Reason.Text(i18n.Lang(r.lang)) + "_"
		}
		lines = append(lines, line)
	}
	if len(res.Candidates) == 0 {
		lines = append(lines, t(r.lang, "who.none"))
	}
	if res.Note != nil {
		lines = append(lines, res.Note.Text(i18n.Lang(r.lang)))
	}
	return chat.Reply{Text: strings.Join(lines, "\n")}, nil
}

// cmdSearch searches the directory: /sip sök kurator eslöv.
func (s *Service) cmdSearch(r *request, cmd Cmd) (chat.Reply, error) {
	q := strings.Join(cmd.Args, " ")
	hits := r.dir.Search(q, searchLimit)
	if len(hits) == 0 {
		return chat.Reply{Text: t(r.lang, "search.none", q)}, nil
	}
	lines := []string{t(r.lang, "search.title", q)}
	for _, h := range hits {
		if h.Contact == nil {
			continue
		}
		line := fmt.Sprintf("• %s%s", h.Contact.Name, unitSuffix(unitName(h.Unit)))
		if len(h.Contact.Roles) > 0 {
			line += " · " + strings.Join(h.Contact.Roles, ", ")
		}
		if ch, ok := bestReach(h.Contact); ok {
			line += " · " + reachText(r.lang, ch)
		}
		line += " · id " + h.Contact.ID
		lines = append(lines, line)
	}
	return chat.Reply{Text: strings.Join(lines, "\n")}, nil
}

func unitName(u *directory.Unit) string {
	if u == nil {
		return ""
	}
	return u.Name
}

// reachText: "mattermost @anna (lund)", "e-post x@y", "telefon 046-…".
func reachText(lang string, ch directory.Reach) string {
	switch ch.Kind {
	case chat.Slack, chat.Mattermost:
		space := ch.Workspace
		if ch.Kind == chat.Mattermost {
			space = ch.Server
		}
		target := "@" + ch.User
		if ch.User == "" {
			target = "#" + ch.Channel
		}
		return fmt.Sprintf("%s %s (%s)", ch.Kind, target, space)
	case "email", "phone":
		return t(lang, "channel."+ch.Kind) + " " + ch.Address
	default:
		return t(lang, "channel.none")
	}
}

// cmdHelp lists the commands in the user's language.
func (s *Service) cmdHelp(r *request) chat.Reply {
	return chat.Reply{Text: t(r.lang, "help")}
}
