package emailtest

import (
	"bytes"
	"encoding/base64"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/mail"
	"strings"
	"testing"
)

// Part is one leaf of a parsed MIME tree, decoded.
type Part struct {
	Type     string            // media type, e.g. text/plain
	Params   map[string]string // its parameters
	Encoding string            // Content-Transfer-Encoding
	Filename string            // attachment file name
	Body     string
	Path     string // the enclosing multipart types, e.g. "multipart/mixed>multipart/alternative"
}

// Parse reads a raw message with the standard library only — a reader
// independent of the library that wrote it: its header and its leaf
// parts, decoded.
func Parse(t testing.TB, raw []byte) (mail.Header, []Part) {
	t.Helper()
	m, err := mail.ReadMessage(bytes.NewReader(raw))
	if err != nil {
		t.Fatalf("not a message: %v", err)
	}
	var out []Part
	walk(t, m.Header.Get("Content-Type"), m.Header.Get("Content-Transfer-Encoding"), "", "", m.Body, &out)
	return m.Header, out
}

func walk(t testing.TB, ctype, cte, disposition, path string, body io.Reader, out *[]Part) {
	t.Helper()
	mt, params, err := mime.ParseMediaType(ctype)
	if err != nil {
		t.Fatalf("Content-Type %q: %v", ctype, err)
	}
	if strings.HasPrefix(mt, "multipart/") {
		mr := multipart.NewReader(body, params["boundary"])
		for {
			p, err := mr.NextRawPart()
			if err == io.EOF {
				return
			}
			if err != nil {
				t.Fatalf("%s: %v", mt, err)
			}
			walk(t, p.Header.Get("Content-Type"), p.Header.Get("Content-Transfer-Encoding"),
				p.Header.Get("Content-Disposition"), strings.TrimPrefix(path+">"+mt, ">"), p, out)
		}
	}
	var r io.Reader = body
	switch strings.ToLower(cte) {
	case "quoted-printable":
		r = quotedprintable.NewReader(body)
	case "base64":
		r = base64.NewDecoder(base64.StdEncoding, body)
	}
	b, err := io.ReadAll(r)
	if err != nil {
		t.Fatalf("%s (%s): %v", mt, cte, err)
	}
	p := Part{Type: mt, Params: params, Encoding: cte, Body: string(b), Path: path}
	if disposition != "" {
		if _, dp, err := mime.ParseMediaType(disposition); err == nil {
			p.Filename = dp["filename"]
		}
	}
	*out = append(*out, p)
}

// Find returns the first part of a media type.
func Find(t testing.TB, parts []Part, mt string) Part {
	t.Helper()
	for _, p := range parts {
		if p.Type == mt {
			return p
		}
	}
	t.Fatalf("no %s part among %d", mt, len(parts))
	return Part{}
}

// DecodeHeader decodes RFC 2047 encoded words.
func DecodeHeader(t testing.TB, v string) string {
	t.Helper()
	s, err := new(mime.WordDecoder).DecodeHeader(v)
	if err != nil {
		t.Fatalf("header %q: %v", v, err)
	}
	return s
}
