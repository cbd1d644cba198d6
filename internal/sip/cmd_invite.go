package sip

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/samla-sip/samla/directory"
	"github.com/samla-sip/samla/internal/chat"
	"github.com/samla-sip/samla/internal/i18n"
)

// channelSelf marks the convener representing a party themselves.
const channelSelf = "self"

// invJobID is the outbox job id of an invitation.
func invJobID(ref, invID string) string { return "inv|" + ref + "|" + invID + "|v1" }

// Invite asks the directory's right contact of each party to take part.
type Invite struct {
	Ref string
	// Invitees are care-level ids or directory contact ids; none means
	// every party of the case.
	Invitees []string
	// Kommun routes the named parties in another kommun than the case's (a
	// youth placed at an HVB home elsewhere: BUP and school there).
	Kommun string
}

// Invite routes and sends invitations (/sip bjud REF [PARTY|CONTACT …] [kommun=K]).
// Refused, with why and what to do, until consent is recorded.
func (s *Service) Invite(ctx context.Context, who chat.Actor, in Invite) (Result, error) {
	return s.typed(ctx, who, []textField{{FieldRef, in.Ref}, {FieldInvitees, strings.Join(in.Invitees, " ")}, {FieldKommun, in.Kommun}},
		func(r *request) (Result, error) { return s.invite(ctx, r, in) })
}

// cmdInvite is /sip bjud REF [PARTY|CONTACT …] [kommun=K].
func (s *Service) cmdInvite(ctx context.Context, r *request, cmd Cmd) (chat.Reply, error) {
	if v, ok := cmd.Opts[keyKommun]; ok && strings.TrimSpace(v) == "" {
		return chat.Reply{}, inputErr(verbInvite, "err.kommun", v) // "kommun=" says nothing
	}
	res, err := s.invite(ctx, r, Invite{Ref: cmd.Args[0], Invitees: cmd.Args[1:], Kommun: cmd.Opts[keyKommun]})
	return res.Reply, err
}

// invite routes each party (or the named parties or contacts) through
// the directory and sends the chosen contact an invitation.
func (s *Service) invite(ctx context.Context, r *request, in Invite) (Result, error) {
	ref, rerr := checkRef(verbInvite, in.Ref)
	if rerr != nil {
		return Result{}, rerr
	}
	var named []string
	for _, n := range in.Invitees {
		named = append(named, strings.FieldsFunc(n, isListSep)...)
	}
	kommun := ""
	if v := strings.TrimSpace(in.Kommun); v != "" {
		k, found := directory.LookupKommun(v)
		if !found {
			return Result{}, inputErr(verbInvite, "err.kommun", clip(v, 60)).on(FieldKommun)
		}
		if len(named) == 0 {
			return Result{}, inputErr(verbInvite, "err.kommunparties").on(FieldInvitees)
		}
		kommun = k.Code
	}
	for _, n := range named {
		if !slices.Contains(directory.CareLevels, strings.ToLower(n)) {
			if _, ok := r.dir.Contact(n); !ok {
				return Result{}, inputErr(verbInvite, "err.invitee", clip(n, 40)).on(FieldInvitees)
			}
		}
	}
	var lines []string
	c, err := s.change(ctx, r, ref, func(c *Case, fx *effects) error {
		lines = nil
		if err := asConvener(c, r); err != nil {
			return err
		}
		if c.Consent == nil {
			return inputErr("", "err.noconsent.invite", c.Ref, consentHint(r.lang, c))
		}
		targets := c.Parties
		if len(named) > 0 {
			targets = named
		}
		for _, target := range targets {
			line, err := s.inviteOne(ctx, r, c, fx, target, kommun)
			if err != nil {
				return err
			}
			lines = append(lines, line)
		}
		return nil
	})
	if err != nil {
		return Result{}, err
	}
	return s.caseResult(r, c, chat.Reply{Text: t(r.lang, "ok.invite", ref) + "\n" + strings.Join(lines, "\n")}), nil
}

// inviteOne invites one party (a care level) or one named contact and
// returns the line the convener sees.
func (s *Service) inviteOne(ctx context.Context, r *request, c *Case, fx *effects, target, kommun string) (string, error) {
	if contact, ok := r.dir.Contact(target); ok && !slices.Contains(directory.CareLevels, target) {
		for _, in := range c.Invitations {
			if in.ContactID == contact.ID && in.Active() && in.State != StateDelegated {
				return "• " + t(r.lang, "invite.already", partyName(r.lang, in.Party), in.ContactName), nil
			}
		}
		party := partyOfContact(r.dir, contact)
		if !c.Consent.Covers(party) {
			return "• " + t(r.lang, "invite.outofscope", partyName(r.lang, party), c.Ref, party), nil
		}
		if party != "" && !slices.Contains(c.Parties, party) {
			c.Parties = append(c.Parties, party)
		}
		if contact.ID == c.Convener.ContactID {
			return s.selfInvitation(r, c, party, contact), nil
		}
		ch, ok := bestReach(contact)
		if !ok {
			return "• " + t(r.lang, "invite.unreachable", contact.Name), nil
		}
		reasonSV, reasonEN := t("sv", "reason.named"), t("en", "reason.named")
		line, err := s.addInvitation(ctx, r, c, fx, party, contact, ch, reasonSV, reasonEN)
		return line + s.awayNote(r, c, contact), err
	}
	party := strings.ToLower(target)
	if !c.Consent.Covers(party) {
		return "• " + t(r.lang, "invite.outofscope", partyName(r.lang, party), c.Ref, party), nil
	}
	if !slices.Contains(c.Parties, party) {
		c.Parties = append(c.Parties, party)
	}
	if in := c.activeFor(party); in != nil {
		return "• " + t(r.lang, "invite.already", partyName(r.lang, party), in.ContactName), nil
	}
	declined := map[string]bool{}
	for _, in := range c.Invitations {
		if in.Party == party && in.State == StateDeclined {
			declined[in.ContactID] = true
		}
	}
	elsewhere := kommun != "" && kommun != c.Kommun
	if kommun == "" {
		kommun = c.Kommun
	}
	// Routing follows absences on the meeting day (today before one is set).
	res := r.dir.Route(directory.Query{Care: party, Kommun: kommun, Age: c.Age, Date: meetingDay(c, r.now), Overlay: r.ov})
	for _, cand := range res.Candidates {
		if cand.Contact == nil || !reachable(cand.Channel) || declined[cand.Contact.ID] {
			continue
		}
		var sv, en string
		if cand.Reason != nil {
			sv, en = cand.Reason.Text("sv"), cand.Reason.Text("en")
		}
		if cand.Contact.ID == c.Convener.ContactID {
			return s.selfInvitation(r, c, party, cand.Contact), nil
		}
		line, err := s.addInvitation(ctx, r, c, fx, party, cand.Contact, cand.Channel, sv, en)
		if elsewhere && err == nil {
			c.Invitations[len(c.Invitations)-1].Kommun = kommun // routed in another kommun than the case's
		}
		return line + s.awayNote(r, c, cand.Contact), err
	}
	line := "• " + t(r.lang, "invite.nomatch", partyName(r.lang, party))
	if res.Note != nil {
		line += " " + res.Note.Text(i18n.Lang(r.lang))
	}
	if len(declined) > 0 {
		line += " " + t(r.lang, "invite.alldeclined")
	}
	return line, nil
}

// addInvitation records an invitation and queues it, or for e-mail and
// phone asks the convener to make the contact personally.
func (s *Service) addInvitation(ctx context.Context, r *request, c *Case, fx *effects, party string, contact *directory.Contact, ch directory.Reach, reasonSV, reasonEN string) (string, error) {
	c.NextInv++
	in := Invitation{
		ID: fmt.Sprintf("i%d", c.NextInv), Party: party,
		ContactID: contact.ID, ContactName: contact.Name, Unit: contact.Unit,
		Channel: ch.Kind, ReasonSV: reasonSV, ReasonEN: reasonEN,
		State: StatePending, Sent: r.now,
	}
	if u, ok := r.dir.Unit(contact.Unit); ok {
		in.UnitName = u.Name
	}
	reason := in.reason(r.lang)
	addr, chatOK := s.addressOf(ch, contact.ID)
	if chatOK {
		in.Address = &addr
	} else {
		in.Manual = ch.Address
	}
	c.Invitations = append(c.Invitations, in)
	c.event("invited", r.me.Name, r.now, party, contact.Name, in.UnitName)
	about := ""
	if u, ok := r.dir.Unit(contact.Unit); ok && u.About != "" {
		// What the unit says of itself ("Deltar gärna via video, en timme"),
		// for the convener planning the meeting.
		about = "\n  " + t(r.lang, "invite.about", u.About)
	}
	if !chatOK {
		return "• " + t(r.lang, "invite.manual", partyName(r.lang, party), contact.Name, unitSuffix(in.UnitName),
			t(r.lang, "channel."+ch.Kind), ch.Address, reason) + about, nil
	}
	lang := s.langOf(ctx, contact.ID, addr)
	msg := s.renderInvitation(lang, r.dir, r.ov, r.now, c, &in, "")
	if err := fx.send(r, invJobID(c.Ref, in.ID), addr, msg); err != nil {
		return "", err
	}
	return "• " + t(r.lang, "invite.sent", partyName(r.lang, party), contact.Name, unitSuffix(in.UnitName), ch.Kind, reason) + about, nil
}

// partyOfContact is the care level a directly named contact represents:
// the first care level of their unit.
func partyOfContact(dir *directory.Directory, c *directory.Contact) string {
	if u, ok := dir.Unit(c.Unit); ok && len(u.Care) > 0 {
		return u.Care[0]
	}
	return ""
}

// selfInvitation records that the convener represents a party
// themselves (a kurator convening for the school): attending, no message.
func (s *Service) selfInvitation(r *request, c *Case, party string, contact *directory.Contact) string {
	c.NextInv++
	at := r.now
	in := Invitation{
		ID: fmt.Sprintf("i%d", c.NextInv), Party: party,
		ContactID: contact.ID, ContactName: contact.Name, Unit: contact.Unit, UnitName: c.Convener.UnitName,
		Channel: channelSelf, ReasonSV: t("sv", "reason.self"), ReasonEN: t("en", "reason.self"),
		State: StateAttending, Sent: r.now, Answered: &at,
	}
	c.Invitations = append(c.Invitations, in)
	c.event("invited", r.me.Name, r.now, party, contact.Name, in.UnitName)
	return "• " + t(r.lang, "invite.self", partyName(r.lang, party))
}

// reachable reports whether a channel leads somewhere: a chat address, or
// an e-mail address or phone number for the convener to use.
func reachable(ch directory.Reach) bool {
	if _, ok := AddressOf(ch, ""); ok {
		return true
	}
	return (ch.Kind == "email" || ch.Kind == "phone") && ch.Address != ""
}
