package sip

import (
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/samla-sip/samla/directory"
)

// Keywords inside arguments, by accepted spelling → canonical word.
var (
	consentWords = map[string]string{
		"skriftligt": formWritten, "skriftlig": formWritten, "written": formWritten,
		"muntligt": formOral, "muntlig": formOral, "oral": formOral,
		"vårdnadshavare": wordGuardians, "vardnadshavare": wordGuardians, "guardians": wordGuardians,
	}
	meetingWords = map[string]string{
		"förslag": wordPropose, "forslag": wordPropose, "propose": wordPropose,
		"välj": wordPick, "valj": wordPick, "pick": wordPick,
		"video": wordVideo, "videomöte": wordVideo,
		"båda": wordBoth, "bada": wordBoth, "both": wordBoth,
		"bekräfta": wordConfirm, "bekrafta": wordConfirm, "confirm": wordConfirm,
		"hållet": wordHeld, "hallet": wordHeld, "hållits": wordHeld, "hallits": wordHeld, "held": wordHeld,
	}
	followUpWords = map[string]string{
		"hållen": wordHeld, "hallen": wordHeld, "hållits": wordHeld, "hallits": wordHeld, "held": wordHeld,
	}
	planWords = map[string]string{
		"insats": wordEffort, "effort": wordEffort,
		"åtgärd": wordMeasure, "atgard": wordMeasure, "measure": wordMeasure,
		"behov": wordNeed, "needs": wordNeed, "need": wordNeed,
		"mål": wordGoal, "mal": wordGoal, "goal": wordGoal, "goals": wordGoal,
		"mottagen": wordReceived, "mottagits": wordReceived, "received": wordReceived,
		"klar": wordEstablish, "upprättad": wordEstablish, "upprattad": wordEstablish, "done": wordEstablish, "established": wordEstablish,
	}
	noneWords = map[string]bool{"ingen": true, "inga": true, "none": true}
	langWords = map[string]string{"sv": "sv", "svenska": "sv", "en": "en", "english": "en", "engelska": "en"}
)

const (
	formWritten   = "written"
	formOral      = "oral"
	wordGuardians = "guardians"
	wordPropose   = "propose"
	wordPick      = "pick"
	wordVideo     = "video"
	wordBoth      = "both"    // in the room and by video
	wordConfirm   = "confirm" // book a time outside working time anyway
	wordEffort    = "effort"
	wordMeasure   = "measure"
	wordHeld      = "held"
	wordNeed      = "need"
	wordGoal      = "goal"
	wordNone      = "none"
	wordReceived  = "received"
	wordEstablish = "establish"
	wordRemove    = "-"
	maxSlots      = 3
)

var shapeChecks = map[string]func(*Cmd) error{
	verbNew:          checkNew,
	verbConsent:      checkConsent,
	verbWithdraw:     checkRefOnly,
	verbStatus:       checkRefOnly,
	verbLog:          checkRefOnly,
	verbAgenda:       checkRefOnly,
	verbMeeting:      checkMeeting,
	verbPlan:         checkPlan,
	verbFollowUp:     checkFollowUp,
	verbClose:        checkClose,
	verbWho:          checkWho,
	verbSearch:       checkSearch,
	verbLang:         checkLang,
	verbMine:         checkNoArgs,
	verbParticipates: checkParticipates,
	verbAway:         checkAway,
	verbBack:         checkNoArgs,
	verbUnit:         checkUnit,
}

// checkUnit accepts a unit id, and väg-in= with till=YYYY-MM-DD or
// neither.
func checkUnit(c *Cmd) error {
	if len(c.Args) != 1 {
		return inputErr(c.Verb, "err.unit.shape")
	}
	_, entry := c.Opts[keyEntry]
	until, hasUntil := c.Opts[keyUntil]
	if entry != hasUntil {
		return inputErr(c.Verb, "err.unit.shape")
	}
	if _, ok := parseDate(until); hasUntil && !ok {
		return inputErr(c.Verb, "err.unit.until", maxAbsenceDays).on(FieldDate)
	}
	return nil
}

// checkAway accepts nothing (show one's absence), UNTIL (from today) or
// FROM UNTIL, as YYYY-MM-DD; ersättare= only with dates.
func checkAway(c *Cmd) error {
	if len(c.Args) > 2 {
		return inputErr(c.Verb, "err.extra", c.Args[2])
	}
	if len(c.Args) == 0 {
		if _, ok := c.Opts[keySubstitute]; ok {
			return inputErr(c.Verb, "err.away.subnodates").on(FieldDate)
		}
		return nil
	}
	for _, a := range c.Args {
		if _, ok := parseDate(a); !ok {
			return inputErr(c.Verb, "err.away.dates").on(FieldDate)
		}
	}
	return nil
}

func checkNoArgs(c *Cmd) error {
	if len(c.Args) > 0 {
		return inputErr(c.Verb, "err.extra", c.Args[0])
	}
	return nil
}

func checkRefOnly(c *Cmd) error {
	if len(c.Args) > 1 {
		return inputErr(c.Verb, "err.extra", c.Args[1])
	}
	return nil
}

func checkNew(c *Cmd) error {
	if len(c.Args) > 0 {
		return inputErr(c.Verb, "err.extra", c.Args[0])
	}
	in := newCaseOf(*c)
	v, errs := in.checkShape()
	if len(errs) > 0 {
		return errs[0]
	}
	c.Opts[keyParties] = strings.Join(v.parties, ",")
	return nil
}

func parseAge(s string) (int, bool) {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	return n, err == nil && n >= 0 && n <= 130
}

// parseParties reads care-level ids separated by commas, semicolons or
// spaces.
func parseParties(verb, s string) ([]string, *InputError) {
	var out []string
	for _, p := range strings.FieldsFunc(strings.ToLower(s), isListSep) {
		if !slices.Contains(directory.CareLevels, p) {
			return nil, inputErr(verb, "err.party", clip(p, 40))
		}
		if !slices.Contains(out, p) {
			out = append(out, p)
		}
	}
	if len(out) == 0 {
		return nil, inputErr(verb, "err.missing."+keyParties)
	}
	return out, nil
}

func isListSep(r rune) bool { return r == ',' || r == ';' || unicode.IsSpace(r) }

func checkConsent(c *Cmd) error {
	seen := map[string]bool{}
	for i, a := range c.Args[1:] {
		w, ok := consentWords[strings.ToLower(a)]
		if !ok {
			return inputErr(c.Verb, "err.consentword", a)
		}
		kind := w
		if w == formOral {
			kind = formWritten // one form only
		}
		if seen[kind] {
			return inputErr(c.Verb, "err.extra", a)
		}
		seen[kind] = true
		c.Args[i+1] = w
	}
	return nil
}

// checkMeeting accepts: REF DATE TIME [video|båda] [bekräfta] (and DATE'T'TIME),
// REF propose DT [DT [DT]] [video|båda] [bekräfta], REF pick N and REF held [DATE].
func checkMeeting(c *Cmd) error {
	args := c.Args[1:]
	if len(args) == 0 {
		return inputErr(c.Verb, "err.meeting")
	}
	if meetingWords[strings.ToLower(args[0])] == wordHeld {
		return checkHeld(c, args)
	}
	if w := meetingWords[strings.ToLower(args[0])]; w == wordPropose || w == wordPick {
		args[0] = w
		if w == wordPick {
			if len(args) != 2 {
				return inputErr(c.Verb, "err.pick")
			}
			if n, err := strconv.Atoi(args[1]); err != nil || n < 1 || n > maxSlots {
				return inputErr(c.Verb, "err.pick")
			}
			return nil
		}
		words, times := splitFormWords(args[1:])
		slots, err := parseSlots(c.Verb, times)
		if err != nil {
			return err
		}
		c.Args = append(append(c.Args[:2], slots...), words...)
		return nil
	}
	rest, when, err := takeDateTime(c.Verb, args)
	if err != nil {
		return err
	}
	out := []string{c.Args[0], when}
	words, extra := splitFormWords(rest)
	if len(extra) > 0 {
		return inputErr(c.Verb, "err.extra", extra[0])
	}
	for _, w := range words {
		if slices.Contains(out, w) {
			return inputErr(c.Verb, "err.extra", w)
		}
		out = append(out, w)
	}
	c.Args = out
	return nil
}

func parseSlots(verb string, args []string) ([]string, *InputError) {
	var slots []string
	for len(args) > 0 {
		rest, when, err := takeDateTime(verb, args)
		if err != nil {
			return nil, err
		}
		slots = append(slots, when)
		args = rest
	}
	if len(slots) == 0 || len(slots) > maxSlots {
		return nil, inputErr(verb, "err.slots", maxSlots)
	}
	return slots, nil
}

// takeDateTime reads "2026-12-10T13:00" or "2026-12-10 13:00" (also
// 13.00) from the front of args, returning the rest and the canonical
// "2006-01-02T15:04" form.
func takeDateTime(verb string, args []string) ([]string, string, *InputError) {
	if len(args) == 0 {
		return nil, "", inputErr(verb, "err.datetime", "")
	}
	if d, t, ok := strings.Cut(args[0], "T"); ok {
		if _, err := parseLocalDateTime(d, t); err != nil {
			return nil, "", inputErr(verb, "err.datetime", args[0])
		}
		return args[1:], d + "T" + strings.ReplaceAll(t, ".", ":"), nil
	}
	if len(args) < 2 {
		return nil, "", inputErr(verb, "err.datetime", args[0])
	}
	if _, err := parseLocalDateTime(args[0], args[1]); err != nil {
		return nil, "", inputErr(verb, "err.datetime", args[0]+" "+args[1])
	}
	return args[2:], args[0] + "T" + strings.ReplaceAll(args[1], ".", ":"), nil
}

// parseLocalDateTime checks a date and a clock time; the zone is applied
// by the caller.
func parseLocalDateTime(d, t string) (time.Time, error) {
	return time.Parse("2006-01-02T15:04", d+"T"+strings.ReplaceAll(t, ".", ":"))
}

func parseDate(s string) (time.Time, bool) {
	t, err := time.Parse("2006-01-02", s)
	return t, err == nil
}

// checkPlan accepts, after the reference: nothing (show the plan),
// klar, behov|mål "…"|-N, insats PART "…"|-, åtgärd PART "…"|-,
// åtgärd "…"|-N|ingen, with ansvar= and nästa= options. The text is
// everything after the keyword (and the party), quoted or not.
func checkPlan(c *Cmd) error {
	args := c.Args[1:]
	if len(args) == 0 {
		return nil
	}
	w, ok := planWords[strings.ToLower(args[0])]
	if !ok {
		return inputErr(c.Verb, "err.planword", args[0])
	}
	args[0] = w
	head := 2
	switch w {
	case wordEstablish:
		if len(args) > 1 {
			return inputErr(c.Verb, "err.extra", args[1])
		}
		return nil
	case wordReceived:
		if len(args) < 2 {
			return inputErr(c.Verb, "err.date", "")
		}
		if _, ok := parseDate(args[1]); !ok {
			return inputErr(c.Verb, "err.date", args[1])
		}
		if len(args) > 3 {
			return inputErr(c.Verb, "err.extra", args[3])
		}
		if len(args) == 3 {
			f, ok := receiptWords[strings.ToLower(args[2])]
			if !ok {
				return inputErr(c.Verb, "err.receiptform", args[2])
			}
			args[2] = f
		}
		return nil
	case wordEffort:
		if len(args) < 3 {
			return inputErr(c.Verb, "err.effort")
		}
		args[1] = strings.ToLower(args[1])
		head = 3
	case wordMeasure:
		if len(args) < 2 {
			return inputErr(c.Verb, "err.measure")
		}
		if len(args) == 2 && noneWords[strings.ToLower(args[1])] {
			args[1] = wordNone
			return nil
		}
		if len(args) >= 3 && slices.Contains(directory.CareLevels, strings.ToLower(args[1])) {
			args[1] = strings.ToLower(args[1])
			head = 3
		}
	default: // need, goal
		if len(args) < 2 {
			return inputErr(c.Verb, "err."+w)
		}
	}
	text := strings.TrimSpace(strings.Join(c.Args[head:], " "))
	if text == "" {
		return inputErr(c.Verb, "err."+w)
	}
	c.Args = append(c.Args[:head], text)
	return nil
}

// checkHeld accepts "held [DATE]" after the reference (args[0] is the
// word held).
func checkHeld(c *Cmd, args []string) error {
	args[0] = wordHeld
	switch {
	case len(args) > 2:
		return inputErr(c.Verb, "err.extra", args[2])
	case len(args) == 2:
		if _, ok := parseDate(args[1]); !ok {
			return inputErr(c.Verb, "err.date", args[1])
		}
	}
	return nil
}

func checkFollowUp(c *Cmd) error {
	if len(c.Args) > 1 && followUpWords[strings.ToLower(c.Args[1])] == wordHeld {
		return checkHeld(c, c.Args[1:])
	}
	if len(c.Args) != 2 {
		return inputErr(c.Verb, "err.date", strings.Join(c.Args[1:], " "))
	}
	if _, ok := parseDate(c.Args[1]); !ok {
		return inputErr(c.Verb, "err.date", c.Args[1])
	}
	return nil
}

func checkClose(c *Cmd) error {
	if err := checkRefOnly(c); err != nil {
		return err
	}
	if r, ok := c.Opts[keyReason]; ok && strings.TrimSpace(r) == "" {
		return inputErr(c.Verb, "err.emptyreason")
	}
	return nil
}

func checkWho(c *Cmd) error {
	if len(c.Args) < 2 {
		return inputErr(c.Verb, "err.who")
	}
	c.Args[0] = strings.ToLower(c.Args[0])
	if !slices.Contains(directory.CareLevels, c.Args[0]) {
		return inputErr(c.Verb, "err.party", c.Args[0])
	}
	return nil
}

func checkSearch(c *Cmd) error {
	if len(c.Args) == 0 {
		return inputErr(c.Verb, "err.search")
	}
	return nil
}

func checkLang(c *Cmd) error {
	if len(c.Args) != 1 {
		return inputErr(c.Verb, "err.lang")
	}
	l, ok := langWords[strings.ToLower(c.Args[0])]
	if !ok {
		return inputErr(c.Verb, "err.lang")
	}
	c.Args[0] = l
	return nil
}
