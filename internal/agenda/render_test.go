package agenda

import (
	"context"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

func TestFallbackGolden(t *testing.T) {
	// Scenario 1 of scenarios.md: a 14-year-old who stopped going to school.
	parties := []string{"skola", "elevhalsa", "bup", "socialtjanst-barn", "primarvard"}
	for _, lang := range []string{"sv", "en"} {
		t.Run(lang, func(t *testing.T) {
			d := New(Options{})
			draft, err := d.Draft(context.Background(), approve(d, Request{Needs: "Hon heter Maja och går inte till skolan.", Parties: parties, Lang: lang}))
			if err != nil {
				t.Fatal(err)
			}
			golden(t, "fallback_"+lang+".md", []byte(Markdown(draft)))
			js, err := JSON(draft)
			if err != nil {
				t.Fatal(err)
			}
			golden(t, "fallback_"+lang+".json", js)
		})
	}
}

func TestModelDraftGolden(t *testing.T) {
	srv := newFakeOpenAI(t, reply{content: validAnswer})
	d := newTestDrafter(t, srv.baseURL(), 0, nil)
	md, fromModel, err := d.DraftApproved(context.Background(), "Skolfrånvaro.", []string{"skola", "bup"}, "sv", d.Preview("Skolfrånvaro.").Hash())
	if err != nil || !fromModel {
		t.Fatalf("fromModel %v, err %v", fromModel, err)
	}
	golden(t, "model_sv.md", []byte(md))
}

func TestMarkdownStructure(t *testing.T) {
	for _, parties := range [][]string{nil, {"slutenvard", "primarvard", "hemtjanst", "hemsjukvard", "aldreomsorg"}} {
		for _, lang := range []string{"sv", "en"} {
			md := Markdown(Draft{Agenda: Fallback(parties, lang), Parties: parties, Lang: lang, Source: SourceFallback})
			goalsAt := strings.Index(md, map[string]string{"sv": "*2. Individens mål", "en": "*2. The individual's goals"}[lang])
			if goalsAt < 0 {
				t.Fatalf("goals are not item 2:\n%s", md)
			}
			for _, want := range map[string][]string{
				"sv": {"Mötesledare och sekreterare", "övergripande ansvaret", "uppföljningen", "Vem kallar till nästa möte?"},
				"en": {"Meeting leader and secretary", "overall responsibility", "follow-up date", "Who convenes the next meeting?"},
			}[lang] {
				if i := strings.Index(md, want); i < goalsAt && !strings.HasPrefix(want, "Mötesledare") && !strings.HasPrefix(want, "Meeting") {
					t.Errorf("%s: %q missing or before the goals", lang, want)
				}
			}
			for _, p := range parties {
				if !strings.Contains(md, careName(p, lang)+":") {
					t.Errorf("%s: no item for party %s", lang, p)
				}
			}
			for _, line := range strings.Split(strings.TrimSpace(md), "\n") {
				if line != "" && !strings.HasPrefix(line, "*") && !strings.HasPrefix(line, "• ") && !strings.Contains(line, ":") {
					t.Errorf("%s: line outside the chat subset: %q", lang, line)
				}
			}
		}
	}
}

func TestJSONRoundTrip(t *testing.T) {
	draft := Draft{Agenda: Fallback([]string{"bup"}, "en"), Source: SourceFallback, Reason: "r", Lang: "en", Parties: []string{"bup"}, Redacted: Report{Name: 2}}
	b, err := JSON(draft)
	if err != nil {
		t.Fatal(err)
	}
	var back Draft
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back, draft) {
		t.Errorf("round trip:\n got %+v\nwant %+v", back, draft)
	}
}

func TestSuggestedPartiesRendered(t *testing.T) {
	a := Fallback([]string{"bup"}, "sv")
	a.SuggestedParties = []string{"bup", "skola"}
	md := Markdown(Draft{Agenda: a, Parties: []string{"bup"}, Lang: "sv"})
	if !strings.Contains(md, "Föreslagna fler parter: Skola\n") {
		t.Errorf("suggested parties missing:\n%s", md)
	}
}
