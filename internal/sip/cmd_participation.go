package sip

import (
	"context"
	"slices"
	"strings"
	"time"

	"github.com/samla-sip/samla/internal/chat"
)

// The individual's voice (L1426–1433, L1539–1546, L7603–7640): who takes
// part in the SIP — the individual, närstående, guardians, a god man —
// and whether the individual received the written plan (L6529).

// Who takes part (Participation.Who).
const (
	ParticipantIndividual = "individual"
	ParticipantRelative   = "relative" // närstående
	ParticipantGuardian   = "guardian"
	ParticipantTrustee    = "god-man"
)

// Participation records whether someone besides staff takes part.
type Participation struct {
	Who   string    `json:"who"` // Participant* constants
	Takes bool      `json:"takes"`
	By    string    `json:"by"` // staff display name who recorded it
	At    time.Time `json:"at"`
}

// Receipt records that the individual received the written plan.
type Receipt struct {
	Date time.Time `json:"date"`           // a date
	Form string    `json:"form,omitempty"` // digital | paper | "" (not stated)
}

// Forms of a received plan (Receipt.Form).
const (
	ReceivedDigital = "digital"
	ReceivedPaper   = "paper"
)

var (
	participantWords = map[string]string{
		"individen": ParticipantIndividual, "individ": ParticipantIndividual, "den-enskilde": ParticipantIndividual,
		"individual": ParticipantIndividual,
		"närstående": ParticipantRelative, "narstaende": ParticipantRelative, "anhörig": ParticipantRelative,
		"anhorig": ParticipantRelative, "relative": ParticipantRelative, "relatives": ParticipantRelative,
		"vårdnadshavare": ParticipantGuardian, "vardnadshavare": ParticipantGuardian, "guardian": ParticipantGuardian,
		"guardians": ParticipantGuardian,
		"god-man":   ParticipantTrustee, "godman": ParticipantTrustee, "trustee": ParticipantTrustee,
	}
	yesNoWords   = map[string]bool{"ja": true, "yes": true, "nej": false, "no": false}
	receiptWords = map[string]string{"digitalt": ReceivedDigital, "digital": ReceivedDigital, "papper": ReceivedPaper, "paper": ReceivedPaper, "på-papper": ReceivedPaper}
	participants = []string{ParticipantIndividual, ParticipantRelative, ParticipantGuardian, ParticipantTrustee}
)

// RecordParticipation records whether the individual, närstående, a
// guardian or a god man takes part.
type RecordParticipation struct {
	Ref   string
	Who   string // Participant* constants (or their Swedish words)
	Takes bool
}

// RecordParticipation records who takes part (/sip deltar REF
// individen|närstående|vårdnadshavare|god-man [ja|nej]).
func (s *Service) RecordParticipation(ctx context.Context, who chat.Actor, in RecordParticipation) (Result, error) {
	return s.typed(ctx, who, []textField{{FieldRef, in.Ref}, {FieldParticipant, in.Who}},
		func(r *request) (Result, error) { return s.recordParticipation(ctx, r, in) })
}

// cmdParticipates is /sip deltar REF WHO [ja|nej].
func (s *Service) cmdParticipates(ctx context.Context, r *request, cmd Cmd) (chat.Reply, error) {
	in := RecordParticipation{Ref: cmd.Args[0], Who: cmd.Args[1], Takes: true}
	if len(cmd.Args) > 2 {
		in.Takes = yesNoWords[cmd.Args[2]]
	}
	res, err := s.recordParticipation(ctx, r, in)
	return res.Reply, err
}

func checkParticipates(c *Cmd) error {
	if len(c.Args) < 2 {
		return inputErr(c.Verb, "err.participant", "")
	}
	w, ok := participantWords[strings.ToLower(c.Args[1])]
	if !ok {
		return inputErr(c.Verb, "err.participant", c.Args[1])
	}
	c.Args[1] = w
	switch {
	case len(c.Args) > 3:
		return inputErr(c.Verb, "err.extra", c.Args[3])
	case len(c.Args) == 3:
		yes, ok := yesNoWords[strings.ToLower(c.Args[2])]
		if !ok {
			return inputErr(c.Verb, "err.extra", c.Args[2])
		}
		c.Args[2] = map[bool]string{true: "ja", false: "nej"}[yes]
	}
	return nil
}

func (s *Service) recordParticipation(ctx context.Context, r *request, in RecordParticipation) (Result, error) {
	ref, rerr := checkRef(verbParticipates, in.Ref)
	if rerr != nil {
		return Result{}, rerr
	}
	w := strings.ToLower(strings.TrimSpace(in.Who))
	if v, ok := participantWords[w]; ok {
		w = v
	}
	if !slices.Contains(participants, w) {
		return Result{}, inputErr(verbParticipates, "err.participant", clip(in.Who, 20)).on(FieldParticipant)
	}
	c, err := s.change(ctx, r, ref, func(c *Case, fx *effects) error {
		if err := asConvener(c, r); err != nil {
			return err
		}
		c.Participation = slices.DeleteFunc(c.Participation, func(p Participation) bool { return p.Who == w })
		c.Participation = append(c.Participation, Participation{Who: w, Takes: in.Takes, By: r.me.Name, At: r.now})
		slices.SortStableFunc(c.Participation, func(a, b Participation) int {
			return slices.Index(participants, a.Who) - slices.Index(participants, b.Who)
		})
		c.event("participates", r.me.Name, r.now, w, boolArg(in.Takes))
		return nil
	})
	if err != nil {
		return Result{}, err
	}
	return s.caseResult(r, c, chat.Reply{Text: t(r.lang, "ok.participates", ref, participationText(r.lang, c))}), nil
}

// participationText is "den enskilde deltar, närstående deltar inte".
func participationText(lang string, c *Case) string {
	if len(c.Participation) == 0 {
		return t(lang, "part.none")
	}
	out := make([]string, len(c.Participation))
	for i, p := range c.Participation {
		out[i] = t(lang, "part."+p.Who+"."+map[bool]string{true: "yes", false: "no"}[p.Takes])
	}
	return strings.Join(out, ", ")
}

// receiptText is "mottagen 2026-12-14, digitalt" or "inte mottagen än".
func (s *Service) receiptText(lang string, c *Case) string {
	rc := c.Plan.Received
	if rc == nil {
		return t(lang, "plan.notreceived")
	}
	text := t(lang, "plan.received", s.fmtDate(rc.Date))
	if rc.Form != "" {
		text += ", " + t(lang, "received."+rc.Form)
	}
	return text
}
