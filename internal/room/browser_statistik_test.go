package room

import (
	"context"
	"encoding/json"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// chartsAndTables reads, in the browser, what each chart draws and what
// the table beside it says.
const chartsAndTables = `JSON.stringify((() => {
  const q = s => [...document.querySelectorAll(s)];
  return {
    bars: q('#chart-answers rect.bar').map(r => r.dataset.value),
    widths: q('#chart-answers rect.bar').map(r => r.getBBox().width),
    shares: q('#table-answers tbody tr').map(tr => tr.cells[3].textContent).filter(t => t.endsWith('%')),
    meetingBars: q('#chart-meeting rect.bar').map(r => r.dataset.value),
    meetingRows: q('#table-meeting tbody tr').map(tr => tr.cells[1].textContent).filter(t => /^[0-9]+$/.test(t)),
    dots: q('#chart-follow circle.dot').map(c => c.dataset.value),
    rates: q('#table-follow tbody tr').map(tr => tr.cells[3].textContent).filter(t => t.endsWith('%')),
    scripts: q('script').length,
  };
})())`

// TestBrowserStatistics: a member of staff in a room session opens
// /rum/statistik on a synthetic year in Chromium; every chart draws
// exactly what the table beside it says, bar lengths follow the shares,
// and the page passes the accessibility rules.
func TestBrowserStatistics(t *testing.T) {
	e := newEnv(t)
	e.withStats(3000)
	ref := e.invitedCase()
	b := newTab(t)
	b.open(e.link(kurator, ref))
	page := b.open(e.srv.URL + StatsPath)
	if !contains(page, "Statistik", "Svar inom 2 arbetsdagar per vårdnivå", "Uppföljningsgrad per månad") {
		t.Fatalf("statistics page:\n%s", page)
	}
	ctx, cancel := context.WithTimeout(b.ctx, 20*time.Second)
	defer cancel()
	raw, err := chromedp.Run(ctx, chromedp.Evaluate[string](chartsAndTables))
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		Bars, Shares, MeetingBars, MeetingRows, Dots, Rates []string
		Widths                                              []float64
		Scripts                                             int
	}
	if err := json.Unmarshal([]byte(raw), &got); err != nil {
		t.Fatalf("%v: %s", err, raw)
	}
	if len(got.Bars) < 5 || !slices.Equal(got.Bars, got.Shares) {
		t.Errorf("answer bars %v, table shares %v", got.Bars, got.Shares)
	}
	for i, w := range got.Widths {
		share, err := strconv.ParseFloat(strings.TrimSuffix(got.Shares[i], " %"), 64)
		if err != nil || math.Abs(w-share/100*(chartW-chartLeft-60)) > 2 {
			t.Errorf("bar %d is %.1f wide for %s", i, w, got.Shares[i])
		}
	}
	if len(got.MeetingBars) == 0 || !slices.Equal(got.MeetingBars, got.MeetingRows) {
		t.Errorf("time-to-meeting bars %v, table %v", got.MeetingBars, got.MeetingRows)
	}
	if len(got.Dots) == 0 || !slices.Equal(got.Dots, got.Rates) {
		t.Errorf("follow-up points %v, table %v", got.Dots, got.Rates)
	}
	if got.Scripts != 0 {
		t.Errorf("%d scripts on the page", got.Scripts)
	}
	b.checkA11y("statistics page")
	b.screenshot("statistics")
}
