package mattermost

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strconv"
	"time"
)

// errTampered and errExpired are the two ways a signed context is refused.
var (
	errTampered = errors.New("mattermost: context signature invalid")
	errExpired  = errors.New("mattermost: context expired")
)

// signed is what a button context or a dialog state carries: which action on
// which value, on which server, for which Mattermost user id, until when.
// Prompt, when set, is the JSON of the chat.Prompt the button opens.
type signed struct {
	Server string `json:"server"`
	Value  string `json:"value"`
	Action string `json:"action"`
	User   string `json:"user"`
	Exp    string `json:"exp"`
	Prompt string `json:"prompt,omitempty"`
	MAC    string `json:"mac"`
}

// signer makes and checks signed contexts with one HMAC key.
type signer struct{ key []byte }

// mac is HMAC-SHA256 over value|action|user|exp|server|prompt, each part
// length-prefixed so no two different contexts share an input.
func (s signer) mac(c signed) string {
	h := hmac.New(sha256.New, s.key)
	for _, part := range []string{c.Value, c.Action, c.User, c.Exp, c.Server, c.Prompt} {
		fmt.Fprintf(h, "%d:%s|", len(part), part)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// sign fills Exp and MAC.
func (s signer) sign(c signed, exp time.Time) signed {
	c.Exp = strconv.FormatInt(exp.Unix(), 10)
	c.MAC = s.mac(c)
	return c
}

// verify returns errTampered when the MAC does not match (in constant time)
// and errExpired when it matches but now is past Exp.
func (s signer) verify(c signed, now time.Time) error {
	want := s.mac(c)
	if c.MAC == "" || !hmac.Equal([]byte(want), []byte(c.MAC)) {
		return errTampered
	}
	exp, err := strconv.ParseInt(c.Exp, 10, 64)
	if err != nil {
		return errTampered
	}
	if now.Unix() > exp {
		return errExpired
	}
	return nil
}

// toContext is the button context Mattermost stores server-side and sends
// back on a press.
func (c signed) toContext() map[string]any {
	m := map[string]any{
		"server": c.Server, "value": c.Value, "action": c.Action,
		"user": c.User, "exp": c.Exp, "mac": c.MAC,
	}
	if c.Prompt != "" {
		m["prompt"] = c.Prompt
	}
	return m
}

// fromContext reads a button context; fields of the wrong type read as empty
// and so fail verification.
func fromContext(m map[string]any) signed {
	str := func(k string) string { s, _ := m[k].(string); return s }
	return signed{
		Server: str("server"), Value: str("value"), Action: str("action"),
		User: str("user"), Exp: str("exp"), Prompt: str("prompt"), MAC: str("mac"),
	}
}
