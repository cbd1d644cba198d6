package room

import (
	"fmt"
	"net/url"

	"github.com/samla-sip/samla/internal/stats"
)

// Chart geometry (SVG user units).
const (
	chartW, chartH = 480.0, 220.0
	chartLeft      = 130.0 // room for labels
	chartTop       = 10.0
	barGap         = 4.0
)

// statsView is the statistics page: three charts, each with its table,
// and the monthly table. Every number shown is one the report publishes
// (hidden cells stay "<5"/"x"; a hidden share draws no bar or point).
type statsView struct {
	Query   url.Values
	CSVURL  string
	Answers []barView // answered within 2 workdays, by care level
	Follow  lineView  // follow-up rate by month
	Meeting []barView // meetings by days from opened
	Rows    []stats.Row
	Care    []stats.AnswerRow
	Buckets []bucketRow
	Months  []stats.Row // the Total rows
}

type bucketRow struct {
	Label string
	N     stats.Cell
}

// barView is one horizontal bar with its label and value text.
type barView struct {
	Label, Value string
	Y, W, H      float64
	Shown        bool
}

// lineView is a polyline of points with their labels.
type lineView struct {
	Points string
	Dots   []dotView
	Ticks  []dotView
}

type dotView struct {
	X, Y  float64
	Label string
}

func pctText(r stats.Rate) string {
	if r == nil {
		return "–"
	}
	return fmt.Sprintf("%.0f %%", *r*100)
}

func bars(labels []string, values []float64, shown []bool, texts []string, max float64) []barView {
	n := float64(len(labels))
	if n == 0 {
		return nil
	}
	h := (chartH - chartTop) / n
	out := make([]barView, len(labels))
	for i := range labels {
		w := 0.0
		if shown[i] && max > 0 {
			w = values[i] / max * (chartW - chartLeft - 60)
		}
		out[i] = barView{Label: labels[i], Value: texts[i], Y: chartTop + float64(i)*h, W: w, H: h - barGap, Shown: shown[i]}
	}
	return out
}

func newStatsView(rep stats.Report, q url.Values) *statsView {
	v := &statsView{Query: q, CSVURL: StatsCSVPath + "?" + q.Encode(), Rows: rep.Rows, Care: rep.AnswersByCare}
	// Answers by care level: share answered within 2 workdays.
	var labels, texts []string
	var values []float64
	var shown []bool
	for _, a := range rep.AnswersByCare {
		labels, texts = append(labels, a.Group), append(texts, pctText(a.Within2Rate))
		if a.Within2Rate != nil {
			values, shown = append(values, *a.Within2Rate), append(shown, true)
		} else {
			values, shown = append(values, 0), append(shown, false)
		}
	}
	v.Answers = bars(labels, values, shown, texts, 1)
	// Follow-up rate by month (Total rows).
	for _, r := range rep.Rows {
		if r.Group == stats.Total {
			v.Months = append(v.Months, r)
		}
	}
	if n := len(v.Months); n > 0 {
		step := (chartW - 60) / float64(max(n-1, 1))
		for i, r := range v.Months {
			x := 40 + float64(i)*step
			if i%((n+5)/6) == 0 { // at most six month labels, so they do not overlap
				v.Follow.Ticks = append(v.Follow.Ticks, dotView{X: x, Y: chartH + 5, Label: r.Month})
			}
			if r.FollowUpRate == nil {
				continue
			}
			y := chartTop + (1-*r.FollowUpRate)*(chartH-chartTop)
			v.Follow.Dots = append(v.Follow.Dots, dotView{X: x, Y: y, Label: pctText(r.FollowUpRate)})
			v.Follow.Points += fmt.Sprintf("%.1f,%.1f ", x, y)
		}
	}
	// Time to meeting.
	labels, texts, values, shown = nil, nil, nil, nil
	top := 0.0
	for i, b := range stats.Buckets {
		c := rep.TimeToMeeting[i]
		v.Buckets = append(v.Buckets, bucketRow{Label: b.Label, N: c})
		labels, texts = append(labels, b.Label), append(texts, c.String())
		values, shown = append(values, float64(c.N)), append(shown, c.Shown())
		if c.Shown() {
			top = max(top, float64(c.N))
		}
	}
	v.Meeting = bars(labels, values, shown, texts, top)
	return v
}
