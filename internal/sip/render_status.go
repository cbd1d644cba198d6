package sip

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/samla-sip/samla/directory"
	"github.com/samla-sip/samla/internal/chat"
	"github.com/samla-sip/samla/internal/outbox"
	"github.com/samla-sip/samla/internal/store"
)

// StatusKey is the chat.Message key of a case's live status message.
func StatusKey(ref string) string { return "status/" + ref }

// statusJob is the convener's live status message as an outbox job; its
// fixed id makes successive updates coalesce, its key updates in place.
func (s *Service) statusJob(ctx context.Context, r *request, c *Case) (store.Job, error) {
	msg := s.renderStatus(s.convLang(ctx, c), c, view{needs: false, exactAge: true, convener: true})
	msg.Key = StatusKey(c.Ref)
	if add := s.roomButtons(ctx, c.Ref); add != nil {
		add(c.Convener.Address, &msg)
	}
	return outbox.NewJob("status|"+c.Ref, outbox.Envelope{To: c.Convener.Address, Msg: msg}, r.now)
}

// view says what a reader of the status may see.
type view struct {
	needs    bool // the free-text needs (convener, accepted invitees)
	exactAge bool // the age rather than the band
	convener bool // buttons for the convener
}

func (s *Service) viewFor(c *Case, key string) view {
	if key == c.Convener.Key {
		return view{needs: true, exactAge: true, convener: true}
	}
	for _, in := range c.Invitations {
		if in.ContactID == key && in.Accepted() {
			return view{needs: true, exactAge: true}
		}
	}
	return view{}
}

// renderStatus shows who is invited, via which route, what they answered,
// who is missing, the plan's progress and the next step.
func (s *Service) renderStatus(lang string, c *Case, v view) chat.Message {
	age := ageBand(c.Age)
	if v.exactAge {
		age = t(lang, "age.years", c.Age)
	}
	dir := s.deps.Directory.Current()
	msg := chat.Message{Title: fmt.Sprintf("%s · %s · %s", c.Ref, c.KommunName, age)}
	var b strings.Builder
	if c.Closed != nil {
		b.WriteString(t(lang, "st.closed", s.fmtTime(c.Closed.At), c.Closed.By))
		if c.Closed.Cause != "" {
			b.WriteString(": " + t(lang, "cause."+c.Closed.Cause))
		}
		if c.Closed.Reason != "" {
			b.WriteString(" – " + c.Closed.Reason)
		}
		b.WriteString("\n")
	}
	fmt.Fprintf(&b, "*%s*\n", t(lang, "st.invited"))
	if len(c.Invitations) == 0 {
		b.WriteString(t(lang, "st.noinvites") + "\n")
	}
	for i := range c.Invitations {
		b.WriteString(s.invitationLine(lang, &c.Invitations[i]) + "\n")
	}
	for _, in := range c.Invitations {
		if in.State == StateDelegated && !in.Mandate {
			b.WriteString(t(lang, "st.nomandate", partyName(lang, in.Party), in.DelegateNm) + "\n")
		}
	}
	if missing := missingParties(lang, c); missing != "" {
		b.WriteString(t(lang, "st.missing", missing) + "\n")
	}
	if c.Closed == nil {
		id, args := s.nextStep(dir, lang, c)
		b.WriteString(t(lang, "st.next", t(lang, id, args...)))
	}
	msg.Text = strings.TrimRight(b.String(), "\n")
	consent := "✗ " + t(lang, "st.noconsent")
	if c.Consent != nil {
		consent = fmt.Sprintf("✓ %s (%s, %s)", consentText(lang, c.Consent), c.Consent.By, s.fmtTime(c.Consent.At))
		if c.Consent.Parties != nil {
			consent += " · " + t(lang, "consent.scope", partyList(lang, c.Consent.Parties))
		}
		for _, note := range consentNotes(lang, c) {
			consent += "\n" + note
		}
	}
	msg.Fields = []chat.Field{
		{Label: t(lang, "f.stage"), Value: s.stageText(lang, c)},
		{Label: t(lang, "f.consent"), Value: consent},
		{Label: t(lang, "f.parties"), Value: partyList(lang, c.Parties)},
		{Label: t(lang, "f.participation"), Value: participationText(lang, c)},
		{Label: t(lang, "f.when"), Value: s.whenWithVotes(lang, c)},
		{Label: t(lang, "f.plan"), Value: t(lang, "st.plan", planDone(dir, c), planItems)},
	}
	if c.Discharge != nil {
		msg.Fields = append(msg.Fields, chat.Field{Label: t(lang, "f.discharge"), Value: s.dischargeStatus(lang, s.deps.Now(), c)})
	}
	if v.needs && c.Needs != "" {
		// The needs text is only in the case room; chat is not a record.
		msg.Fields = append(msg.Fields, chat.Field{Label: t(lang, "f.needs"), Value: t(lang, "room.here")})
	}
	if v.convener && s.deps.Agenda != nil && c.Closed == nil {
		msg.Buttons = append(msg.Buttons, chat.Button{Action: actAgendaDraft, Label: t(lang, "b.agenda"), Value: c.Ref})
	}
	if v.convener && c.Proposal != nil && c.Closed == nil {
		for i := range c.Proposal.Slots {
			msg.Buttons = append(msg.Buttons, chat.Button{
				Action: actPick, Label: t(lang, "b.pick", i+1), Value: c.Ref + "|" + strconv.Itoa(i+1),
			})
		}
	}
	return msg
}

// invitationLine: "• BUP: Väg in BUP Lund (BUP Lund) · mattermost — ⏳ inget svar än".
func (s *Service) invitationLine(lang string, in *Invitation) string {
	route := in.Channel
	switch {
	case in.Channel == channelSelf:
		route = t(lang, "route.self")
	case in.Manual != "":
		route = t(lang, "channel."+in.Channel) + " " + in.Manual
	}
	line := fmt.Sprintf("• %s: %s%s · %s — %s", partyName(lang, in.Party), in.ContactName,
		unitSuffix(in.UnitName), route, stateText(lang, in))
	if in.AnsweredBy != "" && in.State != StatePending {
		line += " " + t(lang, "st.answeredby", in.AnsweredBy)
	}
	reason := in.reason(lang)
	if reason != "" && in.Active() {
		line += "\n   _" + reason + "_"
	}
	return line
}

func stateText(lang string, in *Invitation) string {
	switch in.State {
	case StateDeclined:
		return t(lang, "state.declined", in.Declined)
	case StateDelegated:
		return t(lang, "state.delegated", in.DelegateNm, t(lang, "mandate."+mandateWord(in.Mandate)))
	case StatePending:
		if in.Manual != "" {
			return t(lang, "state.manual")
		}
		if in.Reconfirm {
			return t(lang, "state.reconfirm")
		}
	}
	return t(lang, "state."+in.State)
}

// whenWithVotes is the meeting, or the proposed slots with their votes.
func (s *Service) whenWithVotes(lang string, c *Case) string {
	if c.Proposal == nil {
		return s.whenText(lang, c)
	}
	var parts []string
	for i, sl := range c.Proposal.Slots {
		var who []string
		for _, id := range sl.Votes {
			if in := c.invitation(id); in != nil {
				who = append(who, in.ContactName)
			}
		}
		p := t(lang, "st.slot", i+1, s.fmtTime(sl.At), len(sl.Votes))
		if len(who) > 0 {
			p += " (" + strings.Join(who, ", ") + ")"
		}
		parts = append(parts, p)
	}
	return strings.Join(parts, "; ")
}

// missingParties lists parties with no invitation in play, saying why.
func missingParties(lang string, c *Case) string {
	var out []string
	for _, p := range c.Parties {
		if c.activeFor(p) != nil {
			continue
		}
		why := "st.notinvited"
		for _, in := range c.Invitations {
			if in.Party == p && in.State == StateDeclined {
				why = "st.declinednoreplacement"
			}
		}
		out = append(out, partyName(lang, p)+" – "+t(lang, why))
	}
	return strings.Join(out, ", ")
}

// Action priorities, most urgent first (used by mina and the next step).
const (
	prioConsent = iota
	prioMeeting
	prioInvite
	prioUnanswered
	prioDeclined
	prioPlan
	prioEstablish
	prioNextFollowUp
	prioHeld
	prioFollowUp
	prioNone
)

// priority is how urgently a case needs its convener.
func priority(dir *directory.Directory, c *Case) int {
	switch stage := c.Stage(); {
	case stage == StageEnded:
		return prioNone
	case c.Consent == nil:
		return prioConsent
	case stage.PlanEstablished() && c.Plan.FollowUp == nil:
		return prioNextFollowUp
	case stage.PlanEstablished():
		return prioFollowUp
	case stage == StageHeld && planDone(dir, c) < planItems:
		return prioPlan
	case stage == StageHeld:
		return prioEstablish
	case c.Meeting == nil:
		return prioMeeting
	}
	uninvited, declined := false, false
	for _, p := range c.Parties {
		if c.activeFor(p) != nil {
			continue
		}
		wasDeclined := false
		for _, in := range c.Invitations {
			if in.Party == p && in.State == StateDeclined {
				wasDeclined = true
			}
		}
		declined = declined || wasDeclined
		uninvited = uninvited || !wasDeclined
	}
	if uninvited {
		return prioInvite
	}
	for _, in := range c.Invitations {
		if in.State == StatePending {
			return prioUnanswered
		}
	}
	if declined {
		return prioDeclined
	}
	return prioHeld
}

// nextStep is the catalogue id (and arguments) of what to do next.
func (s *Service) nextStep(dir *directory.Directory, lang string, c *Case) (string, []any) {
	switch priority(dir, c) {
	case prioConsent:
		return "next.consent", []any{c.Ref, consentHint(lang, c)}
	case prioMeeting:
		if c.Proposal != nil {
			return "next.pick", []any{c.Ref}
		}
		return "next.meeting", []any{c.Ref}
	case prioInvite:
		return "next.invite", []any{c.Ref}
	case prioUnanswered:
		return "next.wait", nil
	case prioDeclined:
		return "next.replace", []any{c.Ref}
	case prioPlan:
		return "next.plan", []any{c.Ref}
	case prioEstablish:
		return "next.establish", []any{c.Ref}
	case prioNextFollowUp:
		return "next.nextfollowup", []any{c.Ref}
	case prioFollowUp:
		return "next.followup", []any{c.Ref, s.fmtDate(*c.Plan.FollowUp)}
	case prioHeld:
		return "next.held", []any{c.Ref}
	default:
		return "next.none", nil
	}
}

// consentHint is how consent is usually given: by the guardians for a
// child, by the person for an adult.
func consentHint(lang string, c *Case) string {
	if c.Age < 18 {
		return t(lang, "hint.consent.minor")
	}
	return t(lang, "hint.consent.adult")
}

// stageText is the lifecycle stage as the status and mina show it, with
// its date: "plan upprättad 2026-12-12, uppföljning 2027-03-01".
func (s *Service) stageText(lang string, c *Case) string {
	stage := c.Stage()
	text := t(lang, "stage."+string(stage))
	switch stage {
	case StageHeld:
		text += " " + s.fmtDate(c.Held.Date)
	case StageEstablished:
		text += " " + s.fmtDate(c.Established.Date)
	case StageFollowedUp:
		text += " " + s.fmtDate(c.FollowUps[len(c.FollowUps)-1].Date)
	}
	if stage.PlanEstablished() && c.Plan.FollowUp != nil {
		text += ", " + t(lang, "stage.nextfollowup", s.fmtDate(*c.Plan.FollowUp))
	}
	return text
}
