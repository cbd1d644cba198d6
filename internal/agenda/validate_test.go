package agenda

import (
	"errors"
	"strings"
	"testing"

	"github.com/samla-sip/samla/directory"
)

func TestParseAgenda(t *testing.T) {
	long := strings.Repeat("x", maxItem+1)
	tests := []struct {
		name    string
		content string
		ok      bool
	}{
		{"valid", validAnswer, true},
		{"fenced", "```json\n" + validAnswer + "\n```", true},
		{"null lists", `{"title":"t","goals":null,"topics":[{"title":"a","parties":[]}],"questions":null,"suggested_parties":[]}`, true},
		{"empty", "", false},
		{"array", "[]", false},
		{"truncated", validAnswer[:40], false},
		{"missing goals", `{"title":"t","topics":[{"title":"a","parties":[]}],"questions":[],"suggested_parties":[]}`, false},
		{"empty title", `{"title":" ","goals":[],"topics":[{"title":"a","parties":[]}],"questions":[],"suggested_parties":[]}`, false},
		{"wrong type", `{"title":1,"goals":[],"topics":[{"title":"a","parties":[]}],"questions":[],"suggested_parties":[]}`, false},
		{"unknown party in topic", `{"title":"t","goals":[],"topics":[{"title":"a","parties":["psyk"]}],"questions":[],"suggested_parties":[]}`, false},
		{"unknown suggested party", `{"title":"t","goals":[],"topics":[{"title":"a","parties":[]}],"questions":[],"suggested_parties":["BUP"]}`, false},
		{"too long", `{"title":"t","goals":["` + long + `"],"topics":[{"title":"a","parties":[]}],"questions":[],"suggested_parties":[]}`, false},
		{"personnummer", `{"title":"t","goals":["19121212-1212"],"topics":[{"title":"a","parties":[]}],"questions":[],"suggested_parties":[]}`, false},
		{"unknown topic field", `{"title":"t","goals":[],"topics":[{"title":"a","parties":[],"x":1}],"questions":[],"suggested_parties":[]}`, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := parseAgenda(tc.content, directory.CareLevels)
			if tc.ok && err != nil {
				t.Fatalf("parseAgenda: %v", err)
			}
			if !tc.ok && !errors.Is(err, errInvalid) {
				t.Fatalf("parseAgenda err = %v, want errInvalid", err)
			}
		})
	}
}

func TestParseAgendaDeduplicatesParties(t *testing.T) {
	a, err := parseAgenda(`{"title":" t ","goals":[" mål "],"topics":[{"title":"a","parties":["bup","bup"]}],"questions":[],"suggested_parties":["skola","skola"]}`, directory.CareLevels)
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "t" || a.Goals[0] != "mål" || len(a.Topics[0].Parties) != 1 || len(a.SuggestedParties) != 1 {
		t.Errorf("agenda = %+v", a)
	}
}

func FuzzParseAgenda(f *testing.F) {
	f.Add(validAnswer)
	f.Add(`{"title":"t","goals":[],"topics":[{"title":"a","parties":["bup"]}],"questions":[],"suggested_parties":[]}`)
	f.Add("```json\n{}\n```")
	f.Fuzz(func(t *testing.T, s string) {
		a, err := parseAgenda(s, directory.CareLevels)
		if err != nil {
			if !errors.Is(err, errInvalid) {
				t.Fatalf("error not marked invalid: %v", err)
			}
			return
		}
		if strings.TrimSpace(a.Title) == "" || len(a.Topics) == 0 {
			t.Fatalf("accepted an empty agenda: %+v", a)
		}
		for _, tp := range a.Topics {
			for _, p := range tp.Parties {
				if !knownCareLevel(directory.CareLevels, p) {
					t.Fatalf("accepted unknown party %q", p)
				}
			}
		}
		for _, p := range a.SuggestedParties {
			if !knownCareLevel(directory.CareLevels, p) {
				t.Fatalf("accepted unknown party %q", p)
			}
		}
		_ = Markdown(Draft{Agenda: a, Lang: "sv"})
	})
}

func TestPlainText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"  Mål  ", "Mål"},
		{"rad ett\nrad två\t*fet* `kod`", "rad ett rad två fet kod"},
		{"<!channel> @here ping", "!channel ＠here ping"},
		{"noll\u200bbredd\u0007", "nollbredd"},
	}
	for _, tc := range tests {
		if got := plainText(tc.in); got != tc.want {
			t.Errorf("plainText(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
