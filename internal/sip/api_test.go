package sip

import (
	"errors"
	"maps"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// refusalOf asserts err is a *Refusal and returns it.
func refusalOf(t *testing.T, err error) *Refusal {
	t.Helper()
	var no *Refusal
	if !errors.As(err, &no) {
		t.Fatalf("error %v (%T) is not a *Refusal", err, err)
	}
	return no
}

func TestNewCaseFieldErrors(t *testing.T) {
	h := newHarness(t)
	tests := []struct {
		name   string
		in     NewCase
		fields []string // fields refused, in order
		want   string   // part of the first message
	}{
		{"a reference as kommun", NewCase{Kommun: "SIP-ABCDEF", Age: "14", Parties: []string{"bup"}}, []string{FieldKommun}, "SIP-ABCDEF"},
		{"all missing", NewCase{}, []string{FieldKommun, FieldAge, FieldParties}, "Kommun saknas"},
		{"bad age and party", NewCase{Kommun: "Lund", Age: "fjorton", Parties: []string{"bup tandvard"}}, []string{FieldAge, FieldParties}, "fjorton"},
		{"personnummer in needs", NewCase{Kommun: "Lund", Age: "14", Parties: []string{"bup"}, Needs: "pnr 19121212-1212"}, []string{FieldNeeds}, "personnummer"},
		{"meeting in the past", NewCase{Kommun: "Lund", Age: "14", Parties: []string{"bup"}, Meeting: MeetingTime{When: "2020-01-01 10:00"}}, []string{FieldMeeting}, "passerat"},
		{"bad meeting time", NewCase{Kommun: "Lund", Age: "14", Parties: []string{"bup"}, Meeting: MeetingTime{When: "i morgon"}}, []string{FieldMeeting}, "i morgon"},
		{"time and proposals", NewCase{Kommun: "Lund", Age: "14", Parties: []string{"bup"}, Meeting: MeetingTime{When: "2026-12-10 13:00"}, Slots: []string{"2026-12-11T09:00"}}, []string{FieldSlots}, "inte båda"},
		{"four proposals", NewCase{Kommun: "Lund", Age: "14", Parties: []string{"bup"}, Slots: []string{"2026-12-10T09:00 2026-12-11T09:00 2026-12-12T09:00 2026-12-13T09:00"}}, []string{FieldSlots}, "1–3"},
		{"needs too long", NewCase{Kommun: "Lund", Age: "14", Parties: []string{"bup"}, Needs: strings.Repeat("a", 2001)}, []string{FieldNeeds}, "för lång"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := h.svc.NewCase(h.ctx, actor(kurator), tt.in)
			if err == nil {
				t.Fatalf("accepted: %+v", res)
			}
			no := refusalOf(t, err)
			var fields []string
			for _, ie := range no.Errors {
				fields = append(fields, ie.Field)
				if ie.Message == "" {
					t.Errorf("%s: no message", ie.Field)
				}
			}
			if !slices.Equal(fields, tt.fields) {
				t.Errorf("fields %v, want %v", fields, tt.fields)
			}
			if !strings.Contains(no.Message(), tt.want) || no.Internal {
				t.Errorf("message %q, want it to contain %q", no.Message(), tt.want)
			}
			if got := slices.Sorted(maps.Keys(no.Fields())); !slices.Equal(got, slices.Sorted(slices.Values(tt.fields))) {
				t.Errorf("Fields() keys %v", got)
			}
		})
	}
	if refs, _ := h.st.Members(h.ctx, IndexOpen); len(refs) != 0 {
		t.Errorf("refused inputs created cases %v", refs)
	}
	if strings.Contains(h.logs.String(), "19121212") {
		t.Error("the personnummer reached the log")
	}
}

// TestNewCaseSameRuleAsCommand: the typed API and the command language
// refuse with the same first message.
func TestNewCaseSameRuleAsCommand(t *testing.T) {
	h := newHarness(t)
	for _, tt := range []struct {
		cmd string
		in  NewCase
	}{
		{"ny kommun=SIP-ABCDEF ålder=14 parter=bup", NewCase{Kommun: "SIP-ABCDEF", Age: "14", Parties: []string{"bup"}}},
		{"ny kommun=Lund ålder=200 parter=bup", NewCase{Kommun: "Lund", Age: "200", Parties: []string{"bup"}}},
		{"ny kommun=Lund ålder=14 parter=bup,tandvard", NewCase{Kommun: "Lund", Age: "14", Parties: []string{"bup,tandvard"}}},
		{"ny ålder=14 parter=bup", NewCase{Age: "14", Parties: []string{"bup"}}},
	} {
		_, err := h.svc.NewCase(h.ctx, actor(kurator), tt.in)
		typed := refusalOf(t, err).Message()
		text := h.cmd(kurator, tt.cmd)
		if typed == "" || !strings.HasPrefix(text, typed) {
			t.Errorf("%s: command says %q, typed API %q", tt.cmd, text, typed)
		}
	}
}

func TestNewCaseWithMeeting(t *testing.T) {
	h := newHarness(t)
	res, err := h.svc.NewCase(h.ctx, actor(kurator), NewCase{
		Kommun: " Lund ", Age: "14", Parties: []string{"BUP, skola", "bup"}, Needs: testNeeds,
		Meeting: MeetingTime{When: "2026-12-10 13:00", Video: true},
	})
	if err != nil {
		t.Fatal(err)
	}
	if res.Ref == "" || res.Case == nil || res.Case.Ref != res.Ref || res.Reply.Ref != res.Ref {
		t.Fatalf("result %+v", res)
	}
	v := res.Case
	if v.KommunName != "Lund" || v.Age != 14 || !slices.Equal(v.Parties, []string{"bup", "skola"}) ||
		v.Needs != testNeeds || v.Role != RoleConvener || v.Meeting == nil || !v.Meeting.Video || v.Next == "" {
		t.Errorf("view %+v", v)
	}
	if !strings.Contains(res.Reply.Text, res.Ref) || !strings.Contains(res.Reply.Text, "2026-12-10 13:00") {
		t.Errorf("reply %q", res.Reply.Text)
	}
	if c := h.load(res.Ref); c.Meeting == nil || c.Meeting.At.UTC().Format("2006-01-02 15:04") != "2026-12-10 12:00" {
		t.Errorf("stored meeting %+v", c.Meeting) // 13:00 Stockholm is 12:00 UTC
	}

	// An invitee sees the band, not the age or the needs.
	h.cmd(kurator, "samtycke "+res.Ref+" skriftligt vårdnadshavare")
	h.cmd(kurator, "bjud "+res.Ref)
	c := h.load(res.Ref)
	bup := c.Invitations[0].ContactID
	seen, err := h.svc.View(h.ctx, actor(bup), res.Ref)
	if err != nil {
		t.Fatal(err)
	}
	if seen.Case.Age != -1 || seen.Case.AgeBand != "0–18" || seen.Case.Needs != "" || seen.Case.Role != RoleInvitee || seen.Case.Next != "" {
		t.Errorf("invitee's view %+v", seen.Case)
	}
	if seen.Reply.Message == nil || seen.Reply.Text != "" {
		t.Errorf("status reply has more than one body: %+v", seen.Reply)
	}
	_, err = h.svc.View(h.ctx, actor(outsider), res.Ref)
	if no := refusalOf(t, err); no.Errors[0].ID != "err.notfound" || no.Errors[0].Field != "" {
		t.Errorf("outsider: %+v", no.Errors[0])
	}
}

func TestTypedOperations(t *testing.T) {
	h := newHarness(t)
	ref := h.newCase("")
	who := actor(kurator)
	if _, err := h.svc.Invite(h.ctx, who, Invite{Ref: ref}); err == nil {
		t.Fatal("invited before consent")
	}
	if _, err := h.svc.RecordConsent(h.ctx, who, RecordConsent{Ref: ref, Form: ConsentWritten, Guardians: true}); err != nil {
		t.Fatal(err)
	}
	_, err := h.svc.Invite(h.ctx, who, Invite{Ref: ref, Invitees: []string{"bup"}, Kommun: "Atlantis"})
	if f := refusalOf(t, err).Fields(); f[FieldKommun] == "" {
		t.Errorf("unknown kommun: %v", f)
	}
	res, err := h.svc.Invite(h.ctx, who, Invite{Ref: ref})
	if err != nil || len(res.Case.Invitations) == 0 {
		t.Fatalf("invite: %v %+v", err, res.Case)
	}
	_, err = h.svc.ProposeMeeting(h.ctx, who, ProposeMeeting{Ref: ref, Slots: []string{"2026-12-10T09:00", "2026-12-11 10:00"}})
	if err != nil {
		t.Fatal(err)
	}
	in := res.Case.Invitations[0]
	invitee := actor(h.load(ref).Invitations[0].ContactID)
	if res, err := h.svc.Vote(h.ctx, invitee, Vote{Ref: ref, Invitation: in.ID, Slot: 2}); err != nil || len(res.Case.Slots[1].Votes) != 1 ||
		!res.Case.Slots[1].Yours || res.Case.Slots[0].Yours || !res.Case.Invitations[0].Yours || res.Case.Invitations[1].Yours {
		t.Fatalf("vote: %v %+v", err, res.Case)
	}
	if _, err := h.svc.PickSlot(h.ctx, who, PickSlot{Ref: ref, Slot: 3}); refusalOf(t, err).Errors[0].Field != FieldSlot {
		t.Errorf("pick of a missing slot: %v", err)
	}
	if res, err := h.svc.PickSlot(h.ctx, who, PickSlot{Ref: ref, Slot: 2}); err != nil || res.Case.Meeting == nil {
		t.Fatalf("pick: %v", err)
	}
	_, err = h.svc.Answer(h.ctx, invitee, Answer{Ref: ref, Invitation: in.ID, Kind: AnswerDecline})
	if refusalOf(t, err).Fields()[FieldReason] == "" {
		t.Errorf("decline without a reason: %v", err)
	}
	if res, err := h.svc.Answer(h.ctx, invitee, Answer{Ref: ref, Invitation: in.ID, Kind: AnswerVideo}); err != nil || res.Case.Invitations[0].State != StateVideo {
		t.Fatalf("answer: %v", err)
	}
	_, err = h.svc.EditPlan(h.ctx, who, EditPlan{Ref: ref, Effort: &Effort{Party: "tandvard", Text: "x"}})
	if refusalOf(t, err).Fields()[FieldEffort] == "" {
		t.Errorf("effort of an unknown party: %v", err)
	}
	_, err = h.svc.EditPlan(h.ctx, who, EditPlan{Ref: ref, Responsible: "nobody-here"})
	if refusalOf(t, err).Fields()[FieldResponsible] == "" {
		t.Errorf("unknown responsible: %v", err)
	}
	res, err = h.svc.EditPlan(h.ctx, who, EditPlan{Ref: ref, Effort: &Effort{Party: "BUP", Text: "Bedömning"}, Measure: "Läxhjälp"})
	if err != nil || len(res.Case.Plan.Efforts) != 1 || res.Case.Plan.Measures[0] != "Läxhjälp" {
		t.Fatalf("plan: %v %+v", err, res.Case)
	}
	if _, err := h.svc.SetFollowUp(h.ctx, who, SetFollowUp{Ref: ref, Date: "2020-01-01"}); refusalOf(t, err).Fields()[FieldDate] == "" {
		t.Errorf("past follow-up: %v", err)
	}
	_, err = h.svc.CloseCase(h.ctx, who, CloseCase{Ref: ref})
	if refusalOf(t, err).Fields()[FieldCause] == "" {
		t.Errorf("close without a cause: %v", err)
	}
	if res, err := h.svc.CloseCase(h.ctx, who, CloseCase{Ref: ref, Reason: "flyttat"}); err != nil || res.Case.Closed == nil {
		t.Fatalf("close: %v", err)
	}
	if _, err := h.svc.WithdrawConsent(h.ctx, who, "SIP-1"); refusalOf(t, err).Fields()[FieldRef] == "" {
		t.Errorf("bad reference: %v", err)
	}
}

func TestMineAndTimeline(t *testing.T) {
	h := newHarness(t)
	first := h.newCase("")
	second := h.newCase("")
	h.cmd(kurator, "samtycke "+second)
	res, err := h.svc.Mine(h.ctx, actor(kurator))
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Cases) != 2 || res.Cases[0].Ref != first || res.Cases[1].Ref != second {
		t.Fatalf("mine: %+v", res.Cases) // consent first: the case without it is the most urgent
	}
	if !strings.Contains(res.Reply.Text, first) {
		t.Errorf("reply %q", res.Reply.Text)
	}
	tl := res.Cases[1].Timeline
	if len(tl) != 2 || tl[0].Kind != "created" || tl[1].Kind != "consent" || !strings.Contains(tl[0].Text, "Lund") || tl[1].Actor == "" {
		t.Errorf("timeline %+v", tl)
	}
	if res, err := h.svc.Mine(h.ctx, actor(outsider)); err != nil || len(res.Cases) != 0 || res.Reply.Text == "" {
		t.Errorf("an outsider's cases: %+v %v", res, err)
	}
}

// FuzzNewCaseSameAsCommand: the typed NewCase and the command language
// accept and refuse exactly the same new cases, with the same first
// reason; every refusal names a known field with a message.
func FuzzNewCaseSameAsCommand(f *testing.F) {
	f.Add("Lund", "14", "bup,skola", "slutat gå till skolan")
	f.Add("SIP-ABCDEF", "14", "bup", "")
	f.Add(" Upplands Väsby ", "080", "Hemtjanst aldreomsorg", `"citat" \ och = tecken`)
	f.Add("", "fjorton", "tandvard", "19121212-1212")
	f.Add("0180", "131", ",,;", "\x00")
	f.Add("Lund", "-1", "bup", strings.Repeat("å", 501))
	h := newHarness(f)
	known := map[string]bool{FieldKommun: true, FieldAge: true, FieldParties: true, FieldNeeds: true}
	f.Fuzz(func(t *testing.T, kommun, age, parties, needs string) {
		if !utf8.ValidString(kommun) || !utf8.ValidString(age) || !utf8.ValidString(parties) || !utf8.ValidString(needs) {
			return // both refuse or clean it; only the echoed bytes differ
		}
		_, err := h.svc.NewCase(h.ctx, actor(kurator), NewCase{Kommun: kommun, Age: age, Parties: []string{parties}, Needs: needs})
		text := h.svc.Command(h.ctx, actor(kurator), "ny kommun="+Quote(kommun)+" ålder="+Quote(age)+" parter="+Quote(parties)+" behov="+Quote(needs)).Text
		created := strings.Contains(text, "skapat:")
		if err == nil {
			if !created {
				t.Fatalf("typed API accepted, command refused: %q", text)
			}
			return
		}
		no := refusalOf(t, err)
		if created {
			t.Fatalf("typed API refused (%v), command accepted: %q", no, text)
		}
		for _, ie := range no.Errors {
			if !known[ie.Field] || ie.Message == "" {
				t.Fatalf("refusal %+v: unknown field or no message", ie)
			}
		}
		if !strings.HasPrefix(text, no.Message()) && !strings.Contains(no.Message(), "personnummer") && no.Errors[0].ID != "err.encoding" {
			t.Fatalf("first reasons differ: command %q, typed %q", text, no.Message())
		}
	})
}

// TestEmptyOptionsStillRefused: "kommun=" and "ansvar=" name nothing and
// are refused as before the typed API, not taken as absent.
func TestEmptyOptionsStillRefused(t *testing.T) {
	h := newHarness(t)
	ref := h.newCase("")
	h.cmd(kurator, "samtycke "+ref)
	for cmd, want := range map[string]string{
		"bjud " + ref + " bup kommun=": "Hittar ingen kommun",
		"plan " + ref + " ansvar=":     "finns varken som enhet eller kontakt",
		"plan " + ref + " nästa=":      "finns varken som enhet eller kontakt",
	} {
		if out := h.cmd(kurator, cmd); !strings.Contains(out, want) {
			t.Errorf("%s: %q, want %q", cmd, out, want)
		}
	}
	if c := h.load(ref); len(c.Invitations) != 0 {
		t.Errorf("invited %+v", c.Invitations)
	}
}
