package i18ntest

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/samla-sip/samla/internal/i18n"
)

const sample = `package sample

func t(lang, id string, args ...any) string { return id }

func use(lang, kind string) {
	_ = t(lang, "greet", "Sara")
	_ = t(lang, "kind."+kind)
}
`

// TestCheckFindsEveryMistake runs Check on a sample package with one
// catalogue that is right and several that are wrong in one way each.
func TestCheckFindsEveryMistake(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "sample.go"), []byte(sample), 0o600); err != nil {
		t.Fatal(err)
	}
	good := i18n.Catalogue{
		"greet":  {Sv: "Hej %s", En: "Hello %s"},
		"kind.a": {Sv: "A", En: "A"},
	}
	uses := Uses{Dir: dir, Funcs: []string{"t"}, Dynamic: []string{"kind.a"}}
	tests := []struct {
		name string
		cat  i18n.Catalogue
		uses Uses
		want string // "" = passes
	}{
		{"right", good, uses, ""},
		{"no English", with(good, "greet", i18n.Text{Sv: "Hej %s"}), uses, "missing a language"},
		{"verbs differ", with(good, "greet", i18n.Text{Sv: "Hej %s", En: "Hello %d"}), uses, "sv takes"},
		{"named but missing", without(good, "greet"), uses, `"greet" is not in the catalogue`},
		{"unused", with(good, "bye", i18n.Text{Sv: "Hej då", En: "Bye"}), uses, `"bye" is never used`},
		{"family member not listed", with(good, "kind.b", i18n.Text{Sv: "B", En: "B"}), uses, "list it in Uses.Dynamic"},
		{"dynamic missing", good, Uses{Dir: dir, Funcs: []string{"t"}, Dynamic: []string{"kind.a", "kind.c"}}, `"kind.c" is not in the catalogue`},
		{"declared family", with(good, "kind.b", i18n.Text{Sv: "B", En: "B"}),
			Uses{Dir: dir, Funcs: []string{"t"}, Dynamic: []string{"kind.a"}, Families: []string{"kind."}}, ""},
		{"declared family the code does not build", with(good, "other.b", i18n.Text{Sv: "B", En: "B"}),
			Uses{Dir: dir, Funcs: []string{"t"}, Dynamic: []string{"kind.a"}, Families: []string{"other."}}, `"other.b" is never used`},
		{"scan finds nothing", good, Uses{Dir: dir, Funcs: []string{"nope"}}, "scan is broken"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := &recorder{}
			done := make(chan struct{})
			go func() { // Fatalf ends the goroutine, as in a real test
				defer close(done)
				Check(rec, tt.cat, tt.uses)
			}()
			<-done
			got := strings.Join(rec.msgs, "\n")
			if tt.want == "" && got != "" {
				t.Errorf("want no complaint, got:\n%s", got)
			}
			if tt.want != "" && !strings.Contains(got, tt.want) {
				t.Errorf("want a complaint containing %q, got:\n%s", tt.want, got)
			}
		})
	}
}

func with(c i18n.Catalogue, id string, m i18n.Text) i18n.Catalogue {
	out := i18n.Catalogue{}
	for k, v := range c {
		out[k] = v
	}
	out[id] = m
	return out
}

func without(c i18n.Catalogue, id string) i18n.Catalogue {
	out := with(c, id, i18n.Text{})
	delete(out, id)
	return out
}

// recorder is a TB that keeps the complaints.
type recorder struct{ msgs []string }

func (r *recorder) Helper() {}

func (r *recorder) Errorf(format string, args ...any) {
	r.msgs = append(r.msgs, fmt.Sprintf(format, args...))
}

func (r *recorder) Fatalf(format string, args ...any) {
	r.Errorf(format, args...)
	runtime.Goexit()
}
