package mattermost

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/mattermost/mattermost/server/public/model"
)

// submitNewCase submits the new-case dialog as Fatima (a directory
// contact on server skane-kommun) to the bot on the real core.
func (f *crossFixture) submitNewCase(t *testing.T, sub map[string]any) model.SubmitDialogResponse {
	t.Helper()
	code, body := postJSON(f.bot, "/mattermost/dialogs", model.SubmitDialogRequest{
		State: f.bot.newCaseState("skane-kommun", userID("fatima")), UserId: userID("fatima"), Submission: sub,
	})
	var got model.SubmitDialogResponse
	if err := json.Unmarshal([]byte(body), &got); err != nil || code != http.StatusOK {
		t.Fatalf("dialog submission: %d %s", code, body)
	}
	return got
}

// TestNewCaseDialogRefusedByCore: a form the core refuses stays open with
// each reason next to its field, nothing is created and nothing is sent.
// (A kommun field holding a case reference used to close the form as if
// created and run "möte SIP-ABCDEF …".)
func TestNewCaseDialogRefusedByCore(t *testing.T) {
	f := newCrossFixture(t)
	tests := []struct {
		name  string
		sub   map[string]any
		field string // the dialog element the reason is on
		want  string
	}{
		{"reference as kommun", map[string]any{"kommun": "SIP-ABCDEF", "alder": "82", "parter": "hemtjanst", "mote": "2026-12-10 13:00"}, fieldKommun, "SIP-ABCDEF"},
		{"unknown kommun", map[string]any{"kommun": "Lundx", "alder": "82", "parter": "hemtjanst"}, fieldKommun, "Lundx"},
		{"age", map[string]any{"kommun": "Malmö", "alder": "x", "parter": "hemtjanst"}, fieldAge, "130"},
		{"party", map[string]any{"kommun": "Malmö", "alder": "82", "parter": "hemtjanst tandvard"}, fieldParties, "tandvard"},
		{"personnummer", map[string]any{"kommun": "Malmö", "alder": "82", "parter": "hemtjanst", "behov": "19121212-1212"}, fieldNeeds, "personnummer"},
		{"past meeting", map[string]any{"kommun": "Malmö", "alder": "82", "parter": "hemtjanst", "mote": "2026-11-01 13:00"}, fieldMeeting, "passerat"},
		{"wrong types", map[string]any{"kommun": 3, "alder": 82.0, "parter": true}, fieldKommun, "saknas"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := f.submitNewCase(t, tt.sub)
			if msg := got.Errors[tt.field]; !strings.Contains(msg, tt.want) {
				t.Fatalf("errors %+v (form error %q), want %q on %s", got.Errors, got.Error, tt.want, tt.field)
			}
			if got.Error != "" {
				t.Errorf("form-level error besides the field's: %q", got.Error)
			}
		})
	}
	f.deliver()
	if n := f.fake.postCount(); n != 0 {
		t.Errorf("%d posts after refused forms", n)
	}
	if refs, err := f.core.OpenCases(t.Context()); err != nil || len(refs) != 0 {
		t.Errorf("refused forms created cases %v (%v)", refs, err)
	}
}

// TestNewCaseDialogCreatesOnCore: an accepted form creates the case with
// its meeting in one call and answers by DM; /sip status then shows the
// case once (it used to be shown twice: as text and as an attachment).
func TestNewCaseDialogCreatesOnCore(t *testing.T) {
	f := newCrossFixture(t)
	got := f.submitNewCase(t, map[string]any{"kommun": "Malmö", "alder": "82", "parter": "Hemtjanst, primarvard", "mote": "2026-12-10 13:00 video"})
	if got.Error != "" || len(got.Errors) != 0 {
		t.Fatalf("refused: %+v", got)
	}
	refs, err := f.core.OpenCases(t.Context())
	if err != nil || len(refs) != 1 {
		t.Fatalf("open cases %v (%v)", refs, err)
	}
	ref := refs[0]
	c, err := f.core.Case(t.Context(), ref)
	if err != nil || c.Meeting == nil || !c.Meeting.Video || len(c.Parties) != 2 {
		t.Fatalf("case %+v (%v)", c, err)
	}
	var dm string
	for _, id := range f.fake.order {
		dm += f.fake.post(id).Message + "\n"
	}
	if !strings.Contains(dm, ref) || !strings.Contains(dm, "2026-12-10 13:00") {
		t.Fatalf("DM answer %q", dm)
	}

	form := commandForm("tok-kommun", "status "+ref)
	form.Set("user_id", userID("fatima"))
	form.Set("user_name", "fatima.said")
	rec := serve(f.bot, "POST", "/mattermost/commands", "application/x-www-form-urlencoded", strings.NewReader(form.Encode()))
	if rec.Code != http.StatusOK {
		t.Fatalf("status command: %d %s", rec.Code, rec.Body)
	}
	body := rec.Body.String()
	for _, once := range []string{"Nästa steg", "Samtycke", "13:00, via video", "Kallade"} {
		if n := strings.Count(body, once); n != 1 {
			t.Errorf("%q shown %d times in /sip status:\n%s", once, n, body)
		}
	}
}
