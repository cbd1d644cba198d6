package room

import (
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/samla-sip/samla/internal/sip"
)

// planFor finds who asks for case ref's written plan: the individual
// through their session, or staff who may see the case. ok is false when
// the answer was already written (the same "not found" for a case that
// does not exist and one the visitor may not see).
func (rm *Room) planFor(w http.ResponseWriter, r *http.Request) (view, bool) {
	ref := r.PathValue("ref")
	s, err := rm.session(r)
	if errors.Is(err, errNoSession) {
		rm.page(w, r, http.StatusUnauthorized, "message.html", rm.message(r, "expired"))
		return view{}, false
	}
	if err != nil {
		rm.fail(w, r, err)
		return view{}, false
	}
	if s.Ref != "" && !strings.EqualFold(ref, s.Ref) {
		rm.notFound(w, r)
		return view{}, false
	}
	var (
		plan  sip.Plan
		pref  string
		voice voice
	)
	if s.Person != "" {
		_, c, ok := rm.personVisit(w, r)
		if !ok {
			return view{}, false
		}
		plan, pref = c.Plan, c.Ref
	} else {
		_, cv, ok := rm.visit(w, r)
		if !ok {
			return view{}, false
		}
		plan, pref = cv.Plan, cv.Ref
	}
	voice, _, err = rm.readVoice(r.Context(), pref)
	if err != nil {
		rm.fail(w, r, err)
		return view{}, false
	}
	v := rm.baseView(r, text(rm.lang(r), "plan.title", pref))
	v.Plan, v.PlanVoice, v.PlanRef, v.HasPlan = plan, voice, pref, true
	return v, true
}

// planPage is the written plan as a printable page.
func (rm *Room) planPage(w http.ResponseWriter, r *http.Request) {
	v, ok := rm.planFor(w, r)
	if !ok {
		return
	}
	rm.page(w, r, http.StatusOK, "planpage.html", v)
}

// planPDF is the written plan as a PDF, from the same data as the page.
func (rm *Room) planPDF(w http.ResponseWriter, r *http.Request) {
	v, ok := rm.planFor(w, r)
	if !ok {
		return
	}
	var lines []pdfLine
	add := func(bold bool, s string) { lines = append(lines, pdfLine{Bold: bold, Text: s}) }
	section := func(title string, items []string) {
		add(true, title)
		if len(items) == 0 {
			items = []string{v.T("plan.missing")}
		}
		for _, it := range items {
			add(false, "• "+it)
		}
		add(false, "")
	}
	add(true, v.T("plan.title", v.PlanRef))
	add(false, "")
	p := v.Plan
	if v.PlanVoice.Goals != "" || len(p.Goals) > 0 {
		goals := append([]string(nil), p.Goals...)
		if v.PlanVoice.Goals != "" {
			goals = append([]string{v.PlanVoice.Goals}, goals...)
		}
		section(v.T("p.goals"), goals)
	}
	section(v.T("plan.needs"), p.NeedItems)
	var efforts, measures []string
	for _, e := range p.Efforts {
		efforts = append(efforts, v.Care(e.Party)+": "+e.Text)
	}
	section(v.T("plan.efforts"), efforts)
	for _, e := range p.OtherMeasures {
		measures = append(measures, v.Care(e.Party)+": "+e.Text)
	}
	measures = append(measures, p.Measures...)
	if p.NoMeasures {
		measures = append(measures, v.T("plan.nomeasures"))
	}
	section(v.T("plan.measures"), measures)
	add(true, v.T("plan.resp"))
	add(false, orMissing(v, p.ResponsibleName))
	add(true, v.T("plan.followup"))
	add(false, orMissing(v, v.Date(p.FollowUp)))
	if p.NextName != "" {
		add(true, v.T("plan.nextconv"))
		add(false, p.NextName)
	}
	w.Header().Set("Content-Type", "application/pdf")
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="plan-%s.pdf"`, v.PlanRef))
	_, _ = w.Write(renderPDF(lines))
}

func orMissing(v view, s string) string {
	if s == "" {
		return v.T("plan.missing")
	}
	return s
}
