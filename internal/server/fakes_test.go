package server

import (
	"log/slog"
	"net/http"
	"net/http/httptest"
	"sync"
	"time"

	"github.com/samla-sip/samla/directory"
	"github.com/samla-sip/samla/internal/i18n"
	"github.com/samla-sip/samla/internal/testutil"
)

// text is a fixed Reason.
type text struct{ sv, en string }

func (t text) Text(l i18n.Lang) string { return i18n.Text{Sv: t.sv, En: t.en}.In(l) }

// fakeDirectory records queries and answers fixed results.
type fakeDirectory struct {
	mu       sync.Mutex
	queries  []directory.Query
	searches []string
	limits   []int
	contacts []*directory.Contact
}

var (
	bupUnit   = &directory.Unit{ID: "bup-lund", Name: "BUP Lund"}
	bupVagIn  = &directory.Contact{ID: "bup-lund-vagin", Unit: "bup-lund", Name: "BUP Lund SIP-mottagning"}
	bupAnna   = &directory.Contact{ID: "bup-lund-anna", Unit: "bup-lund", Name: "Anna Exempel"}
	fakeRoute = directory.RouteResult{
		Candidates: []directory.Candidate{
			{Contact: bupVagIn, Unit: bupUnit, Channel: directory.Reach{Kind: "slack", Workspace: "T0001", User: "U0001"},
				Reason: text{"enhetens väg in", "the unit's entry point"}},
			{Contact: bupAnna, Unit: bupUnit, Channel: directory.Reach{Kind: "email", Address: "anna@example.se"},
				Reason: text{"sip-samordnare", "SIP coordinator"}},
		},
		Note: text{"två träffar", "two matches"},
	}
)

func newFakeDirectory() *fakeDirectory {
	return &fakeDirectory{contacts: []*directory.Contact{bupVagIn, bupAnna}}
}

func (f *fakeDirectory) Route(q directory.Query) directory.RouteResult {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.queries = append(f.queries, q)
	return fakeRoute
}

func (f *fakeDirectory) Search(q string, limit int) []directory.Hit {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.searches = append(f.searches, q)
	f.limits = append(f.limits, limit)
	return []directory.Hit{{Contact: bupVagIn, Unit: bupUnit, Score: 2.5}}
}

func (f *fakeDirectory) Stats() directory.Stats {
	return directory.Stats{Organisations: 1, Units: 1, Contacts: len(f.contacts), Files: 1}
}

var testNow = time.Date(2026, 12, 3, 10, 30, 0, 0, time.UTC)

const testToken = "tok-0123456789"

// testOptions is a server with a fake directory, one token and a JSON log
// into the returned buffer.
func testOptions(d *fakeDirectory) (Options, *testutil.SyncBuffer) {
	logs := &testutil.SyncBuffer{}
	return Options{
		Log:          slog.New(slog.NewJSONHandler(logs, nil)),
		Directory:    func() Directory { return d },
		KnownKommun:  func(k string) bool { return k == "Lund" || k == "1281" },
		APITokens:    []string{"other-token-xyz", testToken},
		Now:          func() time.Time { return testNow },
		NewRequestID: func() string { return "req-1" },
	}, logs
}

func httptestRequest(path, acceptLanguage string) *http.Request {
	r := httptest.NewRequest(http.MethodGet, path, nil)
	r.Header.Set("Accept-Language", acceptLanguage)
	return r
}
