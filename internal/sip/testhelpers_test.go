package sip

import (
	"context"
	"flag"
	"log/slog"
	"math/rand/v2"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/samla-sip/samla/directory"
	"github.com/samla-sip/samla/examples"
	"github.com/samla-sip/samla/internal/chat"
	"github.com/samla-sip/samla/internal/outbox"
	"github.com/samla-sip/samla/internal/store/bboltstore"
	"github.com/samla-sip/samla/internal/testutil"
)

var update = flag.Bool("update", false, "rewrite golden files")

// harness is the real core on a real bbolt store and the sample directory.
type harness struct {
	t     testing.TB
	svc   *Service
	st    *bboltstore.Store
	path  string
	clock *testutil.Clock
	dir   *directory.Holder
	logs  *testutil.SyncBuffer
	ctx   context.Context
}

// Contacts of the sample directory used by the tests.
const (
	kurator    = "lund-skola-kurator-sara"
	outsider   = "malmo-hemsjukvard-vagin"
	testNeeds  = "har slutat gå till skolan sedan oktober"
	sampleFrom = "2026-11-23T09:00:00+01:00"
)

func sampleDirectory(t testing.TB) *directory.Directory {
	t.Helper()
	d, err := directory.LoadFS(examples.Directory(), ".")
	if err != nil {
		t.Fatalf("load sample directory: %v", err)
	}
	return d
}

func newHarness(t testing.TB, mods ...func(*Deps)) *harness {
	t.Helper()
	start, err := time.Parse(time.RFC3339, sampleFrom)
	if err != nil {
		t.Fatal(err)
	}
	clock := testutil.NewClock(start)
	path := filepath.Join(t.TempDir(), "samla.db")
	st, err := bboltstore.Open(path, bboltstore.WithClock(clock.Now))
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() { _ = st.Close() })
	logs := &testutil.SyncBuffer{}
	h := &harness{
		t: t, st: st, path: path, clock: clock, logs: logs, ctx: context.Background(),
		dir: directory.NewHolder(sampleDirectory(t)),
	}
	deps := Deps{
		Store: st, Directory: h.dir, Now: clock.Now, Lang: "sv",
		Rand: rand.NewChaCha8([32]byte{1, 2, 3}),
		Log:  slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug})),
	}
	for _, m := range mods {
		m(&deps)
	}
	h.svc = New(deps)
	return h
}

func actor(contactID string) chat.Actor {
	return chat.Actor{Platform: chat.Console, UserID: contactID, ContactID: contactID}
}

func (h *harness) cmd(who, text string) string {
	h.t.Helper()
	return h.svc.Command(h.ctx, actor(who), text).Body().Plain()
}

func (h *harness) act(who, name, value, input string, flag bool) chat.Reply {
	h.t.Helper()
	return h.svc.Act(h.ctx, actor(who), chat.Action{Name: name, Value: value, Input: input, Flag: flag})
}

var refRE = regexp.MustCompile(`SIP-[0-9A-Z]{6}`)

// newCase opens a case as the kurator and returns its reference.
func (h *harness) newCase(extra string) string {
	h.t.Helper()
	out := h.cmd(kurator, "ny kommun=Lund ålder=14 parter=bup,skola,socialtjanst-barn,primarvard "+extra)
	ref := refRE.FindString(out)
	if ref == "" {
		h.t.Fatalf("no reference in %q", out)
	}
	return ref
}

// drain delivers (claims and acks) every due outbox job and returns them.
func (h *harness) drain() []outbox.Envelope {
	h.t.Helper()
	var envs []outbox.Envelope
	for {
		jobs, err := h.st.Claim(h.ctx, outbox.Queue, h.clock.Now().Add(time.Hour), time.Minute, 100)
		if err != nil {
			h.t.Fatal(err)
		}
		if len(jobs) == 0 {
			return envs
		}
		for _, j := range jobs {
			env, err := outbox.Decode(j)
			if err != nil {
				h.t.Fatal(err)
			}
			envs = append(envs, env)
			if err := h.st.Ack(h.ctx, j); err != nil {
				h.t.Fatal(err)
			}
		}
	}
}

// sentTo filters envelopes by recipient contact, skipping status messages.
func sentTo(envs []outbox.Envelope, contactID string) []outbox.Envelope {
	var out []outbox.Envelope
	for _, e := range envs {
		if e.To.ContactID == contactID && !strings.HasPrefix(e.Msg.Key, "status/") {
			out = append(out, e)
		}
	}
	return out
}

func (h *harness) load(ref string) *Case {
	h.t.Helper()
	c, err := h.svc.Case(h.ctx, ref)
	if err != nil {
		h.t.Fatal(err)
	}
	return c
}
