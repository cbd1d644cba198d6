package room

import (
	"embed"
	"html/template"
	"net/http"
	"net/url"
	"time"

	"github.com/samla-sip/samla/internal/sip"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static/room.css
var roomCSS []byte

var pages = template.Must(template.New("").Funcs(template.FuncMap{
	"pct":  pctText,
	"plus": func(a, b float64) float64 { return a + b },
}).ParseFS(templateFS, "templates/*.html"))

// stockholm is the zone times are shown in.
var stockholm = mustZone("Europe/Stockholm")

func mustZone(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		return time.UTC
	}
	return loc
}

// view is what every template gets.
type view struct {
	Lang      string
	Title     string
	SwitchURL string
	CSRF      string
	Heading   string
	Body      string
	Notice    string
	Case      *sip.CaseView
	// Cases are a signed-in member of staff's cases; Login offers the
	// organisation's sign-in.
	Cases    []sip.CaseView
	Login    bool
	Age      string
	Convener bool
	// MyInvitation is the reader's own open invitation, to answer.
	MyInvitation *sip.InvitationView
	Errors       map[string]string
	Form         map[string]string
	Slots        map[int]string
	Three        []int
	PlanKinds    []string
	now          time.Time
	// Voice is what the individual wrote (the staff page shows it marked
	// as theirs); nil when nothing yet.
	Voice *voice
	// The written plan (plan.html): the plan, the individual's goals and
	// the case reference.
	Plan      sip.Plan
	PlanVoice voice
	PlanRef   string
	HasPlan   bool
	// Stats is the statistics page (statistik.html).
	Stats *statsView
}

// T is a text in the page's language.
func (v view) T(id string, args ...any) string { return text(v.Lang, id, args...) }

// OtherLang is the language the switch leads to.
func (v view) OtherLang() string {
	if v.Lang == "en" {
		return "sv"
	}
	return "en"
}

// LangQuery keeps an English page English after a form.
func (v view) LangQuery() string {
	if v.Lang == "en" {
		return "?lang=en"
	}
	return ""
}

// Time is "2026-12-10 13:00" in Swedish time.
func (v view) Time(t time.Time) string { return t.In(stockholm).Format("2006-01-02 15:04") }

// Date is "2026-12-10".
func (v view) Date(t any) string {
	switch d := t.(type) {
	case time.Time:
		return d.In(stockholm).Format("2006-01-02")
	case *time.Time:
		if d != nil {
			return d.In(stockholm).Format("2006-01-02")
		}
	}
	return ""
}

// Today is today's date in Swedish time (a form's default).
func (v view) Today() string { return v.now.In(stockholm).Format("2006-01-02") }

// ISO is a machine-readable time for <time datetime>.
func (v view) ISO(t time.Time) string { return t.Format(time.RFC3339) }

// State is an invitation state in words.
func (v view) State(s string) string { return v.T("st." + s) }

// lang is the page's language: ?lang=en, else the room's default.
func (rm *Room) lang(r *http.Request) string {
	switch r.URL.Query().Get("lang") {
	case "en":
		return "en"
	case "sv":
		return "sv"
	}
	return rm.opts.Lang
}

// baseView fills what every page has.
func (rm *Room) baseView(r *http.Request, title string) view {
	lang := rm.lang(r)
	v := view{Lang: lang, Title: title, now: rm.opts.Now()}
	if r.Method == http.MethodGet && r.URL.Path != OpenPath {
		q := url.Values{"lang": {v.OtherLang()}}
		v.SwitchURL = r.URL.Path + "?" + q.Encode()
	}
	return v
}

// message is a page with a heading and one paragraph (refusals, errors).
func (rm *Room) message(r *http.Request, id string) view {
	v := rm.baseView(r, text(rm.lang(r), id+".h"))
	v.Heading, v.Body = v.T(id+".h"), v.T(id+".p")
	return v
}

// page renders a template with status.
func (rm *Room) page(w http.ResponseWriter, r *http.Request, status int, name string, v view) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	if err := pages.ExecuteTemplate(w, name, v); err != nil {
		rm.opts.Log.ErrorContext(r.Context(), "room: render", "page", name, "err", err)
	}
}

// notFound is the one answer for a missing page, a missing case and a
// case the visitor may not see.
func (rm *Room) notFound(w http.ResponseWriter, r *http.Request) {
	rm.page(w, r, http.StatusNotFound, "message.html", rm.message(r, "notfound"))
}

func (rm *Room) css(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/css; charset=utf-8")
	w.Header().Set("Cache-Control", "public, max-age=3600")
	_, _ = w.Write(roomCSS)
}
