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
	placeholderNamePrefix   = "[NAMN-"
)

// Report counts what Redact replaced, per category. It never holds the
// replaced values.
type Report struct {
	Personnummer int `json:"personnummer"`
	Phone        int `json:"phone"`
	Email        int `json:"email"`
	Address      int `json:"address"`
	Name         int `json:"name"`
	Diagnosis    int `json:"diagnosis"`
}

// Total is the number of replacements.
func (r Report) Total() int {
	return r.Personnummer + r.Phone + r.Email + r.Address + r.Name + r.Diagnosis
}

func (r Report) add(o Report) Report {
	return Report{
		Personnummer: r.Personnummer + o.Personnummer, Phone: r.Phone + o.Phone, Email: r.Email + o.Email,
		Address: r.Address + o.Address, Name: r.Name + o.Name, Diagnosis: r.Diagnosis + o.Diagnosis,
	}
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
		{r.Diagnosis, text{"diagnos", "diagnosis"}, text{"diagnoser", "diagnoses"}},
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

// Redact replaces, in this order, personal identity numbers and
// samordningsnummer (directory.FindPersonnummer), e-mail addresses, phone
// numbers, street addresses, c/o lines, postal codes with their town,
// diagnosis codes and named diagnoses, and names: people in names (may be
// nil) and the individual's own name where the text introduces it ("heter
// Kalle", "min son Kalle", …). The result is the only form of the text
// that may be sent or logged.
func Redact(s string, names *NameIndex) (string, Report) {
	var r Report
	s = redactPersonnummer(s, &r.Personnummer)
	s = replaceGroup(emailRE, s, placeholderEmail, &r.Email)
	s = replaceGroup(phoneRE, s, placeholderPhone, &r.Phone)
	for _, re := range addressREs {
		s = replaceGroup(re, s, placeholderAddress, &r.Address)
	}
	s = redactDiagnoses(s, &r.Diagnosis)
	s = redactNames(s, names, &r.Name)
	// Placeholders hold no digits, so no replacement above can create a
	// number; this pass is a guard for the invariant, not a detector.
	s = redactPersonnummer(s, &r.Personnummer)
	return s, r
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
		s = strings.ReplaceAll(s, m, placeholderPersonnummer)
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
	streetNumber = `\s+\d{1,4}(?:\s?[A-Za-z])?(?:,?\s*(?:lgh|lägenhet)\.?\s*\d{3,4})?`
	addressREs   = []*regexp.Regexp{
		// Storgatan 12, Östra Vallgatan 3B, Lilla Torg 1, storgatan 4 lgh 1102
		regexp.MustCompile(notWord + `((?:\p{Lu}\p{Ll}+\s)?\p{L}[\p{L}\-]*` + streetSuffix + streetNumber + `)`),
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
		b.WriteString(placeholder)
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
