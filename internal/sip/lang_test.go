package sip

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/samla-sip/samla/internal/chat"
	"github.com/samla-sip/samla/internal/store"
)

func TestLanguagePerUser(t *testing.T) {
	h := newHarness(t)
	if out := h.cmd(kurator, "språk en"); !strings.Contains(out, "English") {
		t.Fatalf("lang: %q", out)
	}
	out := h.cmd(kurator, "new kommun=Lund age=14")
	if out != "The parties are missing. Example: /sip new kommun=Lund age=14 parties=bup,skola,socialtjanst-barn needs=\"…\"" {
		t.Fatalf("english error: %q", out)
	}
	ref := refRE.FindString(h.cmd(kurator, "ny kommun=Lund ålder=14 parter=bup"))
	if out := h.cmd(kurator, "invite "+ref); !strings.Contains(out, "consent is not recorded") {
		t.Fatalf("english gate: %q", out)
	}
	// Another user keeps the default.
	if out := h.cmd(outsider, "status "+ref); out != "Ärendet hittades inte." {
		t.Fatalf("default language: %q", out)
	}
	h2 := newHarness(t, func(d *Deps) { d.Lang = "en" })
	if out := h2.cmd(outsider, "status SIP-ZZZZZZ"); out != "Case not found." {
		t.Fatalf("configured default: %q", out)
	}
}

func TestUnknownUser(t *testing.T) {
	h := newHarness(t)
	stranger := chat.Actor{Platform: chat.Slack, Workspace: "T9", UserID: "U123"}
	first := h.svc.Command(h.ctx, stranger, "ny kommun=Lund ålder=14 parter=bup").Text
	if !strings.Contains(first, "finns inte i kontaktkatalogen") || refRE.FindString(first) == "" {
		t.Fatalf("unknown user convening: %q", first)
	}
	second := h.svc.Command(h.ctx, stranger, "vem bup Lund 14").Text
	if strings.Contains(second, "kontaktkatalogen") {
		t.Errorf("told twice: %q", second)
	}
	if !strings.Contains(second, "BUP Lund") {
		t.Errorf("who: %q", second)
	}
	ref := refRE.FindString(first)
	if out := h.svc.Command(h.ctx, stranger, "status "+ref).Body().Plain(); !strings.Contains(out, ref) {
		t.Errorf("unknown convener cannot see own case: %q", out)
	}
}

func TestWho(t *testing.T) {
	h := newHarness(t)
	tests := []struct{ in, want string }{
		{"vem bup Lund 14", "BUP Lund"},
		{"who bup Lund", "BUP Lund"},
		{"vem bup Atlantis", "Hittar ingen kommun"},
		{"hjälp", "/sip samtycke REF"},
		{"", "/sip ny kommun=Lund"},
	}
	for _, tt := range tests {
		if out := h.cmd(kurator, tt.in); !strings.Contains(out, tt.want) {
			t.Errorf("%q: %q, want %q in it", tt.in, out, tt.want)
		}
	}
}

type recordingPlanner struct {
	calls []string
}

func (p *recordingPlanner) Plan(ctx context.Context, before, after *Case, now time.Time) ([]store.Job, []store.JobRef) {
	b := "nil"
	if before != nil {
		b = strconv.Itoa(len(before.Timeline))
	}
	p.calls = append(p.calls, b+">"+strconv.Itoa(len(after.Timeline)))
	return []store.Job{{Queue: "reminders", ID: "r|" + after.Ref, Due: now.Add(time.Hour), Payload: []byte("x")}}, nil
}

func TestExtensionPoints(t *testing.T) {
	p := &recordingPlanner{}
	var got chat.Action
	h := newHarness(t, func(d *Deps) {
		d.Planners = []Planner{p}
		d.Actions = map[string]ActionFunc{"reminder.": func(ctx context.Context, who chat.Actor, act chat.Action) chat.Reply {
			got = act
			return chat.Reply{Text: "snoozed"}
		}}
	})
	ref := h.newCase("")
	h.cmd(kurator, "samtycke "+ref)
	if strings.Join(p.calls, ",") != "nil>1,1>2" {
		t.Errorf("planner calls %v", p.calls)
	}
	if n, err := h.st.Pending(h.ctx, "reminders"); err != nil || n != 1 {
		t.Errorf("planner job not in the same commit: %d %v", n, err)
	}
	if r := h.act(kurator, "reminder.snooze", "x", "", false); r.Text != "snoozed" || got.Name != "reminder.snooze" {
		t.Errorf("action dispatch: %+v %+v", r, got)
	}
	got = chat.Action{}
	if r := h.act(kurator, "reminder.snooze", "x", "19121212-1212", false); got.Name != "" || !strings.Contains(r.Text, "personnummer") {
		t.Errorf("a personnummer reached a registered action: %+v %+v", r, got)
	}
	err := h.svc.Update(h.ctx, ref, func(c *Case) ([]store.Job, error) {
		c.event("escalated", "Samla", h.clock.Now(), "bup")
		return nil, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if c := h.load(ref); c.Timeline[len(c.Timeline)-1].Kind != "escalated" {
		t.Errorf("Update did not save: %+v", c.Timeline)
	}
	if _, err := h.svc.Case(h.ctx, "SIP-ZZZZZZ"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Case of a missing ref: %v", err)
	}
}

func TestAgenda(t *testing.T) {
	h := newHarness(t)
	ref, _ := h.invitedCase(`behov="vill gå i skolan igen"`)
	if out := h.cmd(kurator, "agenda "+ref); !strings.Contains(out, "inte påslaget") {
		t.Fatalf("agenda without drafter: %q", out)
	}
	h = newHarness(t, func(d *Deps) { d.Agenda = fakeDrafter{md: "1. Inledning\n2. Mål"} })
	ref, invs := h.invitedCase(`behov="vill gå i skolan igen"`)
	h.drain()
	if out := h.cmd(invs["bup"].ContactID, "agenda "+ref); !strings.Contains(out, "Bara den som kallar") {
		t.Errorf("invitee drafted the agenda: %q", out)
	}
	r := h.svc.Command(h.ctx, actor(kurator), "agenda "+ref)
	if r.Message == nil || len(r.Message.Buttons) != 2 || !strings.Contains(r.Body().Plain(), "1. Inledning") {
		t.Fatalf("agenda reply %+v", r)
	}
	if r := h.act(kurator, actAgendaEdit, ref, "1. Mål\n2. Vem gör vad", false); !strings.Contains(r.Body().Plain(), "Vem gör vad") {
		t.Fatalf("edit: %q", r.Text)
	}
	if r := h.act(kurator, actAgendaShare, ref, "", false); !strings.Contains(r.Text, "Ingen har tackat ja") {
		t.Fatalf("share before anyone accepted: %q", r.Text)
	}
	h.act(invs["bup"].ContactID, actAttend, ref+"|"+invs["bup"].ID, "", false)
	h.drain()
	if r := h.act(kurator, actAgendaShare, ref, "", false); !strings.Contains(r.Text, "1 deltagare") {
		t.Fatalf("share: %q", r.Text)
	}
	envs := h.drain()
	if got := sentTo(envs, invs["bup"].ContactID); len(got) != 1 || !strings.Contains(got[0].Msg.Text, "Vem gör vad") {
		t.Errorf("accepted invitee got %+v", got)
	}
	if got := sentTo(envs, invs["socialtjanst-barn"].ContactID); len(got) != 0 {
		t.Errorf("pending invitee got the agenda: %+v", got)
	}
}
