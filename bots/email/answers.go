package email

import (
	"context"
	"errors"
	"html/template"
	"log/slog"
	"net/http"
	"time"

	"github.com/samla-sip/samla/internal/chat"
)

// Once records a single use (store.Store has it).
type Once interface {
	Once(ctx context.Context, key string, ttl time.Duration) (bool, error)
}

// answers serves answer links.
type answers struct {
	links *Links
	h     chat.Handler
	once  Once
	lang  string
	log   *slog.Logger
}

// Handler serves LinkPath: a GET shows what the link would do and a
// confirm button and changes nothing — mail scanners such as Outlook Safe
// Links open every link; only a POST (the button, or a mail client's
// one-click List-Unsubscribe) runs the action through h, as the
// recipient, once. A forged, expired or used link is refused.
func (l *Links) Handler(h chat.Handler, once Once, lang string, log *slog.Logger) http.Handler {
	if log == nil {
		log = slog.Default()
	}
	a := &answers{links: l, h: h, once: once, lang: lang, log: log}
	mux := http.NewServeMux()
	mux.HandleFunc("GET "+LinkPath, a.confirm)
	mux.HandleFunc("POST "+LinkPath, a.record)
	return mux
}

// confirm shows the confirmation page.
func (a *answers) confirm(w http.ResponseWriter, r *http.Request) {
	c, err := a.links.open(r.URL.Query().Get("t"))
	if err != nil {
		a.refuse(w, err)
		return
	}
	a.page(w, http.StatusOK, page{Lang: lang(a.lang), Title: c.Label, About: c.About, Confirm: tr(a.lang, "link.confirm"),
		Prompt: c.Prompt, Note: tr(a.lang, "link.note")})
}

// record runs the action once.
func (a *answers) record(w http.ResponseWriter, r *http.Request) {
	c, err := a.links.open(r.URL.Query().Get("t"))
	if err != nil {
		a.refuse(w, err)
		return
	}
	if err := r.ParseForm(); err != nil {
		a.refuse(w, ErrLinkInvalid)
		return
	}
	input := r.PostFormValue("input")
	if c.Prompt != nil && !c.Prompt.Optional && input == "" && r.PostFormValue("List-Unsubscribe") == "" {
		a.page(w, http.StatusBadRequest, page{Lang: lang(a.lang), Title: c.Label, Confirm: tr(a.lang, "link.confirm"),
			Prompt: c.Prompt, Note: tr(a.lang, "link.needinput")})
		return
	}
	ttl := time.Until(time.Unix(c.Expires, 0)) + time.Hour
	first, err := a.once.Once(r.Context(), "mail:link:"+c.ID, ttl)
	if err != nil {
		a.log.Error("email: answer link not recorded", "class", "store")
		a.page(w, http.StatusServiceUnavailable, page{Lang: lang(a.lang), Title: tr(a.lang, "link.error")})
		return
	}
	if !first {
		a.refuse(w, ErrLinkUsed)
		return
	}
	who := chat.Actor{Platform: chat.Email, UserID: c.To, ContactID: c.Contact, Email: c.To}
	reply := a.h.Act(r.Context(), who, chat.Action{Name: c.Action, Value: c.Value, Input: input, Flag: r.PostFormValue("flag") != ""})
	a.log.Info("email: answer link used", "action", c.Action)
	a.page(w, http.StatusOK, page{Lang: lang(a.lang), Title: c.Label, Result: template.HTML(htmlText(reply.Body().Plain()))})
}

// refuse answers a link that cannot be used.
func (a *answers) refuse(w http.ResponseWriter, err error) {
	key, code := "link.invalid", http.StatusNotFound
	switch {
	case errors.Is(err, ErrLinkExpired):
		key, code = "link.expired", http.StatusGone
	case errors.Is(err, ErrLinkUsed):
		key, code = "link.used", http.StatusGone
	}
	a.page(w, code, page{Lang: lang(a.lang), Title: tr(a.lang, key)})
}

// page is one of the link pages.
type page struct {
	Lang    string
	Title   string
	About   string // the e-mail the link came in
	Confirm string // the button, on the confirmation page
	Prompt  *promptClaim
	Note    string
	Result  template.HTML // the core's answer, escaped by htmlText
}

var pageTmpl = template.Must(template.New("page").Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<meta name="robots" content="noindex"><title>Samla – {{.Title}}</title></head>
<body style="font-family:sans-serif;max-width:40em;margin:2em auto;line-height:1.4">
{{if .About}}<p>{{.About}}</p>
{{end}}<h1>{{.Title}}</h1>
{{if .Confirm}}<form method="post">
{{with .Prompt}}<p><label>{{.Label}}<br><textarea name="input" rows="3" cols="50"></textarea></label></p>
{{if .Checkbox}}<p><label><input type="checkbox" name="flag" value="1"> {{.Checkbox}}</label></p>{{end}}
{{end}}<p><button type="submit">{{.Confirm}}</button></p>
</form>
{{end}}{{if .Note}}<p>{{.Note}}</p>{{end}}{{if .Result}}<p>{{.Result}}</p>{{end}}
</body></html>
`))

// page writes a page; the token is in the URL, so nothing may leak it
// onwards (no referrer, no caching, no framing).
func (a *answers) page(w http.ResponseWriter, code int, p page) {
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'")
	h.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(code)
	if err := pageTmpl.Execute(w, p); err != nil {
		a.log.Warn("email: link page not written", "class", "write")
	}
}
