// Package stats keeps anonymous statistics of how SIPs are convened: the
// core records each lifecycle step as an Event in the same store
// transaction as the change, and Aggregate turns the events into the
// measures of docs/statistics.md, with small cells suppressed.
//
// An Event holds no reference to the individual, no free text and no
// staff names: a kommun, a region, an age band, care levels, unit and
// organisation ids, dates and fixed codes. The case reference exists only
// in the store's internal key (to order one case's events) and is dropped
// by Load before anything is aggregated or exported.
package stats
