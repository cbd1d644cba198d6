package directory

import (
	"bytes"
	"testing"
)

// TestGeneratedDirectoryLoads exercises the fast path at test size: 20k
// contacts in one file per region, all valid.
func TestGeneratedDirectoryLoads(t *testing.T) {
	dir := t.TempDir()
	files, err := GenerateDir(dir, GenerateOptions{Contacts: 20000, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 22 {
		t.Errorf("files = %d, want 22 (21 regions + state)", len(files))
	}
	d, err := Load(dir)
	if err != nil {
		t.Fatalf("Load: %.2000v", err)
	}
	st := d.Stats()
	if st.Contacts != 20000 || st.Organisations < 290+21 || st.Files != 22 {
		t.Errorf("stats = %+v", st)
	}
	covered := map[string]bool{}
	for _, u := range d.Units() {
		for _, c := range u.Care {
			covered[c] = true
		}
	}
	for _, c := range CareLevels {
		if !covered[c] {
			t.Errorf("generated directory lacks care level %s", c)
		}
	}
	seen := map[string]bool{}
	d.Contacts(func(c *Contact) bool {
		for _, r := range c.Reach {
			if k := ChannelString(r); r.Kind != "phone" && seen[k] {
				t.Errorf("two contacts reached at %s", k)
			} else {
				seen[k] = true
			}
		}
		return true
	})
	res := d.Route(Query{Care: "bup", Kommun: "Lund", Age: 14})
	if len(res.Candidates) == 0 {
		t.Errorf("no BUP for Lund in the generated directory: %v", res.Note)
	}
}

func TestGenerateIsDeterministic(t *testing.T) {
	var a, b bytes.Buffer
	if err := Generate(&a, GenerateOptions{Contacts: 3000, Seed: 42}); err != nil {
		t.Fatal(err)
	}
	if err := Generate(&b, GenerateOptions{Contacts: 3000, Seed: 42}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("same seed gave different directories")
	}
}

func TestGenerateCRLF(t *testing.T) {
	var lf, crlf bytes.Buffer
	if err := Generate(&lf, GenerateOptions{Contacts: 500, Seed: 5}); err != nil {
		t.Fatal(err)
	}
	if err := Generate(&crlf, GenerateOptions{Contacts: 500, Seed: 5, CRLF: true}); err != nil {
		t.Fatal(err)
	}
	if want := bytes.ReplaceAll(lf.Bytes(), []byte("\n"), []byte("\r\n")); !bytes.Equal(crlf.Bytes(), want) {
		t.Fatal("CRLF output is not the LF output with CRLF line ends")
	}
	if _, ok := parseFast(crlf.String(), nil); !ok {
		t.Error("the fast parser gave up on the generated CRLF directory")
	}
}
