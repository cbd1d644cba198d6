package sip

import (
	"errors"
	"reflect"
	"testing"
)

func TestParse(t *testing.T) {
	tests := []struct {
		in   string
		want Cmd
	}{
		{"ny kommun=Lund ålder=14 parter=bup,skola,socialtjanst-barn",
			Cmd{Verb: verbNew, Opts: map[string]string{keyKommun: "Lund", keyAge: "14", keyParties: "bup,skola,socialtjanst-barn"}}},
		{`new kommun="Upplands Väsby" age=80 parties=" Hemtjanst , aldreomsorg,hemtjanst" needs="svårt att komma iväg"`,
			Cmd{Verb: verbNew, Opts: map[string]string{keyKommun: "Upplands Väsby", keyAge: "80", keyParties: "hemtjanst,aldreomsorg", keyNeeds: "svårt att komma iväg"}}},
		{`NY Kommun=Lund ALDER=14 parter=bup behov=“typografiska citat”`,
			Cmd{Verb: verbNew, Opts: map[string]string{keyKommun: "Lund", keyAge: "14", keyParties: "bup", keyNeeds: "typografiska citat"}}},
		{"samtycke sip-7k3qf2 skriftligt vårdnadshavare", Cmd{Verb: verbConsent, Args: []string{"SIP-7K3QF2", formWritten, wordGuardians}}},
		{"consent 7K3QF2 oral", Cmd{Verb: verbConsent, Args: []string{"SIP-7K3QF2", formOral}}},
		{"aterkalla SIP-7K3QF2", Cmd{Verb: verbWithdraw, Args: []string{"SIP-7K3QF2"}}},
		{"möte SIP-7K3QF2 2026-12-10 13.00 video", Cmd{Verb: verbMeeting, Args: []string{"SIP-7K3QF2", "2026-12-10T13:00", wordVideo}}},
		{`mote SIP-7K3QF2 2026-12-10T13:00 plats="Stadshuset, rum 3"`,
			Cmd{Verb: verbMeeting, Args: []string{"SIP-7K3QF2", "2026-12-10T13:00"}, Opts: map[string]string{keyPlace: "Stadshuset, rum 3"}}},
		{"möte SIP-7K3QF2 förslag 2026-12-10T13:00 2026-12-11 09:00", Cmd{Verb: verbMeeting, Args: []string{"SIP-7K3QF2", wordPropose, "2026-12-10T13:00", "2026-12-11T09:00"}}},
		{"meeting SIP-7K3QF2 välj 2", Cmd{Verb: verbMeeting, Args: []string{"SIP-7K3QF2", wordPick, "2"}}},
		{"bjud SIP-7K3QF2", Cmd{Verb: verbInvite, Args: []string{"SIP-7K3QF2"}}},
		{"invite SIP-7K3QF2 lss", Cmd{Verb: verbInvite, Args: []string{"SIP-7K3QF2", "lss"}}},
		{"mina", Cmd{Verb: verbMine}},
		{"", Cmd{Verb: verbHelp}},
		{"hjälp", Cmd{Verb: verbHelp}},
		{"logg SIP-7K3QF2", Cmd{Verb: verbLog, Args: []string{"SIP-7K3QF2"}}},
		{`plan SIP-7K3QF2 insats BUP "samtal varannan vecka"`, Cmd{Verb: verbPlan, Args: []string{"SIP-7K3QF2", wordEffort, "bup", "samtal varannan vecka"}}},
		{`plan SIP-7K3QF2 åtgärd skjuts till skolan`, Cmd{Verb: verbPlan, Args: []string{"SIP-7K3QF2", wordMeasure, "skjuts till skolan"}}},
		{"plan SIP-7K3QF2 ansvar=bup-lund nästa=lund-skola-kurator-sara",
			Cmd{Verb: verbPlan, Args: []string{"SIP-7K3QF2"}, Opts: map[string]string{keyResponsible: "bup-lund", keyNext: "lund-skola-kurator-sara"}}},
		{"uppfoljning SIP-7K3QF2 2027-03-01", Cmd{Verb: verbFollowUp, Args: []string{"SIP-7K3QF2", "2027-03-01"}}},
		{`avsluta SIP-7K3QF2 orsak="flyttat"`, Cmd{Verb: verbClose, Args: []string{"SIP-7K3QF2"}, Opts: map[string]string{keyReason: "flyttat"}}},
		{"vem BUP Lund 14", Cmd{Verb: verbWho, Args: []string{"bup", "Lund", "14"}}},
		{"sök kurator eslöv", Cmd{Verb: verbSearch, Args: []string{"kurator", "eslöv"}}},
		{"språk English", Cmd{Verb: verbLang, Args: []string{"en"}}},
		{`agenda SIP-7K3QF2`, Cmd{Verb: verbAgenda, Args: []string{"SIP-7K3QF2"}}},
		{`plan SIP-7K3QF2 åtgärd "citat \"inne\" i text"`, Cmd{Verb: verbPlan, Args: []string{"SIP-7K3QF2", wordMeasure, `citat "inne" i text`}}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := Parse(tt.in)
			if err != nil {
				t.Fatalf("Parse(%q): %v", tt.in, err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("Parse(%q)\n got %#v\nwant %#v", tt.in, got, tt.want)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		in, id, verb string
	}{
		{"flyga", "err.verb", verbGeneral},
		{"kommun=Lund", "err.noverb", verbGeneral},
		{"ny kommun=Lund ålder=14", "err.missing.parties", verbNew},
		{"ny kommun=Lund parter=bup", "err.missing.age", verbNew},
		{"ny ålder=14 parter=bup", "err.missing.kommun", verbNew},
		{"ny kommun=Lund ålder=fjorton parter=bup", "err.age", verbNew},
		{"ny kommun=Lund ålder=14 parter=bup,tandvard", "err.party", verbNew},
		{"ny kommun=Lund kommun=Malmö ålder=14 parter=bup", "err.dupkey", verbNew},
		{"ny kommun=Lund ålder=14 parter=bup färg=blå", "err.key", verbNew},
		{"ny kommun=Lund ålder=14 parter=bup extra", "err.extra", verbNew},
		{`ny kommun="Lund ålder=14`, "err.unterminated", verbGeneral},
		{`ny kommun="Lund"x`, "err.afterquote", verbGeneral},
		{`ny kommun=Lu"nd`, "err.quote", verbGeneral},
		{`ny =Lund`, "err.nokey", verbGeneral},
		{"samtycke", "err.noref", verbConsent},
		{"samtycke 123", "err.ref", verbConsent},
		{"samtycke SIP-7K3QF2 kanske", "err.consentword", verbConsent},
		{"samtycke SIP-7K3QF2 skriftligt muntligt", "err.extra", verbConsent},
		{"möte SIP-7K3QF2", "err.meeting", verbMeeting},
		{"möte SIP-7K3QF2 imorgon", "err.datetime", verbMeeting},
		{"möte SIP-7K3QF2 2026-13-10 13:00", "err.datetime", verbMeeting},
		{"möte SIP-7K3QF2 2026-12-10 13:00 telefon", "err.extra", verbMeeting},
		{"möte SIP-7K3QF2 förslag", "err.slots", verbMeeting},
		{"möte SIP-7K3QF2 förslag 2026-12-10T13:00 2026-12-11T13:00 2026-12-12T13:00 2026-12-13T13:00", "err.slots", verbMeeting},
		{"möte SIP-7K3QF2 välj 4", "err.pick", verbMeeting},
		{"plan SIP-7K3QF2 syfte x", "err.planword", verbPlan},
		{"plan SIP-7K3QF2 klar nu", "err.extra", verbPlan},
		{"möte SIP-7K3QF2 hållet igår", "err.date", verbMeeting},
		{"uppföljning SIP-7K3QF2 hållen 2026-12-01 x", "err.extra", verbFollowUp},
		{"plan SIP-7K3QF2 insats bup", "err.effort", verbPlan},
		{"uppföljning SIP-7K3QF2 mars", "err.date", verbFollowUp},
		{`avsluta SIP-7K3QF2 orsak=""`, "err.emptyreason", verbClose},
		{"vem bup", "err.who", verbWho},
		{"vem tandvard Lund", "err.party", verbWho},
		{"sök", "err.search", verbSearch},
		{"språk fr", "err.lang", verbLang},
		{"mina SIP-7K3QF2", "err.extra", verbMine},
		{"status SIP-7K3QF2 mer", "err.extra", verbStatus},
		{"ny kommun=Lund ålder=14 parter=bup behov=\xff", "err.encoding", verbGeneral},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			_, err := Parse(tt.in)
			var ie *InputError
			if !errors.As(err, &ie) {
				t.Fatalf("Parse(%q) = %v, want an InputError", tt.in, err)
			}
			if ie.ID != tt.id || ie.Verb != tt.verb {
				t.Fatalf("Parse(%q) = %s (verb %q), want %s (verb %q)", tt.in, ie.ID, ie.Verb, tt.id, tt.verb)
			}
			for _, lang := range []string{"sv", "en"} {
				if msg := t2(lang, ie); msg == "" || msg[0] == '!' {
					t.Errorf("%s message for %s missing: %q", lang, ie.ID, msg)
				}
			}
		})
	}
}

func t2(lang string, ie *InputError) string { return t(lang, ie.ID, ie.Args...) }

func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"ny kommun=Lund ålder=14 parter=bup,skola",
		`new kommun="Upplands Väsby" age=80 parties=hemtjanst needs="a \"b\" c"`,
		"möte SIP-7K3QF2 förslag 2026-12-10T13:00 2026-12-11 09.00",
		"möte SIP-7K3QF2 2026-12-10 13:00 video plats=”Rum 3”",
		`plan SIP-7K3QF2 insats bup "samtal"`, "plan sip-0000l0 åtgärd -1",
		"samtycke SIP-7K3QF2 muntligt vårdnadshavare", "vem bup Lund 14", "sök kurator", "språk en",
		`avsluta SIP-7K3QF2 orsak="x y"`, "bjud SIP-7K3QF2 lss bup-lund-vagin", "x=\\", `"ny"`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := Parse(s)
		if err != nil {
			var ie *InputError
			if !errors.As(err, &ie) {
				t.Fatalf("Parse(%q): non-input error %v", s, err)
			}
			return
		}
		again, err := Parse(c.String())
		if err != nil {
			t.Fatalf("Parse(%q) ok but Parse(String()=%q): %v", s, c.String(), err)
		}
		if !reflect.DeepEqual(c, again) {
			t.Fatalf("round trip of %q via %q:\n got %#v\nwant %#v", s, c.String(), again, c)
		}
	})
}

// FuzzButtonValue: button values come back from platforms untrusted.
func FuzzButtonValue(f *testing.F) {
	for _, s := range []string{"SIP-7K3QF2|i1", "sip-7k3qf2|i2|3", "|", "SIP-OOOOOO|x|y|z", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, v string) {
		for _, n := range []int{2, 3} {
			p, ok := splitValue(v, n)
			if !ok {
				continue
			}
			if len(p) != n {
				t.Fatalf("splitValue(%q, %d) = %v", v, n, p)
			}
			if again, ok := normalizeRef(p[0]); !ok || again != p[0] {
				t.Fatalf("reference %q not normalised (%q)", p[0], again)
			}
		}
	})
}
