package agenda

import (
	"strings"
	"testing"

	"github.com/samla-sip/samla/directory"
)

func TestRedact(t *testing.T) {
	idx := NewNameIndex(testContacts())
	tests := []struct {
		name string
		in   string
		want string
		rep  Report
	}{
		{"nothing", "Eleven har slutat gå till skolan sedan i höstas.", "Eleven har slutat gå till skolan sedan i höstas.", Report{}},
		{"mobile", "Ring mamma på 070-123 45 67 eller 0701234567.", "Ring mamma på [TELEFON] eller [TELEFON].", Report{Phone: 2}},
		{"landline", "Växel 046-22 22 22, direkt 08-123 456 78.", "Växel [TELEFON], direkt [TELEFON].", Report{Phone: 2}},
		{"international", "Pappa nås på +46 70 123 45 67 och 0046701234567.", "Pappa nås på [TELEFON] och [TELEFON].", Report{Phone: 2}},
		{"email", "Mejla anna.lindqvist@skane.se eller åsa_b+sip@lund.kommun.se.", "Mejla [E-POST] eller [E-POST].", Report{Email: 2}},
		{"street", "Familjen bor på Storgatan 12B, lgh 1102 i Lund.", "Familjen bor på [ADRESS] i [PLATS-1].", Report{Address: 1, Place: 1}},
		{"street with å", "Hon bor på Östra Vallgatan 3 och Kungsvägen 14.", "Hon bor på [ADRESS] och [ADRESS].", Report{Address: 2}},
		{"plan", "Möte vid Gustav Adolfs plan 3; handlingsplan 2 klar.", "Möte vid [ADRESS]; handlingsplan 2 klar.", Report{Address: 1}},
		{"postnummer", "Adress: 211 45 Malmö, c/o Svensson.", "Adress: [ADRESS], [ADRESS].", Report{Address: 2}},
		{"directory full name", "Prata med Anna Lindqvist på BUP.", "Prata med [NAMN-1] på BUP.", Report{Name: 1}},
		{"directory name lower case", "prata med anna lindqvist först", "prata med [NAMN-1] först", Report{Name: 1}},
		{"same name same number", "Anna Lindqvist och Björn Åkesson; Anna ringer Björns kollega.", "[NAMN-1] och [NAMN-2]; [NAMN-1] ringer [NAMN-2]s kollega.", Report{Name: 4}},
		{"kommun is a place", "BUP Lund kan ses via video.", "BUP [PLATS-1] kan ses via video.", Report{Place: 1}},
		{"lower case common word kept", "Vi ses en gång per vecka, hans mamma ringer.", "Vi ses en gång per vecka, hans mamma ringer.", Report{}},
		{"lower case name", "Vi ses en gång per vecka, anna ringer.", "Vi ses en gång per vecka, [NAMN-1] ringer.", Report{Name: 1}},
		{"individual heter", "Hon heter Maja och är 14 år. Maja vill gå i skolan. Majas mamma oroar sig.", "Hon heter [NAMN-1] och är 14 år. [NAMN-1] vill gå i skolan. [NAMN-1]s mamma oroar sig.", Report{Name: 3}},
		{"individual min son", "Min son Kalle Svensson har ångest.", "Min son [NAMN-1] har ångest.", Report{Name: 1}},
		{"individual eleven", "Eleven Ahmed har hög frånvaro.", "Eleven [NAMN-1] har hög frånvaro.", Report{Name: 1}},
		{"individual han", "Det är han Kalle som inte kommer.", "Det är han [NAMN-1] som inte kommer.", Report{Name: 1}},
		{"individual english", "My daughter Lily is 12. The patient, Lily, wants to swim.", "My daughter [NAMN-1] is 12. The patient, [NAMN-1], wants to swim.", Report{Name: 2}},
		{"diagnoses", "Har ADHD och autism, diagnos F90.0 (F84). Depressionen är svår; ångest och sömn.", "Har neuropsykiatrisk diagnos och neuropsykiatrisk diagnos, diagnos [DIAGNOS] ([DIAGNOS]). Psykisk ohälsa är svår; ångest och sömn.", Report{Clinical: 5}},
		{"no diagnosis in codes", "KVÅ AU124 och KSI XAH.20.75, åk 8, kl 10.00.", "KVÅ AU124 och KSI XAH.20.75, åk 8, kl 10.00.", Report{}},
		{"more address forms", "Box 123, SE-211 45 Malmö, Järntorgsplan 1, c/o Anna Berg.", "[ADRESS], [ADRESS], [ADRESS], [ADRESS].", Report{Address: 4}},
		{"more triggers", "Hen kallar sig Kim. Den unge Leo och the girl known as Mia.", "Hen kallar sig [NAMN-1]. Den unge [NAMN-2] och the girl known as [NAMN-3].", Report{Name: 3}},
		{"over-redaction documented", "Björn vecka: E22 stängd 0900-1000.", "[NAMN-1] vecka: [DIAGNOS] stängd [TELEFON].", Report{Phone: 1, Clinical: 1, Name: 1}},
		{"everyday word names kept alone", "Per vecka. Hans mamma. Inga insatser.", "Per vecka. Hans mamma. Inga insatser.", Report{}},
		{"everyday word name after a full name", "Per vecka. Per Holm ringer; Holm och Per.", "[NAMN-1] vecka. [NAMN-1] ringer; [NAMN-1] och [NAMN-1].", Report{Name: 4}},
		{"placeholder not renamed", "Hon heter [NAMN-1].", "Hon heter [NAMN-1].", Report{}},
		{"mixed", "Maja (heter Maja) 070-1234567 maja@example.se Storgatan 1 Anna Lindqvist", "[NAMN-1] (heter [NAMN-1]) [TELEFON] [E-POST] [ADRESS] [NAMN-2]", Report{Phone: 1, Email: 1, Address: 1, Name: 3}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, rep := Redact(tc.in, idx)
			if got != tc.want {
				t.Errorf("Redact(%q)\n got %q\nwant %q", tc.in, got, tc.want)
			}
			if rep != tc.rep {
				t.Errorf("report = %+v, want %+v", rep, tc.rep)
			}
		})
	}
}

func TestRedactPersonnummer(t *testing.T) {
	// 19121212-1212 is the Tax Agency's test number; 701063-2391 is a
	// samordningsnummer (day + 60). Both are Luhn-valid.
	in := "Personnummer 19121212-1212, även 121212-1212 och 7010632391 nämns."
	got, rep := Redact(in, nil)
	for _, pnr := range []string{"19121212-1212", "121212-1212", "7010632391"} {
		if strings.Contains(got, pnr) {
			t.Errorf("Redact kept %s: %q", pnr, got)
		}
	}
	if rep.Personnummer != 3 {
		t.Errorf("report.Personnummer = %d, want 3 (%q)", rep.Personnummer, got)
	}
	if directory.ContainsPersonnummer(got) {
		t.Errorf("output still holds a personnummer: %q", got)
	}
}

func TestReportText(t *testing.T) {
	tests := []struct {
		rep    Report
		sv, en string
	}{
		{Report{}, "inget", "nothing"},
		{Report{Personnummer: 1, Name: 2}, "1 personnummer, 2 namn", "1 personal identity number, 2 names"},
		{Report{Phone: 2, Email: 1, Address: 3}, "2 telefonnummer, 1 e-postadress, 3 adresser", "2 phone numbers, 1 e-mail address, 3 addresses"},
		{Report{Clinical: 1}, "1 klinisk uppgift generaliserad", "1 clinical detail generalised"},
		{Report{Clinical: 2, Place: 1, Unit: 2}, "1 ort, 2 skolor eller enheter, 2 kliniska uppgifter generaliserade", "1 place, 2 schools or units, 2 clinical details generalised"},
	}
	for _, tc := range tests {
		if got := tc.rep.Text("sv"); got != tc.sv {
			t.Errorf("Text(sv) = %q, want %q", got, tc.sv)
		}
		if got := tc.rep.Text("en"); got != tc.en {
			t.Errorf("Text(en) = %q, want %q", got, tc.en)
		}
	}
}

func FuzzRedact(f *testing.F) {
	for _, s := range []string{
		"Hon heter Maja, 19121212-1212, 070-123 45 67, maja@example.se, Storgatan 12",
		"Anna Lindqvist och anna lindqvist, Björns, [NAMN-1]",
		"c/o Berg, 211 45 Malmö, lgh 1102, +46 (0)70 123 45 67",
		"min son Kalle-Åke",
		"",
	} {
		f.Add(s)
	}
	idx := NewNameIndex(testContacts())
	f.Fuzz(func(t *testing.T, s string) {
		red := Rules{}.Redact(s, idx)
		if strings.ContainsAny(red.Text, markOpen+markClose) {
			t.Fatalf("working marks left in %q", red.Text)
		}
		last := 0
		for _, m := range red.Marks {
			if m.Start < last || m.End <= m.Start || m.End > len(red.Text) {
				t.Fatalf("mark %v out of order or bounds in %q", m, red.Text)
			}
			last = m.End
		}
		out, rep := red.Text, red.Report
		if directory.ContainsPersonnummer(out) {
			t.Fatalf("output holds a personnummer: %q -> %q", s, out)
		}
		if rep.Total() < 0 {
			t.Fatalf("negative report %+v", rep)
		}
		if m, ok := directory.FindPersonnummer(s); ok && strings.Contains(out, m) {
			t.Fatalf("output keeps %q", m)
		}
		for _, w := range []string{"Lindqvist", "Åkesson"} {
			if strings.Contains(s, " "+w+" ") && strings.Contains(out, " "+w+" ") {
				t.Fatalf("directory name %q kept: %q -> %q", w, s, out)
			}
		}
	})
}
