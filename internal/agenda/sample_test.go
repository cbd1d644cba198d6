package agenda

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/samla-sip/samla/directory"
	"github.com/samla-sip/samla/examples"
)

// TestDraftRedactsSampleDirectoryNames goes through Options.Directory with
// the embedded sample directory: its people are redacted before the
// request leaves, kommun names become places and care levels stay.
func TestDraftRedactsSampleDirectoryNames(t *testing.T) {
	dir, err := directory.LoadFS(examples.Directory(), ".")
	if err != nil {
		t.Fatal(err)
	}
	var people []string
	dir.Contacts(func(c *directory.Contact) bool {
		if c.Kind == "person" && len(people) < 5 {
			people = append(people, c.Name)
		}
		return true
	})
	if len(people) < 2 {
		t.Fatalf("sample directory has %d people", len(people))
	}
	srv := newFakeOpenAI(t, reply{content: validAnswer})
	d := New(Options{BaseURL: srv.baseURL(), Model: "m", Timeout: 5 * time.Second, Directory: directory.NewHolder(dir)})
	needs := "Möte i Lund med " + strings.Join(people, ", ") + ". BUP Lund deltar via video."
	draft, err := d.Draft(context.Background(), approve(d, Request{Needs: needs, Lang: "sv"}))
	if err != nil {
		t.Fatal(err)
	}
	if draft.Redacted.Name != len(people) {
		t.Errorf("redacted %d names, want %d", draft.Redacted.Name, len(people))
	}
	body := srv.requests()[0]
	for _, p := range people {
		for _, w := range strings.Fields(p) {
			if strings.Contains(body, w) && w != "Lund" {
				t.Errorf("request holds %q of %q", w, p)
			}
		}
	}
	if !strings.Contains(body, "BUP [PLATS-1] deltar") {
		t.Errorf("care level or kommun not as expected: %s", body)
	}
}
