package stats

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

func testService(cases [][]Event) *Service {
	folded := Fold(cases)
	return &Service{Cases: func(context.Context) (*Folded, error) { return folded, nil },
		Now: func() time.Time { return now }, Loc: time.UTC}
}

func TestHandler(t *testing.T) {
	svc := testService(join(times(7, opened(day(2, 5), TypeOrdinary, "bup")), times(2, opened(day(2, 6), TypeOrdinary, "skola"))))
	get := func(q string) *httptest.ResponseRecorder {
		rec := httptest.NewRecorder()
		svc.ServeHTTP(rec, httptest.NewRequest("GET", "/api/v1/stats?"+q, nil))
		return rec
	}
	rec := get("by=care&from=2026-01")
	var rep struct {
		Rows []struct {
			Month, Group string
			Opened       any
		}
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &rep); rec.Code != 200 || err != nil {
		t.Fatalf("%d %s %v", rec.Code, rec.Body, err)
	}
	got := []string{}
	for _, r := range rep.Rows {
		got = append(got, r.Group+"="+fmt.Sprint(r.Opened))
	}
	if strings.Join(got, " ") != "total=9 bup=x skola=<5" {
		t.Errorf("rows %v", got)
	}
	if strings.Contains(rec.Body.String(), "SIP-") {
		t.Error("a case reference in the answer")
	}
	if rec := get("by=care&format=csv"); rec.Code != 200 || !strings.Contains(rec.Body.String(), "monthly,2026-02,skola,<5") ||
		!strings.HasPrefix(rec.Header().Get("Content-Type"), "text/csv") {
		t.Errorf("csv: %d %s", rec.Code, rec.Body)
	}
	for _, q := range []string{"by=person", "from=2026-13", "from=2026-05&to=2026-01", "ageband=12", "type=x"} {
		rec := get(q)
		var e struct {
			Error struct{ Code, Message string }
		}
		if err := json.Unmarshal(rec.Body.Bytes(), &e); rec.Code != 400 || err != nil || e.Error.Code == "" || e.Error.Message == "" {
			t.Errorf("%s: %d %s", q, rec.Code, rec.Body)
		}
	}
}

func TestRenderTableAndCSV(t *testing.T) {
	rep := Aggregate(join(times(6, opened(day(2, 5), TypeOrdinary, "bup"), invited("1", day(2, 6), "bup", "bup-lund", "skane", "region"),
		answer(KindAnswered, "1", day(2, 6)), ev(KindHeld, day(2, 20)))), Options{Now: now})
	var b strings.Builder
	if err := WriteTable(&b, rep); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"2026-02  total", "bup-lund", "0–7"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("table lacks %q:\n%s", want, b.String())
		}
	}
	b.Reset()
	if err := WriteCSV(&b, rep); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "answers_by_unit,bup-lund,6,6,100 %,6,0,0,0,0 %,0") {
		t.Errorf("csv:\n%s", b.String())
	}
}
