package mattermost

import (
	"errors"
	"testing"
	"time"
)

func TestSignedRoundTrip(t *testing.T) {
	s := signer{key: []byte("0123456789abcdef")}
	c := s.sign(signed{Server: "skane", Value: "SIP-7K3QF2/inv1", Action: "rsvp.attend", User: userID("bertil")}, testNow.Add(time.Hour))
	back := fromContext(c.toContext())
	if back != c {
		t.Fatalf("context round trip: %+v != %+v", back, c)
	}
	if err := s.verify(back, testNow); err != nil {
		t.Fatal(err)
	}
	if err := s.verify(back, testNow.Add(time.Hour+time.Second)); !errors.Is(err, errExpired) {
		t.Fatalf("after expiry: %v", err)
	}
	other := signer{key: []byte("fedcba9876543210")}
	if err := other.verify(back, testNow); !errors.Is(err, errTampered) {
		t.Fatalf("another key: %v", err)
	}
	// Moving a separator between fields must not keep the MAC valid.
	shifted := back
	shifted.Value, shifted.Action = back.Value+"|"+back.Action, ""
	if err := s.verify(shifted, testNow); !errors.Is(err, errTampered) {
		t.Fatalf("shifted fields: %v", err)
	}
}

func FuzzVerifyContext(f *testing.F) {
	s := signer{key: []byte("0123456789abcdef")}
	good := s.sign(signed{Server: "skane", Value: "v", Action: "a", User: "u"}, testNow.Add(time.Hour))
	f.Add(good.Server, good.Value, good.Action, good.User, good.Exp, good.Prompt, good.MAC)
	f.Add("", "", "", "", "", "", "")
	f.Fuzz(func(t *testing.T, server, value, action, user, exp, prompt, mac string) {
		c := fromContext(map[string]any{"server": server, "value": value, "action": action, "user": user, "exp": exp, "prompt": prompt, "mac": mac})
		err := s.verify(c, testNow)
		if c == good {
			if err != nil {
				t.Fatalf("the good context refused: %v", err)
			}
			return
		}
		if err == nil && c.MAC == good.MAC {
			t.Fatalf("a changed context %+v verified with the good MAC", c)
		}
	})
}
