package agenda

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// placeholderDiagnosis replaces an ICD-10 diagnosis code.
const placeholderDiagnosis = "[DIAGNOS]"

// clinicalTerm is one group of the clinical lexicon: sensitive terms and
// the general words that replace them before the text leaves the machine
// (unless the operator allows clinical detail, SAMLA_LLM_CLINICAL=allow).
type clinicalTerm struct {
	re      *regexp.Regexp // the term in group 1
	general string
	// unless lists words that, right after the term, show an everyday
	// sense: "dricker vatten" is not about alcohol.
	unless []string
}

// terms builds a case-insensitive pattern of whole words from alternatives.
func terms(alts ...string) *regexp.Regexp {
	return regexp.MustCompile(notWord + `((?i:` + strings.Join(alts, "|") + `))(?:$|[^\p{L}\p{N}])`)
}

// clinicalLexicon is documented in docs/agenda.md ("What is generalised").
// Needs such as "ångest", "sömn", "oro" or "skolfrånvaro" are kept: they
// are what the meeting is about.
var clinicalLexicon = []clinicalTerm{
	{re: regexp.MustCompile(notWord + `([A-TV-Z]\d{2}(?:\.\d{1,2}[A-Z]?)?)(?:$|[^\p{L}\p{N}])`), general: placeholderDiagnosis},
	{re: terms(`demensboende\p{L}*`, `demensavdelning\p{L}*`, `demensenhet\p{L}*`), general: "särskilt boende"},
	{re: terms(`adhd`, `add`, `add-diagnos\p{L}*`, `autism\p{L}*`, `asperger\p{L}*`, `npf-diagnos\p{L}*`,
		`tourette\p{L}*`, `autismspektrumtillstånd\p{L}*`, `ast`),
		general: "neuropsykiatrisk diagnos"},
	{re: terms(`självskad\p{L}*`, `skär\s+sig`, `skar\s+sig`, `skurit\s+sig`, `skadar\s+sig\s+själv`,
		`skadat\s+sig\s+själv`, `självmord\p{L}*`, `suicid\p{L}*`, `ta\s+sitt\s+liv`, `tagit\s+sitt\s+liv`,
		`överdos\p{L}*`, `depression\p{L}*`, `deprimerad\p{L}*`, `bipolär\p{L}*`, `bipolar`,
		`schizofreni\p{L}*`, `schizophrenia`, `psykos\p{L}*`, `psykotisk\p{L}*`, `psychosis`,
		`ångestsyndrom\p{L}*`, `paniksyndrom\p{L}*`, `tvångssyndrom\p{L}*`, `personlighetsstörning\p{L}*`,
		`borderline`, `emotionellt\s+instabil\p{L}*`, `ätstörning\p{L}*`, `anorexi\p{L}*`, `bulimi\p{L}*`,
		`ptsd`, `ocd`, `self-harm\p{L}*`, `suicidal`),
		general: "psykisk ohälsa"},
	{re: terms(`dricker`, `drack`, `super`, `söp`, `knarkar`, `knarkade`, `röker\s+på`, `rökt\s+på`,
		`missbrukar`, `missbrukade`, `använder\s+droger`, `drogar`),
		general: "har missbruksproblem",
		unless: []string{"vatten", "kaffe", "te", "mjölk", "läsk", "saft", "juice", "energidryck", "energidrycker",
			"för lite", "inte", "ingenting", "lite", "bara", "nästan", "bra", "duktig", "glad", "snäll", "kul"}},
	{re: terms(`alkoholmissbruk\p{L}*`, `alkoholism\p{L}*`, `alkoholist\p{L}*`, `alkoholproblem\p{L}*`,
		`narkotika\p{L}*`, `narkoman\p{L}*`, `droger`, `drogerna`, `drogmissbruk\p{L}*`, `drogproblem\p{L}*`,
		`drogande`, `cannabis`, `hasch`, `marijuana`, `amfetamin`, `kokain`, `heroin`, `spice`,
		`knark`, `knarket`, `opioider`, `bensodiazepiner`, `tramadol`, `spelmissbruk\p{L}*`),
		general: "missbruk"},
	{re: terms(`misshandel\p{L}*`, `misshandla\p{L}*`, `misshandlad\p{L}*`, `våld\s+i\s+nära\s+relation\p{L}*`,
		`sexuella\s+övergrepp`, `sexuellt\s+övergrepp`, `övergrepp\p{L}*`, `våldtäkt\p{L}*`, `våldtagen`,
		`incest`, `hedersrelaterat\s+våld`, `hedersvåld`, `könsstympning\p{L}*`,
		`slår\s+(?:barnen|henne|honom|hen|dem|mamma|mamman|sin\s+fru|sina\s+barn)`, `slog\s+(?:barnen|henne|honom|hen|dem|mamma|mamman)`,
		`abuse`, `abused`),
		general: "utsatthet"},
	{re: terms(`concerta`, `elvanse`, `medikinet`, `ritalin`, `strattera`, `intuniv`, `melatonin`,
		`sertralin`, `fluoxetin`, `zoloft`, `lergigan`, `atarax`, `theralen`, `propavan`, `circadin`,
		`litium`, `lithium`, `olanzapin`, `risperidon`, `risperdal`, `quetiapin`, `seroquel`,
		`aripiprazol`, `abilify`, `subutex`, `buprenorfin`, `metadon`, `antabus`, `antidepressiv\p{L}*`,
		`ssri`, `neuroleptik\p{L}*`, `sobril`, `oxascand`, `stesolid`, `xanor`, `insulin`),
		general: "medicinering"},
	{re: terms(`epilepsi\p{L}*`, `epilepsy`, `diabetes`, `cancer\p{L}*`, `hiv`, `aids`, `parkinson\p{L}*`,
		`ms-sjuk\p{L}*`, `multipel\s+skleros`, `hepatit\p{L}*`),
		general: "kronisk sjukdom"},
	{re: terms(`demens\p{L}*`, `dementia`, `alzheimer\p{L}*`),
		general: "kognitiv svikt"},
	{re: terms(`utvecklingsstörning\p{L}*`, `intellektuell\s+funktionsnedsättning\p{L}*`, `downs\s+syndrom\p{L}*`,
		`cp-skada\p{L}*`, `fas-diagnos\p{L}*`, `fetalt\s+alkoholsyndrom`),
		general: "funktionsnedsättning"},
}

// generaliseClinical replaces the lexicon's terms by their general words,
// marked as replacements; n counts them.
func generaliseClinical(s string, n *int) string {
	for _, t := range clinicalLexicon {
		s = replaceTerm(t, s, n)
	}
	return s
}

// clinicalSpans returns where s holds terms of the lexicon.
func clinicalSpans(s string) []Span {
	var spans []Span
	for _, t := range clinicalLexicon {
		spans = append(spans, t.matches(s)...)
	}
	return spans
}

// matches returns the terms in s, without those in an everyday sense.
func (t clinicalTerm) matches(s string) []Span {
	var spans []Span
	for _, m := range t.re.FindAllStringSubmatchIndex(s, -1) {
		if !everydaySense(s[m[3]:], t.unless) {
			spans = append(spans, Span{m[2], m[3]})
		}
	}
	return spans
}

func replaceTerm(t clinicalTerm, s string, n *int) string {
	spans := t.matches(s)
	if len(spans) == 0 {
		return s
	}
	var b strings.Builder
	last := 0
	for _, sp := range spans {
		start, end := sp.Start, sp.End
		general := t.general
		if capitalised(s[start:end]) && general != placeholderDiagnosis {
			general = upperFirst(general)
		}
		b.WriteString(s[last:start])
		b.WriteString(markOpen + general + markClose)
		last = end
		*n++
	}
	b.WriteString(s[last:])
	return b.String()
}

// everydaySense reports whether rest (the text after a term) starts with
// one of unless: "dricker vatten".
func everydaySense(rest string, unless []string) bool {
	rest = strings.ToLower(strings.TrimLeft(rest, " \t"))
	for _, u := range unless {
		if after, ok := strings.CutPrefix(rest, u); ok {
			if r, _ := utf8.DecodeRuneInString(after); after == "" || !unicode.IsLetter(r) {
				return true
			}
		}
	}
	return false
}

func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// capitalised reports a word with a capital first letter and a small
// second one: "Depressionen", not "ADHD".
func capitalised(s string) bool {
	first, n := utf8.DecodeRuneInString(s)
	second, _ := utf8.DecodeRuneInString(s[n:])
	return unicode.IsUpper(first) && unicode.IsLower(second)
}
