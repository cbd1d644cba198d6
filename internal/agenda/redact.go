package agenda

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/samla-sip/samla/directory"
)

// The placeholders that replace what Redact finds. Names get a number that
// is stable within one text: [NAMN-1], [NAMN-2], …
const (
	placeholderPersonnummer = "[PERSONNUMMER]"
	placeholderPhone        = "[TELEFON]"
	placeholderEmail        = "[E-POST]"
	placeholderAddress      = "[ADRESS]"
)

// Report counts what Redact replaced, per category. It never holds the
// replaced values.
type Report struct {
	Personnummer int `json:"personnummer"`
	Phone        int `json:"phone"`
	Email        int `json:"email"`
	Address      int `json:"address"`
	Name         int `json:"name"`
	Place        int `json:"place"`
	Unit         int `json:"unit"`
	Clinical     int `json:"clinical"` // clinical terms generalised
}

// Total is the number of replacements.
func (r Report) Total() int {
	return r.Personnummer + r.Phone + r.Email + r.Address + r.Name + r.Place + r.Unit + r.Clinical
}

func (r Report) add(o Report) Report {
	return Report{
		Personnummer: r.Personnummer + o.Personnummer, Phone: r.Phone + o.Phone, Email: r.Email + o.Email,
		Address: r.Address + o.Address, Name: r.Name + o.Name, Place: r.Place + o.Place, Unit: r.Unit + o.Unit,
		Clinical: r.Clinical + o.Clinical,
	}
}

// Fired lists the categories that were replaced, for logs: e.g.
// "name=2,clinical=1". It never holds the replaced values.
func (r Report) Fired() string {
	var parts []string
	for _, c := range []struct {
		k string
		n int
	}{{"personnummer", r.Personnummer}, {"phone", r.Phone}, {"email", r.Email}, {"address", r.Address},
		{"name", r.Name}, {"place", r.Place}, {"unit", r.Unit}, {"clinical", r.Clinical}} {
		if c.n > 0 {
			parts = append(parts, c.k+"="+strconv.Itoa(c.n))
		}
	}
	return strings.Join(parts, ",")
}

// Text lists the non-zero categories, e.g. "1 personnummer, 2 namn".
func (r Report) Text(lang string) string {
	items := []struct {
		n   int
		one text
		any text
	}{
		{r.Personnummer, text{"personnummer", "personal identity number"}, text{"personnummer", "personal identity numbers"}},
		{r.Phone, text{"telefonnummer", "phone number"}, text{"telefonnummer", "phone numbers"}},
		{r.Email, text{"e-postadress", "e-mail address"}, text{"e-postadresser", "e-mail addresses"}},
		{r.Address, text{"adress", "address"}, text{"adresser", "addresses"}},
		{r.Name, text{"namn", "name"}, text{"namn", "names"}},
		{r.Place, text{"ort", "place"}, text{"orter", "places"}},
		{r.Unit, text{"skola eller enhet", "school or unit"}, text{"skolor eller enheter", "schools or units"}},
		{r.Clinical, text{"klinisk uppgift generaliserad", "clinical detail generalised"}, text{"kliniska uppgifter generaliserade", "clinical details generalised"}},
	}
	var parts []string
	for _, it := range items {
		switch {
		case it.n == 1:
			parts = append(parts, "1 "+it.one.in(lang))
		case it.n > 1:
			parts = append(parts, strconv.Itoa(it.n)+" "+it.any.in(lang))
		}
	}
	if len(parts) == 0 {
		return text{"inget", "nothing"}.in(lang)
	}
	return strings.Join(parts, ", ")
}

// Rules choose what Redact does beyond identities.
type Rules struct {
	// AllowClinical keeps clinical terms (SAMLA_LLM_CLINICAL=allow, for a
	// model inside the care network); by default they are generalised.
	AllowClinical bool
}

// Redact replaces identities and generalises clinical terms with the
// default rules; see Rules.Redact.
func Redact(s string, names *NameIndex) (string, Report) {
	r := Rules{}.Redact(s, names)
	return r.Text, r.Report
}

// Redact replaces, in this order, personal identity numbers and
// samordningsnummer (directory.FindPersonnummer), e-mail addresses, phone
// numbers, street addresses, c/o lines, postal codes with their town,
// clinical terms (generalised unless allowed), and names of people,
// places and units: the directory's (names may be nil), the individual's
// where the text introduces it, the word after a relation or role, and
// every capitalised word that is not an ordinary Swedish word. The result
// is the only form of the text that may be sent.
func (rules Rules) Redact(s string, names *NameIndex) Redaction {
	var r Report
	s = strings.NewReplacer(markOpen, "", markClose, "").Replace(s)
	s = redactPersonnummer(s, &r.Personnummer)
	s = replaceGroup(emailRE, s, placeholderEmail, &r.Email)
	s = replaceGroup(phoneRE, s, placeholderPhone, &r.Phone)
	for _, re := range addressREs {
		s = replaceGroup(re, s, placeholderAddress, &r.Address)
	}
	if !rules.AllowClinical {
		s = generaliseClinical(s, &r.Clinical)
	}
	s = redactNames(s, names, &r)
	// Placeholders hold no digits, so no replacement above can create a
	// number; this pass is a guard for the invariant, not a detector.
	s = redactPersonnummer(s, &r.Personnummer)
	return finish(s, r)
}

// redactPersonnummer replaces every number directory.FindPersonnummer
// finds. Each pass removes at least one digit, so the loop ends.
func redactPersonnummer(s string, n *int) string {
	for range len(s) + 1 {
		m, ok := directory.FindPersonnummer(s)
		if !ok || m == "" {
			return s
		}
		c := strings.Count(s, m)
		if c == 0 {
			return s
		}
		*n += c
		s = strings.ReplaceAll(s, m, markOpen+placeholderPersonnummer+markClose)
	}
	return s
}

// The detectors. Each has the matched text in group 1, after a group 0
// prefix that is the start of the text or a character that cannot be part
// of a word (Go's \b only knows ASCII, so å, ä and ö need this).
const notWord = `(?:^|[^\p{L}\p{N}_])`

var (
	emailRE = regexp.MustCompile(notWord + `([\p{L}\p{N}._%+\-]+@[\p{L}\p{N}\-]+(?:\.[\p{L}\p{N}\-]+)*\.\p{L}{2,})`)

	// phoneRE: +46 / 0046 / 0 followed by 6–10 more digits, each digit
	// optionally preceded by up to three separators (space, dash, slash,
	// parentheses), e.g. 070-123 45 67, 08-123 456 78, +46 (0)70 123 45 67.
	phoneRE = regexp.MustCompile(notWord + `((?:\+\s?46|0046|0)(?:[ \-–/()]{0,3}\d){6,10})`)

	streetSuffix = `(?:gatan|gata|vägen|väg|gränd|gränden|torget|torg|allén|allé|stigen|backen|leden|platsen|esplanaden|promenaden|stråket|kajen|parken|slingan|ringen)`
	streetNumber = `\s+\d{1,4}(?:[A-Za-z]|\s[A-Z])?(?:,?\s*(?:lgh|lägenhet)\.?\s*\d{3,4})?`
	addressREs   = []*regexp.Regexp{
		// Storgatan 12, Östra Vallgatan 3B, Lilla Torg 1, storgatan 4 lgh 1102
		regexp.MustCompile(notWord + `((?:\p{Lu}\p{Ll}+\s)?\p{L}[\p{L}\-]*` + streetSuffix + streetNumber + `)`),
		// Lilla Torg 1, Stora Gatan 4
		regexp.MustCompile(notWord + `(\p{Lu}\p{Ll}+\s(?:Torg|Torget|Gata|Gatan|Väg|Vägen|Allé|Allén|Gränd|Plan)` + streetNumber + `)`),
		// Gustav Adolfs plan 3, Järntorgsplan 1 ("plan" only after a
		// capitalised name: "handlingsplan 2" is not an address)
		regexp.MustCompile(notWord + `((?:\p{Lu}\p{Ll}+\s){0,2}\p{Lu}[\p{L}\-]*\s?plan` + streetNumber + `)`),
		// lgh 1102
		regexp.MustCompile(notWord + `((?i:lgh|lägenhet)\.?\s*\d{4})`),
		// c/o Svensson, C/O Anna Berg
		regexp.MustCompile(notWord + `((?i:c/o)\s+\p{L}[\p{L}\-]*(?:\s+\p{Lu}[\p{L}\-]*){0,2})`),
		// Box 123
		regexp.MustCompile(notWord + `(Box\s+\d{1,5})`),
		// 123 45 Lund, SE-211 45 Malmö, 22100 Lund
		regexp.MustCompile(notWord + `((?:SE-?\s?)?[1-9]\d{2}\s?\d{2}\s+\p{Lu}[\p{L}\-]+(?:\s\p{Lu}[\p{L}\-]+)?)`),
	}
)

// replaceGroup replaces group 1 of every match of re with placeholder and
// counts the replacements.
func replaceGroup(re *regexp.Regexp, s, placeholder string, n *int) string {
	idx := re.FindAllStringSubmatchIndex(s, -1)
	if len(idx) == 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	last := 0
	for _, m := range idx {
		end := trimLetter(s, m[2], m[3])
		b.WriteString(s[last:m[2]])
		b.WriteString(markOpen + placeholder + markClose)
		last = end
		*n++
	}
	b.WriteString(s[last:])
	return b.String()
}

// trimLetter drops a trailing house letter from the match s[start:end]
// when the match runs into a word: "Storgatan 12 och" matched "12 o".
func trimLetter(s string, start, end int) int {
	if end >= len(s) || end-start < 2 {
		return end
	}
	next, _ := utf8.DecodeRuneInString(s[end:])
	lastLetter, n := utf8.DecodeLastRuneInString(s[start:end])
	if !unicode.IsLetter(next) || !unicode.IsLetter(lastLetter) {
		return end
	}
	return start + len(strings.TrimRight(s[start:end-n], " "))
}
