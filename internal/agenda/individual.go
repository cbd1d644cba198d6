package agenda

import (
	"regexp"
	"strings"
)

// individualRE finds the individual's own name where the text introduces
// it: one to three capitalised words right after a trigger such as
// "heter", "min son", "eleven", "han"/"hon" (the Swedish "han Kalle"),
// "named" or "my daughter". The trigger is case-insensitive; the name
// must be capitalised ("Kalle", "Anna-Karin Berg"). docs/agenda.md lists
// what is and is not caught.
var individualRE = regexp.MustCompile(notWord + `(?i:` + strings.Join([]string{
	// Swedish verbs and phrases
	`heter`, `hette`, `kallas`, `kallades`, `kallar\s+sig`, `namnet\s+är`, `namn\s+är`,
	`vid\s+namn`, `döpt\s+till`,
	// possessive + relation: min son, vår dotter, hennes bror
	`(?:min|mitt|mina|vår|vårt|våra|din|ditt|hans|hennes|hens|deras|er|ert)\s+` +
		`(?:son|dotter|bror|broder|syster|mamma|pappa|mor|far|barn|make|maka|sambo|man|fru|` +
		`flickvän|pojkvän|mormor|morfar|farmor|farfar|barnbarn|brorson|brorsdotter|` +
		`systerson|systerdotter|kusin|elev|patient|klient|brukare)`,
	// definite nouns: sonen, eleven, patienten
	`sonen`, `dottern`, `brodern`, `brorsan`, `systern`, `syrran`, `mamman`, `pappan`,
	`modern`, `fadern`, `barnet`, `eleven`, `patienten`, `brukaren`, `klienten`,
	`pojken`, `flickan`, `killen`, `tjejen`, `ungdomen`, `individen`, `mannen`,
	`kvinnan`, `personen`, `den\s+unge`, `den\s+unga`,
	// pronouns before a name, common in spoken Swedish: "han Kalle"
	`han`, `hon`, `hen`,
	// English
	`named`, `called`, `name\s+is`, `name's`, `known\s+as`,
	`(?:my|our|your|his|her|their)\s+` +
		`(?:son|daughter|brother|sister|mother|father|mum|mom|dad|child|kid|husband|` +
		`wife|partner|grandson|granddaughter|grandmother|grandfather|friend|pupil|patient|client)`,
	`the\s+(?:patient|pupil|student|client|boy|girl|child|individual|young\s+person|resident)`,
}, "|") + `)[\s,:]+` +
	`(\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?(?:[ \t]+\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?){0,2})`)

// individualNames returns the name words the text introduces, exactly as
// written ("Kalle", "Svensson").
func individualNames(s string) map[string]bool {
	names := make(map[string]bool)
	for _, m := range individualRE.FindAllStringSubmatch(s, -1) {
		for _, w := range strings.Fields(m[1]) {
			names[w] = true
		}
	}
	return names
}
