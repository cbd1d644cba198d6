package main

import (
	"context"
	"io/fs"
	"log/slog"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
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

// TestEscalationToEmailOnlyEntry: when the invitee of a unit does not
// answer, the escalation to the unit's väg in — reached only by e-mail —
// goes out by e-mail through the outbox to a real SMTP relay, instead of
// telling the convener to make the contact; the convener is told it was
// sent. Real core, reminders engine (wired as serve wires it), outbox,
// e-mail channel, test clock.
func TestEscalationToEmailOnlyEntry(t *testing.T) {
	ctx := context.Background()
	loc, err := time.LoadLocation("Europe/Stockholm")
	if err != nil {
		t.Fatal(err)
	}
	// The sample directory, with Stehagskolan's elevhälsa (the school's
	// väg in) reachable by e-mail only.
	files := fstest.MapFS{}
	err = fs.WalkDir(examples.Directory(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(examples.Directory(), p)
		if p == "22-eslov.yaml" {
			b = []byte(strings.Replace(string(b), "      - mattermost: {server: skane-kommun, user: stehag.elevhalsa}\n", "", 1))
		}
		files[p] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	dir, err := directory.LoadFS(files, ".")
	if err != nil {
		t.Fatal(err)
	}
	if c, _ := dir.Contact("eslov-skola-elevhalsa"); len(c.Reach) != 1 || c.Reach[0].Kind != "email" {
		t.Fatalf("the test directory's väg in: %+v", c.Reach)
	}
	clock := testutil.NewClock(time.Date(2026, 11, 23, 10, 0, 0, 0, loc)) // a Monday
	st, err := bboltstore.Open(filepath.Join(t.TempDir(), "samla.db"), bboltstore.WithClock(clock.Now))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = st.Close() })
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
	eng, err = reminders.New(reminders.Deps{Store: st, Cases: svc, Directory: reminders.DirectoryFrom(holder, reminders.WithEmail(true)),
		Clock: fakeClock{clock}, Settings: set, Log: log})
	if err != nil {
		t.Fatal(err)
	}
	relay := emailtest.StartOpen(t)
	srv, err := email.ParseURL("smtp://"+relay.Addr()+"?tls=none", "")
	if err != nil {
		t.Fatal(err)
	}
	links, err := email.NewLinks("https://samla.example.se", []byte("escalation-link-key-0123456789"), 0, clock.Now)
	if err != nil {
		t.Fatal(err)
	}
	mailer, err := email.New(srv, email.Options{From: "Samla Eslöv <samla@eslov.example.se>", Lang: "sv", Location: loc,
		Links: links, StopAction: reminders.ActionStop, Now: clock.Now, OnUndeliverable: reportUndeliverable(svc, log)})
	if err != nil {
		t.Fatal(err)
	}
	slack, mm := chattest.New(chat.Slack), chattest.New(chat.Mattermost)
	worker := outbox.NewWorker(st, []chat.Sender{mailer, slack, mm}, outbox.Options{Now: clock.Now, Log: log, OnDelivered: eng.OnDelivered(ctx)})
	fire := func(day int) {
		t.Helper()
		clock.Set(time.Date(2026, 11, day, 10, 0, 0, 0, loc))
		for {
			n, err := eng.FireDue(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if n == 0 {
				break
			}
		}
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

	convener := chat.Actor{Platform: chat.Slack, Workspace: "T0SKANE01", UserID: "U0VCLUND"}
	ref := regexp.MustCompile(`SIP-[0-9A-Z]{6}`).FindString(svc.Command(ctx, convener, "ny kommun=Eslöv ålder=14 parter=skola").Text)
	svc.Command(ctx, convener, "samtycke "+ref+" skriftligt")
	svc.Command(ctx, convener, "möte "+ref+" 2026-12-10 13:00")
	reply := svc.Command(ctx, convener, "bjud "+ref)
	c, err := svc.Case(ctx, ref)
	if err != nil || len(c.Invitations) != 1 || c.Invitations[0].ContactID == "eslov-skola-elevhalsa" || c.Invitations[0].Address == nil {
		t.Fatalf("bjud: want one invitation by chat to someone other than the väg in; %v\n%s", err, reply.Text)
	}
	fire(23)
	fire(25) // the nudge, by chat
	if n := len(relay.Messages()); n != 0 {
		t.Fatalf("before the escalation the relay has %d messages", n)
	}
	fire(27) // two working days later: the escalation to the väg in
	got := relay.Messages()
	if len(got) != 1 || got[0].To[0] != "elevhalsa.stehag@eslov.example.se" {
		t.Fatalf("after the escalation day the relay has %+v, want the escalation to the väg in", got)
	}
	_, parts := emailtest.Parse(t, got[0].Data)
	if body := emailtest.Find(t, parts, "text/plain").Body; !strings.Contains(body, ref) {
		t.Errorf("the escalation e-mail does not name the case:\n%s", body)
	}
	var note string
	for _, s := range slack.Sent() {
		note += s.Msg.Title + "\n" + s.Msg.Text + "\n"
	}
	if strings.Contains(note, "elevhalsa.stehag@eslov.example.se") || strings.Contains(note, "kontakta") {
		t.Errorf("the convener is told to make the contact by hand:\n%s", note)
	}
}
