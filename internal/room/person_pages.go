package room

import (
	"context"
	"errors"
	"html/template"
	"net/http"
	"slices"
	"strings"

	"github.com/samla-sip/samla/internal/i18n"
	"github.com/samla-sip/samla/internal/sip"
	"github.com/samla-sip/samla/internal/textgate"
)

// preCookie holds the code form's CSRF value (double submit: the form
// and the cookie must agree) before there is a session.
const preCookie = "samla_pre"

// personView adds the individual's page to view.
type personView struct {
	view
	PreCSRF        string
	Token          string
	Person         *sip.Case
	Voice          voice
	Who            []string
	Participations []string
	Comings        []string
}

// ErrFor is the mistake shown above a field, with the id its control
// points to.
func (v view) ErrFor(field string) template.HTML {
	msg, ok := v.Errors[field]
	if !ok {
		return ""
	}
	return template.HTML(`<p class="error" id="err-` + template.HTMLEscapeString(field) + `">` + template.HTMLEscapeString(msg) + `</p>`)
}

// Invalid marks a control whose field has a mistake.
func (v view) Invalid(field string) template.HTMLAttr {
	if _, ok := v.Errors[field]; !ok {
		return ""
	}
	return template.HTMLAttr(`aria-invalid="true" aria-describedby="err-` + template.HTMLEscapeString(field) + `"`)
}

// Care is a care level's name.
func (v view) Care(id string) string {
	if _, ok := texts["care."+id]; ok {
		return v.T("care." + id)
	}
	return id
}

// personCodeForm asks for the code that goes with a personal link.
func (rm *Room) personCodeForm(w http.ResponseWriter, r *http.Request) {
	token := r.URL.Query().Get("t")
	if _, _, err := rm.personLinkOf(r.Context(), tokenKey(token)); err != nil {
		rm.personRefused(w, r, err)
		return
	}
	rm.codePage(w, r, http.StatusOK, token, "")
}

func (rm *Room) codePage(w http.ResponseWriter, r *http.Request, status int, token, errMsg string) {
	pre, err := newToken(rm.opts.Rand)
	if err != nil {
		rm.fail(w, r, err)
		return
	}
	http.SetCookie(w, &http.Cookie{Name: preCookie, Value: pre, Path: PersonPath, MaxAge: 3600,
		HttpOnly: true, Secure: rm.secure, SameSite: http.SameSiteStrictMode})
	v := personView{view: rm.baseView(r, text(rm.lang(r), "p.code.h")), PreCSRF: pre, Token: token}
	v.SwitchURL = "" // the token must not travel in a link
	v.Errors = map[string]string{}
	if errMsg != "" {
		v.Errors["code"] = errMsg
	}
	rm.renderPerson(w, r, status, "person_code.html", v)
}

func (rm *Room) renderPerson(w http.ResponseWriter, r *http.Request, status int, name string, v personView) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	if err := pages.ExecuteTemplate(w, name, v); err != nil {
		rm.opts.Log.ErrorContext(r.Context(), "room: render", "page", name, "err", err)
	}
}

// personRefused is the one answer for a personal link that does not open
// (unknown, revoked, locked, expired).
func (rm *Room) personRefused(w http.ResponseWriter, r *http.Request, err error) {
	if !errors.Is(err, errPersonRefused) {
		rm.fail(w, r, err)
		return
	}
	rm.page(w, r, http.StatusForbidden, "message.html", rm.message(r, "p.refused"))
}

// personCodePost checks the code and opens the individual's session.
func (rm *Room) personCodePost(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 4<<10)
	if err := r.ParseForm(); err != nil {
		rm.page(w, r, http.StatusBadRequest, "message.html", rm.message(r, "csrf"))
		return
	}
	c, err := r.Cookie(preCookie)
	if err != nil || c.Value == "" || r.PostFormValue("csrf") != c.Value {
		rm.page(w, r, http.StatusForbidden, "message.html", rm.message(r, "csrf"))
		return
	}
	token := r.PostFormValue("t")
	l, key, err := rm.checkCode(r.Context(), token, r.PostFormValue("code"))
	if errors.Is(err, errPersonRefused) {
		if _, _, lerr := rm.personLinkOf(r.Context(), tokenKey(token)); lerr == nil {
			rm.codePage(w, r, http.StatusUnprocessableEntity, token, text(rm.lang(r), "p.code.wrong"))
			return
		}
	}
	if err != nil {
		rm.personRefused(w, r, err)
		return
	}
	if _, err := rm.personCase(r.Context(), l); err != nil {
		rm.personRefused(w, r, err)
		return
	}
	if err := rm.storeSession(r.Context(), w, session{Ref: l.Ref, Person: l.Role, LinkKey: key}); err != nil {
		rm.fail(w, r, err)
		return
	}
	http.SetCookie(w, &http.Cookie{Name: preCookie, Path: PersonPath, MaxAge: -1})
	http.Redirect(w, r, "/rum/mitt"+langSuffix(r), http.StatusSeeOther)
}

// personVisit is a request in a live session of the individual whose
// link still opens the case.
func (rm *Room) personVisit(w http.ResponseWriter, r *http.Request) (*session, *sip.Case, bool) {
	s, err := rm.session(r)
	if errors.Is(err, errNoSession) || err == nil && s.Person == "" {
		rm.page(w, r, http.StatusUnauthorized, "message.html", rm.message(r, "p.expired"))
		return nil, nil, false
	}
	if err != nil {
		rm.fail(w, r, err)
		return nil, nil, false
	}
	l, _, err := rm.personLinkOf(r.Context(), s.LinkKey)
	var c *sip.Case
	if err == nil {
		c, err = rm.personCase(r.Context(), l)
	}
	if err != nil {
		rm.endSession(r.Context(), s.key)
		rm.personRefused(w, r, err)
		return nil, nil, false
	}
	return s, c, true
}

// who is who will be at the meeting: organisation and role, no names.
func (v personView) who(c *sip.Case) []string {
	var out []string
	seen := map[string]bool{}
	for _, in := range c.Invitations {
		if in.State == sip.StateCancelled || in.State == sip.StateDeclined || in.State == sip.StateDelegated {
			continue
		}
		line := v.Care(in.Party)
		if in.UnitName != "" {
			line += " – " + in.UnitName
		}
		if !seen[line] {
			seen[line] = true
			out = append(out, line)
		}
	}
	return out
}

func (rm *Room) personPage(w http.ResponseWriter, r *http.Request) {
	s, c, ok := rm.personVisit(w, r)
	if !ok {
		return
	}
	vo, _, err := rm.readVoice(r.Context(), c.Ref)
	if err != nil {
		rm.fail(w, r, err)
		return
	}
	v := rm.personPageView(r, s, c, vo)
	if r.URL.Query().Get("sparat") == "1" {
		v.Notice = v.T("p.saved")
	}
	rm.renderPerson(w, r, http.StatusOK, "person.html", v)
}

func (rm *Room) personPageView(r *http.Request, s *session, c *sip.Case, vo voice) personView {
	v := personView{view: rm.baseView(r, text(rm.lang(r), "p.title")), Person: c, Voice: vo,
		Participations: participations, Comings: comings}
	v.CSRF, v.Errors = s.CSRF, map[string]string{}
	v.Who = v.who(c)
	v.Plan, v.PlanVoice, v.PlanRef = c.Plan, vo, c.Ref
	pl := c.Plan
	v.HasPlan = len(pl.Goals)+len(pl.NeedItems)+len(pl.Efforts)+len(pl.OtherMeasures)+len(pl.Measures) > 0 || pl.FollowUp != nil
	return v
}

// voiceFields are the individual's text fields and how long each may be.
var voiceFields = []struct {
	name string
	max  int
	set  func(*voice, string)
}{
	{"goals", 1000, func(v *voice, s string) { v.Goals = s }},
	{"matters", 1000, func(v *voice, s string) { v.Matters = s }},
	{"want", 500, func(v *voice, s string) { v.Want = s }},
	{"nottold", 500, func(v *voice, s string) { v.NotTold = s }},
	{"interpreter", 100, func(v *voice, s string) { v.Interpreter = s }},
	{"adjustments", 500, func(v *voice, s string) { v.Adjustments = s }},
}

// personPost saves what the individual wrote; a personnummer in any field
// is refused (nothing is saved, nothing echoed) with the reason at the field.
func (rm *Room) personPost(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 16<<10)
	if err := r.ParseForm(); err != nil {
		rm.page(w, r, http.StatusBadRequest, "message.html", rm.message(r, "csrf"))
		return
	}
	s, c, ok := rm.personVisit(w, r)
	if !ok {
		return
	}
	if !s.validCSRF(r) {
		rm.page(w, r, http.StatusForbidden, "message.html", rm.message(r, "csrf"))
		return
	}
	lang := rm.lang(r)
	var nv voice
	errs := map[string]string{}
	for _, f := range voiceFields {
		val := strings.TrimSpace(r.PostFormValue(f.name))
		if err := textgate.Check(textgate.Field{Name: f.name, Max: f.max}, val); err != nil {
			errs[f.name] = gateMessage(lang, err)
			continue
		}
		f.set(&nv, textgate.Strip(val))
	}
	if p := r.PostFormValue("participation"); slices.Contains(participations, p) {
		nv.Participation = p
	}
	if cm := r.PostFormValue("coming"); slices.Contains(comings, cm) {
		nv.Coming = cm
	}
	ctx := r.Context()
	if len(errs) > 0 {
		v := rm.personPageView(r, s, c, nv)
		v.Errors = errs
		v.Errors[""] = v.T("form.error")
		rm.renderPerson(w, r, http.StatusUnprocessableEntity, "person.html", v)
		return
	}
	nv.Role, nv.At = s.Person, rm.opts.Now()
	if err := rm.saveVoice(ctx, c.Ref, nv); err != nil {
		rm.fail(w, r, err)
		return
	}
	q := "?sparat=1"
	if lang == "en" {
		q += "&lang=en"
	}
	http.Redirect(w, r, "/rum/mitt"+q, http.StatusSeeOther)
}

// saveVoice replaces what the individual wrote (last writer wins).
func (rm *Room) saveVoice(ctx context.Context, ref string, v voice) error {
	for range 5 {
		_, version, err := rm.readVoice(ctx, ref)
		if err != nil {
			return err
		}
		if err := rm.writeVoice(ctx, ref, v, version); err == nil || !strings.Contains(err.Error(), "conflict") {
			return err
		}
	}
	return errors.New("room: voice: too many conflicts")
}

// gateMessage is textgate's refusal in lang.
func gateMessage(lang string, err error) string {
	var ge *textgate.Error
	if errors.As(err, &ge) {
		return ge.Message(i18n.Lang(lang))
	}
	return text(lang, "form.error")
}
