package stats

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"text/tabwriter"
)

func pct(r Rate) string {
	if r == nil {
		return "–"
	}
	return fmt.Sprintf("%.0f %%", *r*100)
}

func days1(x *float64) string {
	if x == nil {
		return "–"
	}
	return fmt.Sprintf("%.0f", *x)
}

// rowColumns are the columns of the monthly table, CSV and page.
var rowColumns = []string{"month", "group", "opened", "meetings_held", "plans_established", "follow_ups_held",
	"follow_up_due", "followed_up", "follow_up_rate", "days_to_consent_median", "days_to_meeting_median", "days_to_meeting_p90",
	"discharge_sips", "discharge_within_3_workdays", "discharge_share", "plans_all_four_items", "plans_with_goals",
	"plans_handed_over", "responsible_kommun", "responsible_region", "responsible_other"}

func (r *Row) fields() []string {
	return []string{r.Month, r.Group, r.Opened.String(), r.Held.String(), r.Established.String(), r.FollowUps.String(),
		r.FollowUpDue.String(), r.FollowedUp.String(), pct(r.FollowUpRate), days1(r.DaysToConsent.Median),
		days1(r.DaysTotal.Median), days1(r.DaysTotal.P90), r.Discharge.String(), r.DischargeIn3.String(),
		pct(r.DischargeShare), r.PlansAllItems.String(), r.PlansGoals.String(), r.PlansHanded.String(),
		r.RespKommun.String(), r.RespRegion.String(), r.RespOther.String()}
}

var answerColumns = []string{"group", "sent", "answered_within_2_workdays", "share", "accepted", "declined", "substituted", "never_answered", "never_share", "pending"}

func (r *AnswerRow) fields() []string {
	return []string{r.Group, r.Sent.String(), r.Within2.String(), pct(r.Within2Rate), r.Accepted.String(),
		r.Declined.String(), r.Substituted.String(), r.Never.String(), pct(r.NeverRate), r.Pending.String()}
}

// WriteJSON writes the report as JSON (the API's answer).
func WriteJSON(w io.Writer, rep Report) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(rep)
}

// WriteCSV writes the report's tables one after the other, each with a
// "table" column naming it.
func WriteCSV(w io.Writer, rep Report) error {
	cw := csv.NewWriter(w)
	write := func(table string, cols []string) { _ = cw.Write(append([]string{table}, cols...)) }
	write("table", rowColumns)
	for i := range rep.Rows {
		write("monthly", rep.Rows[i].fields())
	}
	write("table", answerColumns)
	for i := range rep.AnswersByCare {
		write("answers_by_care", rep.AnswersByCare[i].fields())
	}
	for i := range rep.AnswersByUnit {
		write("answers_by_unit", rep.AnswersByUnit[i].fields())
	}
	write("table", []string{"days_opened_to_meeting", "meetings_held"})
	for i, b := range Buckets {
		write("time_to_meeting", []string{b.Label, rep.TimeToMeeting[i].String()})
	}
	write("table", []string{"month", "org", "code", "count"})
	for _, c := range rep.Codes {
		write("codes", []string{c.Month, c.Org, c.Code, c.N.String()})
	}
	cw.Flush()
	return cw.Error()
}

// WriteTable writes the report as aligned text tables.
func WriteTable(w io.Writer, rep Report) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	line := func(cells ...string) {
		for i, c := range cells {
			if i > 0 {
				fmt.Fprint(tw, "\t")
			}
			fmt.Fprint(tw, c)
		}
		fmt.Fprintln(tw)
	}
	fmt.Fprintln(tw, "Per månad (<5 = 1–4, x = dolt så att summor inte röjer en liten cell)")
	line("MÅNAD", "GRUPP", "ÖPPNADE", "MÖTEN", "PLANER", "UPPFÖLJN.", "UPPF.GRAD", "DGR→MÖTE MEDIAN", "P90", "UTSKR. INOM 3 AD", "ALLA 4 PUNKTER", "MÅL")
	for i := range rep.Rows {
		r := &rep.Rows[i]
		line(r.Month, r.Group, r.Opened.String(), r.Held.String(), r.Established.String(), r.FollowUps.String(),
			pct(r.FollowUpRate), days1(r.DaysTotal.Median), days1(r.DaysTotal.P90), pct(r.DischargeShare),
			r.PlansAllItems.String(), r.PlansGoals.String())
	}
	for _, t := range []struct {
		title string
		rows  []AnswerRow
	}{{"Svar per vårdnivå", rep.AnswersByCare}, {"Svar per enhet", rep.AnswersByUnit}} {
		fmt.Fprintln(tw)
		fmt.Fprintln(tw, t.title)
		line("GRUPP", "KALLADE", "SVAR ≤2 AD", "ANDEL", "JA", "NEJ", "ERSÄTTARE", "ALDRIG SVAR", "ANDEL", "VÄNTAR")
		for i := range t.rows {
			line(t.rows[i].fields()...)
		}
	}
	fmt.Fprintln(tw)
	fmt.Fprintln(tw, "Dagar från öppnat till möte")
	for i, b := range Buckets {
		line(b.Label, rep.TimeToMeeting[i].String())
	}
	fmt.Fprintln(tw)
	fmt.Fprintln(tw, "Registreringskoder (KVÅ/KSI) per organisation och månad")
	line("MÅNAD", "ORGANISATION", "KOD", "ANTAL")
	for _, c := range rep.Codes {
		line(c.Month, c.Org, c.Code, c.N.String())
	}
	return tw.Flush()
}
