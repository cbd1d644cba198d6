package server

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/samla-sip/samla/internal/i18n"
)

// messages are the API's error texts.
var messages = i18n.Catalogue{
	"internal":      {Sv: "Något gick fel hos Samla. Försök igen om en stund.", En: "Something went wrong in Samla. Try again in a moment."},
	"unauthorized":  {Sv: "Inloggning krävs: skicka API-nyckeln som \"Authorization: Bearer …\".", En: "Authentication required: send the API token as \"Authorization: Bearer …\"."},
	"badtoken":      {Sv: "API-nyckeln gäller inte.", En: "The API token is not valid."},
	"disabled":      {Sv: "Katalog-API:t är avstängt: inga API-nycklar är konfigurerade (SAMLA_API_TOKENS).", En: "The directory API is disabled: no API tokens are configured (SAMLA_API_TOKENS)."},
	"nodirectory":   {Sv: "Katalogen är inte laddad än. Försök igen om en stund.", En: "The directory is not loaded yet. Try again in a moment."},
	"notfound":      {Sv: "Okänd adress i API:t. Finns: /api/v1/directory/route och /api/v1/directory/search.", En: "Unknown API path. Available: /api/v1/directory/route and /api/v1/directory/search."},
	"missing":       {Sv: "Parametern %s saknas, till exempel %s.", En: "The parameter %s is missing, for example %s."},
	"unknowncare":   {Sv: "Okänd vårdnivå %q. Giltiga: %s.", En: "Unknown care level %q. Valid: %s."},
	"unknownrole":   {Sv: "Okänd roll %q. Giltiga: %s.", En: "Unknown role %q. Valid: %s."},
	"unknownkommun": {Sv: "Okänd kommun %q. Skriv kommunens namn eller SCB-kod, till exempel Lund eller 1281.", En: "Unknown kommun %q. Give the kommun's name or SCB code, for example Lund or 1281."},
	"badage":        {Sv: "Åldern ska vara ett heltal 0–130, fick %q.", En: "The age must be a whole number 0–130, got %q."},
	"baddate":       {Sv: "Datumet ska skrivas ÅÅÅÅ-MM-DD, fick %q.", En: "The date must be written YYYY-MM-DD, got %q."},
	"badlimit":      {Sv: "limit ska vara ett heltal 1–100, fick %q.", En: "limit must be a whole number 1–100, got %q."},
	"personnummer":  {Sv: "Frågan innehåller ett personnummer. Katalogen söker bara personal och enheter, aldrig enskilda.", En: "The query contains a personal identity number. The directory only holds staff and units, never individuals."},
}

// message is an API error text in both languages, decided before the
// request's language is applied.
type message = i18n.Text

// msg renders error id with args in both languages.
func msg(id string, args ...any) message { return messages.Both(id, args...) }

// apiError is the JSON body of every API error.
type apiError struct {
	Error struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
}

func writeError(w http.ResponseWriter, status int, code string, l i18n.Lang, m message) {
	var e apiError
	e.Error.Code, e.Error.Message = code, m.In(l)
	w.Header().Set("Content-Language", l.Or(i18n.Swedish).String())
	writeJSON(w, status, e)
}

// langOf picks the language of a request: the lang query parameter, else
// the preferred language Samla speaks in Accept-Language, else def.
func langOf(r *http.Request, def i18n.Lang) i18n.Lang {
	if l, ok := i18n.Parse(r.URL.Query().Get("lang")); ok {
		return l
	}
	best, bestQ := def, 0.0
	for _, part := range strings.Split(r.Header.Get("Accept-Language"), ",") {
		tag, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		q := 1.0
		if v, ok := strings.CutPrefix(strings.TrimSpace(params), "q="); ok {
			if f, err := strconv.ParseFloat(v, 64); err == nil {
				q = f
			}
		}
		if l, ok := i18n.Parse(tag); ok && q > bestQ {
			best, bestQ = l, q
		}
	}
	return best
}
