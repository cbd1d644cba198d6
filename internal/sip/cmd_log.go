package sip

import (
	"context"
	"fmt"
	"strings"

	"github.com/samla-sip/samla/internal/chat"
)

// cmdLog shows the timeline: every event, who, when.
func (s *Service) cmdLog(ctx context.Context, r *request, cmd Cmd) (chat.Reply, error) {
	c, err := s.visible(ctx, r, cmd.Args[0])
	if err != nil {
		return chat.Reply{}, err
	}
	lines := []string{t(r.lang, "log.title", c.Ref)}
	for _, e := range c.Timeline {
		lines = append(lines, fmt.Sprintf("• %s · %s · %s", s.fmtTime(e.At), e.Actor, eventText(r.lang, e)))
	}
	return chat.Reply{Text: strings.Join(lines, "\n")}, nil
}

// eventText renders an event in the reader's language.
func eventText(lang string, e Event) string {
	args := make([]any, len(e.Args))
	for i, a := range e.Args {
		args[i] = a
	}
	switch e.Kind {
	case "created":
		return t(lang, "ev.created", e.Args[0], e.Args[1], partyList(lang, strings.Split(e.Args[2], ",")))
	case "consent":
		consent := &Consent{Form: e.Args[0], Guardians: e.Args[1] != ""}
		if len(e.Args) > 3 && e.Args[2] != "" {
			consent.Givers = []string{e.Args[2]}
		}
		text := t(lang, "ev.consent", consentText(lang, consent))
		if len(e.Args) > 3 {
			text += " · " + t(lang, "consent.scope", partyList(lang, strings.Split(e.Args[3], ",")))
		}
		return text
	case "participates":
		return t(lang, "ev.participates", t(lang, "part."+e.Args[0]+"."+map[bool]string{true: "yes", false: "no"}[e.Args[1] != ""]))
	case "plan.received":
		form := ""
		if e.Args[1] != "" {
			form = ", " + t(lang, "received."+e.Args[1])
		}
		return t(lang, "ev.plan.received", e.Args[0], form)
	case "ended":
		return t(lang, "ev.ended", t(lang, "cause."+e.Args[0]), e.Args[1])
	case "invited", "rsvp.attending", "rsvp.video", "rsvp.declined", "rsvp.delegated", "plan.effort", "plan.effort.removed",
		"plan.othermeasure", "plan.othermeasure.removed":
		args[0] = partyName(lang, e.Args[0])
		if e.Kind == "rsvp.delegated" {
			args[2] = t(lang, "mandate."+mandateWord(e.Args[2] != ""))
		}
	}
	return t(lang, "ev."+e.Kind, args...)
}
