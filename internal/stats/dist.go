package stats

import (
	"math"
	"slices"
)

// MinDist is the fewest values a median and p90 are shown for.
const MinDist = 5

// Dist is the median and 90th percentile of a number of days; nil when
// fewer than MinDist values are behind them.
type Dist struct {
	N      Cell     `json:"n"`
	Median *float64 `json:"median"`
	P90    *float64 `json:"p90"`
}

// quantile is the nearest-rank quantile of sorted values.
func quantile(sorted []float64, q float64) float64 {
	i := int(math.Ceil(q*float64(len(sorted)))) - 1
	return sorted[max(i, 0)]
}

func dist(days []float64) Dist {
	d := Dist{N: Cell{N: len(days)}}
	if small(len(days)) {
		d.N.Mark = Small
	}
	if len(days) < MinDist {
		return d
	}
	slices.Sort(days)
	m, p := quantile(days, 0.5), quantile(days, 0.9)
	d.Median, d.P90 = &m, &p
	return d
}
