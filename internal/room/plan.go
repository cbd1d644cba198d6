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
	add(true, v.T("plan.title", v.PlanRef))
	add(false, "")
	if v.PlanVoice.Goals != "" {
		add(true, v.T("p.goals"))
		add(false, v.PlanVoice.Goals)
		add(false, "")
	}
	add(true, v.T("plan.efforts"))
	for _, e := range v.Plan.Efforts {
		add(false, "• "+v.Care(e.Party)+": "+e.Text)
	}
	if len(v.Plan.Efforts) == 0 {
		add(false, v.T("plan.missing"))
	}
	add(false, "")
	add(true, v.T("plan.measures"))
	for _, m := range v.Plan.Measures {
		add(false, "• "+m)
	}
	if len(v.Plan.Measures) == 0 {
		add(false, v.T("plan.missing"))
	}
	add(false, "")
	add(true, v.T("plan.resp"))
	add(false, orMissing(v, v.Plan.ResponsibleName))
	add(true, v.T("plan.followup"))
	add(false, orMissing(v, v.Date(v.Plan.FollowUp)))
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
