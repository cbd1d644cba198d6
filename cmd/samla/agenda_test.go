package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/samla-sip/samla/internal/agenda"
	"github.com/samla-sip/samla/internal/sip"
)

// agendaEnv is a cliEnv over buffers with the given environment.
func agendaEnv(stdin string, vars map[string]string) (*cliEnv, *bytes.Buffer, *bytes.Buffer) {
	var out, errOut bytes.Buffer
	return &cliEnv{
		stdin:  strings.NewReader(stdin),
		stdout: &out,
		stderr: &errOut,
		getenv: func(k string) string { return vars[k] },
	}, &out, &errOut
}

const agendaNeeds = "Hon heter Maja, 14 år, och har inte varit i skolan sedan oktober. Mamma nås på 070-123 45 67."

func TestAgendaDraftFallback(t *testing.T) {
	tests := []struct {
		name      string
		args      []string
		vars      map[string]string
		stdout    []string
		stderr    []string
		notStdout []string
	}{
		{
			name:      "swedish markdown",
			args:      []string{"agenda", "draft", "--parter", "skola,bup"},
			stdout:    []string{"*Dagordning för SIP-möte*", "Parter: Skola, BUP", "*2. Individens mål – med egna ord*", "• BUP: nuvarande insatser och uppdrag"},
			stderr:    []string{"Standardmall: språkmodellen är inte påslagen", "Maskerat innan texten användes: 1 telefonnummer, 1 namn."},
			notStdout: []string{"Maja", "070"},
		},
		{
			name:   "english from SAMLA_LANG",
			args:   []string{"agenda", "draft", "--parter", "socialtjanst-barn"},
			vars:   map[string]string{"SAMLA_LANG": "en"},
			stdout: []string{"*Agenda for the SIP meeting*", "Social services for children: current efforts"},
			stderr: []string{"Standard template: the language model is not switched on", "Redacted before the text was used: 1 phone number, 1 name."},
		},
		{
			name:   "json",
			args:   []string{"agenda", "draft", "--json", "--lang", "en"},
			stdout: []string{`"source": "fallback"`, `"title": "Agenda for the SIP meeting"`, `"phone": 1`},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			env, out, errOut := agendaEnv(agendaNeeds, tc.vars)
			if code := run(context.Background(), env, tc.args); code != 0 {
				t.Fatalf("exit %d, stderr:\n%s", code, errOut)
			}
			for _, want := range tc.stdout {
				if !strings.Contains(out.String(), want) {
					t.Errorf("stdout lacks %q:\n%s", want, out)
				}
			}
			for _, want := range tc.stderr {
				if !strings.Contains(errOut.String(), want) {
					t.Errorf("stderr lacks %q:\n%s", want, errOut)
				}
			}
			for _, not := range tc.notStdout {
				if strings.Contains(out.String(), not) {
					t.Errorf("stdout holds %q", not)
				}
			}
		})
	}
}

func TestAgendaDraftJSONIsValid(t *testing.T) {
	env, out, errOut := agendaEnv(agendaNeeds, nil)
	if code := run(context.Background(), env, []string{"agenda", "draft", "--json", "--parter", "bup"}); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var d struct {
		Source  string   `json:"source"`
		Parties []string `json:"parties"`
		Agenda  struct {
			Topics []struct{ Title string } `json:"topics"`
		} `json:"agenda"`
	}
	if err := json.Unmarshal(out.Bytes(), &d); err != nil {
		t.Fatalf("stdout is not JSON: %v\n%s", err, out)
	}
	if d.Source != "fallback" || len(d.Parties) != 1 || len(d.Agenda.Topics) == 0 {
		t.Errorf("draft = %+v", d)
	}
}

func TestAgendaDraftUsesModel(t *testing.T) {
	var mu sync.Mutex
	var bodies []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		mu.Lock()
		bodies = append(bodies, r.URL.Path+" "+r.Header.Get("Authorization")+" "+string(b))
		mu.Unlock()
		content := `{"title":"SIP om skolgång","goals":["Jag vill tillbaka till klassen"],` +
			`"topics":[{"title":"Skolnärvaro","parties":["skola"]}],"questions":["Vem har det övergripande ansvaret?"],"suggested_parties":["elevhalsa"]}`
		json.NewEncoder(w).Encode(map[string]any{
			"id": "1", "object": "chat.completion", "model": "m",
			"choices": []any{map[string]any{"index": 0, "message": map[string]any{"role": "assistant", "content": content}}},
		})
	}))
	defer srv.Close()
	vars := map[string]string{
		"SAMLA_LLM_BASE_URL": srv.URL + "/v1",
		"SAMLA_LLM_MODEL":    "local-model",
		"SAMLA_LLM_API_KEY":  "test-key",
		"SAMLA_LLM_TIMEOUT":  "5s",
	}
	// Sara Lindberg is a kurator in the embedded sample directory.
	env, out, errOut := agendaEnv(agendaNeeds+" Kuratorn Sara Lindberg har haft kontakt med familjen.", vars)
	if code := run(context.Background(), env, []string{"agenda", "draft", "--parter", "skola", "--yes"}); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(out.String(), "*SIP om skolgång*") || !strings.Contains(out.String(), "• Jag vill tillbaka till klassen") {
		t.Errorf("stdout:\n%s", out)
	}
	if !strings.Contains(errOut.String(), "Utkast från språkmodellen") {
		t.Errorf("stderr does not name the source:\n%s", errOut)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(bodies) != 1 {
		t.Fatalf("%d requests", len(bodies))
	}
	if !strings.HasPrefix(bodies[0], "/v1/chat/completions Bearer test-key ") {
		t.Errorf("request: %.80s", bodies[0])
	}
	for _, secret := range []string{"Maja", "070-123 45 67", "Sara", "Lindberg"} {
		if strings.Contains(bodies[0], secret) {
			t.Errorf("request body holds %q", secret)
		}
	}
}

func TestAgendaDraftUsageErrors(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		vars   map[string]string
		code   int
		stderr string
	}{
		{"no subcommand", []string{"agenda"}, nil, 2, "Usage: samla agenda draft"},
		{"unknown subcommand", []string{"agenda", "share"}, nil, 2, "Usage: samla agenda draft"},
		{"unknown party", []string{"agenda", "draft", "--parter", "bup,psykiatrin"}, nil, 2, `Okänd part "psykiatrin"`},
		{"bad lang", []string{"agenda", "draft", "--lang", "de"}, nil, 2, "sv eller en"},
		{"stray argument", []string{"agenda", "draft", "behov.txt"}, nil, 2, "läses från stdin"},
		{"bad flag", []string{"agenda", "draft", "--nope"}, nil, 2, "flag provided but not defined"},
		{"bad config", []string{"agenda", "draft"}, map[string]string{"SAMLA_LLM_TIMEOUT": "soon"}, 1, "SAMLA_LLM_TIMEOUT"},
		{"missing directory", []string{"agenda", "draft"}, map[string]string{"SAMLA_DIRECTORY": "/nonexistent/samla-directory"}, 1, "directory"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			env, out, errOut := agendaEnv("behov", tc.vars)
			if code := run(context.Background(), env, tc.args); code != tc.code {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, tc.code, errOut)
			}
			if !strings.Contains(errOut.String(), tc.stderr) {
				t.Errorf("stderr lacks %q:\n%s", tc.stderr, errOut)
			}
			if out.Len() != 0 {
				t.Errorf("stdout not empty: %s", out)
			}
		})
	}
}

func TestAgendaDraftTooLong(t *testing.T) {
	env, _, errOut := agendaEnv(strings.Repeat("a", maxNeedsBytes+1), nil)
	if code := run(context.Background(), env, []string{"agenda", "draft"}); code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	if !strings.Contains(errOut.String(), "för lång") {
		t.Errorf("stderr: %s", errOut)
	}
}

// fakeModel is an OpenAI-compatible server that records request bodies.
func fakeModel(t *testing.T) (vars map[string]string, bodies func() []string) {
	t.Helper()
	var mu sync.Mutex
	var got []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		mu.Lock()
		got = append(got, string(b))
		mu.Unlock()
		content := `{"title":"SIP","goals":[],"topics":[{"title":"Skolgång","parties":["skola"]}],"questions":["Vem har det övergripande ansvaret?"],"suggested_parties":[]}`
		json.NewEncoder(w).Encode(map[string]any{
			"id": "1", "object": "chat.completion", "model": "m",
			"choices": []any{map[string]any{"index": 0, "message": map[string]any{"role": "assistant", "content": content}}},
		})
	}))
	t.Cleanup(srv.Close)
	return map[string]string{"SAMLA_LLM_BASE_URL": srv.URL + "/v1", "SAMLA_LLM_MODEL": "m", "SAMLA_LLM_TIMEOUT": "5s"},
		func() []string { mu.Lock(); defer mu.Unlock(); return append([]string(nil), got...) }
}

// fakeTTY answers a question with answer and keeps what was asked.
type fakeTTY struct {
	in    *strings.Reader
	asked bytes.Buffer
}

func (f *fakeTTY) Read(p []byte) (int, error)  { return f.in.Read(p) }
func (f *fakeTTY) Write(p []byte) (int, error) { return f.asked.Write(p) }
func (f *fakeTTY) Close() error                { return nil }

// kalleNeeds is the example of issue 20.
const kalleNeeds = "Kalle Svensson, 15 år, har självskadebeteende och har inte varit i skolan sedan oktober. " +
	"Pappa Anders dricker. Mamman Lisa vill att BUP tar över. Han går på Polhemskolan och träffar kuratorn Sara Lindberg."

func TestAgendaDraftAsksBeforeSending(t *testing.T) {
	tests := []struct {
		name     string
		answer   string // "" = no terminal
		args     []string
		code     int
		sent     bool
		stderr   string
		notAsked bool
	}{
		{name: "no terminal, no --yes", code: 2, stderr: "--yes", notAsked: true},
		{name: "terminal says ja", answer: "ja\n", code: 0, sent: true, stderr: "Utkast från språkmodellen"},
		{name: "terminal says nej", answer: "n\n", code: 0, stderr: "texten skickades inte till språkmodellen"},
		{name: "terminal says nothing", answer: "", code: 2, stderr: "--yes", notAsked: true},
		{name: "--yes", args: []string{"--yes"}, code: 0, sent: true, notAsked: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			vars, bodies := fakeModel(t)
			env, out, errOut := agendaEnv(kalleNeeds, vars)
			tty := &fakeTTY{in: strings.NewReader(tc.answer)}
			if tc.answer != "" {
				env.terminal = func() (io.ReadWriteCloser, error) { return tty, nil }
			}
			args := append([]string{"agenda", "draft", "--parter", "bup,skola"}, tc.args...)
			if code := run(context.Background(), env, args); code != tc.code {
				t.Fatalf("exit %d, want %d; stderr:\n%s", code, tc.code, errOut)
			}
			// The convener saw exactly what would leave, replacements marked.
			preview := "[NAMN-1], 15 år, har psykisk ohälsa och har inte varit i skolan sedan oktober. Pappa [NAMN-2] har missbruksproblem. " +
				"Mamman [NAMN-3] vill att BUP tar över. Han går på [ENHET-1] och träffar kuratorn [NAMN-4]."
			if !strings.Contains(errOut.String(), "Detta skickas till språkmodellen:\n----\n"+preview+"\n----\n") ||
				!strings.Contains(errOut.String(), "Ersatt: «[NAMN-1]», «psykisk ohälsa», «[NAMN-2]», «har missbruksproblem»") {
				t.Errorf("stderr lacks the exact text and its replacements:\n%s", errOut)
			}
			if !strings.Contains(errOut.String(), tc.stderr) {
				t.Errorf("stderr lacks %q:\n%s", tc.stderr, errOut)
			}
			if asked := tty.asked.String(); tc.notAsked == (asked != "") || (!tc.notAsked && asked != "Skicka till språkmodellen? [j/N] ") {
				t.Errorf("asked %q", asked)
			}
			got := bodies()
			if tc.sent != (len(got) == 1) {
				t.Fatalf("%d requests, sent = %v", len(got), tc.sent)
			}
			for _, b := range got {
				if !strings.Contains(b, preview) {
					t.Errorf("request does not hold the previewed text: %s", b)
				}
				for _, s := range []string{"Kalle", "Svensson", "Anders", "Lisa", "Sara", "Lindberg", "Polhemskolan", "självskad", "dricker"} {
					if strings.Contains(b, s) {
						t.Errorf("request holds %q", s)
					}
				}
			}
			if tc.code == 0 && out.Len() == 0 {
				t.Error("no draft on stdout")
			}
		})
	}
}

// The drafter wired into the SIP core asks the convener before the model.
var _ sip.AgendaApprover = (*agenda.Drafter)(nil)
