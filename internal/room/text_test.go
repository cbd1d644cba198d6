package room

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/samla-sip/samla/internal/sip"
)

// TestTextsExist: every text id the code and the templates name exists,
// in both languages, and so do the ids built from a value.
func TestTextsExist(t *testing.T) {
	files, _ := filepath.Glob("*.go")
	tmpl, _ := filepath.Glob("templates/*.html")
	ids := regexp.MustCompile(`(?:\.T|text\(\w+,|text\(rm\.lang\(r\),|say\(lang,|message\(r,)\s*"([a-z][a-z0-9.\-]*[a-z0-9])"`)
	seen := 0
	for _, f := range append(files, tmpl...) {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range ids.FindAllStringSubmatch(string(b), -1) {
			id := m[1]
			if f != "text_test.go" && (id == "oidc.failed" || id == "oidc.unknown" || id == "p.refused" || id == "p.expired" || id == "notfound" || id == "refused" || id == "expired" || id == "busy" || id == "csrf" || id == "error" || id == "loggedout") {
				id += ".h"
			}
			seen++
			if e, ok := texts[id]; !ok || e.sv == "" || e.en == "" {
				t.Errorf("%s: text %q missing", f, id)
			}
		}
	}
	if seen < 50 {
		t.Fatalf("found only %d text ids; the pattern misses them", seen)
	}
	var dynamic []string
	for _, p := range participations {
		dynamic = append(dynamic, "p.part."+p)
	}
	for _, c := range comings {
		dynamic = append(dynamic, "p.coming."+c)
	}
	for _, r := range personRoles {
		dynamic = append(dynamic, "role."+r)
	}
	for _, s := range []string{sip.StatePending, sip.StateAttending, sip.StateVideo, sip.StateDeclined, sip.StateDelegated, sip.StateCancelled} {
		dynamic = append(dynamic, "st."+s)
	}
	for _, st := range []sip.Stage{sip.StageConvening, sip.StageBooked, sip.StageHeld, sip.StageEstablished, sip.StageFollowedUp, sip.StageEnded} {
		dynamic = append(dynamic, "stage."+string(st))
	}
	for _, k := range planKinds {
		dynamic = append(dynamic, "form."+k)
	}
	for _, m := range []string{"oidc.failed", "oidc.unknown", "notfound", "refused", "expired", "busy", "csrf", "error", "loggedout", "p.refused", "p.expired"} {
		dynamic = append(dynamic, m+".h", m+".p")
	}
	for _, id := range dynamic {
		if _, ok := texts[id]; !ok {
			t.Errorf("text %q missing", id)
		}
	}
}
