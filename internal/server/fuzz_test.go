package server

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func FuzzLangOf(f *testing.F) {
	f.Add("sv-SE,sv;q=0.9,en;q=0.8", "")
	f.Add("en;q=abc,,;", "lang=en")
	f.Add("*", "lang=de")
	f.Fuzz(func(t *testing.T, header, query string) {
		r := httptest.NewRequest(http.MethodGet, "/x", nil)
		r.URL.RawQuery = query
		r.Header.Set("Accept-Language", header)
		if got := langOf(r, "sv"); got != "sv" && got != "en" {
			t.Errorf("langOf(%q, %q) = %q", header, query, got)
		}
	})
}

func FuzzBearerToken(f *testing.F) {
	f.Add("Bearer abc")
	f.Add("bearer   ")
	f.Add("Basic x y")
	f.Fuzz(func(t *testing.T, header string) {
		r := httptest.NewRequest(http.MethodGet, "/x", nil)
		r.Header["Authorization"] = []string{header}
		token, ok := bearerToken(r)
		if ok != (token != "") || token != strings.TrimSpace(token) {
			t.Errorf("bearerToken(%q) = %q, %v", header, token, ok)
		}
		if ok && !strings.Contains(header, token) {
			t.Errorf("token %q not from header %q", token, header)
		}
	})
}
