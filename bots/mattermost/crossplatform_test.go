package mattermost

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/samla-sip/samla/directory"
	"github.com/samla-sip/samla/examples"
	"github.com/samla-sip/samla/internal/chat"
	"github.com/samla-sip/samla/internal/chat/chattest"
	"github.com/samla-sip/samla/internal/outbox"
	"github.com/samla-sip/samla/internal/sip"
	"github.com/samla-sip/samla/internal/store/bboltstore"
)

// crossFixture is the real core, bbolt, the outbox worker and the sample
// directory with two platforms: Slack (a fake platform) and Mattermost
// (this bot against a fake Mattermost API, server "skane-kommun").
type crossFixture struct {
	core    *sip.Service
	bot     *Bot
	fake    *fakeMM
	slack   *chattest.Platform
	deliver func()
}

func newCrossFixture(t *testing.T) *crossFixture {
	t.Helper()
	ctx := context.Background()
	st, err := bboltstore.Open(filepath.Join(t.TempDir(), "samla.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = st.Close() })
	dir, err := directory.LoadFS(examples.Directory(), ".")
	if err != nil {
		t.Fatal(err)
	}
	holder := directory.NewHolder(dir)
	clock := func() time.Time { return testNow }
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	locales := chat.Locales{} // as cmd/samla wires it: the bot, built after the core, tells locales
	members := chat.Memberships{}
	core := sip.New(sip.Deps{Store: st, Directory: holder, Now: clock, Rand: rand.NewChaCha8([32]byte{7}), Lang: "sv", Log: quiet,
		Locales: locales, Members: members})

	fake := newFakeMM(t)
	fake.addUser(userID("fatima"), "fatima.said", "fatima.said@malmo.example.se")
	bot, err := New(Options{
		Servers:   map[string]ServerConfig{"skane-kommun": {URL: fake.srv.URL, BotToken: "bot-token", CommandToken: "tok-kommun"}},
		ActionKey: []byte("0123456789abcdef0123456789abcdef"), PublicURL: "https://samla.example.se",
		Handler: core, Directory: holder, Now: clock, Log: quiet,
	})
	if err != nil {
		t.Fatal(err)
	}
	locales[chat.Mattermost] = bot
	members[chat.Mattermost] = bot
	slack := chattest.New(chat.Slack)
	worker := outbox.NewWorker(st, []chat.Sender{slack, bot}, outbox.Options{Now: clock, Log: quiet})
	deliver := func() {
		t.Helper()
		if _, err := worker.DeliverDue(ctx); err != nil {
			t.Fatal(err)
		}
	}

	return &crossFixture{core: core, bot: bot, fake: fake, slack: slack, deliver: deliver}
}

// TestCrossPlatformCase runs one case on the real core, bbolt, the outbox
// worker and the sample directory: a Slack convener (SUS Malmö's discharge
// unit; the Slack side is a fake platform) invites Malmö's home care, whose
// väg in is on Mattermost (this bot, against a fake Mattermost API). The
// invitee presses "Jag kommer" through the bot's endpoint; the convener's
// live status on Slack and the invitee's /sip status on Mattermost both
// show it.
func TestCrossPlatformCase(t *testing.T) {
	f := newCrossFixture(t)
	ctx := context.Background()
	core, bot, fake, slack, deliver := f.core, f.bot, f.fake, f.slack, f.deliver
	convener := chat.Actor{Platform: chat.Slack, Workspace: "T0SKANE01", UserID: "U0SUSUTSKRIV", Channel: "C0SUSUTSKRIV"}
	reply := core.Command(ctx, convener, "ny kommun=Malmö ålder=82 parter=hemtjanst")
	ref := regexp.MustCompile(`SIP-[0-9A-Z]+`).FindString(reply.Text)
	if ref == "" {
		t.Fatalf("no case reference in %q", reply.Text)
	}
	core.Command(ctx, convener, "samtycke "+ref+" skriftligt")
	reply = core.Command(ctx, convener, "bjud "+ref)
	deliver()

	// Fatima's invitation is a Mattermost DM with signed buttons.
	var inv string
	for _, id := range fake.order {
		if p := fake.post(id); strings.Contains(p.Message, ref) && len(p.Attachments()) > 0 {
			if _, ok := button(p, "Jag kommer"); ok {
				inv = id
			}
		}
	}
	if inv == "" {
		t.Fatalf("no Mattermost invitation with buttons for %s (bjud: %q; %d posts)", ref, reply.Text, fake.postCount())
	}
	if before, ok := lastStatus(slack, sip.StatusKey(ref)); !ok || strings.Contains(before.Text, "✓ kommer") {
		t.Fatalf("status before the answer (sent: %v):\n%s", ok, before.Text)
	}
	p := fake.post(inv)
	code, body := postJSON(bot, "/mattermost/actions", pressRequest(p, "Jag kommer", userID("fatima"), "fatima.said"))
	if code != http.StatusOK {
		t.Fatalf("press: %d %s", code, body)
	}
	deliver()

	// The convener's live status on Slack shows the answer …
	status, ok := lastStatus(slack, sip.StatusKey(ref))
	if !ok {
		t.Fatalf("no status message on Slack; sent %+v", slack.Sent())
	}
	if !strings.Contains(status.Text, "Fatima Said") || !strings.Contains(status.Text, "✓ kommer") {
		t.Fatalf("Slack status does not show the Mattermost answer:\n%s", status.Text)
	}
	// … and so does the invitee's /sip status on Mattermost.
	form := commandForm("tok-kommun", "status "+ref)
	form.Set("user_id", userID("fatima"))
	form.Set("user_name", "fatima.said")
	rec := serve(bot, "POST", "/mattermost/commands", "application/x-www-form-urlencoded", strings.NewReader(form.Encode()))
	var got commandResponse
	if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil || rec.Code != http.StatusOK {
		t.Fatalf("status command: %d %s", rec.Code, rec.Body)
	}
	seen := got.Text
	for _, a := range got.Attachments {
		seen += "\n" + a.Text
	}
	if !strings.Contains(seen, "Fatima Said") || !strings.Contains(seen, "✓ kommer") {
		t.Fatalf("Mattermost /sip status does not show the answer:\n%s", seen)
	}
}

// lastStatus is the latest content of the message with key on a fake
// platform: its last update, else how it was sent.
func lastStatus(p *chattest.Platform, key string) (chat.Message, bool) {
	for _, s := range p.Sent() {
		if s.Msg.Key == key {
			if m, ok := p.Last(s.Ref); ok {
				return m, true
			}
			return s.Msg, true
		}
	}
	return chat.Message{}, false
}

// TestCrossPlatformCaseReverse is the other direction: a Mattermost
// convener (Malmö home care, through this bot's slash command) invites
// primary care, whose väg in is on Slack; the Slack invitee answers "via
// video" and the convener's Mattermost status post is updated in place.
func TestCrossPlatformCaseReverse(t *testing.T) {
	f := newCrossFixture(t)
	ctx := context.Background()
	say := func(text string) string {
		t.Helper()
		form := commandForm("tok-kommun", text)
		form.Set("user_id", userID("fatima"))
		form.Set("user_name", "fatima.said")
		rec := serve(f.bot, "POST", "/mattermost/commands", "application/x-www-form-urlencoded", strings.NewReader(form.Encode()))
		var got commandResponse
		if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil || rec.Code != http.StatusOK {
			t.Fatalf("/sip %s: %d %s", text, rec.Code, rec.Body)
		}
		return got.Text
	}
	ref := regexp.MustCompile(`SIP-[0-9A-Z]+`).FindString(say("ny kommun=Malmö ålder=82 parter=primarvard"))
	if ref == "" {
		t.Fatal("no case reference")
	}
	say("samtycke " + ref + " skriftligt")
	say("bjud " + ref)
	f.deliver()

	// The Slack invitee answers with the button the core gave them.
	var video chat.Button
	for _, s := range f.slack.Sent() {
		for _, b := range s.Msg.Buttons {
			if s.To.User == "U0VCMALMO" && b.Action == "rsvp.video" {
				video = b
			}
		}
	}
	if video.Value == "" {
		t.Fatalf("no Slack invitation with a video button; sent %+v", f.slack.Sent())
	}
	invitee := chat.Actor{Platform: chat.Slack, Workspace: "T0SKANE01", UserID: "U0VCMALMO"}
	f.core.Act(ctx, invitee, chat.Action{Name: video.Action, Value: video.Value})
	f.deliver()

	// The convener's status is one Mattermost post, patched in place.
	var status []string
	for _, id := range f.fake.order {
		if p := f.fake.post(id); strings.HasPrefix(p.Message, "**"+ref) {
			status = append(status, postText(p))
		}
	}
	if len(status) != 1 {
		t.Fatalf("%d status posts for %s, want one updated in place: %q", len(status), ref, status)
	}
	if !slices.Contains(f.fake.requests, "PUT /posts/patch") {
		t.Error("the status post was never patched")
	}
	if !strings.Contains(status[0], "Vårdcentralen Västhamnen SIP") || !strings.Contains(status[0], "✓ via video") {
		t.Fatalf("the Mattermost status does not show the Slack answer:\n%s", status[0])
	}
}
