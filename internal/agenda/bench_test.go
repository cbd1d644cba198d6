package agenda

import (
	"strings"
	"testing"

	"github.com/samla-sip/samla/directory"
)

// syntheticContacts builds n person contacts with about 5,000 distinct
// first names and 100,000 distinct last names, like a national directory.
func syntheticContacts(n int) *fakeContacts {
	firsts := []string{"Anna", "Eva", "Maria", "Karin", "Sara", "Lena", "Emma", "Kerstin", "Erik", "Lars", "Karl", "Anders", "Johan", "Per", "Nils", "Jan", "Lisa", "Ali", "Mohammed", "Fatima"}
	letters := "abcdefghijklmnopqrstuvwxyzåäö"
	syllable := func(i int) string {
		var b strings.Builder
		for range 3 {
			b.WriteByte(letters[i%26])
			i /= 26
		}
		return b.String()
	}
	f := &fakeContacts{contacts: make([]directory.Contact, n)}
	for i := range n {
		first := firsts[i%len(firsts)] + syllable(i/len(firsts)%250)
		last := "L" + syllable(i%17576) + syllable(i/17576%6) + "son"
		f.contacts[i] = directory.Contact{ID: "c", Kind: "person", Name: first + " " + last}
	}
	return f
}

// BenchmarkNewNameIndex1M measures building the name index of a directory
// with a million contacts (done once per directory snapshot).
func BenchmarkNewNameIndex1M(b *testing.B) {
	src := syntheticContacts(1_000_000)
	b.ReportAllocs()
	for b.Loop() {
		NewNameIndex(src)
	}
}

// BenchmarkRedact1M measures redacting a typical needs text against the
// index of a million contacts.
func BenchmarkRedact1M(b *testing.B) {
	idx := NewNameIndex(syntheticContacts(1_000_000))
	needs := strings.Repeat("Hon heter Maja och har inte varit i skolan sedan oktober. Mamma nås på 070-123 45 67 "+
		"och maja@example.se. Familjen bor på Storgatan 12, 211 45 Malmö. Kuratorn har pratat med Annaabc Labcaaason på BUP. ", 4)
	b.SetBytes(int64(len(needs)))
	b.ReportAllocs()
	for b.Loop() {
		Redact(needs, idx)
	}
}

func TestSyntheticIndexMatches(t *testing.T) {
	src := syntheticContacts(1000)
	idx := NewNameIndex(src)
	name := src.contacts[777].Name
	got, rep := Redact("Ring "+name+" i morgon.", idx)
	if got != "Ring [NAMN-1] i morgon." || rep.Name != 1 {
		t.Errorf("Redact = %q (%+v) for %q", got, rep, name)
	}
}
