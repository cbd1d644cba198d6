package sip

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/samla-sip/samla/directory"
	"github.com/samla-sip/samla/examples"
	"github.com/samla-sip/samla/internal/chat"
)

// sampleWithout loads the sample directory with one line of a file left
// out (e.g. an organisation's chat: declaration).
func sampleWithout(t *testing.T, file, line string) *directory.Directory {
	t.Helper()
	src := examples.Directory()
	files := fstest.MapFS{}
	err := fs.WalkDir(src, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(src, p)
		if p == file {
			if !strings.Contains(string(b), line) {
				t.Fatalf("%s has no %q", file, line)
			}
			b = []byte(strings.Replace(string(b), line, "", 1))
		}
		files[p] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	d, err := directory.LoadFS(files, ".")
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestLinks: a chat user is linked only from chat the contact's
// organisation controls (a refusal is a counted security event); the
// first link is stored and holds while the platform cannot look the user
// up; it is checked against the directory in service; with neither, the
// request is refused with "try again" and nothing is made.
func TestLinks(t *testing.T) {
	var events []string
	h := newHarness(t, func(d *Deps) {
		d.Security = func(platform, event string) { events = append(events, platform+" "+event) }
	})
	lina := chat.Actor{Platform: chat.Slack, Workspace: "T0SKANE01", UserID: "U0LINANEW", Email: "lina.aberg@example.se"}
	elsewhere := lina
	elsewhere.Workspace, elsewhere.UserID = "T0STHLM01", "U0EVE"

	if me, unresolved := h.svc.identify(h.ctx, h.dir.Current(), elsewhere); me.Known || unresolved {
		t.Errorf("a user of Region Stockholm's workspace was linked to BUP Lund's samordnare: %+v", me)
	}
	if len(events) != 1 || events[0] != "slack link_uncontrolled" {
		t.Errorf("security events %v", events)
	}
	if !strings.Contains(h.logs.String(), "security: link_uncontrolled") || strings.Contains(h.logs.String(), "lina.aberg") {
		t.Errorf("log:\n%s", h.logs)
	}

	offline := lina
	offline.Email, offline.Unresolved = "", true
	if out := h.svc.Command(h.ctx, offline, "ny kommun=Lund ålder=14 parter=skola"); !strings.Contains(out.Text, "Försök igen") || FindRef(out.Text) != "" {
		t.Errorf("unresolved before any link: %q", out.Text)
	}
	if me, _ := h.svc.identify(h.ctx, h.dir.Current(), lina); me.Key != "bup-lund-samordnare-lina" {
		t.Fatalf("linked by e-mail: %+v", me)
	}
	if me, unresolved := h.svc.identify(h.ctx, h.dir.Current(), offline); me.Key != "bup-lund-samordnare-lina" || unresolved {
		t.Errorf("stored link while the platform cannot answer: %+v %v", me, unresolved)
	}

	// A reload in which Region Skåne no longer controls the workspace
	// ends the stored link.
	h.dir.Swap(sampleWithout(t, "10-region-skane.yaml", "    chat: {slack: [T0SKANE01]}"))
	if me, unresolved := h.svc.identify(h.ctx, h.dir.Current(), offline); me.Known || !unresolved {
		t.Errorf("stored link after the workspace left the organisation's chat: %+v %v", me, unresolved)
	}
}
