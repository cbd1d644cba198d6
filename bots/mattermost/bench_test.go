package mattermost

import (
	"testing"
	"time"
)

func BenchmarkRenderInvitation(b *testing.B) {
	bot, err := newBot(Options{
		Servers:   map[string]ServerConfig{"skane": {CommandToken: "t"}},
		ActionKey: []byte("0123456789abcdef"), PublicURL: "https://samla.example.se",
		Handler: &recorder{}, Now: func() time.Time { return testNow },
	}, map[string]client{"skane": nil})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		bot.render("skane", userID("bertil"), invitation)
	}
}

func BenchmarkVerifyContext(b *testing.B) {
	s := signer{key: []byte("0123456789abcdef0123456789abcdef")}
	c := fromContext(s.sign(signed{Server: "skane", Value: "SIP-7K3QF2/inv1", Action: "rsvp.attend", User: userID("bertil")}, testNow.Add(time.Hour)).toContext())
	b.ReportAllocs()
	for b.Loop() {
		if err := s.verify(c, testNow); err != nil {
			b.Fatal(err)
		}
	}
}
