package agenda

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"reflect"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// validAnswer is a schema-conforming model answer.
const validAnswer = `{
 "title": "SIP om skolfrånvaro",
 "goals": ["Jag vill kunna gå till skolan igen", "Jag vill sova bättre"],
 "topics": [
  {"title": "Skolgång och anpassningar", "parties": ["skola", "elevhalsa"]},
  {"title": "Stöd för oro och sömn", "parties": ["bup"]}
 ],
 "questions": ["Vem har det övergripande ansvaret?", "Datum för uppföljning?"],
 "suggested_parties": ["bup", "skola", "elevhalsa", "socialtjanst-barn"]
}`

// newTestDrafter returns a drafter against baseURL whose directory holds
// testContacts, logging into logs.
func newTestDrafter(t *testing.T, baseURL string, timeout time.Duration, logs *bytes.Buffer) *Drafter {
	t.Helper()
	if logs == nil {
		logs = &bytes.Buffer{}
	}
	d := New(Options{
		BaseURL: baseURL,
		Model:   "test-model",
		Timeout: timeout,
		Log:     slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug})),
	})
	contacts := testContacts()
	d.contacts = func() ContactLister { return contacts }
	return d
}

func TestDraftSendsOnlyRedactedText(t *testing.T) {
	srv := newFakeOpenAI(t, reply{content: validAnswer})
	var logs bytes.Buffer
	d := newTestDrafter(t, srv.baseURL(), 5*time.Second, &logs)

	secrets := []string{
		"19121212-1212",               // personnummer
		"070-123 45 67", "0701234567", // phone
		"maja.svensson@example.se",     // e-mail
		"Storgatan 12", "211 45 Malmö", // street address, postnummer
		"Anna Lindqvist", "Lindqvist", "Åkesson", // directory people
		"Maja",        // the individual, introduced with "heter"
		"ADHD", "F90", // clinical detail
	}
	needs := "Hon heter Maja, 19121212-1212, och har inte varit i skolan sedan oktober. " +
		"Mamma nås på 070-123 45 67 eller 0701234567, maja.svensson@example.se. " +
		"Familjen bor på Storgatan 12, 211 45 Malmö. Kuratorn har pratat med Anna Lindqvist på BUP " +
		"och Björn Åkesson. Maja har ADHD (F90.0) och vill tillbaka till sin klass."

	draft, err := d.Draft(context.Background(), approve(d, Request{Needs: needs, Parties: []string{"skola", "bup"}, Lang: "sv"}))
	if err != nil {
		t.Fatal(err)
	}
	if draft.Source != SourceModel {
		t.Fatalf("source = %q (%s), want model", draft.Source, draft.Reason)
	}
	reqs := srv.requests()
	if len(reqs) != 1 {
		t.Fatalf("%d requests, want 1", len(reqs))
	}
	for _, s := range secrets {
		if strings.Contains(reqs[0], s) {
			t.Errorf("request body holds %q", s)
		}
		if strings.Contains(logs.String(), s) {
			t.Errorf("logs hold %q", s)
		}
	}
	for _, p := range []string{"[TELEFON]", "[E-POST]", "[ADRESS]", "[NAMN-1]", "[NAMN-2]", "skolan sedan oktober"} {
		if !strings.Contains(reqs[0], p) {
			t.Errorf("request body lacks %q: %s", p, reqs[0])
		}
	}
	// No needs text at any log level, not even redacted: only its length
	// and which redactions fired.
	for _, s := range []string{"skolan sedan oktober", "[NAMN-1]", "[TELEFON]"} {
		if strings.Contains(logs.String(), s) {
			t.Errorf("logs hold the needs text (%q):\n%s", s, logs.String())
		}
	}
	if !strings.Contains(logs.String(), "fired=") || !strings.Contains(logs.String(), "runes=") {
		t.Errorf("logs lack the length and the redactions that fired:\n%s", logs.String())
	}
	want := Report{Personnummer: 1, Phone: 2, Email: 1, Address: 2, Name: 4, Clinical: 2}
	if draft.Redacted != want {
		t.Errorf("report = %+v, want %+v", draft.Redacted, want)
	}
}

func TestDraftValidAnswer(t *testing.T) {
	srv := newFakeOpenAI(t, reply{content: "```json\n" + validAnswer + "\n```"})
	d := newTestDrafter(t, srv.baseURL(), 5*time.Second, nil)
	draft, err := d.Draft(context.Background(), approve(d, Request{Needs: "Skolfrånvaro och sömnproblem.", Parties: []string{"skola"}, Lang: "sv"}))
	if err != nil {
		t.Fatal(err)
	}
	want := Agenda{
		Title: "SIP om skolfrånvaro",
		Goals: []string{"Jag vill kunna gå till skolan igen", "Jag vill sova bättre"},
		Topics: []Topic{
			{Title: "Skolgång och anpassningar", Parties: []string{"skola", "elevhalsa"}},
			{Title: "Stöd för oro och sömn", Parties: []string{"bup"}},
		},
		Questions:        []string{"Vem har det övergripande ansvaret?", "Datum för uppföljning?"},
		SuggestedParties: []string{"bup", "skola", "elevhalsa", "socialtjanst-barn"},
	}
	if !reflect.DeepEqual(draft.Agenda, want) {
		t.Errorf("agenda = %+v\nwant %+v", draft.Agenda, want)
	}
	if !draft.FromModel() || draft.Reason != reasonModel.Sv {
		t.Errorf("source %q reason %q", draft.Source, draft.Reason)
	}

	var req struct {
		Model          string `json:"model"`
		ResponseFormat struct {
			Type       string `json:"type"`
			JSONSchema struct {
				Name   string          `json:"name"`
				Strict bool            `json:"strict"`
				Schema json.RawMessage `json:"schema"`
			} `json:"json_schema"`
		} `json:"response_format"`
	}
	if err := json.Unmarshal([]byte(srv.requests()[0]), &req); err != nil {
		t.Fatal(err)
	}
	if req.Model != "test-model" || req.ResponseFormat.Type != "json_schema" || !req.ResponseFormat.JSONSchema.Strict ||
		!strings.Contains(string(req.ResponseFormat.JSONSchema.Schema), `"suggested_parties"`) {
		t.Errorf("request = %+v", req)
	}
}

func TestDraftFallsBack(t *testing.T) {
	const timeout = 300 * time.Millisecond
	unknownCare := strings.Replace(validAnswer, `"bup"]}`, `"psykiatrin"]}`, 1)
	tests := []struct {
		name     string
		replies  []reply
		requests int
		reason   string // in the Swedish reason
	}{
		{"malformed JSON twice", []reply{{content: `{"title": "Möte", "goals": [`}}, 2, "gick inte att använda"},
		{"not JSON at all", []reply{{content: "Här är en dagordning: 1. Mål 2. Behov"}}, 2, "gick inte att använda"},
		{"body not JSON", []reply{{body: "<html>oops</html>"}}, 2, "gick inte att använda"},
		{"unknown care level", []reply{{content: unknownCare}}, 2, "gick inte att använda"},
		{"missing field", []reply{{content: `{"title":"x","goals":[],"topics":[{"title":"a","parties":[]}],"questions":[]}`}}, 2, "gick inte att använda"},
		{"extra field", []reply{{content: strings.Replace(validAnswer, `"title"`, `"diagnosis":"x","title"`, 1)}}, 2, "gick inte att använda"},
		{"empty topics", []reply{{content: `{"title":"x","goals":[],"topics":[],"questions":[],"suggested_parties":[]}`}}, 2, "gick inte att använda"},
		{"server error 500", []reply{{status: 500}}, 1, "svarade med ett fel"},
		{"rate limited 429", []reply{{status: 429, body: `{"error":{"message":"Rate limit reached","type":"requests"}}`}}, 1, "överbelastad"},
		{"timeout", []reply{{content: validAnswer, delay: 5 * time.Second}}, 1, "inom 0,3 s"},
		{"timeout on retry", []reply{{content: "nej"}, {content: validAnswer, delay: 5 * time.Second}}, 2, "inom 0,3 s"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			srv := newFakeOpenAI(t, tc.replies...)
			d := newTestDrafter(t, srv.baseURL(), timeout, nil)
			start := time.Now()
			draft, err := d.Draft(context.Background(), approve(d, Request{Needs: "Skolfrånvaro.", Parties: []string{"skola", "bup"}, Lang: "sv"}))
			elapsed := time.Since(start)
			if err != nil {
				t.Fatal(err)
			}
			if draft.Source != SourceFallback || draft.FromModel() {
				t.Fatalf("source = %q, want fallback", draft.Source)
			}
			if !strings.Contains(draft.Reason, "Standardmall") || !strings.Contains(draft.Reason, tc.reason) {
				t.Errorf("reason = %q, want it to say %q", draft.Reason, tc.reason)
			}
			if !reflect.DeepEqual(draft.Agenda, Fallback([]string{"skola", "bup"}, "sv")) {
				t.Errorf("agenda is not the fallback: %+v", draft.Agenda)
			}
			if got := len(srv.requests()); got != tc.requests {
				t.Errorf("%d requests, want %d", got, tc.requests)
			}
			if elapsed > timeout+700*time.Millisecond {
				t.Errorf("took %v, want within the %v timeout", elapsed, timeout)
			}
		})
	}
}

func TestDraftRetriesOnceThenUsesModel(t *testing.T) {
	srv := newFakeOpenAI(t, reply{content: "{not json"}, reply{content: validAnswer})
	d := newTestDrafter(t, srv.baseURL(), 5*time.Second, nil)
	draft, err := d.Draft(context.Background(), approve(d, Request{Needs: "Behov.", Lang: "en"}))
	if err != nil {
		t.Fatal(err)
	}
	reqs := srv.requests()
	if draft.Source != SourceModel || len(reqs) != 2 {
		t.Fatalf("source %q after %d requests, want model after 2", draft.Source, len(reqs))
	}
	if !strings.Contains(reqs[1], "previous answer was invalid") {
		t.Errorf("retry does not say what was wrong: %s", reqs[1])
	}
	if draft.Reason != reasonModel.En {
		t.Errorf("reason = %q", draft.Reason)
	}
}

func TestDraftWithoutJSONSchemaSupport(t *testing.T) {
	srv := newFakeOpenAI(t,
		reply{status: 400, body: `{"error":{"message":"response_format type json_schema is not supported","type":"invalid_request_error"}}`},
		reply{content: validAnswer},
	)
	d := newTestDrafter(t, srv.baseURL(), 5*time.Second, nil)
	draft, err := d.Draft(context.Background(), approve(d, Request{Needs: "Behov.", Lang: "sv"}))
	if err != nil {
		t.Fatal(err)
	}
	reqs := srv.requests()
	if draft.Source != SourceModel || len(reqs) != 2 {
		t.Fatalf("source %q after %d requests, want model after 2", draft.Source, len(reqs))
	}
	if strings.Contains(reqs[1], "response_format") || !strings.Contains(reqs[1], "JSON schema") {
		t.Errorf("second request should carry the schema in the prompt instead: %s", reqs[1])
	}
}

// countingTransport fails every request and counts it.
type countingTransport struct{ calls atomic.Int32 }

func (c *countingTransport) RoundTrip(*http.Request) (*http.Response, error) {
	c.calls.Add(1)
	return nil, errors.New("no network in this test")
}

func TestDraftModelOff(t *testing.T) {
	tr := &countingTransport{}
	d := New(Options{Model: "m", HTTPClient: &http.Client{Transport: tr}})
	if d.Enabled() {
		t.Fatal("Enabled with empty BaseURL")
	}
	for _, lang := range []string{"sv", "en"} {
		md, fromModel, err := d.DraftApproved(context.Background(), "Behov.", []string{"bup"}, lang, d.Preview("Behov.").Hash())
		if err != nil || fromModel || md == "" {
			t.Fatalf("DraftMarkdown = %q, %v, %v", md, fromModel, err)
		}
		draft, _ := d.Draft(context.Background(), approve(d, Request{Needs: "x", Lang: lang}))
		want := failOff.reason(lang, DefaultTimeout)
		if draft.Reason != want {
			t.Errorf("reason = %q, want %q", draft.Reason, want)
		}
	}
	if n := tr.calls.Load(); n != 0 {
		t.Errorf("model called %d times with BaseURL empty", n)
	}
}

func TestDraftUnreachable(t *testing.T) {
	tr := &countingTransport{}
	d := New(Options{BaseURL: "http://model.invalid/v1", Model: "m", HTTPClient: &http.Client{Transport: tr}})
	draft, err := d.Draft(context.Background(), approve(d, Request{Needs: "x", Lang: "en"}))
	if err != nil {
		t.Fatal(err)
	}
	if draft.Source != SourceFallback || !strings.Contains(draft.Reason, "could not be reached") || tr.calls.Load() != 1 {
		t.Errorf("draft %q %q after %d calls", draft.Source, draft.Reason, tr.calls.Load())
	}
}

func TestDraftUnknownParty(t *testing.T) {
	d := New(Options{})
	_, _, err := d.DraftMarkdown(context.Background(), "x", []string{"bup", "psykiatrin"}, "sv")
	var in *InputError
	if !errors.As(err, &in) || in.Party != "psykiatrin" {
		t.Fatalf("err = %v, want InputError for psykiatrin", err)
	}
	if !strings.Contains(in.Text("sv"), "Okänd part") || !strings.Contains(in.Text("en"), "Unknown party") {
		t.Errorf("texts: %q / %q", in.Text("sv"), in.Text("en"))
	}
}

func TestNameCacheBuildsOncePerSnapshot(t *testing.T) {
	var c nameCache
	a, b := testContacts(), testContacts()
	x1 := c.get(a)
	if c.get(a) != x1 {
		t.Error("same snapshot rebuilt")
	}
	if c.get(b) == x1 {
		t.Error("new snapshot not rebuilt")
	}
	if c.get(nil) != nil {
		t.Error("nil snapshot gave an index")
	}
}

func TestDraftRedactsModelAnswer(t *testing.T) {
	answer := strings.Replace(validAnswer, `"Jag vill sova bättre"`, `"Ring Anna Lindqvist på 070-123 45 67"`, 1)
	srv := newFakeOpenAI(t, reply{content: answer})
	d := newTestDrafter(t, srv.baseURL(), 5*time.Second, nil)
	md, fromModel, err := d.DraftApproved(context.Background(), "Behov.", nil, "sv", d.Preview("Behov.").Hash())
	if err != nil || !fromModel {
		t.Fatalf("fromModel %v, err %v", fromModel, err)
	}
	if strings.Contains(md, "Lindqvist") || strings.Contains(md, "070") || !strings.Contains(md, "• Ring [NAMN-1] på [TELEFON]") {
		t.Errorf("model answer not redacted:\n%s", md)
	}
}
