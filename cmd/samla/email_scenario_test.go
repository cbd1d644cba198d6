package main

import (
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/samla-sip/samla/bots/email"
	"github.com/samla-sip/samla/bots/email/emailtest"
	"github.com/samla-sip/samla/config"
	"github.com/samla-sip/samla/directory"
	"github.com/samla-sip/samla/examples"
	"github.com/samla-sip/samla/internal/chat"
	"github.com/samla-sip/samla/internal/chat/chattest"
	"github.com/samla-sip/samla/internal/outbox"
	"github.com/samla-sip/samla/internal/reminders"
	"github.com/samla-sip/samla/internal/sip"
	"github.com/samla-sip/samla/internal/store/bboltstore"
	"github.com/samla-sip/samla/internal/testutil"
)

// fakeClock adapts testutil.Clock to the reminders' clock.
type fakeClock struct{ *testutil.Clock }

func (fakeClock) After(time.Duration) <-chan time.Time { return make(chan time.Time) }

// TestScenario3ByEmail is scenario 3 for its e-mail party, on the real
// core, reminders engine, outbox, e-mail channel and an SMTP relay, with
// the clock in the test's hand: Arbetsförmedlingen (e-mail only) is
// invited with an .ics, does not answer, is nudged by e-mail two working
// days later (with a stop link as List-Unsubscribe), answers by link, and
// the convener's live status in Slack shows it.
func TestScenario3ByEmail(t *testing.T) {
	ctx := context.Background()
	loc, err := time.LoadLocation("Europe/Stockholm")
	if err != nil {
		t.Fatal(err)
	}
	clock := testutil.NewClock(time.Date(2026, 11, 23, 10, 0, 0, 0, loc)) // a Monday
	st, err := bboltstore.Open(filepath.Join(t.TempDir(), "samla.db"), bboltstore.WithClock(clock.Now))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = st.Close() })
	dir, err := directory.LoadFS(examples.Directory(), ".")
	if err != nil {
		t.Fatal(err)
	}
	holder := directory.NewHolder(dir)
	log := slog.New(slog.DiscardHandler)
	set, err := reminders.SettingsFrom(config.Defaults().Reminders, "Europe/Stockholm", "sv")
	if err != nil {
		t.Fatal(err)
	}
	var eng *reminders.Engine
	svc := sip.New(sip.Deps{
		Store: st, Directory: holder, Now: clock.Now, Lang: "sv", Location: loc, Log: log, Email: true,
		Planners: []sip.Planner{reminders.NewPlanner(set, log, nil)},
		Actions: map[string]sip.ActionFunc{reminders.ActionPrefix: func(ctx context.Context, who chat.Actor, act chat.Action) chat.Reply {
			return eng.Act(ctx, who, act)
		}},
	})
	eng, err = reminders.New(reminders.Deps{Store: st, Cases: svc, Directory: reminders.DirectoryFrom(holder),
		Clock: fakeClock{clock}, Settings: set, Log: log})
	if err != nil {
		t.Fatal(err)
	}

	relay := emailtest.StartOpen(t)
	srv, err := email.ParseURL("smtp://"+relay.Addr()+"?tls=none", "")
	if err != nil {
		t.Fatal(err)
	}
	links, err := email.NewLinks("https://samla.example.se", []byte("scenario-3-link-key-0123456789"), 0, clock.Now)
	if err != nil {
		t.Fatal(err)
	}
	mailer, err := email.New(srv, email.Options{From: "Samla Eslöv <samla@eslov.example.se>", Lang: "sv", Location: loc,
		Links: links, StopAction: reminders.ActionStop, Now: clock.Now, OnUndeliverable: reportUndeliverable(svc, log)})
	if err != nil {
		t.Fatal(err)
	}
	slack := chattest.New(chat.Slack)
	worker := outbox.NewWorker(st, []chat.Sender{mailer, slack}, outbox.Options{Now: clock.Now, Log: log, OnDelivered: eng.OnDelivered(ctx)})
	deliver := func() {
		t.Helper()
		for {
			n, err := worker.DeliverDue(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if n == 0 {
				return
			}
		}
	}
	answers := httptest.NewServer(links.Handler(svc, st, "sv", log))
	defer answers.Close()

	convener := chat.Actor{Platform: chat.Slack, Workspace: "T0SKANE01", UserID: "U0VCLUND"}
	ref := regexp.MustCompile(`SIP-[0-9A-Z]{6}`).FindString(svc.Command(ctx, convener, "ny kommun=Eslöv ålder=34 parter=arbetsformedlingen").Text)
	svc.Command(ctx, convener, "samtycke "+ref+" skriftligt")
	svc.Command(ctx, convener, "möte "+ref+" 2026-12-10 13:00")
	if reply := svc.Command(ctx, convener, "bjud "+ref); !strings.Contains(reply.Text, "via email") {
		t.Fatalf("bjud: %q", reply.Text)
	}
	deliver()
	if got := relay.Messages(); len(got) != 1 || got[0].To[0] != "samverkan@af.example.se" {
		t.Fatalf("after the invitation the relay has %+v", got)
	}
	_, parts := emailtest.Parse(t, relay.Messages()[0].Data)
	emailtest.Find(t, parts, "application/ics")
	attend := regexp.MustCompile(`https://samla\.example\.se(/mail/a\?t=[A-Za-z0-9_-]+)`).FindStringSubmatch(emailtest.Find(t, parts, "text/plain").Body)
	if attend == nil {
		t.Fatal("no answer link in the invitation")
	}

	// No answer for two working days: the nudge goes out by e-mail.
	clock.Set(time.Date(2026, 11, 25, 10, 0, 0, 0, loc))
	for {
		n, err := eng.FireDue(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if n == 0 {
			break
		}
	}
	deliver()
	got := relay.Messages()
	if len(got) != 2 || got[1].To[0] != "samverkan@af.example.se" {
		t.Fatalf("after two working days the relay has %d messages, want the nudge as the second", len(got))
	}
	h, _ := emailtest.Parse(t, got[1].Data)
	if !strings.Contains(emailtest.DecodeHeader(t, h.Get("Subject")), "Påminnelse") && !strings.Contains(emailtest.DecodeHeader(t, h.Get("Subject")), "påminnelse") {
		t.Errorf("nudge subject %q", emailtest.DecodeHeader(t, h.Get("Subject")))
	}
	if h.Get("List-Unsubscribe") == "" || h.Get("List-Unsubscribe-Post") != "List-Unsubscribe=One-Click" {
		t.Errorf("the nudge has no one-click stop link: %v", h)
	}

	// The nudge carries the answer links too: the invitee answers from it.
	_, nparts := emailtest.Parse(t, got[1].Data)
	nudgeBody := emailtest.Find(t, nparts, "text/plain").Body
	if !strings.Contains(nudgeBody, "Jag kommer") {
		t.Errorf("the nudge has no answer links:\n%s", nudgeBody)
	} else if nattend := regexp.MustCompile(`https://samla\.example\.se(/mail/a\?t=[A-Za-z0-9_-]+)`).FindStringSubmatch(nudgeBody); nattend != nil {
		attend = nattend // the first link of the nudge is "Jag kommer"
	}

	// The answer by link: GET asks, POST records; the status in Slack shows it.
	resp, err := http.Get(answers.URL + attend[1])
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("GET link: %v %v", resp, err)
	}
	_ = resp.Body.Close()
	if c, _ := svc.Case(ctx, ref); c.Invitations[0].State != sip.StatePending {
		t.Fatalf("a GET answered: %s", c.Invitations[0].State)
	}
	resp, err = http.PostForm(answers.URL+attend[1], url.Values{})
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("POST link: %v %v", resp, err)
	}
	_ = resp.Body.Close()
	deliver()
	var status string
	for _, u := range slack.Updates() {
		status = u.Msg.Text
	}
	for _, s := range slack.Sent() {
		if s.Msg.Key == sip.StatusKey(ref) {
			status += s.Msg.Text
		}
	}
	if !strings.Contains(status, "Arbetsförmedlingen") || !strings.Contains(status, "✓ kommer") {
		t.Errorf("the convener's status does not show the answer:\n%s", status)
	}
}
