//go:build e2e

package mattermost

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mattermost/mattermost/server/public/model"

	"github.com/samla-sip/samla/directory"
	"github.com/samla-sip/samla/internal/chat"
	"github.com/samla-sip/samla/internal/outbox"
	"github.com/samla-sip/samla/internal/sip"
	"github.com/samla-sip/samla/internal/store/bboltstore"
)

// e2eDirectory maps the created Mattermost users to directory contacts: a
// school counsellor in Lund (the convener) and BUP Lund's väg in.
const e2eDirectory = `
organisations:
  - id: e2e-lund
    name: Lunds kommun
    kind: kommun
    kommun: Lund
    chat: {mattermost: [e2e]}
  - id: e2e-region
    name: Region Skåne
    kind: region
    region: Region Skåne
    chat: {mattermost: [e2e]}
units:
  - id: e2e-elevhalsa
    org: e2e-lund
    name: Elevhälsan Lund
    care: [elevhalsa, skola]
    kommuner: [Lund]
    entry: e2e-kurator
  - id: e2e-bup
    org: e2e-region
    name: BUP Lund
    care: [bup]
    kommuner: [Lund]
    ages: 0-17
    entry: e2e-bup-vagin
contacts:
  - id: e2e-kurator
    unit: e2e-elevhalsa
    kind: person
    name: Kim Kurator
    roles: [kurator, sip-samordnare]
    reach:
      - mattermost: {server: e2e, user: %s}
  - id: e2e-bup-vagin
    unit: e2e-bup
    kind: function
    name: BUP Lund väg in
    roles: [vag-in]
    reach:
      - mattermost: {server: e2e, user: %s}
`

// TestE2EConvening drives a SIP through a real Mattermost server on the
// real core, bbolt store and outbox worker: /sip ny → samtycke → bjud (the
// invitee is a Mattermost user) → the invitee presses "Jag kommer" → the
// convener's status post, fetched through the API, shows it.
func TestE2EConvening(t *testing.T) {
	ctx, cancel := context.WithTimeout(t.Context(), 3*time.Minute)
	defer cancel()
	prefix := "c" + strings.ToLower(model.NewId()[:6])
	env := setupMattermost(t, ctx, prefix)
	kurator, bup := prefix+"kurator", prefix+"bup"

	// Samla: directory, store, core, bot, outbox worker.
	dirFile := filepath.Join(t.TempDir(), "directory.yaml")
	if err := os.WriteFile(dirFile, []byte(fmt.Sprintf(e2eDirectory, kurator, bup)), 0o600); err != nil {
		t.Fatal(err)
	}
	dir, err := directory.Load(dirFile)
	if err != nil {
		t.Fatal(err)
	}
	holder := directory.NewHolder(dir)
	st, err := bboltstore.Open(filepath.Join(t.TempDir(), "samla.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = st.Close() })
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	if testing.Verbose() {
		log = slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	}
	core := sip.New(sip.Deps{Store: st, Directory: holder, Now: time.Now, Rand: rand.NewChaCha8([32]byte{42}), Lang: "sv", Log: log})
	bot, err := New(Options{
		Servers: env.botServers(), ActionKey: []byte("e2e-action-key-0123456789"),
		PublicURL: env.samlaURL, Handler: core, Directory: holder, Dedup: st, Log: log,
	})
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	bot.Mount(mux)
	env.serveSamla(t, mux)
	worker := outbox.NewWorker(st, []chat.Sender{bot}, outbox.Options{Poll: 100 * time.Millisecond, Log: log})
	wctx, stop := context.WithCancel(ctx)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { defer wg.Done(); _ = worker.Run(wctx) }()
	t.Cleanup(func() { stop(); wg.Wait() })

	driveConvening(t, ctx, env, kurator, bup)
}

// driveConvening runs the flow as the convener and the invitee and checks
// what they see through Mattermost's API.
func driveConvening(t *testing.T, ctx context.Context, env *mmEnv, kurator, bup string) {
	t.Helper()
	run := func(text string) string {
		t.Helper()
		resp := must[*model.CommandResponse](t, "/sip "+text)(env.convener.ExecuteCommand(ctx, env.townSq, "/sip "+text))
		t.Logf("/sip %s\n    → %s", text, strings.ReplaceAll(resp.Text, "\n", "\n      "))
		return resp.Text
	}

	// 1. New case, consent, invite.
	ref := regexp.MustCompile(`SIP-[0-9A-Z]+`).FindString(run("ny kommun=Lund ålder=14 parter=bup"))
	if ref == "" {
		t.Fatal("FAIL: /sip ny gave no case reference")
	}
	run("samtycke " + ref + " skriftligt")
	run("bjud " + ref)

	// 2. The invitee gets a DM from the bot with buttons, and presses one.
	var invitation *model.Post
	waitFor(t, ctx, 30*time.Second, "the invitation DM", func() (bool, string) {
		posts := env.dmPosts(t, ctx, env.invitee, bup)
		for _, p := range posts {
			if _, ok := button(p, "Jag kommer"); ok && strings.Contains(postText(p), ref) {
				invitation = p
				return true, ""
			}
		}
		return false, dump(posts)
	})
	t.Logf("invitation to %s:\n%s", bup, postText(invitation))
	attend, _ := button(invitation, "Jag kommer")
	if _, err := env.invitee.DoPostAction(ctx, invitation.Id, attend.Id); err != nil {
		t.Fatalf("FAIL: pressing Jag kommer: %v", err)
	}

	// 3. The convener's live status post shows the answer, updated in place.
	var status *model.Post
	waitFor(t, ctx, 30*time.Second, "the convener's status to show the answer", func() (bool, string) {
		posts := env.dmPosts(t, ctx, env.convener, kurator)
		var withRef []*model.Post
		for _, p := range posts {
			if strings.HasPrefix(p.Message, "**"+ref) {
				withRef = append(withRef, p)
			}
		}
		if len(withRef) != 1 {
			return false, fmt.Sprintf("%d status posts for %s:\n%s", len(withRef), ref, dump(posts))
		}
		status = withRef[0]
		text := postText(status)
		return strings.Contains(text, "BUP Lund väg in") && strings.Contains(text, "✓ kommer"), text
	})
	if status.EditAt == 0 {
		t.Error("the status post was not edited in place")
	}
	t.Logf("status post of %s (edited in place):\n%s", kurator, postText(status))
}
