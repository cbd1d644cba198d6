package stats

import (
	"math"
	"time"
)

// Dimensions a report may be broken down by (Options.By).
const (
	ByKommun  = "kommun"
	ByRegion  = "region"
	ByCare    = "care"
	ByUnit    = "unit"
	ByAgeBand = "ageband"
	ByType    = "type"
	// Total is the group of a row over every case of the month.
	Total = "total"
)

// Dimensions lists the valid values of Options.By ("" is none).
var Dimensions = []string{ByKommun, ByRegion, ByCare, ByUnit, ByAgeBand, ByType}

// Options selects and breaks down a report.
type Options struct {
	From, To string // months YYYY-MM, inclusive; "" = unbounded
	By       string // a dimension, or "" for totals only
	// Filters: only cases of this kommun (SCB code), region, age band,
	// type, or with a party of this care level.
	Kommun, Region, AgeBand, Type, Care string
	// Now decides which follow-up dates have passed and which discharge
	// SIPs are still inside their three workdays.
	Now time.Time
	// Loc is the time zone of months and days (nil: UTC); working days are
	// Swedish ones (internal/calendar).
	Loc *time.Location
}

// Row is one month (and group) of the measures of docs/statistics.md.
type Row struct {
	Month string `json:"month"`
	Group string `json:"group"`

	Opened      Cell `json:"opened"`
	Held        Cell `json:"meetings_held"`
	Established Cell `json:"plans_established"`
	FollowUps   Cell `json:"follow_ups_held"`

	FollowUpDue  Cell `json:"follow_up_due"`
	FollowedUp   Cell `json:"followed_up"`
	FollowUpRate Rate `json:"follow_up_rate"`

	DaysToConsent    Dist `json:"days_opened_to_consent"`
	DaysToInvitation Dist `json:"days_consent_to_first_invitation"`
	DaysToMeeting    Dist `json:"days_first_invitation_to_meeting"`
	DaysTotal        Dist `json:"days_opened_to_meeting"`

	Discharge      Cell `json:"discharge_sips"`
	DischargeIn3   Cell `json:"discharge_kallelse_within_3_workdays"`
	DischargeShare Rate `json:"discharge_kallelse_share"`

	PlansAllItems Cell `json:"plans_all_four_items"`
	PlansGoals    Cell `json:"plans_with_goals"`
	PlansHanded   Cell `json:"plans_handed_over"`

	RespKommun Cell `json:"responsible_kommun"`
	RespRegion Cell `json:"responsible_region"`
	RespOther  Cell `json:"responsible_other"`

	days [4][]float64
}

// counts lists the row's counts, for suppression across groups.
func (r *Row) counts() []*Cell {
	return []*Cell{&r.Opened, &r.Held, &r.Established, &r.FollowUps, &r.FollowUpDue, &r.FollowedUp,
		&r.Discharge, &r.DischargeIn3, &r.PlansAllItems, &r.PlansGoals, &r.PlansHanded,
		&r.RespKommun, &r.RespRegion, &r.RespOther}
}

// AnswerRow is how the invitations sent to one care level or unit were
// answered.
type AnswerRow struct {
	Group       string `json:"group"`
	Sent        Cell   `json:"sent"`
	Within2     Cell   `json:"answered_within_2_workdays"`
	Accepted    Cell   `json:"accepted"`
	Declined    Cell   `json:"declined"`
	Substituted Cell   `json:"substituted"`
	Never       Cell   `json:"never_answered"`
	Pending     Cell   `json:"pending"`
	Within2Rate Rate   `json:"answered_within_2_workdays_share"`
	NeverRate   Rate   `json:"never_answered_share"`
}

// CodeRow is how many SIPs an organisation should have registered under a
// national code in a month.
type CodeRow struct {
	Month string `json:"month"`
	Org   string `json:"org"`
	Code  string `json:"code"`
	N     Cell   `json:"count"`
}

// Registration codes (KVÅ for regions, KSI for kommuner).
const (
	CodeAU124 = "AU124"     // KVÅ: SIP drawn up
	CodeAU125 = "AU125"     // KVÅ: SIP drawn up at discharge from hospital
	CodeAW010 = "AW010"     // KVÅ: SIP follow-up
	CodeXAH75 = "XAH.20.75" // KSI: SIP drawn up
	CodeXAH65 = "XAH.20.65" // KSI: SIP at discharge from in-patient care
)

// Buckets of the time from opened to meeting held, in days (upper bounds,
// inclusive; the last is open).
var Buckets = []struct {
	Label string
	Max   float64
}{{"0–7", 7}, {"8–14", 14}, {"15–28", 28}, {"29–56", 56}, {"57–", math.Inf(1)}}

// Report is every measure for the selected months.
type Report struct {
	From string `json:"from"`
	To   string `json:"to"`
	By   string `json:"by"`
	// Rows: per month, a Total row and, with By, one per group.
	Rows []Row `json:"rows"`
	// AnswersByCare and AnswersByUnit cover invitations sent in the months.
	AnswersByCare []AnswerRow `json:"answers_by_care"`
	AnswersByUnit []AnswerRow `json:"answers_by_unit"`
	// TimeToMeeting counts meetings held by days from opened (Buckets).
	TimeToMeeting []Cell    `json:"time_to_meeting"`
	Codes         []CodeRow `json:"codes"`
}
