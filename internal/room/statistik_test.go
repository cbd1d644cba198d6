package room

import (
	"context"
	"io"
	"math/rand/v2"
	"net/http"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/samla-sip/samla/directory"
	"github.com/samla-sip/samla/examples"
	"github.com/samla-sip/samla/internal/stats"
)

// withStats serves the statistics page from the env's store, filled with
// a synthetic year besides the cases the tests open.
func (e *env) withStats(n int) {
	e.t.Helper()
	d, err := directory.LoadFS(examples.Directory(), ".")
	if err != nil {
		e.t.Fatal(err)
	}
	if err := stats.WriteDemo(e.ctx, e.room.opts.Store, stats.Demo(rand.New(rand.NewPCG(5, 5)), d, n, e.clock.Now())); err != nil {
		e.t.Fatal(err)
	}
	e.room.opts.Stats = &stats.Service{Cases: stats.NewCache(e.room.opts.Store, 0, e.clock.Now).Cases, Now: e.clock.Now, Loc: time.UTC}
	e.srv.Config.Handler = e.room.Handler()
}

var (
	barRE  = regexp.MustCompile(`<text x="125"[^>]*>([^<]+)</text>\s*(?:<rect class="bar"[^>]*data-value="([^"]+)"></rect>)?`)
	rowRE  = regexp.MustCompile(`<tr><th scope="row">([^<]+)</th>((?:<td>[^<]*</td>)+)</tr>`)
	cellRE = regexp.MustCompile(`<td>([^<]*)</td>`)
)

// section is the part of the page from the element with id to the end of
// its section.
func section(t *testing.T, page, id string) string {
	t.Helper()
	i := strings.Index(page, `id="`+id+`"`)
	if i < 0 {
		t.Fatalf("no %s in the page", id)
	}
	j := strings.Index(page[i:], "</section>")
	if j < 0 {
		j = len(page) - i
	}
	return page[i : i+j]
}

// tableCells maps each row's heading to its cells.
func tableCells(part string) map[string][]string {
	out := map[string][]string{}
	for _, m := range rowRE.FindAllStringSubmatch(part, -1) {
		var cells []string
		for _, c := range cellRE.FindAllStringSubmatch(m[2], -1) {
			cells = append(cells, c[1])
		}
		out[m[1]] = cells
	}
	return out
}

// TestStatisticsPage: staff see the charts with their tables, and every
// bar says what its table says; the CSV downloads; the individual and
// visitors without a session do not get in.
func TestStatisticsPage(t *testing.T) {
	e := newEnv(t)
	e.withStats(3000)
	ref := e.invitedCase()

	if resp, _ := e.browser().get(e.srv.URL + StatsPath); resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("no session: %d", resp.StatusCode)
	}
	staff := e.browser()
	e.enter(staff, e.link(kurator, ref))
	resp, page := staff.get(e.srv.URL + StatsPath)
	if resp.StatusCode != 200 || !contains(page, `id="chart-answers"`, `id="chart-follow"`, `id="chart-meeting"`, `id="table-monthly"`) {
		t.Fatalf("page %d:\n%.2000s", resp.StatusCode, page)
	}
	if strings.Contains(page, "<script") || strings.Contains(page, ref) || strings.Contains(page, "DEMO-") {
		t.Error("a script or a case reference on the statistics page")
	}
	// Answers: each bar's value is the table's share for that care level.
	answers := section(t, page, "answers-h")
	table := tableCells(answers)
	bars := barRE.FindAllStringSubmatch(answers, -1)
	if len(bars) < 5 || len(bars) != len(table) {
		t.Fatalf("%d bars, %d table rows", len(bars), len(table))
	}
	for _, b := range bars {
		row := table[b[1]]
		if len(row) < 3 || b[2] != "" && b[2] != row[2] {
			t.Errorf("bar %s = %q, table %v", b[1], b[2], row)
		}
	}
	// Time to meeting: each bar's count is the table's.
	meeting := section(t, page, "meeting-h")
	table = tableCells(meeting)
	shown := 0
	for _, b := range barRE.FindAllStringSubmatch(meeting, -1) {
		label := strings.TrimSuffix(b[1], " dagar")
		if row := table[label]; len(row) != 1 || b[2] != "" && b[2] != row[0] {
			t.Errorf("bucket %s = %q, table %v", label, b[2], row)
		}
		if b[2] != "" {
			shown++
		}
	}
	if shown == 0 {
		t.Error("no time-to-meeting bar drawn")
	}
	// Follow-up rate: one point per month whose rate the table shows.
	follow := section(t, page, "follow-h")
	points := strings.Count(follow, `<circle class="dot"`)
	rates := 0
	for _, row := range tableCells(follow) {
		if len(row) == 3 && strings.HasSuffix(row[2], "%") {
			rates++
		}
	}
	if points == 0 || points != rates {
		t.Errorf("%d points, %d rates in the table", points, rates)
	}
	if resp, csv := staff.get(e.srv.URL + StatsCSVPath + "?from=2026-01"); resp.StatusCode != 200 ||
		!strings.HasPrefix(resp.Header.Get("Content-Type"), "text/csv") || !strings.Contains(csv, "\nmonthly,2026-") {
		t.Errorf("csv %d %q", resp.StatusCode, csv[:min(len(csv), 200)])
	}
	if resp, page := staff.get(e.srv.URL + StatsPath + "?from=2026-13"); resp.StatusCode != http.StatusBadRequest || !strings.Contains(page, "ÅÅÅÅ-MM") {
		t.Errorf("bad month: %d", resp.StatusCode)
	}

	link, code := e.personLink(kurator, ref, "individen")
	person := e.browser()
	e.signIn(person, link, code)
	if resp, _ := person.get(e.srv.URL + StatsPath); resp.StatusCode != http.StatusNotFound {
		t.Errorf("the individual's session: %d", resp.StatusCode)
	}
}

// BenchmarkStatsPage50k: the page's work on a year of national volume
// with the events cached (aggregate and render); issue 15 asks < 200 ms.
func BenchmarkStatsPage50k(b *testing.B) {
	d, err := directory.LoadFS(examples.Directory(), ".")
	if err != nil {
		b.Fatal(err)
	}
	now := time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC)
	folded := stats.Fold(stats.Demo(rand.New(rand.NewPCG(5, 5)), d, 50_000, now))
	svc := &stats.Service{Cases: func(context.Context) (*stats.Folded, error) { return folded, nil },
		Now: func() time.Time { return now }, Loc: stockholm}
	var ru0 syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru0)
	b.ResetTimer()
	for b.Loop() {
		rep, err := svc.Report(context.Background(), stats.Options{})
		if err != nil {
			b.Fatal(err)
		}
		v := view{Lang: "sv", Title: "Statistik", Stats: newStatsView(rep, nil)}
		if err := pages.ExecuteTemplate(io.Discard, "statistik.html", v); err != nil {
			b.Fatal(err)
		}
	}
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	cpu := time.Duration(ru.Utime.Nano() + ru.Stime.Nano() - ru0.Utime.Nano() - ru0.Stime.Nano())
	b.ReportMetric(float64(cpu.Milliseconds())/float64(b.N), "cpu-ms/op")
}
