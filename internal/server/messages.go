package server

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
)

// message is a user-facing text in Swedish and English.
type message struct{ sv, en string }

func (m message) in(lang string) string {
	if lang == "en" {
		return m.en
	}
	return m.sv
}

func (m message) with(args ...any) message {
	return message{fmt.Sprintf(m.sv, args...), fmt.Sprintf(m.en, args...)}
}

var (
	msgInternal     = message{"Något gick fel hos Samla. Försök igen om en stund.", "Something went wrong in Samla. Try again in a moment."}
	msgUnauthorized = message{"Inloggning krävs: skicka API-nyckeln som \"Authorization: Bearer …\".", "Authentication required: send the API token as \"Authorization: Bearer …\"."}
	msgBadToken     = message{"API-nyckeln gäller inte.", "The API token is not valid."}
	msgDisabled     = message{"Katalog-API:t är avstängt: inga API-nycklar är konfigurerade (SAMLA_API_TOKENS).", "The directory API is disabled: no API tokens are configured (SAMLA_API_TOKENS)."}
	msgNoDirectory  = message{"Katalogen är inte laddad än. Försök igen om en stund.", "The directory is not loaded yet. Try again in a moment."}
	msgNotFound     = message{"Okänd adress i API:t. Finns: /api/v1/directory/route och /api/v1/directory/search.", "Unknown API path. Available: /api/v1/directory/route and /api/v1/directory/search."}
	msgMissing      = message{"Parametern %s saknas, till exempel %s.", "The parameter %s is missing, for example %s."}
	msgUnknownCare  = message{"Okänd vårdnivå %q. Giltiga: %s.", "Unknown care level %q. Valid: %s."}
	msgUnknownRole  = message{"Okänd roll %q. Giltiga: %s.", "Unknown role %q. Valid: %s."}
	msgUnknownKomm  = message{"Okänd kommun %q. Skriv kommunens namn eller SCB-kod, till exempel Lund eller 1281.", "Unknown kommun %q. Give the kommun's name or SCB code, for example Lund or 1281."}
	msgBadAge       = message{"Åldern ska vara ett heltal 0–130, fick %q.", "The age must be a whole number 0–130, got %q."}
	msgBadDate      = message{"Datumet ska skrivas ÅÅÅÅ-MM-DD, fick %q.", "The date must be written YYYY-MM-DD, got %q."}
	msgBadLimit     = message{"limit ska vara ett heltal 1–100, fick %q.", "limit must be a whole number 1–100, got %q."}
	msgPersonnummer = message{"Frågan innehåller ett personnummer. Katalogen söker bara personal och enheter, aldrig enskilda.", "The query contains a personal identity number. The directory only holds staff and units, never individuals."}
)

// apiError is the JSON body of every API error.
type apiError struct {
	Error struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
}

func writeError(w http.ResponseWriter, status int, code, lang string, m message) {
	var e apiError
	e.Error.Code, e.Error.Message = code, m.in(lang)
	w.Header().Set("Content-Language", langOrSv(lang))
	writeJSON(w, status, e)
}

func langOrSv(lang string) string {
	if lang == "en" {
		return "en"
	}
	return "sv"
}

// langOf picks "sv" or "en" for a request: the lang query parameter, else
// the preferred of the two in Accept-Language, else def.
func langOf(r *http.Request, def string) string {
	if l := r.URL.Query().Get("lang"); l == "sv" || l == "en" {
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
		primary, _, _ := strings.Cut(strings.ToLower(tag), "-")
		if (primary == "sv" || primary == "en") && q > bestQ {
			best, bestQ = primary, q
		}
	}
	return best
}
