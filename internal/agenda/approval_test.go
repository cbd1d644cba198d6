package agenda

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"
)

// kalle is the needs text of issue 20.
const kalle = "Kalle Svensson, 15 år, har självskadebeteende och har inte varit i skolan sedan oktober. " +
	"Pappa Anders dricker. Mamman Lisa vill att BUP tar över. Han går på Polhemskolan och träffar kuratorn Sara Lindberg."

// TestKalleLeavesWithoutNamesSchoolOrClinicalTerms is the example of
// issue 20 against the recording OpenAI-compatible fake: the convener
// sees the text first, and only the approved text leaves, with no name
// of a person, no school and no clinical term.
func TestKalleLeavesWithoutNamesSchoolOrClinicalTerms(t *testing.T) {
	srv := newFakeOpenAI(t, reply{content: validAnswer})
	d := newTestDrafter(t, srv.baseURL(), 5*time.Second, nil)
	req := Request{Needs: kalle, Parties: []string{"bup", "skola"}, Lang: "sv"}

	// Not approved: the template, and nothing reaches the model.
	draft, err := d.Draft(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	if draft.Source != SourceFallback || len(srv.requests()) != 0 {
		t.Fatalf("unapproved draft: source %s, %d requests", draft.Source, len(srv.requests()))
	}
	if !strings.Contains(draft.Reason, "skickades inte") {
		t.Errorf("reason = %q", draft.Reason)
	}

	// The convener sees exactly this, replacements marked.
	preview := d.Preview(kalle)
	want := "[NAMN-1], 15 år, har psykisk ohälsa och har inte varit i skolan sedan oktober. " +
		"Pappa [NAMN-2] har missbruksproblem. Mamman [NAMN-3] vill att BUP tar över. Han går på [ENHET-1] och träffar kuratorn [NAMN-4]."
	if preview.Text != want {
		t.Errorf("preview\n got %q\nwant %q", preview.Text, want)
	}
	marked := preview.Marked("«", "»")
	for _, m := range []string{"«[NAMN-1]»", "«psykisk ohälsa»", "«har missbruksproblem»", "«[ENHET-1]»", "«[NAMN-4]»"} {
		if !strings.Contains(marked, m) {
			t.Errorf("marked preview lacks %s: %s", m, marked)
		}
	}

	// A stale approval (another text) sends nothing either.
	req.Approved = HashText("något annat")
	if draft, _ := d.Draft(context.Background(), req); draft.Source != SourceFallback || len(srv.requests()) != 0 {
		t.Fatalf("stale approval sent the text")
	}

	// Approved: the model is asked with exactly the previewed text.
	req.Approved = preview.Hash()
	draft, err = d.Draft(context.Background(), req)
	if err != nil || draft.Source != SourceModel {
		t.Fatalf("approved draft: %v, %s (%s)", err, draft.Source, draft.Reason)
	}
	reqs := srv.requests()
	if len(reqs) != 1 {
		t.Fatalf("%d requests", len(reqs))
	}
	for _, s := range []string{"Kalle", "Svensson", "Anders", "Lisa", "Sara", "Lindberg", "Polhemskolan",
		"självskad", "dricker"} {
		if strings.Contains(reqs[0], s) {
			t.Errorf("request holds %q", s)
		}
	}
	if !strings.Contains(reqs[0], jsonString(preview.Text)) {
		t.Errorf("request does not hold the previewed text: %s", reqs[0])
	}
}

func TestClinicalAllowed(t *testing.T) {
	red := Rules{AllowClinical: true}.Redact(kalle, nil)
	if !strings.Contains(red.Text, "självskadebeteende") || !strings.Contains(red.Text, "dricker") || red.Report.Clinical != 0 {
		t.Errorf("allowed clinical terms changed: %q %+v", red.Text, red.Report)
	}
	if strings.Contains(red.Text, "Kalle") || strings.Contains(red.Text, "Polhemskolan") {
		t.Errorf("names kept with clinical terms allowed: %q", red.Text)
	}
}

func TestPreviewTruncatesWithMarks(t *testing.T) {
	d := New(Options{})
	needs := strings.Repeat("Skolfrånvaro och oro. ", maxNeedsRunes/10) + "Pappa Anders dricker."
	p := d.Preview(needs)
	if n := len([]rune(p.Text)); n != maxNeedsRunes {
		t.Fatalf("preview has %d runes, want %d", n, maxNeedsRunes)
	}
	for _, m := range p.Marks {
		if m.End > len(p.Text) {
			t.Fatalf("mark %v past the text", m)
		}
	}
}

// jsonString is s as it appears inside a JSON string.
func jsonString(s string) string {
	b, _ := json.Marshal(s)
	return string(b[1 : len(b)-1])
}
