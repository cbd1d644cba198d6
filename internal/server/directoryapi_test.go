package server

import (
	"bytes"
	"encoding/json"
	"net/url"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/samla-sip/samla/directory"
	"github.com/samla-sip/samla/internal/i18n"
)

var bearer = map[string]string{"Authorization": "Bearer " + testToken}

func TestAPIAuth(t *testing.T) {
	tests := []struct {
		name     string
		tokens   []string
		header   string
		code     int
		errCode  string
		wwwAuth  string
		loggedAt bool
	}{
		{"no header", []string{testToken}, "", 401, "unauthorized", `Bearer realm="samla"`, false},
		{"wrong token", []string{testToken}, "Bearer tok-0123456788", 401, "invalid_token", `Bearer realm="samla", error="invalid_token"`, true},
		{"prefix of token", []string{testToken}, "Bearer tok-0", 401, "invalid_token", `Bearer realm="samla", error="invalid_token"`, true},
		{"basic scheme", []string{testToken}, "Basic " + testToken, 401, "unauthorized", `Bearer realm="samla"`, false},
		{"empty bearer", []string{testToken}, "Bearer ", 401, "unauthorized", `Bearer realm="samla"`, false},
		{"no tokens configured", nil, "Bearer " + testToken, 401, "api_disabled", `Bearer realm="samla", error="invalid_token", error_description="API disabled"`, false},
		{"no tokens configured, empty token", nil, "Bearer ", 401, "api_disabled", `Bearer realm="samla", error="invalid_token", error_description="API disabled"`, false},
		{"valid", []string{testToken}, "Bearer " + testToken, 200, "", "", false},
		{"valid, lower-case scheme", []string{"x-other-token", testToken}, "bearer " + testToken, 200, "", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := newFakeDirectory()
			opts, logs := testOptions(d)
			opts.APITokens = tt.tokens
			_, ts := start(t, opts)
			for _, path := range []string{"/api/v1/directory/route?care=bup&kommun=Lund", "/api/v1/directory/search?q=bup"} {
				resp, body := get(t, ts.URL+path, map[string]string{"Authorization": tt.header})
				if resp.StatusCode != tt.code {
					t.Errorf("%s: status %d, want %d (%s)", path, resp.StatusCode, tt.code, body)
				}
				if got := resp.Header.Get("WWW-Authenticate"); got != tt.wwwAuth {
					t.Errorf("%s: WWW-Authenticate %q, want %q", path, got, tt.wwwAuth)
				}
				if tt.errCode != "" && !strings.Contains(body, `"code":"`+tt.errCode+`"`) {
					t.Errorf("%s: body %s, want code %s", path, body, tt.errCode)
				}
			}
			if tt.code != 200 && (len(d.queries) > 0 || len(d.searches) > 0) {
				t.Error("an unauthenticated request reached the directory")
			}
			if tt.tokens == nil && !strings.Contains(logs.String(), "directory API disabled") {
				t.Error("disabled API not logged at start")
			}
			if strings.Contains(logs.String(), testToken) {
				t.Error("a token was logged")
			}
		})
	}
}

func TestAPIRoute(t *testing.T) {
	d := newFakeDirectory()
	opts, _ := testOptions(d)
	_, ts := start(t, opts)

	resp, body := get(t, ts.URL+"/api/v1/directory/route?care=bup&kommun=Lund&age=14&role=kurator&date=2026-12-10", bearer)
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "application/json; charset=utf-8" {
		t.Fatalf("route = %d %s %s", resp.StatusCode, resp.Header.Get("Content-Type"), body)
	}
	if want := mustJSON(t, directory.RouteJSON(fakeRoute, "sv")); strings.TrimSpace(body) != want {
		t.Errorf("route body differs from the CLI's JSON\n got %s\nwant %s", body, want)
	}
	type cand struct {
		ContactID string `json:"contact_id"`
		UnitID    string `json:"unit_id"`
		Channel   string `json:"channel"`
		Why       string `json:"why"`
	}
	var got struct {
		Candidates []cand `json:"candidates"`
		Note       string `json:"note"`
	}
	if err := json.Unmarshal([]byte(body), &got); err != nil {
		t.Fatal(err)
	}
	wantC := []cand{
		{"bup-lund-vagin", "bup-lund", "slack:T0001/U0001", "enhetens väg in"},
		{"bup-lund-anna", "bup-lund", "email:anna@example.se", "sip-samordnare"},
	}
	if !reflect.DeepEqual(got.Candidates, wantC) || got.Note != "två träffar" {
		t.Errorf("route = %+v", got)
	}
	wantQ := directory.Query{Care: "bup", Kommun: "Lund", Age: 14, Role: "kurator", Date: time.Date(2026, 12, 10, 0, 0, 0, 0, time.UTC)}
	if !reflect.DeepEqual(d.queries, []directory.Query{wantQ}) {
		t.Errorf("query = %+v, want %+v", d.queries, wantQ)
	}

	// Defaults: no age (-1), today; English by Accept-Language.
	_, body = get(t, ts.URL+"/api/v1/directory/route?care=bup&kommun=1281", map[string]string{
		"Authorization": "Bearer " + testToken, "Accept-Language": "en-GB,en;q=0.9,sv;q=0.5"})
	if !strings.Contains(body, `"why":"the unit's entry point"`) || !strings.Contains(body, `"note":"two matches"`) {
		t.Errorf("English route body: %s", body)
	}
	if q := d.queries[1]; q.Age != -1 || !q.Date.Equal(time.Date(2026, 12, 3, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("defaults: %+v", q)
	}
}

func TestAPIRouteBadParameters(t *testing.T) {
	tests := []struct {
		name, query, lang, code, message string
	}{
		{"missing care", "kommun=Lund", "", "missing_care", "Parametern care saknas, till exempel care=bup."},
		{"missing care en", "kommun=Lund", "en", "missing_care", "The parameter care is missing, for example care=bup."},
		{"unknown care", "care=tandvard&kommun=Lund", "", "unknown_care", `Okänd vårdnivå "tandvard". Giltiga: bup, vuxenpsykiatri`},
		{"missing kommun", "care=bup", "en", "missing_kommun", "The parameter kommun is missing, for example kommun=Lund."},
		{"unknown kommun", "care=bup&kommun=Atlantis", "", "unknown_kommun", `Okänd kommun "Atlantis"`},
		{"unknown role", "care=bup&kommun=Lund&role=pilot", "en", "unknown_role", `Unknown role "pilot". Valid: sip-samordnare`},
		{"age not a number", "care=bup&kommun=Lund&age=fjorton", "", "bad_age", `Åldern ska vara ett heltal 0–130, fick "fjorton".`},
		{"age negative", "care=bup&kommun=Lund&age=-1", "en", "bad_age", `The age must be a whole number 0–130, got "-1".`},
		{"age too high", "care=bup&kommun=Lund&age=131", "", "bad_age", `fick "131"`},
		{"bad date", "care=bup&kommun=Lund&date=10/12/2026", "en", "bad_date", `The date must be written YYYY-MM-DD, got "10/12/2026".`},
		{"lang parameter wins", "care=bup&lang=en", "sv", "missing_kommun", "The parameter kommun is missing"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := newFakeDirectory()
			opts, _ := testOptions(d)
			_, ts := start(t, opts)
			resp, body := get(t, ts.URL+"/api/v1/directory/route?"+tt.query, map[string]string{
				"Authorization": "Bearer " + testToken, "Accept-Language": tt.lang})
			var e apiError
			if err := json.Unmarshal([]byte(body), &e); err != nil {
				t.Fatalf("%v: %s", err, body)
			}
			if resp.StatusCode != 400 || e.Error.Code != tt.code || !strings.Contains(e.Error.Message, tt.message) {
				t.Errorf("= %d %+v, want 400 %s %q", resp.StatusCode, e.Error, tt.code, tt.message)
			}
			if len(d.queries) != 0 {
				t.Error("a bad query reached the directory")
			}
		})
	}
}

func TestAPISearch(t *testing.T) {
	d := newFakeDirectory()
	opts, _ := testOptions(d)
	_, ts := start(t, opts)
	resp, body := get(t, ts.URL+"/api/v1/directory/search?q=bup+lund&limit=5", bearer)
	want := mustJSON(t, directory.SearchJSON([]directory.Hit{{Contact: bupVagIn, Unit: bupUnit, Score: 2.5}}))
	if resp.StatusCode != 200 || strings.TrimSpace(body) != want || !strings.Contains(body, `"contact_id":"bup-lund-vagin","unit_id":"bup-lund","score":2.5`) {
		t.Errorf("search = %d %s", resp.StatusCode, body)
	}
	if !reflect.DeepEqual(d.searches, []string{"bup lund"}) || d.limits[0] != 5 {
		t.Errorf("search got %q limit %v", d.searches, d.limits)
	}
	get(t, ts.URL+"/api/v1/directory/search?q=bup", bearer)
	if d.limits[1] != defaultSearchLimit {
		t.Errorf("default limit = %d", d.limits[1])
	}

	for _, tt := range []struct{ query, code string }{
		{"q=", "missing_q"}, {"q=+", "missing_q"}, {"q=bup&limit=0", "bad_limit"}, {"q=bup&limit=101", "bad_limit"}, {"q=bup&limit=x", "bad_limit"},
	} {
		resp, body := get(t, ts.URL+"/api/v1/directory/search?"+tt.query, bearer)
		if resp.StatusCode != 400 || !strings.Contains(body, `"code":"`+tt.code+`"`) {
			t.Errorf("%s → %d %s, want 400 %s", tt.query, resp.StatusCode, body, tt.code)
		}
	}
}

func TestAPIWithoutDirectory(t *testing.T) {
	opts, _ := testOptions(nil)
	opts.Directory = func() Directory { return nil }
	_, ts := start(t, opts)
	for _, path := range []string{"/api/v1/directory/route?care=bup&kommun=Lund", "/api/v1/directory/search?q=bup"} {
		resp, body := get(t, ts.URL+path, bearer)
		if resp.StatusCode != 503 || !strings.Contains(body, `"code":"no_directory"`) {
			t.Errorf("%s = %d %s", path, resp.StatusCode, body)
		}
	}
	if _, body := get(t, ts.URL+"/metrics", nil); !strings.Contains(body, "samla_directory_loaded 0") {
		t.Error("metrics do not say that no directory is loaded")
	}
}

func TestAPIUnknownPath(t *testing.T) {
	opts, _ := testOptions(newFakeDirectory())
	_, ts := start(t, opts)
	if resp, _ := get(t, ts.URL+"/api/v1/directory/contacts", nil); resp.StatusCode != 401 {
		t.Errorf("unknown API path without token = %d, want 401", resp.StatusCode)
	}
	if resp, body := get(t, ts.URL+"/api/v1/directory/contacts", bearer); resp.StatusCode != 404 || !strings.Contains(body, "not_found") {
		t.Errorf("unknown API path with token = %d %s", resp.StatusCode, body)
	}
}

func TestLangOf(t *testing.T) {
	tests := []struct {
		header    string
		def, want i18n.Lang
	}{
		{"", "sv", "sv"},
		{"", "en", "en"},
		{"en-US", "sv", "en"},
		{"sv-SE,sv;q=0.9,en;q=0.8", "en", "sv"},
		{"de-DE,en;q=0.5", "sv", "en"},
		{"en;q=0.2,sv;q=0.8", "en", "sv"},
		{"fr", "sv", "sv"},
	}
	for _, tt := range tests {
		r := httptestRequest("/x", tt.header)
		if got := langOf(r, tt.def); got != tt.want {
			t.Errorf("langOf(%q, %q) = %q, want %q", tt.header, tt.def, got, tt.want)
		}
	}
}

// mustJSON encodes v like the server does.
func mustJSON(t *testing.T, v any) string {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return strings.TrimSpace(buf.String())
}

func TestAPIRefusesPersonnummer(t *testing.T) {
	d := newFakeDirectory()
	opts, logs := testOptions(d)
	_, ts := start(t, opts)
	const pnr = "19121212-1212" // Skatteverket's test number, Luhn-valid
	for _, path := range []string{
		"/api/v1/directory/search?q=" + pnr,
		"/api/v1/directory/route?care=bup&kommun=Lund&role=" + pnr,
		// percent-encoded en dash, no-break space, zero-width space, full-width digits (issue 16, problem 2)
		"/api/v1/directory/search?q=19121212%E2%80%931212",
		"/api/v1/directory/route?care=bup&kommun=121212%C2%A01212",
		"/api/v1/directory/route?care=bup&kommun=Lund&role=121212%E2%80%8B1212",
		"/api/v1/directory/search?q=" + url.QueryEscape("１２１２１２－１２１２"),
	} {
		resp, body := get(t, ts.URL+path, bearer)
		if resp.StatusCode != 400 || !strings.Contains(body, `"code":"personnummer"`) || strings.Contains(body, "1212") {
			t.Errorf("%s → %d %s", path, resp.StatusCode, body)
		}
	}
	if len(d.queries)+len(d.searches) != 0 {
		t.Error("a personnummer reached the directory")
	}
	if logged := logWithoutClock(t, logs.String()); strings.Contains(logged, "1212") {
		t.Errorf("log holds the number:\n%s", logged)
	}
}

// logWithoutClock is the JSON log with each line's time and duration
// removed: their digits change from run to run and may hold any sequence.
func logWithoutClock(t *testing.T, log string) string {
	t.Helper()
	var out strings.Builder
	for _, line := range strings.Split(strings.TrimSpace(log), "\n") {
		if line == "" {
			continue
		}
		var rec map[string]any
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Fatalf("log line is not JSON: %q", line)
		}
		delete(rec, "time")
		delete(rec, "duration")
		out.WriteString(mustJSON(t, rec) + "\n")
	}
	return out.String()
}

// TestAPISearchCapped: a search longer than the input gate's cap (200
// characters) is refused in the gate's words and never searched.
func TestAPISearchCapped(t *testing.T) {
	d := newFakeDirectory()
	opts, _ := testOptions(d)
	_, ts := start(t, opts)
	resp, body := get(t, ts.URL+"/api/v1/directory/search?q="+strings.Repeat("a", 201), bearer)
	if resp.StatusCode != 400 || !strings.Contains(body, `"code":"too_long"`) || !strings.Contains(body, "högst 200 tecken, du skrev 201") {
		t.Errorf("201 characters → %d %s", resp.StatusCode, body)
	}
	if len(d.searches) != 0 {
		t.Error("the over-long query was searched")
	}
	if resp, body := get(t, ts.URL+"/api/v1/directory/search?q="+strings.Repeat("a", 200), bearer); resp.StatusCode != 200 {
		t.Errorf("200 characters → %d %s", resp.StatusCode, body)
	}
}
