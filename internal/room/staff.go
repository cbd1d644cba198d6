package room

import (
	"errors"
	"net/http"
	"strings"

	"github.com/samla-sip/samla/internal/sip"
	"github.com/samla-sip/samla/internal/textgate"
)

// open turns a staff link from chat into a session and leads to the case
// (without the token in the address bar or in any later request).
func (rm *Room) open(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	l, err := rm.redeem(ctx, r.URL.Query().Get("t"))
	if errors.Is(err, errLinkRefused) {
		rm.page(w, r, http.StatusForbidden, "message.html", rm.message(r, "refused"))
		return
	}
	if err != nil {
		rm.fail(w, r, err)
		return
	}
	res, err := rm.opts.Core.View(ctx, l.Actor, l.Ref)
	if err != nil || !mayEnter(res.Case) {
		rm.notFound(w, r)
		return
	}
	if err := rm.startSession(ctx, w, l.Actor, res.Ref); err != nil {
		rm.fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/rum/"+res.Ref+langSuffix(r), http.StatusSeeOther)
}

func langSuffix(r *http.Request) string {
	if r.URL.Query().Get("lang") == "en" {
		return "?lang=en"
	}
	return ""
}

// fail logs an internal failure (never a token) and answers 500.
func (rm *Room) fail(w http.ResponseWriter, r *http.Request, err error) {
	rm.opts.Log.ErrorContext(r.Context(), "room: request failed", "path", r.URL.Path, "err", err)
	rm.page(w, r, http.StatusInternalServerError, "message.html", rm.message(r, "error"))
}

// visit is a request in a live session on a case the person may still
// see; ok is false when the answer was already written.
func (rm *Room) visit(w http.ResponseWriter, r *http.Request) (*session, *sip.CaseView, bool) {
	s, err := rm.session(r)
	if errors.Is(err, errNoSession) {
		v := rm.message(r, "expired")
		v.Login = rm.oidc != nil
		rm.page(w, r, http.StatusUnauthorized, "message.html", v)
		return nil, nil, false
	}
	if err != nil {
		rm.fail(w, r, err)
		return nil, nil, false
	}
	// A session from a chat link opens its one case; one from a sign-in
	// (no case of its own) every case the core lets the person see.
	ref := r.PathValue("ref")
	if s.Person != "" || s.Ref != "" && !strings.EqualFold(ref, s.Ref) {
		rm.notFound(w, r)
		return nil, nil, false
	}
	res, err := rm.opts.Core.View(r.Context(), s.Actor, ref)
	if err != nil || !mayEnter(res.Case) {
		// Access ends at once: a chat link's session too.
		if s.Ref != "" {
			rm.endSession(r.Context(), s.key)
		}
		rm.notFound(w, r)
		return nil, nil, false
	}
	return s, res.Case, true
}

// staffPage is the case room as a member of staff sees it.
func (rm *Room) staffPage(w http.ResponseWriter, r *http.Request) {
	s, cv, ok := rm.visit(w, r)
	if !ok {
		return
	}
	v := rm.staffView(r, s, cv)
	vo, _, err := rm.readVoice(r.Context(), cv.Ref)
	if err != nil {
		rm.fail(w, r, err)
		return
	}
	if vo.Role != "" {
		v.Voice = &vo
	}
	if r.URL.Query().Get("sparat") == "1" {
		v.Notice = v.T("saved")
	}
	rm.page(w, r, http.StatusOK, "staff.html", v)
}

func (rm *Room) staffView(r *http.Request, s *session, cv *sip.CaseView) view {
	v := rm.baseView(r, cv.Ref)
	v.CSRF, v.Case, v.Convener = s.CSRF, cv, cv.Role == sip.RoleConvener && cv.Closed == nil
	v.Age = cv.AgeBand
	if cv.Age >= 0 {
		v.Age = v.T("age", cv.Age)
	}
	for i := range cv.Invitations {
		in := &cv.Invitations[i]
		if in.ContactID == cv.Reader && cv.Closed == nil && cv.Consent != nil &&
			in.State != sip.StateCancelled && in.State != sip.StateDelegated && in.Channel != "self" {
			v.MyInvitation = in
		}
	}
	v.Errors, v.Form, v.Slots, v.Three = map[string]string{}, map[string]string{}, map[int]string{}, []int{1, 2, 3}
	v.PlanKinds = planKinds
	v.Plan, v.PlanRef = cv.Plan, cv.Ref
	return v
}

// planKinds are what the plan form adds (form.<kind> names each).
var planKinds = []string{"goal", "need", "effort", "othermeasure", "measure"}

// posted checks the session, the case and the form's CSRF token; ok is
// false when the answer was already written.
func (rm *Room) posted(w http.ResponseWriter, r *http.Request) (*session, *sip.CaseView, bool) {
	r.Body = http.MaxBytesReader(w, r.Body, 16<<10)
	if err := r.ParseForm(); err != nil {
		rm.page(w, r, http.StatusBadRequest, "message.html", rm.message(r, "csrf"))
		return nil, nil, false
	}
	s, cv, ok := rm.visit(w, r)
	if !ok {
		return nil, nil, false
	}
	if !s.validCSRF(r) {
		rm.opts.Log.WarnContext(r.Context(), "room: form refused: csrf", "path", r.URL.Path)
		rm.page(w, r, http.StatusForbidden, "message.html", rm.message(r, "csrf"))
		return nil, nil, false
	}
	return s, cv, true
}

// done answers a form: back to the page on success, or the page again
// with each mistake next to its field.
func (rm *Room) done(w http.ResponseWriter, r *http.Request, s *session, cv *sip.CaseView, err error, fields map[string]string) {
	if err == nil {
		q := "?sparat=1"
		if rm.lang(r) == "en" {
			q += "&lang=en"
		}
		http.Redirect(w, r, "/rum/"+cv.Ref+q, http.StatusSeeOther)
		return
	}
	var ref *sip.Refusal
	if !errors.As(err, &ref) || ref.Internal {
		rm.fail(w, r, err)
		return
	}
	v := rm.staffView(r, s, cv)
	for field, msg := range ref.Fields() {
		if f, ok := fields[field]; ok {
			field = f
		} else {
			field = ""
		}
		if _, dup := v.Errors[field]; !dup {
			v.Errors[field] = msg
		}
	}
	// What was typed is shown again to be corrected, except anything
	// holding a personnummer: that is never echoed.
	keep := func(s string) string {
		if textgate.Check(textgate.Answer, s) != nil {
			return ""
		}
		return s
	}
	for k := range r.PostForm {
		if k != "csrf" {
			v.Form[k] = keep(r.PostForm.Get(k))
		}
	}
	for i, sl := range r.PostForm["slot"] {
		v.Slots[i+1] = keep(sl)
	}
	rm.page(w, r, http.StatusUnprocessableEntity, "staff.html", v)
}

func (rm *Room) postAnswer(w http.ResponseWriter, r *http.Request) {
	s, cv, ok := rm.posted(w, r)
	if !ok {
		return
	}
	kind := sip.AnswerKind(r.PostFormValue("kind"))
	switch kind {
	case sip.AnswerAttend, sip.AnswerVideo, sip.AnswerDecline:
	default:
		v := rm.staffView(r, s, cv)
		v.Errors["kind"] = v.T("form.choose")
		v.Form["reason"] = r.PostFormValue("reason")
		rm.page(w, r, http.StatusUnprocessableEntity, "staff.html", v)
		return
	}
	in := sip.Answer{Ref: cv.Ref, Invitation: r.PostFormValue("inv"), Kind: kind, Reason: strings.TrimSpace(r.PostFormValue("reason"))}
	_, err := rm.opts.Core.Answer(r.Context(), s.Actor, in)
	rm.done(w, r, s, cv, err, map[string]string{sip.FieldReason: "reason"})
}

func (rm *Room) postProposal(w http.ResponseWriter, r *http.Request) {
	s, cv, ok := rm.posted(w, r)
	if !ok {
		return
	}
	var slots []string
	for _, sl := range r.PostForm["slot"] {
		if sl = strings.TrimSpace(sl); sl != "" {
			slots = append(slots, sl)
		}
	}
	_, err := rm.opts.Core.ProposeMeeting(r.Context(), s.Actor, sip.ProposeMeeting{Ref: cv.Ref, Slots: slots})
	rm.done(w, r, s, cv, err, map[string]string{sip.FieldSlots: "slots", sip.FieldMeeting: "slots"})
}

func (rm *Room) postPlanItem(w http.ResponseWriter, r *http.Request) {
	s, cv, ok := rm.posted(w, r)
	if !ok {
		return
	}
	txt := strings.TrimSpace(r.PostFormValue("text"))
	party := r.PostFormValue("party")
	in := sip.EditPlan{Ref: cv.Ref}
	switch r.PostFormValue("kind") {
	case "goal":
		in.Goal = txt
	case "need":
		in.Need = txt
	case "othermeasure":
		in.OtherMeasure = &sip.Effort{Party: party, Text: txt}
	case "measure":
		in.Measure = txt
	default:
		in.Effort = &sip.Effort{Party: party, Text: txt}
	}
	_, err := rm.opts.Core.EditPlan(r.Context(), s.Actor, in)
	rm.done(w, r, s, cv, err, map[string]string{sip.FieldEffort: "text", sip.FieldMeasure: "text",
		sip.FieldNeeds: "text", "goal": "text", "need": "text"})
}

// postReceived records that the individual received the written plan.
func (rm *Room) postReceived(w http.ResponseWriter, r *http.Request) {
	s, cv, ok := rm.posted(w, r)
	if !ok {
		return
	}
	form := sip.ReceivedDigital
	if r.PostFormValue("form") == "paper" {
		form = sip.ReceivedPaper
	}
	in := sip.EditPlan{Ref: cv.Ref, ReceivedDate: strings.TrimSpace(r.PostFormValue("date")), ReceivedForm: form}
	_, err := rm.opts.Core.EditPlan(r.Context(), s.Actor, in)
	rm.done(w, r, s, cv, err, map[string]string{sip.FieldReceived: "rdate", sip.FieldDate: "rdate"})
}

// logout ends the session (POST with the CSRF token).
func (rm *Room) logout(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 4<<10)
	if s, err := rm.session(r); err == nil && r.ParseForm() == nil && s.validCSRF(r) {
		rm.endSession(r.Context(), s.key)
	}
	http.SetCookie(w, rm.cookie("", -1))
	rm.page(w, r, http.StatusOK, "message.html", rm.message(r, "loggedout"))
}
