package email

import (
	"bytes"
	"html/template"
	"strings"

	"github.com/samla-sip/samla/internal/chat"
)

// link is an answer link shown for a button.
type link struct {
	Label string
	URL   string
}

// body is what both parts of an e-mail show.
type body struct {
	Lang   string
	Title  string
	Text   string
	Fields []chat.Field
	Links  []link
	When   string // the meeting's local time, when there is one
	Footer string
}

// textPart renders the text/plain part.
func (b body) textPart() string {
	var sb strings.Builder
	if b.Title != "" {
		sb.WriteString(plain(b.Title) + "\n\n")
	}
	if b.Text != "" {
		sb.WriteString(plain(b.Text) + "\n")
	}
	if len(b.Fields) > 0 {
		sb.WriteString("\n")
		for _, f := range b.Fields {
			sb.WriteString(plain(f.Label) + ": " + plain(f.Value) + "\n")
		}
	}
	if len(b.Links) > 0 {
		sb.WriteString("\n" + tr(b.Lang, "answer") + "\n")
		for _, l := range b.Links {
			sb.WriteString("• " + plain(l.Label) + ": " + l.URL + "\n")
		}
	}
	sb.WriteString("\n-- \n" + b.Footer + "\n")
	return sb.String()
}

// htmlTmpl is the text/html part; md is safe as htmlText escapes first.
var htmlTmpl = template.Must(template.New("mail").Funcs(template.FuncMap{
	"md":    func(s string) template.HTML { return template.HTML(htmlText(s)) },
	"plain": plain,
}).Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}"><head><meta charset="utf-8"><title>{{plain .Title}}</title></head>
<body style="font-family:sans-serif;line-height:1.4">
{{if .Title}}<h2>{{md .Title}}</h2>
{{end}}{{if .Text}}<p>{{md .Text}}</p>
{{end}}{{if .Fields}}<table>
{{range .Fields}}<tr><th style="text-align:left;padding-right:1em">{{md .Label}}</th><td>{{md .Value}}</td></tr>
{{end}}</table>
{{end}}{{if .Links}}<p>{{.Answer}}</p>
<p>{{range .Links}}<a href="{{.URL}}" style="display:inline-block;margin:0 .5em .5em 0;padding:.4em .8em;border:1px solid #1d4f91;border-radius:4px;color:#1d4f91;text-decoration:none">{{md .Label}}</a>
{{end}}</p>
{{end}}<hr><p style="color:#555;font-size:small">{{.Footer}}</p>
</body></html>
`))

// htmlPart renders the text/html part.
func (b body) htmlPart() (string, error) {
	var buf bytes.Buffer
	err := htmlTmpl.Execute(&buf, struct {
		body
		Answer string
	}{b, tr(b.Lang, "answer")})
	return buf.String(), err
}
