package agenda

import "github.com/samla-sip/samla/directory"

// fakeContacts is a directory stand-in that lists contacts.
type fakeContacts struct{ contacts []directory.Contact }

func (f *fakeContacts) Contacts(fn func(*directory.Contact) bool) {
	for i := range f.contacts {
		if !fn(&f.contacts[i]) {
			return
		}
	}
}

// testContacts are the directory people the tests mention.
func testContacts() *fakeContacts {
	return &fakeContacts{contacts: []directory.Contact{
		{ID: "c1", Kind: "person", Name: "Anna Lindqvist"},
		{ID: "c2", Kind: "person", Name: "Björn Åkesson"},
		{ID: "c3", Kind: "person", Name: "Eva-Lena Lund"},
		{ID: "c4", Kind: "function", Name: "BUP Lund väg in"},
		{ID: "c5", Kind: "person", Name: "Östen Berg"},
		{ID: "c6", Kind: "person", Name: "Per Holm"},
	}}
}

// approve is what the convener's confirmation adds to a request: the hash
// of exactly the text that will be sent.
func approve(d *Drafter, req Request) Request {
	req.Approved = d.Preview(req.Needs).Hash()
	return req
}
