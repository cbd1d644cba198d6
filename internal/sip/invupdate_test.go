package sip

import (
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/samla-sip/samla/internal/chat"
	"github.com/samla-sip/samla/internal/chat/chattest"
	"github.com/samla-sip/samla/internal/outbox"
)

// delivery runs the real outbox over fake platforms, so keyed messages
// are updated in place as they are in production.
type delivery struct {
	h      *harness
	worker *outbox.Worker
	plats  map[string]*chattest.Platform
}

func newDelivery(h *harness) *delivery {
	d := &delivery{h: h, plats: map[string]*chattest.Platform{}}
	var senders []chat.Sender
	for _, name := range []string{chat.Console, chat.Slack, chat.Mattermost} {
		p := chattest.New(name)
		d.plats[name] = p
		senders = append(senders, p)
	}
	d.worker = outbox.NewWorker(h.st, senders, outbox.Options{Now: h.clock.Now, Parallel: 1, Log: slog.New(slog.DiscardHandler)})
	return d
}

// run delivers everything due.
func (d *delivery) run() {
	d.h.t.Helper()
	for {
		n, err := d.worker.DeliverDue(d.h.ctx)
		if err != nil {
			d.h.t.Fatal(err)
		}
		if n == 0 {
			return
		}
	}
}

// sends and updates count what reached one invitation's recipient: new
// messages and in-place updates of the invitation.
func (d *delivery) sends(in Invitation) []chattest.Sent {
	var out []chattest.Sent
	for _, s := range d.plats[in.Address.Platform].Sent() {
		if s.To.String() == in.Address.String() {
			out = append(out, s)
		}
	}
	return out
}

func (d *delivery) updates(ref string, in Invitation) []chattest.Updated {
	var inv chat.Ref
	for _, s := range d.sends(in) {
		if s.Msg.Key == invKey(ref, in.ID) {
			inv = s.Ref
		}
	}
	var out []chattest.Updated
	for _, u := range d.plats[in.Address.Platform].Updates() {
		if inv.ID != "" && u.Ref == inv {
			out = append(out, u)
		}
	}
	return out
}

// latest is the invitation as its recipient now sees it.
func (d *delivery) latest(ref string, in Invitation) chat.Message {
	d.h.t.Helper()
	if ups := d.updates(ref, in); len(ups) > 0 {
		return ups[len(ups)-1].Msg
	}
	for _, s := range d.sends(in) {
		if s.Msg.Key == invKey(ref, in.ID) {
			return s.Msg
		}
	}
	d.h.t.Fatalf("%s never got invitation %s", in.ContactID, in.ID)
	return chat.Message{}
}

func actions(m chat.Message) []string {
	var out []string
	for _, b := range m.Buttons {
		out = append(out, b.Action)
	}
	return out
}

var rsvpActions = []string{actAttend, actVideo, actDecline, actDelegate}

func TestInvitationShowsAnswerInPlace(t *testing.T) {
	h := newHarness(t)
	d := newDelivery(h)
	ref, invs := h.invitedCase("")
	d.run()
	bup, soc, pv := invs["bup"], invs["socialtjanst-barn"], invs["primarvard"]
	delegateTo := delegateOptions(h.dir.Current(), nil, soc.ContactID, soc.Party, h.clock.Now())[0]

	steps := []struct {
		name        string
		in          Invitation
		action      string
		input       string
		want        []string // in the invitation's text
		wantButtons []string
	}{
		{"attend", bup, actAttend, "", []string{"*Ditt svar:* ✓ kommer · 23 nov 09:01", "ändra ditt svar"}, rsvpActions},
		{"change to video", bup, actVideo, "", []string{"✓ kommer (via video)"}, rsvpActions},
		{"change to decline", bup, actDecline, "krock", []string{"✗ kan inte – krock", "ändra ditt svar"}, rsvpActions},
		{"decline", pv, actDecline, "sjuk", []string{"✗ kan inte – sjuk"}, rsvpActions},
		{"delegate", soc, actDelegate, delegateTo.Value, []string{"Du skickade " + strings.SplitN(delegateTo.Label, " (", 2)[0] + ", utan mandat"}, nil},
	}
	for _, st := range steps {
		before := len(d.sends(st.in))
		h.clock.Advance(time.Minute)
		h.act(st.in.ContactID, st.action, ref+"|"+st.in.ID, st.input, false)
		d.run()
		msg := d.latest(ref, st.in)
		for _, w := range st.want {
			if !strings.Contains(msg.Text, w) {
				t.Errorf("%s: invitation text %q lacks %q", st.name, msg.Text, w)
			}
		}
		if got := actions(msg); strings.Join(got, ",") != strings.Join(st.wantButtons, ",") {
			t.Errorf("%s: buttons %v, want %v", st.name, got, st.wantButtons)
		}
		if msg.Key != invKey(ref, st.in.ID) {
			t.Errorf("%s: key %q", st.name, msg.Key)
		}
		if after := len(d.sends(st.in)); after != before {
			t.Errorf("%s: %d new messages to %s, want the invitation updated in place", st.name, after-before, st.in.ContactID)
		}
	}
	if n := len(d.updates(ref, bup)); n != 3 {
		t.Errorf("bup's invitation updated %d times, want 3", n)
	}

	// Withdrawal: the answered and the declined invitations lose their
	// buttons and say so; the delegated one is left as it is.
	delegated := len(d.updates(ref, soc))
	h.cmd(kurator, "återkalla "+ref)
	d.run()
	for _, in := range []Invitation{bup, pv} {
		msg := d.latest(ref, in)
		if len(msg.Buttons) != 0 || !strings.Contains(msg.Text, "Kallelsen är återtagen") || strings.Contains(msg.Text, "Ditt svar") {
			t.Errorf("%s after withdrawal: %q %v", in.Party, msg.Text, actions(msg))
		}
	}
	// The delegated invitation is retracted too: the case leaves their screen.
	if n := len(d.updates(ref, soc)); n != delegated+1 {
		t.Errorf("delegated invitation updated %d times on withdrawal, want once", n-delegated)
	}
	if msg := d.latest(ref, soc); len(msg.Fields) != 0 || len(msg.Buttons) != 0 || !strings.Contains(msg.Text, "Kallelsen är återtagen") {
		t.Errorf("delegated invitation after withdrawal: %+v", msg)
	}
	// A declined invitee cannot come back in once consent is gone.
	if r := h.act(pv.ContactID, actAttend, ref+"|"+pv.ID, "", false); !strings.Contains(r.Text, "återtagen") {
		t.Errorf("attend after withdrawal: %q", r.Text)
	}
}

func TestClosedCaseUpdatesInvitations(t *testing.T) {
	h := newHarness(t)
	d := newDelivery(h)
	ref, invs := h.invitedCase("")
	d.run()
	bup, pv := invs["bup"], invs["primarvard"]
	h.act(bup.ContactID, actVideo, ref+"|"+bup.ID, "", false)
	d.run()
	if out := h.cmd(kurator, `avsluta `+ref+` orsak="flyttat"`); !strings.Contains(out, "avslutat") {
		t.Fatalf("close: %q", out)
	}
	d.run()
	for _, in := range []Invitation{bup, pv} {
		msg := d.latest(ref, in)
		if len(msg.Buttons) != 0 || !strings.Contains(msg.Text, "Ärendet är avslutat") || strings.Contains(msg.Text, "flyttat") {
			t.Errorf("%s after close: %q %v", in.Party, msg.Text, actions(msg))
		}
		last := d.sends(in)[len(d.sends(in))-1]
		if !strings.Contains(last.Msg.Text, "avslutat") || last.Msg.Key != "" {
			t.Errorf("%s: close notice %+v", in.Party, last.Msg)
		}
	}
}

func TestWithdrawBeforeDeliverySendsOnlyTheNotice(t *testing.T) {
	h := newHarness(t)
	d := newDelivery(h)
	ref, invs := h.invitedCase("")
	h.cmd(kurator, "återkalla "+ref)
	d.run()
	for _, in := range invs {
		if in.Address == nil {
			continue
		}
		got := d.sends(in)
		if len(got) != 1 || got[0].Msg.Key != "" || !strings.Contains(got[0].Msg.Text, "återtagen") {
			t.Errorf("%s: got %+v, want only the withdrawal notice", in.Party, got)
		}
		if n := len(d.updates(ref, in)); n != 0 {
			t.Errorf("%s: %d updates of an invitation never delivered", in.Party, n)
		}
	}
}

func TestShortTime(t *testing.T) {
	h := newHarness(t)
	at := h.clock.Now()
	for _, tc := range []struct{ lang, want string }{{"sv", "23 nov 09:00"}, {"en", "23 Nov 09:00"}} {
		if got := h.svc.shortTime(tc.lang, at); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.lang, got, tc.want)
		}
	}
	may := at.AddDate(0, -6, 0)
	if got := h.svc.shortTime("sv", may); !strings.Contains(got, " maj ") {
		t.Errorf("May in Swedish: %q", got)
	}
}
