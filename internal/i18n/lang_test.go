package i18n

import "testing"

func TestParse(t *testing.T) {
	tests := []struct {
		in   string
		want Lang
		ok   bool
	}{
		{"sv", Swedish, true},
		{"en", English, true},
		{"EN", English, true},
		{" sv ", Swedish, true},
		{"sv-SE", Swedish, true},
		{"en-US", English, true},
		{"en_GB.UTF-8", English, true},
		{"sv_SE@euro", Swedish, true},
		{"de", "", false},
		{"de-DE", "", false},
		{"", "", false},
		{"english", "", false},
		{"e", "", false},
	}
	for _, tt := range tests {
		got, ok := Parse(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("Parse(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"sv", "en-US", "sv_SE.UTF-8", "", "de"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		l, ok := Parse(s)
		if ok != l.Valid() {
			t.Fatalf("Parse(%q) = %q, %v: ok disagrees with Valid", s, l, ok)
		}
		if ok {
			if again, _ := Parse(l.String()); again != l {
				t.Fatalf("Parse(%q) = %q does not round-trip", s, l)
			}
		}
	})
}

func TestOr(t *testing.T) {
	tests := []struct{ l, def, want Lang }{
		{English, Swedish, English},
		{"", English, English},
		{"de", English, English},
		{"", "", Swedish},
		{"xx", "yy", Swedish},
	}
	for _, tt := range tests {
		if got := tt.l.Or(tt.def); got != tt.want {
			t.Errorf("%q.Or(%q) = %q, want %q", tt.l, tt.def, got, tt.want)
		}
	}
}

func TestCatalogueT(t *testing.T) {
	c := Catalogue{"hi": {Sv: "Hej %s", En: "Hello %s"}, "plain": {Sv: "ja", En: "yes"}}
	tests := []struct {
		l    Lang
		id   string
		args []any
		want string
	}{
		{Swedish, "hi", []any{"Sara"}, "Hej Sara"},
		{English, "hi", []any{"Sara"}, "Hello Sara"},
		{"", "plain", nil, "ja"},
		{English, "plain", nil, "yes"},
		{English, "nope", nil, "!nope"},
	}
	for _, tt := range tests {
		if got := c.T(tt.l, tt.id, tt.args...); got != tt.want {
			t.Errorf("T(%q, %q) = %q, want %q", tt.l, tt.id, got, tt.want)
		}
	}
	if b := c.Both("hi", "Ali"); b.Sv != "Hej Ali" || b.En != "Hello Ali" {
		t.Errorf("Both = %+v", b)
	}
	if !c.Has("hi") || c.Has("nope") {
		t.Error("Has is wrong")
	}
}
